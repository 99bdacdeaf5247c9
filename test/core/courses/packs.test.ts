import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { bundledCourseIds, findDeliverable, loadBundledPacks, loadPack } from '../../../src/core/courses/loader';
import type { CoursePack } from '../../../src/core/courses/types';

const packFile = (id: string): string => join('src/core/courses/packs', `${id}.json`);
const byId = (id: string): CoursePack => {
  const pack = loadBundledPacks().find((p) => p.id === id);
  assert.ok(pack, `bundled pack ${id}`);
  return pack;
};

describe('bundled course packs', () => {
  test('all four load, in the DESIGN.md order', () => {
    assert.deepEqual(loadBundledPacks().map((p) => p.id), [...bundledCourseIds]);
  });

  for (const id of bundledCourseIds) {
    test(`${id} validates against the schema with no problems`, () => {
      const result = loadPack(readFileSync(packFile(id), 'utf8'), packFile(id));
      assert.deepEqual(result.problems, []);
      assert.equal(result.pack?.id, id);
    });
  }

  test('paper keys are unique within each pack', () => {
    for (const pack of loadBundledPacks()) {
      const keys = pack.papers.map((p) => p.key);
      assert.equal(new Set(keys).size, keys.length, pack.id);
    }
  });
});

describe('mit-18.408', () => {
  const pack = byId('mit-18.408');
  test('proposal due 2021-04-09 (one page, Gradescope), report due 2021-05-19, groups of 1-4', () => {
    const proposal = findDeliverable(pack, 'proposal');
    const report = findDeliverable(pack, 'report');
    assert.equal(proposal?.due, '2021-04-09');
    assert.equal(report?.due, '2021-05-19');
    assert.equal(proposal?.pageLimit?.individual, 1);
    assert.equal(proposal?.submission, 'Gradescope');
    for (const d of [proposal, report]) {
      assert.equal(d?.groupSize?.min, 1);
      assert.equal(d?.groupSize?.max, 4);
      assert.equal(d?.groupSize?.source, 'You can work in groups of up to four students or you can work alone.');
    }
  });
  test('reading projects cover 2-3 papers; research projects are allowed', () => {
    const types = findDeliverable(pack, 'report')?.projectTypes ?? [];
    assert.deepEqual(types.map((t) => t.id), ['reading', 'research']);
    assert.deepEqual(types[0]?.papers, { min: 2, max: 3 });
  });
  test('proposal requires an introduction, the group and the papers or questions; report its contribution', () => {
    const sections = findDeliverable(pack, 'proposal')?.requiredSections ?? [];
    assert.deepEqual(sections.map((s) => s.id), ['introduction', 'group', 'papers', 'research-questions']);
    assert.match(findDeliverable(pack, 'report')?.contributionRequired?.source ?? '', /new contribution/);
  });
  test('every stated rule carries the sentence it was read from (a whole sentence, not a paraphrase stub)', () => {
    for (const d of pack.deliverables) {
      const sources = [d.pageLimit?.source, d.groupSize?.source, d.contributionRequired?.source, ...(d.requiredSections ?? []).map((s) => s.source), ...(d.projectTypes ?? []).map((t) => t.source)];
      for (const s of sources) if (s !== undefined) assert.match(s, /^\S.{10,}[.:)?!]?$/s, s);
    }
  });
  test('the ten suggested papers with the venues and years of the issue', () => {
    const expected: [string, string, number][] = [
      ['Bartlett', 'NeurIPS', 2017],
      ['Golowich', 'COLT', 2018],
      ['Arora', 'NeurIPS', 2019],
      ['Yang', 'arXiv', 2019],
      ['Safran', 'COLT', 2019],
      ['Cohen', 'COLT', 2016],
      ['Allen-Zhu', 'NeurIPS', 2019],
      ['Goel', 'COLT', 2019],
      ['Ge', 'ICLR', 2019],
      ['Razin', 'NeurIPS', 2020],
    ];
    assert.deepEqual(pack.papers.map((p) => [p.authors[0], p.venue, p.year]), expected);
    assert.equal(pack.papers.find((p) => p.authors[0] === 'Yang')?.arxiv, '1910.12478');
    assert.deepEqual(pack.papers.find((p) => p.authors[0] === 'Ge')?.authors, ['Ge', 'Kuditipudi', 'Wang', 'Li']);
    for (const p of pack.papers) assert.ok(p.title.length > 10 && !p.titleUnverified, p.title);
    assert.equal(pack.papers[0]?.key, 'bartlett2017spectrally');
    assert.equal(pack.papers[0]?.topic, 'Generalization Bounds I');
  });
});

