import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { estimatePages, parseWidth, NEURIPS } from '../../../src/core/layout';
import { textWidth } from '../../../src/core/layout/fonts';
import { countTextLines } from '../../../src/core/layout/lineBreak';
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
