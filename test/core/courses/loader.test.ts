import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { formatProblem, loadBundledPacks, loadPack, mergePacks, pageLimitFor, findDeliverable } from '../../../src/core/courses/loader';
import type { CoursePack } from '../../../src/core/courses/types';

const fixture = (name: string) => {
  const file = `test/fixtures/courses/packs/${name}`;
  return { file, text: readFileSync(file, 'utf8') };
};

describe('loadPack', () => {
  test('a schema violation names the file, the JSON pointer and what is wrong, and drops the pack', () => {
    const { file, text } = fixture('broken.json');
    const result = loadPack(text, file);
    assert.equal(result.pack, undefined);
    const lines = result.problems.map(formatProblem).sort();
    assert.deepEqual(lines, [
      `${file}#/deliverables/0/due: must be a date written YYYY-MM-DD (e.g. 2021-05-19)`,
      `${file}#/deliverables/0/pageLimit/individual: must be number`,
      `${file}#/instructorr: unknown property 'instructorr'`,
      `${file}#/papers/0: missing required property 'authors'`,
    ]);
    assert.ok(result.problems.every((p) => p.severity === 'error'));
  });

  test('a JSON syntax error gives line and column', () => {
    const { file, text } = fixture('syntax.json');
    const [problem, ...rest] = loadPack(text, file).problems;
    assert.equal(rest.length, 0);
    assert.equal(problem?.line, 4);
    assert.equal(problem?.column, 3);
    assert.match(formatProblem(problem!), /^test\/fixtures\/courses\/packs\/syntax\.json:4:3: invalid JSON at line 4, column 3/);
  });

  test('a pack saved with a byte order mark (Windows Notepad) loads', () => {
    const text = `\uFEFF${JSON.stringify({ id: 'x-bom', title: 'X', deliverables: [], papers: [] })}`;
    const result = loadPack(text, 'bom.json');
    assert.deepEqual(result.problems, []);
    assert.equal(result.pack?.id, 'x-bom');
  });

  test('a syntax error whose position JSON.parse does not give has no made-up line and column', () => {
    const [problem, ...rest] = loadPack('[1, 2,]', 'comma.json').problems;
    assert.equal(rest.length, 0);
    assert.equal(problem?.line, undefined);
    assert.match(formatProblem(problem!), /^comma\.json#\/: invalid JSON: Unexpected token '\]'/);
    // After a byte order mark a known position still counts it.
    assert.match(formatProblem(loadPack('\uFEFF{"a": 1,}', 'b.json').problems[0]!), /^b\.json:1:\d+: invalid JSON at line 1, column \d+: /);
  });

  test('an empty file is a syntax error, not a crash', () => {
    const result = loadPack('', 'empty.json');
    assert.equal(result.pack, undefined);
    assert.match(result.problems[0]?.message ?? '', /invalid JSON at line 1/);
  });

  test('a valid pack with a dangling paper key loads, with a warning', () => {
    const text = JSON.stringify({ id: 'x', title: 'X', deliverables: [], papers: [], suggestedProjects: [{ id: 'p', title: 'P', papers: ['missing2020'] }] });
    const result = loadPack(text, 'x.json');
    assert.equal(result.pack?.id, 'x');
    assert.deepEqual(result.problems.map(formatProblem), ["x.json#/suggestedProjects/0/papers/0: no paper with key 'missing2020' in this pack"]);
    assert.equal(result.problems[0]?.severity, 'warning');
  });
});

describe('loadPack: paper metadata', () => {
  test('the fixture pack with full metadata validates; a former key naming another paper is a warning', () => {
    const { text } = { text: readFileSync('test/fixtures/courses/papers-pack.json', 'utf8') };
    assert.deepEqual(loadPack(text, 'p.json').problems, []);
    const paper = (key: string, extra: object = {}) => ({ key, title: key, authors: ['Ada Lovelace'], ...extra });
    const clash = JSON.stringify({ id: 'x', title: 'X', deliverables: [], papers: [paper('a2020'), paper('b2021', { formerKeys: ['a2020', 'old2019'] })] });
    assert.deepEqual(loadPack(clash, 'x.json').problems.map(formatProblem), ["x.json#/papers/1/formerKeys/0: former key 'a2020' is the key of another paper in this pack"]);
    const badType = JSON.stringify({ id: 'x', title: 'X', deliverables: [], papers: [paper('a2020', { type: 'conference' })] });
    assert.match(loadPack(badType, 'x.json').problems.map(formatProblem).join('\n'), /papers\/0\/type: must be one of "inproceedings", "article", "misc"/);
  });
});

describe('mergePacks', () => {
  test('a broken pack never stops the others; a user pack with a bundled id overrides it and says so', () => {
    const files = ['broken.json', 'syntax.json', 'override-18.408.json'].map(fixture);
    const loaded = files.map(({ file, text }) => ({ file, ...loadPack(text, file) }));
    const user = loaded.flatMap((l) => (l.pack ? [{ pack: l.pack, file: l.file }] : []));
    const { packs, notices } = mergePacks(loadBundledPacks(), user);
    assert.deepEqual(packs.map((p) => p.id), ['mit-18.408', 'mit-9.520-fall2024', 'tum-dl-theory-2020', 'dl-theory-notes']);
    assert.equal(packs[0]?.term, 'Spring 2022');
    assert.deepEqual(notices, ["test/fixtures/courses/packs/override-18.408.json: course pack 'mit-18.408' overrides the bundled pack of the same id"]);
    assert.equal(loaded.filter((l) => !l.pack).length, 2);
  });

  test('new user packs are added after the bundled ones', () => {
    const extra: CoursePack = { id: 'my-course', title: 'Mine', deliverables: [], papers: [] };
    const { packs, notices } = mergePacks(loadBundledPacks(), [{ pack: extra, file: 'mine.json' }]);
    assert.equal(packs.at(-1)?.id, 'my-course');
    assert.deepEqual(notices, []);
  });
});

describe('pageLimitFor', () => {
  const report = findDeliverable(loadBundledPacks()[1]!, 'report');
  test('5 pages for one author, 8 for two or more, NeurIPS style, references not counted', () => {
    assert.deepEqual(pageLimitFor(report, 1), { pages: 5, for: 'individual', style: 'neurips', referencesCount: false, source: report?.pageLimit?.source });
    assert.equal(pageLimitFor(report, 2)?.pages, 8);
    assert.equal(pageLimitFor(report, 4)?.for, 'team');
    assert.equal(pageLimitFor(report, 0)?.pages, 5);
  });
  test('no limit where the course gives none', () => {
    assert.equal(pageLimitFor(findDeliverable(loadBundledPacks()[0]!, 'report'), 1), undefined);
    assert.equal(pageLimitFor(undefined, 1), undefined);
  });
  test('findDeliverable ignores case and returns undefined without a kind', () => {
    assert.equal(findDeliverable(loadBundledPacks()[0]!, 'Proposal')?.due, '2021-04-09');
    assert.equal(findDeliverable(loadBundledPacks()[0]!, undefined), undefined);
  });
});
