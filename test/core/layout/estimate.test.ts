import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { estimatePages, parseWidth, NEURIPS } from '../../../src/core/layout';
import { algorithmHeight, listIndent } from '../../../src/core/layout/blocks';
import { textWidth } from '../../../src/core/layout/fonts';
import { countTextLines } from '../../../src/core/layout/lineBreak';
import { readWriteup } from '../../../src/core/readers';
import { build, prose, type Part } from './model';

const paragraphs = (n: number, words = 120): Part[] => Array.from({ length: n }, (_, i) => ({ para: prose(words, i + 1) }));

describe('estimatePages', () => {
  test('more text takes more pages', () => {
    const short = estimatePages(build(paragraphs(5), { title: 'A title' }));
    const long = estimatePages(build(paragraphs(40), { title: 'A title' }));
    assert.ok(short.totalPages > 0);
    assert.ok(long.totalPages > short.totalPages + 2, `${long.totalPages} vs ${short.totalPages}`);
  });

  test('a page of plain prose holds between 600 and 1100 short words', () => {
    // 10pt Times in a 5.5in measure sets ~16 words a line, 59 lines a page minus paragraph skips.
    const e = estimatePages(build(paragraphs(20, 140)));
    const wordsPerPage = (20 * 140) / e.totalPages;
    assert.ok(wordsPerPage > 600 && wordsPerPage < 1100, `${wordsPerPage} words a page`);
  });

  test('a \\newpage starts a new page at the next source line', () => {
    const e = estimatePages(build([...paragraphs(2), { newpage: true }, ...paragraphs(2)]));
    assert.equal(e.pageBreaks.length, 1);
    assert.equal(e.pageBreaks[0]?.page, 1);
    assert.equal(e.pageBreaks[0]?.line, 3);
    assert.ok(e.totalPages > 1 && e.totalPages < 1.5, String(e.totalPages));
  });

  test('a figure at half the width takes less room than at full width', () => {
    const at = (width: string) => estimatePages(build([...paragraphs(2), { figure: 'a.png', width, caption: 'A plot.' }]), { imageSize: () => ({ width: 800, height: 600 }) });
    const half = at('0.5\\linewidth');
    const full = at('\\linewidth');
    assert.ok(half.totalPages < full.totalPages);
    assert.ok(half.breakdown.figures < full.breakdown.figures);
    assert.ok(full.breakdown.figures > (NEURIPS.textWidth * 0.75) / NEURIPS.textHeight);
  });

  test('the references count in total pages, not in content pages', () => {
    const keys = Array.from({ length: 30 }, (_, i) => `k${i}`);
    const e = estimatePages(build([...paragraphs(8), { cite: keys }, { heading: 'References' }], { refsAt: 9 }));
    assert.ok(e.totalPages - e.contentPages > 0.8, `${e.contentPages} / ${e.totalPages}`);
    assert.ok(e.breakdown.references > 0.8);
  });

  test('content pages end where the appendix starts', () => {
    const parts: Part[] = [...paragraphs(6), { heading: 'Appendix' }, ...paragraphs(12)];
    const withAppendix = estimatePages(build(parts, { appendixAt: 6 }));
    const without = estimatePages(build(parts));
    assert.ok(withAppendix.totalPages - withAppendix.contentPages > 1, `${withAppendix.contentPages} / ${withAppendix.totalPages}`);
    assert.ok(Math.abs(withAppendix.totalPages - without.totalPages) < 1e-9);
    assert.equal(without.contentPages, without.totalPages);
  });

  test('a figure that does not fit goes to the next page and the text fills this one', () => {
    // 48 lines of text, then a tall figure: it floats to page 2 and the text goes on under nothing.
    const parts: Part[] = [...paragraphs(6, 95), { figure: 'tall.png', width: '0.8\\linewidth', caption: 'Tall.' }, ...paragraphs(1, 40)];
    const e = estimatePages(build(parts), { imageSize: () => ({ width: 240, height: 360 }) });
    assert.equal(e.pageBreaks.length, 1);
    assert.ok(e.totalPages > 1.7 && e.totalPages < 2, String(e.totalPages));
  });

  test('more authors than fit on a row take a second row in the title block', () => {
    const one = build([{ para: 'x' }], { title: 'T' });
    const many = { ...one, metadata: { ...one.metadata, authors: Array.from({ length: 5 }, (_, i) => ({ name: `Author Number ${i}`, affiliation: 'A Rather Long University Name', email: `a${i}@example.edu` })) } };
    assert.ok(estimatePages(many).breakdown.title > estimatePages(one).breakdown.title + 0.04);
  });

  test('page breaks are increasing and inside the document', () => {
    const parts: Part[] = [];
    for (let i = 0; i < 30; i++) parts.push({ heading: `Section ${i}` }, { para: prose(150, i) }, { math: '\\frac{a}{b} = \\sum_{i=1}^n x_i' }, { list: ['one', 'two'] });
    const w = build(parts, { title: 'T' });
    const e = estimatePages(w);
    assert.ok(e.pageBreaks.length >= 5);
    e.pageBreaks.forEach((b, i) => {
      assert.equal(b.page, i + 1);
      assert.ok(b.line >= 0 && b.line < w.lineCount);
      if (i > 0) assert.ok(b.line >= (e.pageBreaks[i - 1]?.line ?? 0));
    });
    assert.ok(Math.floor(e.totalPages) === e.pageBreaks.length);
  });

  test('a fraction and an aligned environment are taller than a one-line display', () => {
    const one = estimatePages(build([{ math: 'a = b' }])).breakdown.math;
    const frac = estimatePages(build([{ math: '\\frac{\\partial L}{\\partial w} = \\frac{1}{n}\\sum_{i=1}^n x_i' }])).breakdown.math;
    const rows = estimatePages(build([{ math: 'a &= b \\\\ c &= d \\\\ e &= f', env: 'align*' }])).breakdown.math;
    assert.ok(frac > one * 1.3 && rows > frac, `${one} ${frac} ${rows}`);
  });

  test('the breakdown adds up to the total', () => {
    const e = estimatePages(build([...paragraphs(6), { table: 8, caption: 'Results.' }, { list: ['a', 'b', 'c'] }, { math: 'x' }], { title: 'T', abstract: prose(150) }));
    const b = e.breakdown;
    const sum = b.title + b.text + b.math + b.figures + b.tables + b.lists + b.other + b.references;
    assert.ok(Math.abs(sum - e.totalPages) < 1e-9);
    assert.ok(b.title > 0.2 && b.tables > 0 && b.lists > 0);
  });
});

