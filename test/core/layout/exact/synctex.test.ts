import * as assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { normalizeSyncPath, parseSyncTex } from '../../../../src/core/layout/exact';

// Scaled points of a length in bp.
const sp = (bp: number): number => Math.round((bp * 72.27) / 72 * 65536);
const block = { top: 72, height: 648, pageHeight: 792 };
const box = (tag: number, line: number, v: number, depth = 2) => `(${tag},${line}:${sp(108)},${sp(v)}:${sp(396)},${sp(7)},${sp(depth)}`;
const glyph = (tag: number, line: number, v: number) => `x${tag},${line}:${sp(110)},${sp(v)}`;

const SYNCTEX = [
  'SyncTeX Version:1',
  'Input:1:/tmp/writeup-exact-1/writeup-exact-wrapper.tex',
  'Input:2:/home/student/report/./report.tex',
  'Input:3:/usr/share/texlive/texmf-dist/tex/latex/base/article.cls',
  'Output:pdf',
  'Magnification:1000',
  'Unit:1',
  'X Offset:0',
  'Y Offset:0',
  'Content:',
  '!300',
  '{1',
  '[2,10:4736286,49328946:28417720,44592660,0',
  box(2, 12, 90),
  glyph(2, 12, 90),
  box(2, 14, 700),
  glyph(2, 14, 700),
  // The page number, below the text block.
  box(3, 500, 760),
  ']',
  '}1',
  '{2',
  // A float from line 13, held back to page 2, sits on top; the text flow resumes at line 20.
  glyph(2, 13, 80),
  glyph(2, 20, 95),
  box(2, 20, 95),
  glyph(2, 22, 400),
  box(2, 22, 400, 3),
  'Input:4:/home/student/report/./later.tex',
  glyph(4, 5, 500),
  box(4, 5, 500),
  '}2',
  'Postamble:',
].join('\n');

describe('parseSyncTex', () => {
  const summary = parseSyncTex(SYNCTEX, block, (p) => p === '/home/student/report/report.tex');

  test('reads inputs, also those opened mid-content', () => {
    assert.equal(summary.inputs.get(2), '/home/student/report/./report.tex');
    assert.equal(summary.inputs.get(4), '/home/student/report/./later.tex');
  });

  test('the lowest body box of each sheet, leaving out the page number below the block', () => {
    assert.equal(summary.pages.length, 2);
    assert.ok(Math.abs((summary.pages[0]?.bodyBottom ?? 0) - 702) < 0.01);
    assert.ok(Math.abs((summary.pages[1]?.bodyBottom ?? 0) - 502) < 0.01);
  });

  test("each sheet's first line of the writeup's own file, skipping floats held back from before", () => {
    assert.equal(summary.pages[0]?.firstLine, 11);
    assert.equal(summary.pages[1]?.firstLine, 19);
  });

  test('paths compare without ./ segments or backslashes', () => {
    assert.equal(normalizeSyncPath('C:\\w\\.\\report.tex'), 'C:/w/report.tex');
    assert.equal(normalizeSyncPath('./report.tex'), 'report.tex');
  });

  test('an empty or truncated file gives no pages rather than an error', () => {
    assert.deepEqual(parseSyncTex('', block, () => true).pages, []);
    assert.equal(parseSyncTex('{1\n(2,3:1,2', block, () => true).pages.length, 0);
  });
});
