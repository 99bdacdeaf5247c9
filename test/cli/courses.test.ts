import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { main } from '../../src/cli/main';

async function run(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), cwd: process.cwd() });
  return { code, stdout, stderr };
}

describe('writeup courses', () => {
  test('--json lists the four bundled packs with deliverables and paper counts', async () => {
    const { code, stdout, stderr } = await run('courses', '--json');
    assert.equal(code, 0);
    assert.equal(stderr, '');
    const packs = JSON.parse(stdout) as {
      id: string;
      term?: string;
      paperCount: number;
      deliverables: { kind: string; due?: string; pageLimit?: { individual?: number; team?: number; style: string }; groupSize?: { min?: number; max?: number }; requiredSections: { id: string; title: string }[] }[];
    }[];
    assert.deepEqual(packs.map((p) => [p.id, p.paperCount, p.deliverables.length]), [
      ['mit-18.408', 10, 2],
      ['mit-9.520-fall2024', 15, 2],
      ['tum-dl-theory-2020', 15, 3],
      ['dl-theory-notes', 102, 0],
    ]);
    const [mit, mit9520] = packs;
    assert.equal(mit?.term, 'Spring 2021');
    assert.deepEqual(mit?.deliverables[0]?.groupSize, { min: 1, max: 4 });
    assert.deepEqual(mit?.deliverables[0]?.requiredSections.map((s) => s.id), ['introduction', 'group', 'papers', 'research-questions']);
    assert.deepEqual(mit9520?.deliverables[1], {
      kind: 'report',
      title: 'Final project report',
      due: '2024-12-10',
      format: 'NeurIPS style',
      pageLimit: { individual: 5, team: 8, style: 'neurips', referencesCount: false },
      requiredSections: [],
      contributionRequired: false,
    });
  });

  test('--json carries each paper: full author names, year, venue, arXiv id, DOI, URL, type, source of the facts', async () => {
    const { code, stdout } = await run('courses', '--json', '--packs', 'test/fixtures/courses/papers-pack.json');
    assert.equal(code, 0);
    const packs = JSON.parse(stdout) as { id: string; paperCount: number; papers: Record<string, unknown>[] }[];
    const fixture = packs.find((p) => p.id === 'test-papers');
    assert.equal(fixture?.papers.length, fixture?.paperCount);
    const belkin = fixture?.papers.find((p) => p.key === 'belkin2019reconciling');
    assert.deepEqual(belkin?.authors, ['Mikhail Belkin', 'Daniel Hsu', 'Siyuan Ma', 'Soumik Mandal']);
    assert.equal(belkin?.year, 2019);
    assert.equal(belkin?.venue, 'Proceedings of the National Academy of Sciences');
    assert.equal(belkin?.arxiv, '1812.11118');
    assert.equal(belkin?.doi, '10.1073/pnas.1903070116');
    assert.equal(belkin?.type, 'article');
    assert.equal(belkin?.metadataSource, 'https://doi.org/10.1073/pnas.1903070116');
    for (const pack of packs) for (const paper of pack.papers) assert.deepEqual(Object.keys(paper).slice(0, 5), ['key', 'title', 'authors', 'year', 'venue']);
  });

  test('text mode is a readable listing', async () => {
    const { code, stdout } = await run('courses');
    assert.equal(code, 0);
    assert.match(stdout, /^mit-18\.408 {2}Theoretical Foundations for Deep Learning/m);
    assert.match(stdout, /proposal {2}due 2021-04-09 · 1 page \(neurips\) · groups of 1-4/);
    assert.match(stdout, /report {4}due 2024-12-10 · 5 pages individual \/ 8 pages team \(neurips\)/);
    assert.match(stdout, /102 papers\n {2}\(no deliverables: a reading list to cite from\)/);
  });

  test('--packs adds user packs: broken ones are reported (exit 1), overrides say so', async () => {
    const { code, stdout, stderr } = await run('courses', '--json', '--packs', 'test/fixtures/courses/packs');
    assert.equal(code, 1);
    const packs = JSON.parse(stdout) as { id: string; title: string; source: string }[];
    assert.equal(packs.length, 4);
    assert.equal(packs[0]?.title, '18.408 as our section runs it');
    assert.equal(packs[0]?.source, 'test/fixtures/courses/packs/override-18.408.json');
    assert.match(stderr, /^test\/fixtures\/courses\/packs\/broken\.json#\/instructorr: unknown property 'instructorr'$/m);
    assert.match(stderr, /^test\/fixtures\/courses\/packs\/syntax\.json:4:3: invalid JSON/m);
    assert.match(stderr, /override-18\.408\.json: course pack 'mit-18\.408' overrides the bundled pack of the same id/);
  });

  test('bad usage exits 2 with one line', async () => {
    const missing = await run('courses', '--packs', 'no/such/dir');
    assert.equal(missing.code, 2);
    assert.equal(missing.stderr, 'writeup courses: no such file or folder: no/such/dir\n');
    const extra = await run('courses', 'extra');
    assert.equal(extra.code, 2);
  });
});
