import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { guessPageFormat, importCoursePage, pageText } from '../../../../src/core/courses/import';
import type { CoursePack } from '../../../../src/core/courses/types';
import { compareFacts, type ExpectedPage } from './facts';

const dir = 'test/fixtures/courses/import/pages';
const pages = readdirSync(dir)
  .filter((f) => !f.endsWith('.json'))
  .sort();
const expectedOf = (page: string) => JSON.parse(readFileSync(`${dir}/${page.replace(/\.[a-z]+$/, '')}.expected.json`, 'utf8')) as ExpectedPage;
const words = (s: string) => (s.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).join(' ');

describe('Import Course from Page on pages written in different ways', () => {
  test('the fixtures cover HTML and Markdown, tables, and at least ten pages', () => {
    assert.ok(pages.length >= 10, `${pages.length} pages`);
    assert.ok(pages.some((p) => p.endsWith('.html')) && pages.some((p) => p.endsWith('.md')) && pages.some((p) => p.endsWith('.txt')));
    const kinds = new Set(pages.flatMap((p) => Object.keys(expectedOf(p).deliverables)));
    for (const k of ['proposal', 'outline', 'milestone', 'progress-report', 'poster', 'presentation', 'peer-review', 'report', 'slides']) assert.ok(kinds.has(k), k);
  });

  for (const page of pages) {
    test(`${page}: every fact the page states is imported, none is wrong, and each keeps its sentence`, () => {
      const expected = expectedOf(page);
      const input = readFileSync(`${dir}/${page}`, 'utf8');
      const { pack, todo, problems } = importCoursePage(input, { file: page, ...(expected.options ?? {}) });
      assert.deepEqual(problems, [], 'the draft is a valid course pack');
      const report = compareFacts(expected, pack, todo);
      assert.deepEqual(report.wrong, [], 'imported facts that are wrong');
      assert.deepEqual(report.openFactProblems, [], 'facts the page leaves open');
      assert.deepEqual(
        report.missing.filter((m) => !report.sentToCheck.includes(m)),
        [],
        'expected facts neither imported nor sent to "to check"',
      );
      assert.deepEqual(report.missing, [], 'every expected fact is imported');
      // Every fact keeps the sentence it came from, and that sentence is on the page.
      const text = words(pageText(input, guessPageFormat(input, page)));
      const onPage = (source: string | undefined, what: string) => {
        assert.ok(source, `${what} has a source`);
        for (const part of source.split(' … ')) assert.ok(text.includes(words(part)), `${what}: '${part}' is on the page`);
      };
      for (const d of pack.deliverables) {
        if (d.due) onPage(d.notes?.find((n) => words(n).length > 0), `${d.kind}.due`);
        if (d.pageLimit) onPage(d.pageLimit.source, `${d.kind}.pageLimit`);
        if (d.groupSize) onPage(d.groupSize.source, `${d.kind}.groupSize`);
        for (const s of d.requiredSections ?? []) onPage(s.source, `${d.kind}.requiredSections.${s.id}`);
      }
    });
  }
});

describe('the fact comparison itself', () => {
  const expected: ExpectedPage = {
    deliverables: { report: { due: '2025-12-12', pageLimit: { individual: 5 } } },
    papers: [{ title: 'A Paper Title Here', authors: ['A. Author'], year: 2020 }],
  };
  const pack = (over: { due?: string | undefined; pageLimit?: { individual?: number; team?: number } }, papers: CoursePack['papers'] = [{ key: 'a', title: 'A Paper Title Here', authors: ['A. Author'], year: 2020 }]): CoursePack => ({
    id: 'x',
    title: 'X',
    deliverables: [{ kind: 'report', ...('due' in over ? (over.due ? { due: over.due } : {}) : { due: '2025-12-12' }), pageLimit: over.pageLimit ?? { individual: 5 } }],
    papers,
  });
  test('a team limit copied from the individual one is a wrong fact', () => {
    assert.deepEqual(compareFacts(expected, pack({ pageLimit: { individual: 5, team: 5 } }), []).wrong, ['report.pageLimit.team: 5 (not on the page)']);
  });
  test('a wrong date, a wrong year and an extra paper are wrong facts; a missing one is missing', () => {
    const r = compareFacts(expected, pack({ due: '2024-12-12' }, [{ key: 'a', title: 'A Paper Title Here', authors: ['A. Author'], year: 2021 }, { key: 'b', title: 'Other', authors: [] }]), []);
    assert.deepEqual(r.wrong, ['report.due: 2024-12-12 (expected 2025-12-12)', 'paper "a paper title here".year: 2021 (expected 2020)', 'paper "other": present (not on the page)']);
    const missing = compareFacts(expected, pack({ due: undefined }), ['deliverables[0] (report): no due date found; add "due" (YYYY-MM-DD)']);
    assert.deepEqual(missing.missing, ['report.due']);
    assert.deepEqual(missing.sentToCheck, ['report.due']);
  });
});