describe('estimatePages: vertical space, footnotes, nested lists, algorithms', () => {
  const H = NEURIPS.textHeight;
  const near = (a: number, b: number, what: string) => assert.ok(Math.abs(a - b) < 1e-6, `${what}: ${a} vs ${b}`);

  test('a \\vspace{-1cm} before a section makes the estimate 1cm of the text height shorter', () => {
    const base: Part[] = [...paragraphs(3), { heading: 'Next' }, ...paragraphs(2)];
    const squeezed: Part[] = [...paragraphs(3), { space: '-1cm' }, { heading: 'Next' }, ...paragraphs(2)];
    const before = estimatePages(build(base)).totalPages;
    const after = estimatePages(build(squeezed)).totalPages;
    near(before - after, 72.27 / 2.54 / H, 'pages saved');
  });

  test('a positive \\vspace adds its height; at the top of a page it is dropped unless it is \\vspace*', () => {
    const plain = estimatePages(build([...paragraphs(2), ...paragraphs(1, 50)])).totalPages;
    near(estimatePages(build([...paragraphs(2), { space: '2\\baselineskip' }, ...paragraphs(1, 50)])).totalPages - plain, (2 * NEURIPS.baselineSkip) / H, 'space added');
    const top = estimatePages(build([...paragraphs(2), { newpage: true }, ...paragraphs(1, 50)])).totalPages;
    near(estimatePages(build([...paragraphs(2), { newpage: true }, { space: '1in' }, ...paragraphs(1, 50)])).totalPages, top, 'dropped at the top');
    // After it the paragraph's \\parskip is kept too.
    near(estimatePages(build([...paragraphs(2), { newpage: true }, { space: '1in', keep: true }, ...paragraphs(1, 50)])).totalPages - top, (72.27 + NEURIPS.parSkip) / H, 'kept by \\vspace*');
  });

  test('the breakdown still adds up to the total after negative space', () => {
    const e = estimatePages(build([...paragraphs(3), { space: '-3in' }, { list: ['a', 'b'] }], { title: 'T' }));
    const b = e.breakdown;
    near(b.title + b.text + b.math + b.figures + b.tables + b.lists + b.other + b.references, e.totalPages, 'sum');
  });

  test('a footnote stands at the foot of its page: the page reaches down to it, the text after it does not move', () => {
    const parts = (notes: string[]): Part[] => [{ para: 'Page one.' }, { newpage: true }, ...paragraphs(2), { para: prose(60, 9), notes }, { heading: 'References' }];
    const without = estimatePages(build(parts([]), { refsAt: 5 }));
    const noted = estimatePages(build(parts(['A short note.']), { refsAt: 5 }));
    near(noted.contentPages, without.contentPages, 'the references heading stays where it was');
    assert.ok(without.totalPages < 1.5, String(without.totalPages));
    near(noted.totalPages, 2, 'the last page ends at its note');
  });

  test('footnotes take their lines from the text of their page: 9pt on 10pt leading, the skip above the first', () => {
    const f = NEURIPS.footnote;
    // Two pages of text; the notes are on the first page.
    const total = (notes: string[]) => estimatePages(build([{ para: prose(100, 20), notes }, ...paragraphs(15, 95)])).totalPages * H;
    const without = total([]);
    const oneLine = f.skip + f.sep + f.depth;
    const one = total(['A short note.']) - without;
    assert.ok(one > oneLine - 11 && one < oneLine + 22, `one note: ${one}pt`);
    const long = total([prose(70, 3)]) - without;
    assert.ok(long > oneLine + 3 * f.leading - 11 && long < oneLine + 5 * f.leading + 22, `a 70-word note (4 to 6 lines at 9pt): ${long}pt`);
    assert.ok(total(['A short note.', 'Another one.', 'And a third.']) - without > one + f.leading, 'more notes, more room');
  });

  test('a footnote that does not fit at the foot of a full page goes on at the foot of the next', () => {
    // Nine paragraphs fill most of a page; a ten-line note on the last one cannot all stand under it.
    const full = estimatePages(build(paragraphs(9, 95)));
    const noted = estimatePages(build([...paragraphs(8, 95), { para: prose(95, 9), notes: [prose(200, 2)] }]));
    assert.equal(full.pageBreaks.length, 0);
    assert.equal(noted.pageBreaks.length, 1);
    near(noted.totalPages, 2, 'the next page holds the rest of the note at its foot');
  });

  test('a nested list has narrower lines: the same item takes more lines two levels down', () => {
    near(listIndent(1), 36, 'level 1 indent');
    near(listIndent(2), 56, 'level 2 indent');
    near(listIndent(3), 71, 'level 3 indent');
    const item = prose(200, 4);
    const top = estimatePages(build([{ list: ['a', item], depths: [1, 1] }])).breakdown.lists;
    const deep = estimatePages(build([{ list: ['a', 'b', item], depths: [1, 2, 3] }])).breakdown.lists;
    const deepOwn = deep - estimatePages(build([{ list: ['a', 'b', 'c'], depths: [1, 2, 3] }])).breakdown.lists;
    const topOwn = top - estimatePages(build([{ list: ['a', 'c'], depths: [1, 1] }])).breakdown.lists;
    assert.ok(deepOwn > topOwn, `${deepOwn * H} vs ${topOwn * H} pt`);
  });

  test('nested lists open and close with the smaller skips of their level', () => {
    // LaTeX lists at the top of a page (the opening skip is dropped there): three lines, two gaps, \\topsep at the end.
    const lists = (depths: number[]) => estimatePages(build([{ list: ['a', 'b', 'c'], depths }], { format: 'latex' })).breakdown.lists * H;
    // Flat: \\itemsep + \\parsep (2pt + 2pt) between items.
    near(lists([1, 1, 1]), 3 * NEURIPS.baselineSkip + 4 + 4 + 4, 'flat list');
    // Nested: the second level's \\topsep (2pt) in; out, its \\topsep merges with the outer 4pt item gap.
    near(lists([1, 2, 1]), 3 * NEURIPS.baselineSkip + 2 + 4 + 4, 'nested list');
    near(lists([1, 3, 1]), 3 * NEURIPS.baselineSkip + 1 + 4 + 4, 'two levels in');
  });

  test('an algorithm float takes its frame, caption and one line a step, in the text by default (htbp)', () => {
    const text = paragraphs(2);
    const none = estimatePages(build(text)).totalPages;
    const h = algorithmHeight(8, 'Gradient descent');
    near(h, NEURIPS.algorithm.frame + NEURIPS.baselineSkip + 2 * NEURIPS.algorithm.stepsSep + 8 * NEURIPS.baselineSkip, 'height');
    near(estimatePages(build([...text, { algorithm: 8, caption: 'Gradient descent' }])).totalPages - none, (h + 2 * NEURIPS.inTextSep) / H, 'here');
    near(estimatePages(build([...text, { algorithm: 8, caption: 'Gradient descent', placement: 't' }])).totalPages - none, (h + NEURIPS.textFloatSep) / H, 'top');
  });

  test('an algorithm too tall for what is left of the page floats to the next', () => {
    const e = estimatePages(build([...paragraphs(6, 95), { algorithm: 30, caption: 'Long' }, ...paragraphs(1, 40)]));
    assert.equal(e.pageBreaks.length, 1);
    assert.ok(e.breakdown.other * H > algorithmHeight(30, 'Long'));
  });
});

