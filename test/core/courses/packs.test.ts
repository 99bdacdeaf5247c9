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
  test('the ten suggested papers, with the published venue and year of each', () => {
    const neurips = 'Advances in Neural Information Processing Systems';
    const colt32 = 'Proceedings of the Thirty-Second Conference on Learning Theory (COLT)';
    const expected: [string, string | undefined, number, string][] = [
      ['Peter L. Bartlett', neurips, 2017, 'inproceedings'],
      ['Noah Golowich', 'Proceedings of the 31st Conference on Learning Theory (COLT)', 2018, 'inproceedings'],
      ['Sanjeev Arora', neurips, 2019, 'inproceedings'],
      ['Greg Yang', undefined, 2019, 'misc'],
      ['Itay Safran', colt32, 2019, 'inproceedings'],
      ['Nadav Cohen', '29th Annual Conference on Learning Theory (COLT)', 2016, 'inproceedings'],
      ['Zeyuan Allen-Zhu', neurips, 2019, 'inproceedings'],
      ['Surbhi Goel', colt32, 2019, 'inproceedings'],
      ['Rong Ge', 'International Conference on Learning Representations (ICLR)', 2019, 'inproceedings'],
      ['Noam Razin', neurips, 2020, 'inproceedings'],
    ];
    assert.deepEqual(pack.papers.map((p) => [p.authors[0], p.venue, p.year, p.type]), expected);
    assert.equal(pack.papers.find((p) => p.key === 'yang2019tensor')?.arxiv, '1910.12478');
    // The page lists Ge, Kuditipudi, Wang, Li; the published order is kept.
    assert.deepEqual(pack.papers.find((p) => p.key === 'ge2019learning')?.authors, ['Rong Ge', 'Rohith Kuditipudi', 'Zhize Li', 'Xiang Wang']);
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
    assert.deepEqual(cited('approximation-3'), ['Johannes Schmidt-Hieber', 'Michael Kohler']);
    assert.deepEqual(cited('optimization-1'), ['Eugene Belilovsky']);
    assert.deepEqual(projects.filter((p) => p.ongoing).map((p) => p.title), ['Layer-wise Optimization', 'Inherent SGD noise']);
  });
  test('fifteen papers; two named on the page without a title stay unconfirmed; published versions recorded', () => {
    assert.equal(pack.papers.length, 15);
    assert.equal(pack.papers.filter((p) => p.titleUnverified).length, 2);
    assert.equal(pack.papers.find((p) => p.key === 'cooper-global')?.doi, '10.1137/19M1308943');
    // The page gives the arXiv years (2017, 2020); the journal versions are recorded, the old keys kept.
    const sh = pack.papers.find((p) => p.key === 'schmidthieber2020nonparametric');
    assert.equal(sh?.year, 2020);
    assert.deepEqual(sh?.formerKeys, ['schmidthieber2017nonparametric']);
    assert.equal(sh?.venue, 'The Annals of Statistics');
    const kohler = pack.papers.find((p) => p.key === 'kohler2021rate');
    assert.equal(kohler?.year, 2021);
    assert.deepEqual(kohler?.formerKeys, ['kohler2020rate']);
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
  test('fifteen papers named on the page, with the published authors, venue and year, grouped by topic', () => {
    assert.equal(pack.papers.length, 15);
    // The published venues and years (2017-2019), every author by full name.
    for (const p of pack.papers) {
      assert.ok(p.authors.length >= 1 && p.authors.every((a) => a.includes(' ')), p.key);
      assert.ok((p.year ?? 0) >= 2017 && (p.year ?? 0) <= 2019, p.key);
      assert.ok(p.venue && (p.type === 'inproceedings' || p.type === 'article'), p.key);
    }
    assert.deepEqual(pack.papers.slice(0, 2).map((p) => [p.key, p.venue, p.year, p.topic]), [
      ['bartlett2019nearly', 'Journal of Machine Learning Research', 2019, 'Generalisation for neural networks'],
      ['wei2019data', 'Advances in Neural Information Processing Systems', 2019, 'Generalisation for neural networks'],
    ]);
    assert.equal(new Set(pack.papers.map((p) => p.topic)).size, 6);
    // The page writes "Ruiqi Gao et al."; the published list has all six authors.
    const gao = pack.papers.find((p) => p.key === 'gao2019convergence');
    assert.equal(gao?.authors.length, 6);
    assert.equal(gao?.etAl, undefined);
    assert.deepEqual(pack.papers.find((p) => p.key === 'bartlett2019nearly')?.formerKeys, ['bartlett2017nearly']);
  });
  test('the eleven presentation slots point at papers of the list', () => {
    const slots = (pack.schedule ?? []).filter((s) => s.time && /^\d\d:\d\d-/.test(s.time));
    assert.equal(slots.length, 11);
    assert.ok(slots.every((s) => s.papers?.length === 1));
  });
});

describe('dl-theory-notes', () => {
  const pack = byId('dl-theory-notes');

  test('has no deliverables', () => assert.equal(pack.deliverables.length, 0));
  test('one entry per distinct arXiv/proceedings link of the page; the two double links merged', () => {
    // The page links 104 papers; the lottery ticket paper (arXiv and OpenReview) and SVCCA (arXiv and NeurIPS) twice.
    assert.equal(pack.papers.length, 102);
    assert.equal(new Set(pack.papers.map((p) => p.url)).size, 102, 'no link twice');
    const ids = pack.papers.map((p) => p.arxiv).filter(Boolean);
    assert.equal(new Set(ids).size, ids.length, 'no arXiv id twice');
    for (const p of pack.papers) assert.match(p.url ?? '', /^https?:\/\/\S+$/, p.key);
    const lottery = pack.papers.find((p) => p.key === 'frankle2019lottery');
    assert.deepEqual([...(lottery?.formerKeys ?? [])].sort(), ['arxiv1803.03635', 'openreview-rJl-b3RcF7']);
    const svcca = pack.papers.find((p) => p.key === 'raghu2017svcca');
    assert.deepEqual([...(svcca?.formerKeys ?? [])].sort(), ['arxiv1706.05806', 'nips7188']);
  });
  test('labels are the link texts; a paper with an unconfirmed title keeps the page phrase and no authors', () => {
    for (const p of pack.papers) {
      assert.ok(p.label && p.label.trim() === p.label, p.key);
      if (p.titleUnverified) assert.deepEqual(p.authors, [], p.key);
      assert.ok(p.topic, p.key);
    }
    const ntk = pack.papers.find((p) => p.arxiv === '1806.07572');
    assert.equal(ntk?.key, 'jacot2018neural');
    assert.deepEqual(ntk?.formerKeys, ['arxiv1806.07572']);
    assert.equal(ntk?.title, 'Neural Tangent Kernel: Convergence and Generalization in Neural Networks');
    assert.equal(ntk?.label, 'neural tangent kernel');
    assert.equal(ntk?.titleUnverified, undefined);
    assert.equal(ntk?.topic, 'kernels');
    // "(shen 2019)" next to the link becomes an alias; the context stays as written.
    const shen = pack.papers.find((p) => p.key === 'shen2019nonlinear');
    assert.ok(shen?.aliases?.includes('shen 2019'));
    assert.equal(shen?.context, '(shen 2019)');
  });
});
