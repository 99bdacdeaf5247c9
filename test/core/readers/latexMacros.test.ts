import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { FileHost } from '../../../src/core/host';
import type { Block, FigureBlock } from '../../../src/core/model';
import { estimatePages } from '../../../src/core/layout';
import { readWriteup } from '../../../src/core/readers/index';
import { unrollForeach } from '../../../src/core/readers/latex/macros';

const tex = (text: string, host?: FileHost) => readWriteup(text, { file: '/w/report.tex', ...(host ? { host } : {}) });
const doc = (preamble: string, body: string, host?: FileHost) => tex(`\\documentclass{article}\n${preamble}\n\\begin{document}\n${body}\n\\end{document}\n`, host);
const figures = (blocks: readonly Block[]): FigureBlock[] => blocks.filter((b): b is FigureBlock => b.type === 'figure');
const sizes = (blocks: readonly Block[]): Array<string | undefined> => blocks.filter((b) => b.type === 'paragraph').map((b) => (b.type === 'paragraph' ? b.size : undefined));

describe('latex reader: macros that build blocks', () => {
  const grid = `\\newcommand{\\samples}[2]{%
  \\begin{figure}
    \\centering
    \\includegraphics[width=0.3\\linewidth]{img/#1.png}
    \\caption{Samples on the #2 set.}
  \\end{figure}
}`;

  test('a two-argument macro holding a figure sets one figure where it is used, its arguments in place', () => {
    const w = doc(grid, 'Text before.\n\n\\samples{cats}{Cat}\n\\samples{dogs}{Dog}\n\nText after.');
    const f = figures(w.blocks);
    assert.deepEqual(f.map((x) => [x.path, x.caption]), [['img/cats.png', 'Samples on the Cat set.'], ['img/dogs.png', 'Samples on the Dog set.']]);
    // The arguments are not also read as a paragraph of text.
    assert.deepEqual(w.blocks.filter((b) => b.type === 'paragraph').map((b) => (b.type === 'paragraph' ? b.text : '')), ['Text before.', 'Text after.']);
    // Everything read from the expansion stands at the use.
    assert.equal(f[0]?.range.start.line, 11);
  });

  test('an optional first argument takes its default unless given', () => {
    const w = doc('\\newcommand{\\fig}[2][0.5]{\\begin{figure}\\includegraphics[width=#1\\linewidth]{#2}\\end{figure}}', '\\fig{a.png}\n\\fig[0.9]{b.png}');
    assert.deepEqual(figures(w.blocks).map((x) => [x.path, x.width]), [['a.png', '0.5\\linewidth'], ['b.png', '0.9\\linewidth']]);
  });

  test('\\foreach loops in a macro are written out: one image an item, ranges counted', () => {
    const w = doc(
      `\\newcommand{\\rows}[1]{\\begin{figure}\\foreach \\r/\\n in {a/1,b/2}{\\begin{minipage}{0.45\\linewidth}\\foreach \\k in {1,...,4}{\\includegraphics[width=0.2\\linewidth]{#1-\\n-\\k.png}}\\end{minipage} }\\caption{Rows.}\\end{figure}}`,
      '\\rows{run}',
    );
    const parts = figures(w.blocks)[0]?.parts ?? [];
    assert.equal(parts.length, 8);
    assert.deepEqual(parts.slice(0, 2).map((p) => p.path), ['run-1-1.png', 'run-1-2.png']);
    assert.equal(parts[7]?.path, 'run-2-4.png');
    assert.equal(new Set(parts.map((p) => p.box)).size, 2, 'two minipages, four images each');
  });

  test('unrollForeach: plain lists, stepped ranges, nested loops, and text around them kept', () => {
    assert.equal(unrollForeach('A \\foreach \\x in {p,q}{[\\x]} B'), 'A {[p]}{[q]} B');
    assert.equal(unrollForeach('\\foreach \\x in {1,3,...,9}{\\x,}'), '{1,}{3,}{5,}{7,}{9,}');
    assert.equal(unrollForeach('\\foreach \\x in {1,2}{\\foreach \\y in {a,b}{\\x\\y}}'), '{{1a}{1b}}{{2a}{2b}}');
    assert.equal(unrollForeach('\\foreach [count=\\i] \\x in {u}{\\x}'), '{u}');
  });

  test('a macro that uses itself is read once, not forever', () => {
    const w = doc('\\newcommand{\\again}[1]{\\begin{figure}\\includegraphics{#1}\\caption{x}\\end{figure}\\again{#1}}', '\\again{a.png}');
    assert.equal(figures(w.blocks).length, 1);
  });

  test('a block macro used inside a table cell stays part of that table', () => {
    const w = doc(
      '\\newcommand{\\cell}[2][c]{\\begin{tabular}[#1]{@{}l@{}}#2\\end{tabular}}',
      '\\begin{table}\\begin{tabular}{ll}\n\\cell{a\\\\b} & c \\\\\nd & e \\\\\n\\end{tabular}\\caption{T.}\\end{table}',
    );
    assert.equal(w.blocks.filter((b) => b.type === 'table').length, 1);
  });

  test('text macros without blocks still print their text and are not expanded as blocks', () => {
    const w = doc('\\newcommand{\\ours}{OurNet}', 'We train \\ours{} here.');
    assert.deepEqual(figures(w.blocks), []);
    assert.match(w.blocks[0]?.type === 'paragraph' ? w.blocks[0].text : '', /OurNet/);
  });
});

