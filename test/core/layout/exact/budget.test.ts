import * as assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { sectionBudget, type ExactMeasure } from '../../../../src/core/layout/exact';
import type { PageEstimate } from '../../../../src/core/layout/types';
import { readForTest } from '../../../fakes/writeup';

const TEXT = [
  '---', 'title: T', 'author: A', 'abstract: Short.', '---', '',
  '# Introduction', '', 'Text.', '', 'More text.', '',
  '# Method', '', 'Text.', '', 'Text.', '', 'Text.', '',
  '# References', '', '::: {#refs}', ':::', '',
].join('\n');

const estimate = (over: Partial<PageEstimate> = {}): PageEstimate => ({
  contentPages: 2,
  totalPages: 2.4,
  pageBreaks: [{ page: 1, line: 14 }],
  style: 'neurips',
  breakdown: { title: 0.3, text: 1.7, math: 0, figures: 0, tables: 0, lists: 0, other: 0, references: 0.4 },
  ...over,
});

describe('sectionBudget', () => {
  const writeup = readForTest(TEXT);

  test('title block, abstract and each top-level section, in order, adding up to the content pages', () => {
    const rows = sectionBudget(writeup, estimate());
    assert.deepEqual(rows.map((r) => [r.kind, r.title, r.line]), [
      ['title', 'Title block', 0],
      ['abstract', 'Abstract', 3],
      ['section', 'Introduction', 6],
      ['section', 'Method', 12],
    ]);
    const sum = rows.reduce((a, r) => a + r.pages, 0);
    assert.ok(Math.abs(sum - 2) < 1e-9, `sum ${sum}`);
    // The page break at line 14 falls inside Method: Introduction is all on page 1.
    const intro = rows.find((r) => r.title === 'Introduction');
    const method = rows.find((r) => r.title === 'Method');
    assert.ok((method?.pages ?? 0) > 1 && (intro?.pages ?? 0) < 1);
  });

  test('exact pages go to the parts they measure: sections by title, the abstract with its own row', () => {
    const measure: ExactMeasure = {
      contentPages: 2.5,
      totalPages: 2.9,
      pdfPages: 3,
      contentEnd: 'references',
      pageBreaks: [],
      sections: [
        { kind: 'title', title: 'Title block', start: 0, pages: 0.2 },
        { kind: 'abstract', title: 'Abstract', start: 0.2, pages: 0.1 },
        { kind: 'section', title: 'Introduction', start: 0.3, pages: 0.9 },
        { kind: 'section', title: 'Method', start: 1.2, pages: 1.3 },
      ],
    };
    const rows = sectionBudget(writeup, estimate(), measure);
    assert.deepEqual(rows.map((r) => r.exactPages), [0.2, 0.1, 0.9, 1.3]);
    assert.ok(Math.abs(rows.reduce((a, r) => a + (r.exactPages ?? 0), 0) - 2.5) < 1e-9);
  });

  test('an appendix after the references is listed last and not counted in the content', () => {
    const w = readForTest(`${TEXT}\n# Appendix\n\nProofs.\n`);
    const rows = sectionBudget(w, estimate({ totalPages: 3 }));
    const last = rows.at(-1);
    assert.equal(last?.kind, 'appendix');
    assert.equal(last?.afterContent, true);
    assert.ok(Math.abs(rows.filter((r) => !r.afterContent).reduce((a, r) => a + r.pages, 0) - 2) < 1e-9);
  });
});
