import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { FileHost } from '../../../src/core/host';
import { estimatePages } from '../../../src/core/layout';
import type { ImageSize } from '../../../src/core/layout';
import { readWriteup } from '../../../src/core/readers';
import { prose } from './model';

// What appendices after the references hold: floats read from an `\input` child, figures without
// captions, captions with math, `\clearpage` in a child, listings that wrap their long lines.

const doc = (preamble: string, body: string, host?: FileHost) =>
  readWriteup(`\\documentclass{article}\n\\usepackage[final]{neurips_2024}\n\\usepackage{float}\n${preamble}\n\\title{A title}\n\\begin{document}\n\\maketitle\n${body}\n\\end{document}\n`, { file: '/w/r.tex', ...(host ? { host } : {}) });
const paras = (n: number, words = 120, seed = 1): string => Array.from({ length: n }, (_, i) => prose(words, seed + i)).join('\n\n');
const files = (map: Record<string, string>): FileHost => ({ readFile: (p) => map[p], exists: (p) => p in map });
/** Every image is twice as wide as it is tall. */
const wide = (): ImageSize => ({ width: 400, height: 200 });
const figure = (spec: string, caption = '\\caption{A run.}') => `\\begin{figure}${spec}\n\\centering\n\\includegraphics[width=\\linewidth]{a.png}\n${caption}\n\\end{figure}`;