describe('latex reader: size switches across groups in arguments and files', () => {
  test('a footnote or caption holding its own group does not end a size switch in effect', () => {
    const w = doc('', '\\large\nFirst.\n\nA note\\footnote{see {\\em this} one}. More.\n\nA figure.\n\\begin{figure}\\includegraphics{a.png}\\caption{A {\\bf bold} word.}\\end{figure}\n\nLast.');
    assert.deepEqual(sizes(w.blocks), ['large', 'large', 'large', 'large']);
  });

  test('a size switch goes on into an \\input child and out of it', () => {
    const host: FileHost = { readFile: (p) => (p === '/w/child.tex' ? 'Child text.\n\n\\small\nSmall text.' : undefined), exists: (p) => p === '/w/child.tex' };
    const w = doc('', '\\large\nMain.\n\n\\input{child}\n\nAfter.', host);
    assert.deepEqual(sizes(w.blocks), ['large', 'large', 'small', 'small']);
  });
});

describe('latex reader and estimate: empty subcaptions', () => {
  const figure = (caption: string) =>
    `\\begin{figure}\\centering\n\\begin{subfigure}{0.45\\textwidth}\\includegraphics[width=\\linewidth]{a.png}\\${caption}\\end{subfigure}%\n\\begin{subfigure}{0.45\\textwidth}\\includegraphics[width=\\linewidth]{b.png}\\${caption}\\end{subfigure}\n\\caption{Two panels.}\\end{figure}`;

  test('an empty \\caption{} in a subfigure prints its label "(a)"; an empty \\caption*{} prints nothing', () => {
    const labelled = figures(doc('\\usepackage{subcaption}', figure('caption{}')).blocks)[0];
    const bare = figures(doc('\\usepackage{subcaption}', figure('caption*{}')).blocks)[0];
    assert.deepEqual(labelled?.parts?.map((p) => p.caption), ['', '']);
    assert.deepEqual(bare?.parts?.map((p) => p.caption), [undefined, undefined]);
    const size = () => ({ width: 100, height: 100 });
    const height = (body: string): number => estimatePages(doc('\\usepackage[final]{neurips_2024}\n\\usepackage{subcaption}', body), { imageSize: size }).breakdown.figures * 648;
    // The label's line: one 11pt line and the subcaption's skip.
    const extra = height(figure('caption{}')) - height(figure('caption*{}'));
    assert.ok(extra > 12 && extra < 18, `${extra}`);
  });
});