describe('estimatePages: floats placed as LaTeX places them', () => {
  const H = NEURIPS.textHeight;
  const near = (a: number, b: number, what: string, eps = 1e-6) => assert.ok(Math.abs(a - b) < eps, `${what}: ${a} vs ${b}`);
  // 800 x 600 images: at half the width 149pt high, at full width 298pt, plus 7pt skip and one caption line.
  const size = { imageSize: () => ({ width: 800, height: 600 }) };
  const small = { figure: 'a.png', width: '0.5\\linewidth', caption: 'A plot.' } as const;
  const large = { figure: 'b.png', width: '\\linewidth', caption: 'A plot.' } as const;
  const smallH = NEURIPS.textWidth * 0.5 * 0.75 + NEURIPS.captionSkip + NEURIPS.baselineSkip;
  const largeH = NEURIPS.textWidth * 0.75 + NEURIPS.captionSkip + NEURIPS.baselineSkip;
  // Six paragraphs of 95 words fill about two thirds of the first page.
  const text = estimatePages(build(paragraphs(6, 95))).totalPages * H;

  test('a figure that fits beside the text already on the page goes to the top of that page', () => {
    // LaTeX keeps a tenth of the page for text only when there is less text than that (\textfraction).
    assert.ok(text + smallH + NEURIPS.textFloatSep + NEURIPS.textFraction * H > H + NEURIPS.firstPageExtra, 'the text is long enough to tell');
    const e = estimatePages(build([...paragraphs(6, 95), small]), size);
    assert.equal(e.pageBreaks.length, 0);
    near(e.totalPages * H, text + smallH + NEURIPS.textFloatSep, 'one page: text and figure');
  });

  test('a figure too tall for the rest of the page moves to the top of the next page, and the text after it fills the gap', () => {
    const parts: Part[] = [...paragraphs(6, 95), large, ...paragraphs(4, 95)];
    const e = estimatePages(build(parts), size);
    assert.equal(e.pageBreaks.length, 1);
    assert.ok((e.pageBreaks[0]?.line ?? 0) > 6, `page 2 starts at line ${e.pageBreaks[0]?.line}, after the figure's line 6`);
    near(e.breakdown.figures * H, largeH + NEURIPS.textFloatSep, 'the figure at the top of page 2');
    assert.ok(e.totalPages > 1 + (largeH + NEURIPS.textFloatSep) / H && e.totalPages < 1.8, String(e.totalPages));
  });

  test('two figures waiting for a page that they fill most of get a page of floats; the text goes on on the page after', () => {
    const e = estimatePages(build([...paragraphs(6, 95), large, large, ...paragraphs(4, 95)]), size);
    assert.equal(e.pageBreaks.length, 2);
    assert.equal(e.pageBreaks[1]?.line, e.pageBreaks[0]?.line, 'page 2 holds no text');
    assert.ok(e.totalPages > 2 && e.totalPages < 2.3, String(e.totalPages));
  });

  test('two figures still waiting at the end share a last page of floats, spread 1:2:1 around them (\\clearpage)', () => {
    const e = estimatePages(build([...paragraphs(6, 95), large, large]), size);
    const floats = 2 * largeH + NEURIPS.fpSep;
    near(e.totalPages, 1 + (H - (H - floats) / 4) / H, 'the last line of the float page');
  });

  test('\\clearpage sets a waiting figure on a page of its own; \\newpage lets the text go on under it', () => {
    const parts = (clear: boolean): Part[] => [...paragraphs(6, 95), large, ...paragraphs(1, 95), { newpage: true, clear }, ...paragraphs(2, 95)];
    const cleared = estimatePages(build(parts(true)), size);
    const newpage = estimatePages(build(parts(false)), size);
    assert.equal(cleared.pageBreaks.length, 2);
    assert.ok(cleared.totalPages > 2 && cleared.totalPages < 2.5, String(cleared.totalPages));
    assert.equal(newpage.pageBreaks.length, 1);
    assert.ok(newpage.totalPages > 1 + largeH / H && newpage.totalPages < 2, String(newpage.totalPages));
  });

  test('a pandoc table (a longtable) between two top figures: LaTeX forgets the first, and the page takes that much more text', () => {
    // longtable resets \\@colroom to the whole page; the next float on the page leaves it overfull.
    const between: Part[] = [{ para: prose(60, 1) }, small, { para: prose(60, 2) }, { table: 3 }, { para: prose(60, 3) }, small, ...paragraphs(10, 95)];
    const after: Part[] = [{ para: prose(60, 1) }, small, { para: prose(60, 2) }, { para: prose(60, 3) }, small, { table: 3 }, ...paragraphs(10, 95)];
    const gained = (estimatePages(build(after), size).totalPages - estimatePages(build(between), size).totalPages) * H;
    const forgotten = smallH + NEURIPS.textFloatSep;
    // Within the lines the page ends on (a paragraph's lines and its \parskip: three lines).
    assert.ok(Math.abs(gained - forgotten) < 3 * NEURIPS.baselineSkip, `${gained} vs ${forgotten}`);
  });

  test('text that goes on after a display (no blank line) takes no paragraph skip', () => {
    const doc = (after: string) => readWriteup(`\\documentclass{article}\n\\begin{document}\nWe minimize\n\\begin{equation}\nL(w) = x\n\\end{equation}\n${after}\n\\end{document}\n`, { file: 'a.tex' });
    const goesOn = estimatePages(doc('by gradient descent.')).totalPages;
    const newParagraph = estimatePages(doc('\nBy gradient descent.')).totalPages;
    near((newParagraph - goesOn) * H, NEURIPS.parSkip, 'the \\parskip');
  });

  test("amsthm's theorems take \\topsep above, not \\topsep and \\parskip; its proofs a 6pt \\topsep", () => {
    const doc = (packages: string, body: string) =>
      readWriteup(`\\documentclass{article}\n\\usepackage{${packages}}\n\\newtheorem{theorem}{Theorem}\n\\begin{document}\nSome text.\n\n${body}\n\nMore text.\n\\end{document}\n`, { file: 'a.tex' });
    const pt = (packages: string, body: string) => estimatePages(doc(packages, body)).totalPages * H;
    const theorem = '\\begin{theorem}\nA statement.\n\\end{theorem}';
    const proof = '\\begin{proof}\nA proof.\n\\end{proof}';
    near(pt('amsmath,amsthm', theorem) - pt('amsmath', theorem), -NEURIPS.parSkip, 'theorem: no \\parskip above');
    // The proof's trivlist: 6pt and \\partopsep above and below, against 4pt.
    near(pt('amsmath,amsthm', proof) - pt('amsmath', proof), 2 * (NEURIPS.amsthmProofSep + NEURIPS.parTopSep - NEURIPS.topSep), 'proof');
  });
});

describe('parseWidth', () => {
  test('reads fractions of the line width, percentages and lengths', () => {
    assert.equal(parseWidth('0.5\\linewidth', undefined), NEURIPS.textWidth / 2);
    assert.ok(Math.abs(parseWidth('50%', undefined) - NEURIPS.textWidth / 2) < 1e-9);
    assert.equal(parseWidth('2in', undefined), 2 * 72.27);
    assert.ok(Math.abs(parseWidth('2.54cm', undefined) - 72.27) < 1e-9);
    assert.equal(parseWidth(undefined, 100), 100);
    assert.equal(parseWidth(undefined, 5000), NEURIPS.textWidth);
  });
});

describe('font metrics', () => {
  test('characters outside ASCII have widths in em like the rest', () => {
    assert.ok(countTextLines('a long dash \u2014 and \u201cquotes\u201d and caf\u00e9', 300) === 1);
    assert.ok(Math.abs(textWidth('\u2014') - 1) < 1e-9);
    assert.ok(Math.abs(textWidth('M') - 0.889) < 1e-9);
  });
});