describe('mit-9.520-fall2024', () => {
  const pack = byId('mit-9.520-fall2024');
  test('proposal by online form Oct 14, 2024; report 5/8 pages NeurIPS style Dec 10, 2024', () => {
    const proposal = findDeliverable(pack, 'proposal');
    const report = findDeliverable(pack, 'report');
    assert.equal(proposal?.due, '2024-10-14');
    assert.equal(proposal?.submission, 'online form');
    assert.equal(report?.due, '2024-12-10');
    assert.equal(report?.pageLimit?.individual, 5);
    assert.equal(report?.pageLimit?.team, 8);
    assert.equal(report?.pageLimit?.style, 'neurips');
    assert.match(report?.pageLimit?.source ?? '', /5 pages/);
  });
  test('suggested projects by group, with the 5% bonus and the papers they cite', () => {
    const projects = pack.suggestedProjects ?? [];
    const groups = new Set(projects.map((p) => p.group).filter(Boolean));
    assert.deepEqual([...groups], ['Approximation', 'Optimization', 'Generalization', 'Transformers and LLMs', 'Wikipedia Projects']);
    assert.ok(projects.every((p) => p.bonus?.includes('5% bonus')));
    const keys = new Set(pack.papers.map((p) => p.key));
    for (const project of projects) for (const key of project.papers ?? []) assert.ok(keys.has(key), key);
    const cited = (id: string) => projects.find((p) => p.id === id)?.papers?.map((k) => pack.papers.find((p) => p.key === k)?.authors[0]);
    assert.deepEqual(cited('approximation-3'), ['J Schmidt-Hieber', 'Michael Kohler']);
    assert.deepEqual(cited('optimization-1'), ['Eugene Belilovsky']);
    assert.deepEqual(projects.filter((p) => p.ongoing).map((p) => p.title), ['Layer-wise Optimization', 'Inherent SGD noise']);
  });
  test('fifteen papers, six of them named on the page without a title', () => {
    assert.equal(pack.papers.length, 15);
    assert.equal(pack.papers.filter((p) => p.titleUnverified).length, 6);
    assert.equal(pack.papers.find((p) => p.key === 'cooper-global')?.doi, '10.1137/19M1308943');
    assert.equal(pack.papers.find((p) => p.key === 'schmidthieber2017nonparametric')?.year, 2017);
    assert.equal(pack.papers.find((p) => p.key === 'kohler2020rate')?.year, 2020);
  });
});

describe('tum-dl-theory-2020', () => {
  const pack = byId('tum-dl-theory-2020');
  test('report and first slides due June 1 2020 as PDF; presentations June 24-26', () => {
    assert.equal(findDeliverable(pack, 'report')?.due, '2020-06-01');
    assert.equal(findDeliverable(pack, 'report')?.format, 'PDF');
    assert.equal(findDeliverable(pack, 'slides')?.due, '2020-06-01');
    const talk = findDeliverable(pack, 'presentation');
    assert.equal(talk?.due, '2020-06-24');
    assert.equal(talk?.dueEnd, '2020-06-26');
    assert.match(talk?.format ?? '', /30 min.*10 min Q&A/);
    assert.equal(findDeliverable(pack, 'report')?.pageLimit, undefined, 'the page gives no report length');
  });
  test('fifteen papers with authors, venue and year as printed, grouped by topic', () => {
    assert.equal(pack.papers.length, 15);
    // Venues as the page prints them ("Neurips"), years 2017-2019.
    const venues = new Map<string, number>();
    for (const p of pack.papers) {
      assert.ok(p.authors.length >= 1, p.key);
      assert.ok((p.year ?? 0) >= 2017 && (p.year ?? 0) <= 2019, p.key);
      venues.set(p.venue ?? '', (venues.get(p.venue ?? '') ?? 0) + 1);
    }
    assert.deepEqual(Object.fromEntries(venues), { COLT: 2, Neurips: 9, ICLR: 1, ICML: 3 });
    assert.deepEqual(pack.papers.slice(0, 2).map((p) => [p.key, p.venue, p.year, p.topic]), [
      ['bartlett2017nearly', 'COLT', 2017, 'Generalisation for neural networks'],
      ['wei2019data', 'Neurips', 2019, 'Generalisation for neural networks'],
    ]);
    assert.equal(new Set(pack.papers.map((p) => p.topic)).size, 6);
    assert.equal(pack.papers.find((p) => p.key === 'gao2019convergence')?.etAl, true);
  });
  test('the eleven presentation slots point at papers of the list', () => {
    const slots = (pack.schedule ?? []).filter((s) => s.time && /^\d\d:\d\d-/.test(s.time));
    assert.equal(slots.length, 11);
    assert.ok(slots.every((s) => s.papers?.length === 1));
  });
});

describe('dl-theory-notes', () => {
  const pack = byId('dl-theory-notes');
  // The page links 104 distinct arXiv/proceedings papers, 80 of them on arXiv (counted once per id).
  const hosts = /^https?:\/\/(arxiv\.org|papers\.nips\.cc|proceedings\.mlr\.press|openreview\.net|openaccess\.thecvf\.com|www\.cv-foundation\.org\/openaccess|www\.jmlr\.org\/papers|link\.springer\.com|ieeexplore\.ieee\.org|www\.annualreviews\.org|projecteuclid\.org|www\.frontiersin\.org|www\.biorxiv\.org)/;

  test('has no deliverables', () => assert.equal(pack.deliverables.length, 0));
  test('one entry per distinct arXiv/proceedings link of the page', () => {
    assert.equal(pack.papers.length, 104);
    assert.equal(pack.papers.filter((p) => p.arxiv).length, 80);
    assert.equal(new Set(pack.papers.map((p) => p.url)).size, 104, 'no link twice');
    const ids = pack.papers.map((p) => p.arxiv).filter(Boolean);
    assert.equal(new Set(ids).size, ids.length, 'no arXiv id twice');
    for (const p of pack.papers) assert.match(p.url ?? '', hosts, p.key);
  });
  test('labels are the link texts; arXiv ids parsed from links; no invented authors', () => {
    for (const p of pack.papers) {
      assert.deepEqual(p.authors, []);
      assert.ok(p.label && p.label.trim() === p.label, p.key);
      if (p.arxiv) assert.ok(p.url?.includes(p.arxiv));
      assert.ok(p.topic, p.key);
    }
    const ntk = pack.papers.find((p) => p.arxiv === '1806.07572');
    assert.equal(ntk?.label, 'neural tangent kernel');
    assert.equal(ntk?.titleUnverified, true);
    assert.equal(ntk?.topic, 'kernels');
  });
});