describe('page estimate of appendices', () => {
  test('a float read from an \\input child keeps its placement: [H] figures stand where they are written', () => {
    const appendix = `\\section{More figures}\n${paras(1)}\n${figure('[H]')}\n${figure('[H]')}\n${figure('[H]')}\n${paras(1, 60, 4)}`;
    const w = doc('', `\\section{Intro}\n${paras(2)}\n\\appendix\n\\input{more}`, files({ '/w/more.tex': appendix }));
    const figures = w.blocks.filter((b) => b.type === 'figure');
    assert.deepEqual(figures.map((b) => (b.type === 'figure' ? b.placement : undefined)), ['H', 'H', 'H']);
    const included = estimatePages(w, { imageSize: wide });
    const inline = estimatePages(doc('', `\\section{Intro}\n${paras(2)}\n\\appendix\n${appendix}`), { imageSize: wide });
    assert.ok(Math.abs(included.totalPages - inline.totalPages) < 0.01, `${included.totalPages} vs ${inline.totalPages}`);
    // Three 198pt figures set in the text after a paragraph: the document ends on its third page, not
    // after a page of floats at the end.
    assert.equal(Math.ceil(included.totalPages), 3, `total ${included.totalPages}`);
  });

  test('\\clearpage in an \\input child sets the waiting floats before the text goes on', () => {
    const child = (brk: string) => `\\section{A}\n${paras(1)}\n${figure('[t]')}\n${figure('[t]')}\n${figure('[t]')}\n${figure('[t]')}\n${paras(1, 40, 3)}\n${brk}\n\\section{B}\n${paras(1, 60, 5)}`;
    const cleared = doc('', `\\input{part}`, files({ '/w/part.tex': child('\\clearpage') }));
    const brk = cleared.blocks.find((b) => b.type === 'pagebreak');
    assert.equal(brk?.type === 'pagebreak' ? brk.clear : undefined, true);
    const newpage = doc('', `\\input{part}`, files({ '/w/part.tex': child('\\newpage') }));
    const c = estimatePages(cleared, { imageSize: wide });
    const n = estimatePages(newpage, { imageSize: wide });
    // \\newpage lets section B start beside the floats still waiting; \\clearpage sets them first, on pages of their own.
    assert.ok(c.totalPages > n.totalPages + 0.3, `clearpage ${c.totalPages} vs newpage ${n.totalPages}`);
  });

  test('a figure without a caption has no caption skip: it is as tall as its image', () => {
    const bare = estimatePages(doc('', figure('[H]', '')), { imageSize: wide });
    const none = estimatePages(doc('', ''), { imageSize: wide });
    // 396pt wide, 198pt tall, \\intextsep (12pt) above and below it.
    assert.ok(Math.abs((bare.totalPages - none.totalPages) * 648 - (198 + 2 * 12)) < 1.5, `${(bare.totalPages - none.totalPages) * 648}pt`);
    const captioned = estimatePages(doc('', figure('[H]')), { imageSize: wide });
    // The caption's one line (11pt) and \\abovecaptionskip (7pt).
    assert.ok(Math.abs((captioned.totalPages - bare.totalPages) * 648 - 18) < 1.5, `${(captioned.totalPages - bare.totalPages) * 648}pt`);
  });

  test("a caption's math prints symbols, and its text macros print their text", () => {
    const one = (caption: string) => estimatePages(doc('\\newcommand{\\lossfn}{\\mathcal{L}}\n\\newcommand{\\judges}{judge models}', figure('[H]', `\\caption{${caption}}`)), { imageSize: wide }).totalPages;
    // Printed, this caption is one line; measured as the names of its commands it took two.
    const math = one('Training loss $\\lossfn_{\\mathrm{train}}$ and validation loss $\\lossfn_{\\mathrm{val}}$ of the sweep, $\\lambda_1$ to $\\lambda_4$.');
    const plain = one('Training loss L and validation loss L of the sweep, from one to four.');
    assert.ok(Math.abs(math - plain) < 0.5 / 648, `${math} vs ${plain}`);
    const w = doc('\\newcommand{\\judges}{judge models}', figure('[t]', '\\caption{What the \\judges say.}'));
    const f = w.blocks.find((b) => b.type === 'figure');
    assert.equal(f?.type === 'figure' ? f.caption : undefined, 'What the judge models say.');
  });

  test('listings with breaklines wrap their long lines at the measure; without it a line is a line', () => {
    const long = Array.from({ length: 8 }, (_, i) => prose(14, i + 2).toLowerCase()).join(' ');
    const listing = (options: string) => `${paras(1)}\n\n\\begin{lstlisting}${options}\n    ${long}\n\\end{lstlisting}\n`;
    const lines = (w: ReturnType<typeof doc>) => {
      const code = w.blocks.find((b) => b.type === 'code');
      return code?.type === 'code' ? code : undefined;
    };
    const wrapped = doc('\\usepackage{listings}', listing('[breaklines=true]'));
    assert.equal(lines(wrapped)?.wrapping?.length, 1);
    const unwrapped = doc('\\usepackage{listings}', listing(''));
    assert.equal(lines(unwrapped)?.wrapping, undefined);
    const w = estimatePages(wrapped);
    const u = estimatePages(unwrapped);
    // 6pt characters on a 396pt measure: 66 a line less the line's indent (62 after the 20pt break
    // indent), broken at spaces; every line but the first is one more 11pt line.
    const extra = (w.totalPages - u.totalPages) * 648 / 11;
    assert.ok(extra >= long.length / 62 - 1 && extra <= long.length / 52, `${extra} lines more for ${long.length} characters`);
    // \\lstset in the main preamble holds for a listing in an \\input child, its size too.
    const child = doc('\\usepackage{listings}\n\\lstset{basicstyle=\\small,\n  breaklines=true}', '\\input{code}', files({ '/w/code.tex': listing('') }));
    assert.equal(lines(child)?.wrapping?.length, 1);
    assert.equal(lines(child)?.size, 'small');
    assert.equal(lines(doc('\\usepackage{listings}\n\\lstset{breaklines}', listing('[breaklines=false]')))?.wrapping, undefined);
  });

  test('a longtable is rows in the text that break across pages, its head repeated on each later page', () => {
    const rows = (n: number) => Array.from({ length: n }, (_, i) => `${i} & run ${i} & ${i / 10} \\\\`).join('\n');
    const longtable = (head: string) => `${paras(1)}\n\n\\begin{longtable}{lcr}\n\\caption{Every run.} \\\\\n${head}${rows(120)}\n\\end{longtable}\n\n${paras(1, 40, 7)}`;
    const w = doc('\\usepackage{longtable}', longtable('\\hline\nRun & Name & Rate \\\\\n\\hline\n\\endhead\n'));
    const t = w.blocks.find((b) => b.type === 'table');
    assert.ok(t?.type === 'table');
    assert.equal(t.longtable, true);
    assert.equal(t.caption, 'Every run.');
    // The caption is no row; the head is shown once and counted apart for the later pages.
    assert.equal(t.rows, 121);
    assert.equal(t.headRows, 1);
    const e = estimatePages(w);
    // 121 rows of 11pt after a paragraph: three pages, never a float (a float is one page at most).
    assert.ok(e.breakdown.tables > 1.9, `tables ${e.breakdown.tables}`);
    assert.ok(e.totalPages > 2.2 && e.totalPages < 3, `total ${e.totalPages}`);
    // Without \\endhead nothing repeats: two rows fewer over two page breaks.
    const plain = estimatePages(doc('\\usepackage{longtable}', longtable('\\hline\nRun & Name & Rate \\\\\n\\hline\n')));
    assert.ok(Math.abs((e.totalPages - plain.totalPages) * 648 - 2 * 11) < 3, `${(e.totalPages - plain.totalPages) * 648}pt`);
  });

  test('a \\multicolumn cell spans its columns: it wraps only in a p{..} of its own', () => {
    const spanning = `\\begin{table}[H]\n\\begin{tabular}{p{1cm}p{1cm}}\n\\multicolumn{2}{c}{A heading much wider than one narrow column} \\\\\n1 & 2 \\\\\n\\end{tabular}\n\\caption{Spans.}\n\\end{table}`;
    const t = doc('', spanning).blocks.find((b) => b.type === 'table');
    assert.equal(t?.type === 'table' ? t.lines : 'none', undefined, 'two rows of one line each');
    const wrapped = spanning.replace('\\multicolumn{2}{c}', '\\multicolumn{2}{p{1.5cm}}');
    const u = doc('', wrapped).blocks.find((b) => b.type === 'table');
    assert.ok(u?.type === 'table' && (u.lines ?? 0) >= 4, `lines ${u?.type === 'table' ? u.lines : ''}`);
  });

  test('\\arraystretch makes the rows taller: in the float, in a group before a longtable, or in the preamble', () => {
    const rows = Array.from({ length: 20 }, (_, i) => `${i} & ${i * 2} \\\\`).join('\n');
    const float = (inside: string) => `\\begin{table}[H]\n${inside}\n\\begin{tabular}{cc}\n${rows}\n\\end{tabular}\n\\caption{Rows.}\n\\end{table}`;
    const stretchOf = (w: ReturnType<typeof doc>) => {
      const t = w.blocks.find((b) => b.type === 'table');
      return t?.type === 'table' ? t.stretch : 'none';
    };
    assert.equal(stretchOf(doc('', float('\\renewcommand{\\arraystretch}{1.5}'))), 1.5);
    assert.equal(stretchOf(doc('\\renewcommand\\arraystretch{1.2}', float(''))), 1.2);
    assert.equal(stretchOf(doc('', float(''))), undefined);
    assert.equal(stretchOf(doc('\\usepackage{longtable}', `{\\small\n\\renewcommand{\\arraystretch}{1.3}\n\\begin{longtable}{cc}\n${rows}\n\\end{longtable}\n}`)), 1.3);
    const tall = estimatePages(doc('', float('\\renewcommand{\\arraystretch}{1.5}'))).totalPages;
    const plain = estimatePages(doc('', float(''))).totalPages;
    // Twenty 11pt rows half as tall again: 110pt more.
    assert.ok(Math.abs((tall - plain) * 648 - 110) < 2, `${(tall - plain) * 648}pt`);
  });
});

