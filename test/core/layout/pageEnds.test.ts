import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createBibIndex, parseBib } from '../../../src/core/bib';
import { estimatePages, NEURIPS } from '../../../src/core/layout';
import { Pager } from '../../../src/core/layout/pager';
import { readWriteup } from '../../../src/core/readers';
import { prose } from './model';

// Where TeX ends a page: the page's glue shrinking to take one more line, a display taking its
// paragraph's last lines along, a footnote at the foot of its mark's page; and Markdown citations
// as printed, where they stand.

const LINE = NEURIPS.baselineSkip;
const H = NEURIPS.textHeight;

const tex = (body: string) =>
  readWriteup(`\\documentclass{article}\n\\usepackage[final]{neurips_2024}\n\\title{A title}\n\\begin{document}\n\\maketitle\n${body}\n\\end{document}\n`, { file: '/w/r.tex' });
const paras = (n: number, words = 95, seed = 1): string => Array.from({ length: n }, (_, i) => prose(words, seed + i)).join('\n\n');

/** A fresh page (the NeurIPS block) with one line on it, so that glue counts. */
function startedPage(): Pager {
  const pager = new Pager();
  pager.lines(1, LINE, 'text', 0, 0);
  return pager;
}

/** Adds glue that may shrink by `shrink` and stretch by `stretch`, then space up to `short` points below the natural goal. */
function fillTo(pager: Pager, short: number, shrink: number, stretch: number): void {
  for (let i = 0; i < 4; i++) pager.glue(6, 'text', shrink / 4, stretch / 4);
  const goal = pager.room() - shrink;
  pager.glue(goal - short - pager.y, 'text');
  assert.ok(Math.abs(pager.room() - shrink - short - pager.y) < 1e-6);
}

describe('page ends as TeX finds them', () => {
  test('a page whose glue can shrink enough takes two more lines over its goal; one that cannot breaks before them', () => {
    // Two lines 5pt over the goal: 16pt of shrink takes them (badness 3), 4pt does not.
    const shrinks = startedPage();
    fillTo(shrinks, 2 * LINE - 5, 16, 4);
    shrinks.lines(2, LINE, 'text', 1, 1);
    assert.equal(shrinks.page, 0, 'shrunk onto the page');
    const stiff = startedPage();
    fillTo(stiff, 2 * LINE - 5, 4, 4);
    stiff.lines(2, LINE, 'text', 1, 1);
    assert.equal(stiff.page, 1, 'no shrink to take them');
  });

  test('TeX takes the cheaper page: shrinking far when the page can stretch to its bottom without them breaks before them', () => {
    // 12pt over with 16pt of shrink is badness 42; stopping 9.9pt short with 20pt of stretch is badness 12.
    const stretches = startedPage();
    fillTo(stretches, 2 * LINE - 12, 16, 20);
    stretches.lines(2, LINE, 'text', 1, 1);
    assert.equal(stretches.page, 1);
    // With 4pt of stretch the short page is as bad as TeX's badness goes: it shrinks instead.
    const stiff = startedPage();
    fillTo(stiff, 2 * LINE - 12, 16, 4);
    stiff.lines(2, LINE, 'text', 1, 1);
    assert.equal(stiff.page, 0);
  });

  test('a display that does not fit takes its paragraph\'s last two lines to the next page', () => {
    const pager = startedPage();
    fillTo(pager, 3 * LINE, 0, 0);
    pager.lines(5, LINE, 'text', 1, 1);
    assert.equal(pager.page, 1, 'two of the five lines went over');
    // The page is full: a display after the paragraph cannot open the next page alone.
    const display = 30;
    const carried = startedPage();
    fillTo(carried, 5 * LINE + 2, 0, 0);
    carried.lines(5, LINE, 'text', 1, 1);
    assert.equal(carried.page, 0);
    carried.box(display, 'math', 2, 0, 2);
    assert.equal(carried.page, 1);
    assert.ok(Math.abs(carried.y - (2 * LINE + display)) < 1e-6, `the display and two lines above it: ${carried.y}`);
  });
});

describe('a footnote stands at the foot of the page holding its mark', () => {
  // A page of text, then a paragraph that runs over the page end with a long note.
  const note = `\\footnote{${prose(60, 7)}}`;
  const long = prose(170, 40);
  const cut = long.indexOf(' ', 40);
  const body = (mark: 'first' | 'last') =>
    `\\section{Intro}\n${paras(6)}\n\n${mark === 'first' ? `${long.slice(0, cut)}${note}${long.slice(cut)}` : `${long}${note}`}\n\n\\section*{References}\nA reference.`;

  test('a mark in the paragraph\'s first line puts the note on the first page, and more of the paragraph moves on', () => {
    const first = estimatePages(tex(body('first')));
    const last = estimatePages(tex(body('last')));
    // Both pages break inside the paragraph (its source line).
    assert.deepEqual(first.pageBreaks, [{ page: 1, line: 18 }]);
    assert.deepEqual(last.pageBreaks, [{ page: 1, line: 18 }]);
    // The note (four 9pt lines and the skip above it, 49pt) takes room from the first page when its mark is there, from the second when it is at the end.
    const moved = (first.contentPages - last.contentPages) * H;
    assert.ok(moved > 2 * LINE && moved < 5 * LINE, `the second page holds ${moved.toFixed(1)}pt more text`);
  });

  test('a note in a paragraph that fits on its page stands at that page\'s foot either way', () => {
    const short = (mark: 'first' | 'last') => {
      const text = prose(60, 40);
      const at = text.indexOf(' ', 40);
      return estimatePages(tex(`\\section{Intro}\n${paras(2)}\n\n${mark === 'first' ? `${text.slice(0, at)}${note}${text.slice(at)}` : `${text}${note}`}\n\n\\section*{References}\nA reference.`));
    };
    assert.equal(short('first').contentPages, short('last').contentPages);
  });
});

describe('Markdown citations as printed', () => {
  const bibOf = (authors: string) => createBibIndex([parseBib(`@article{a, author = {${authors}}, title = {T}, journal = {J}, year = {2021}}\n@article{b, author = {Roe, Ann}, title = {U}, journal = {J}, year = {2020}}`, '/w/references.bib')]);
  const md = (text: string) => readWriteup(`---\ntitle: T\nbibliography: references.bib\n---\n\n${text}\n`, { file: '/w/report.md' });

  test('an author-year citation is as long as its authors\' names: "(Doe et al. 2021)" against "(Doe and Verylongsurname 2021)"', () => {
    const text = Array.from({ length: 30 }, (_, i) => `${prose(12, i + 1)} [@a].`).join(' ');
    const three = estimatePages(md(text), { bibliography: bibOf('Doe, Jane and Roe, Ann and Poe, Al') });
    const two = estimatePages(md(text), { bibliography: bibOf('Doe, Jane and Verylongsurnameofanauthor, Ann') });
    assert.ok(two.breakdown.text > three.breakdown.text + (2 * LINE) / H, `${two.breakdown.text * H} vs ${three.breakdown.text * H} pt`);
  });

  test('a citation before inline math is set once, as printed, where it stands', () => {
    const words = prose(150, 3);
    const bib = bibOf('Doe, Jane');
    const before = estimatePages(md(`${words} [@a; @b] then $x + y$ and more.`), { bibliography: bib });
    const after = estimatePages(md(`${words} then $x + y$ and more [@a; @b].`), { bibliography: bib });
    assert.ok(Math.abs(before.breakdown.text - after.breakdown.text) < (0.5 * LINE) / H, `${before.breakdown.text * H} vs ${after.breakdown.text * H} pt`);
  });
});
