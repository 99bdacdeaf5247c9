import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { bundledCourseIds, findDeliverable, loadBundledPacks, loadPack } from '../../../src/core/courses/loader';
import type { CoursePack } from '../../../src/core/courses/types';

const seeds = '/work/shared/seeds';
const seed = (name: string): string => readFileSync(join(seeds, name), 'utf8');
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
  test('every source sentence is verbatim on the seed pages', () => {
    const text = seed('mit-18.408-project.md') + seed('mit-18.408-course.md');
    for (const d of pack.deliverables) {
      const sources = [d.pageLimit?.source, d.groupSize?.source, d.contributionRequired?.source, ...(d.requiredSections ?? []).map((s) => s.source), ...(d.projectTypes ?? []).map((t) => t.source)];
      for (const s of sources) if (s) assert.ok(text.includes(s), s);
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
    const page = seed('mit-18.408-project.md');
    for (const p of pack.papers) assert.ok(page.includes(p.title), p.title);
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
    assert.ok(seed('mit-9.520-fall2024-projects.md').includes(report?.pageLimit?.source ?? '-'));
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
  test('paper titles are the page\'s', () => {
    const page = seed('mit-9.520-fall2024-projects.md');
    for (const p of pack.papers) if (!p.titleUnverified) assert.ok(page.includes(p.title), p.title);
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
    const page = seed('tum-dl-theory-seminar-2020.md');
    for (const p of pack.papers) {
      const line = page.split('\n').find((l) => l.includes(p.title)) ?? '';
      assert.ok(p.authors.every((a) => line.includes(a)), p.title);
      assert.ok(new RegExp(`${p.venue} ${p.year}`).test(page), `${p.venue} ${p.year}`);
      assert.ok(p.topic && page.includes(p.topic), p.topic);
    }
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
  const page = seed('dl-theory-reading-notes.md');
  // arXiv and proceedings/publisher links, counted once each (arXiv by id, without version).
  const hosts = /^https?:\/\/(arxiv\.org|papers\.nips\.cc|proceedings\.mlr\.press|openreview\.net|openaccess\.thecvf\.com|www\.cv-foundation\.org\/openaccess|www\.jmlr\.org\/papers|link\.springer\.com|ieeexplore\.ieee\.org|www\.annualreviews\.org|projecteuclid\.org|www\.frontiersin\.org|www\.biorxiv\.org)/;
  const links = [...page.matchAll(/https?:\/\/[^\s)\]]+/g)].map((m) => m[0]).filter((u) => hosts.test(u));
  const distinct = new Set(links.map((u) => /arxiv\.org\/(?:abs|pdf)\/(\d{4}\.\d{4,5})/.exec(u)?.[1] ?? u));

  test('has no deliverables', () => assert.equal(pack.deliverables.length, 0));
  test('one entry per distinct arXiv/proceedings link of the page', () => {
    assert.ok(distinct.size > 90);
    assert.equal(pack.papers.length, distinct.size);
    const arxivOnPage = new Set(links.map((u) => /arxiv\.org\/(?:abs|pdf)\/(\d{4}\.\d{4,5})/.exec(u)?.[1]).filter(Boolean));
    assert.equal(pack.papers.filter((p) => p.arxiv).length, arxivOnPage.size);
  });
  test('labels are the link texts; arXiv ids parsed from links; no invented authors', () => {
    for (const p of pack.papers) {
      assert.deepEqual(p.authors, []);
      assert.ok(p.url && page.includes(p.url), p.key);
      if (p.label && !p.label.startsWith('http')) assert.ok(page.replace(/\s+/g, ' ').replace(/ \]/g, ']').includes(`[${p.label}](${p.url})`), p.label);
      if (p.arxiv) assert.ok(p.url?.includes(p.arxiv));
      assert.ok(p.topic, p.key);
    }
    const ntk = pack.papers.find((p) => p.arxiv === '1806.07572');
    assert.equal(ntk?.label, 'neural tangent kernel');
    assert.equal(ntk?.titleUnverified, true);
    assert.equal(ntk?.topic, 'kernels');
  });
});
