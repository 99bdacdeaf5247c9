import * as assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { isAppendixHeading, isReferencesHeading, parseExactLog, plainTitle } from '../../../../src/core/layout/exact';

// A log as pdflatex writes it with the wrapper's hooks: stock NeurIPS block (top 72.27pt, height
// 650.43pt), US letter. Positions are in scaled points above the bottom of the page.
const sp = (bpFromTop: number): number => Math.round(((792 - bpFromTop) * 72.27) / 72 * 65536);
const LOG = [
  'This is pdfTeX, Version 3.141592653-2.6-1.40.24 (TeX Live 2022/Debian) (preloaded format=pdflatex)',
  '(./report.tex',
  'WXGEOM:72.26999pt:650.43pt:794.96999pt:794.96999pt',
  'WXMARK:1:b:0:0:0:',
  'WXMARK:2:h:1:12:8.2pt:Introduction',
  `WXPOS:1:1:${sp(300)}`,
  `WXPOS:2:1:${sp(420)}`,
  'WXMARK:3:h:2:10:6.9pt:A \\textbf {bold} subsection',
  `WXPOS:3:2:${sp(100)}`,
  'WXMARK:4:h:1:12:8.2pt:\\refname ',
  'WXAPPENDIX:4',
  'WXMARK:5:h:1:12:8.2pt:Proofs',
  `WXPOS:4:3:${sp(200)}`,
  `WXPOS:5:4:${sp(90)}`,
  'Output written on report.pdf (4 pages, 123456 bytes).',
].join('\n');

describe('parseExactLog', () => {
  const parsed = parseExactLog(LOG);

  test('reads the text block in PDF points and the page count', () => {
    assert.ok(parsed.block);
    assert.ok(Math.abs((parsed.block?.top ?? 0) - 72) < 0.01);
    assert.ok(Math.abs((parsed.block?.height ?? 0) - 648) < 0.01);
    assert.ok(Math.abs((parsed.block?.pageHeight ?? 0) - 792) < 0.01);
    assert.equal(parsed.pdfPages, 4);
  });

  test('places each heading: its sheet, and its top as baseline minus the font ascent', () => {
    const intro = parsed.marks.find((m) => m.title === 'Introduction');
    assert.equal(intro?.sheet, 1);
    assert.equal(intro?.level, 1);
    // 8.2pt of ascent is 8.17bp above the baseline at 420bp.
    assert.ok(Math.abs((intro?.top ?? 0) - (420 - 8.2 * (72 / 72.27))) < 0.01);
    const abstract = parsed.marks.find((m) => m.kind === 'abstract');
    assert.ok(Math.abs((abstract?.top ?? 0) - 300) < 0.01);
  });

  test('marks headings after \\appendix, and finds the References and appendix headings', () => {
    const refs = parsed.marks.find(isReferencesHeading);
    assert.equal(refs?.n, 4);
    assert.equal(refs?.appendix, false);
    const app = parsed.marks.find(isAppendixHeading);
    assert.equal(app?.title, 'Proofs');
    assert.equal(app?.appendix, true);
  });

  test('a mark whose page was never shipped has no position; garbage lines are skipped', () => {
    const p = parseExactLog('WXMARK:1:h:1:12:8pt:Lost\nWXPOS:x:y\nWXGEOM:nonsense\n');
    assert.equal(p.marks.length, 1);
    assert.equal(p.marks[0]?.sheet, undefined);
    assert.equal(p.block, undefined);
    assert.equal(p.pdfPages, 0);
  });
});

describe('plainTitle and the heading tests', () => {
  test('drops commands and braces but keeps their text', () => {
    assert.equal(plainTitle('A \\textbf {bold} subsection\\label {sec:x}'), 'A bold subsection');
  });
  test('References in any of its usual spellings, numbered or not', () => {
    const h = (title: string) => ({ n: 1, kind: 'heading' as const, level: 1, title, appendix: false });
    for (const t of ['References', '6 References', 'BIBLIOGRAPHY', '\\refname \\@mkboth {\\MakeUppercase {\\refname }}{x}']) assert.ok(isReferencesHeading(h(t)), t);
    for (const t of ['Related references in the literature', 'Results']) assert.ok(!isReferencesHeading(h(t)), t);
    assert.ok(isAppendixHeading(h('Appendix A: Proofs')));
    assert.ok(!isAppendixHeading(h('Method')));
  });
});
