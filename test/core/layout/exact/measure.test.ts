import * as assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { measureCompile, pagePosition, type ExactLog, type LogMark, type SyncTexSummary } from '../../../../src/core/layout/exact';

const block = { top: 72, height: 648, pageHeight: 792 };
const heading = (n: number, title: string, sheet: number, top: number, extra: Partial<LogMark> = {}): LogMark => ({ n, kind: 'heading', level: 1, title, appendix: false, sheet, top, ...extra });
const sync = (bottoms: number[], firstLines: (number | undefined)[] = []): SyncTexSummary => ({
  inputs: new Map(),
  pages: bottoms.map((b, i) => ({ sheet: i + 1, bodyBottom: b, ...(firstLines[i] !== undefined ? { firstLine: firstLines[i] } : {}) })),
});

describe('measureCompile', () => {
  test('content ends at the top of the References heading; total at the lowest body line of the last sheet', () => {
    const log: ExactLog = {
      block,
      pdfPages: 3,
      marks: [
        { n: 1, kind: 'abstract', level: 0, title: '', appendix: false, sheet: 1, top: 234 },
        heading(2, 'Introduction', 1, 396),
        heading(3, 'Method', 2, 72),
        heading(4, 'References', 3, 396),
      ],
    };
    const m = measureCompile(log, sync([720, 720, 558], [undefined, 40, 77]));
    assert.ok(m);
    assert.equal(m.contentEnd, 'references');
    assert.ok(Math.abs(m.contentPages - 2.5) < 1e-9);
    assert.ok(Math.abs(m.totalPages - 2.75) < 1e-9);
    assert.equal(m.pdfPages, 3);
    assert.deepEqual(m.sections.map((s) => [s.kind, s.title, Math.round(s.pages * 1000) / 1000]), [
      ['title', 'Title block', 0.25],
      ['abstract', 'Abstract', 0.25],
      ['section', 'Introduction', 0.5],
      ['section', 'Method', 1.5],
    ]);
    assert.deepEqual(m.pageBreaks, [{ page: 1, line: 40 }, { page: 2, line: 77 }]);
  });

  test('an appendix before the references ends the content there and is listed after it', () => {
    const log: ExactLog = { block, pdfPages: 4, marks: [heading(1, 'Intro', 1, 100), heading(2, 'Proofs', 3, 234, { appendix: true }), heading(3, 'References', 4, 72)] };
    const m = measureCompile(log, sync([720, 720, 720, 400]));
    assert.equal(m?.contentEnd, 'appendix');
    assert.ok(Math.abs((m?.contentPages ?? 0) - 2.25) < 1e-9);
    const app = m?.sections.at(-1);
    assert.equal(app?.kind, 'appendix');
    assert.ok(Math.abs((app?.pages ?? 0) - 0.75) < 1e-9);
    const content = (m?.sections ?? []).filter((s) => s.kind !== 'appendix').reduce((a, s) => a + s.pages, 0);
    assert.ok(Math.abs(content - (m?.contentPages ?? 0)) < 1e-9);
  });

  test('with neither heading the content runs to the lowest body line of the last sheet', () => {
    const m = measureCompile({ block, pdfPages: 2, marks: [heading(1, 'Intro', 1, 100)] }, sync([720, 396]));
    assert.equal(m?.contentEnd, 'end');
    assert.ok(Math.abs((m?.contentPages ?? 0) - 1.5) < 1e-9);
  });

  test('no SyncTeX: total pages are whole sheets; no block or no PDF: nothing measured', () => {
    assert.equal(measureCompile({ block, pdfPages: 2, marks: [] }, undefined)?.totalPages, 2);
    assert.equal(measureCompile({ pdfPages: 2, marks: [] }, undefined), undefined);
    assert.equal(measureCompile({ block, pdfPages: 0, marks: [] }, undefined), undefined);
  });

  test('positions are clamped to the text block', () => {
    assert.equal(pagePosition(block, 2, 40), 1);
    assert.equal(pagePosition(block, 2, 780), 2);
  });
});
