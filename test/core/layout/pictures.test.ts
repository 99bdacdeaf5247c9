import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { estimatePages } from '../../../src/core/layout';
import { pictureHeight as heightOf } from '../../../src/core/layout/pictures';
import { readPicture } from '../../../src/core/readers/latex/pictures';
import { readWriteup } from '../../../src/core/readers';
import { prose } from './model';

const CM = 72.27 / 2.54;
const near = (actual: number | undefined, expected: number, tolerance: number, what: string): void => {
  assert.ok(actual !== undefined && Math.abs(actual - expected) <= tolerance, `${what}: ${actual} against ${expected}`);
};

/** The height the page estimate gives a picture as the reader reads it. */
const pictureHeight = (source: string, name: string): number | undefined => heightOf(readPicture(source, name, false));

describe('pictureHeight', () => {
  test('a TikZ picture is as tall as the bounding box of its coordinates (1cm a unit, plus the line width)', () => {
    near(pictureHeight('\\begin{tikzpicture}\n\\draw (0,0) rectangle (6,3);\n\\draw[->] (0,0) -- (6,3);\n\\end{tikzpicture}', 'tikzpicture'), 3 * CM + 0.4, 0.01, 'rectangle');
    near(pictureHeight('\\begin{tikzpicture}\\draw (0,-1) -- (2,1.5);\\end{tikzpicture}', 'tikzpicture'), 2.5 * CM + 0.4, 0.01, 'below the origin');
    near(pictureHeight('\\begin{tikzpicture}\\draw (0,0) -- (0,20pt);\\end{tikzpicture}', 'tikzpicture'), 20.4, 0.01, 'a dimension');
  });

  test('scale= and yscale= scale the coordinates; circles and ellipses reach out by their radius', () => {
    near(pictureHeight('\\begin{tikzpicture}[scale=0.8]\n\\draw (0,0) -- (8,5);\n\\end{tikzpicture}', 'tikzpicture'), 4 * CM + 0.4, 0.01, 'scale');
    near(pictureHeight('\\begin{tikzpicture}[yscale=0.5]\n\\draw (0,0) -- (8,5);\n\\end{tikzpicture}', 'tikzpicture'), 2.5 * CM + 0.4, 0.01, 'yscale');
    near(pictureHeight('\\begin{tikzpicture}\\draw (0,0) circle (2);\\end{tikzpicture}', 'tikzpicture'), 4 * CM + 0.4, 0.01, 'circle');
    near(pictureHeight('\\begin{tikzpicture}\\draw (0,0) circle [radius=1];\\end{tikzpicture}', 'tikzpicture'), 2 * CM + 0.4, 0.01, 'circle [radius]');
    near(pictureHeight('\\begin{tikzpicture}\\draw (0,0) ellipse (3 and 1);\\end{tikzpicture}', 'tikzpicture'), 2 * CM + 0.4, 0.01, 'ellipse');
  });

  test('a row of nodes is one text line tall with its inner sep', () => {
    const row = '\\begin{tikzpicture}\n\\node[draw] (a) at (0,0) {input};\n\\node[draw] (b) at (3,0) {layer};\n\\draw[->] (a) -- (b);\n\\end{tikzpicture}';
    near(pictureHeight(row, 'tikzpicture'), 16, 1.5, 'nodes');
  });

  test('a forest tree is as tall as its levels', () => {
    const two = pictureHeight('\\begin{forest}\n[root [a] [b]]\n\\end{forest}', 'forest');
    const four = pictureHeight('\\begin{forest}\nfor tree={draw}\n[root [left [a] [b]] [right [c] [d [e] [f]]]]\n\\end{forest}', 'forest');
    assert.ok(two !== undefined && four !== undefined);
    near(four - two, 2 * 26.9, 0.01, 'two more levels');
  });

  test('what it cannot size is undefined: relative and polar coordinates, loops, plots', () => {
    for (const body of ['\\draw (0,0) -- ++(1,2);', '\\draw (0,0) -- (30:2);', '\\foreach \\x in {1,2} \\draw (\\x,0) -- (\\x,1);', '\\draw plot (\\x, \\x^2);', '\\node (a) {A}; \\node[below=of a] {B};']) {
      assert.equal(pictureHeight(`\\begin{tikzpicture}${body}\\end{tikzpicture}`, 'tikzpicture'), undefined, body);
    }
    assert.equal(pictureHeight('\\begin{tikzpicture}\\node (a) {A};', 'pgfpicture'), undefined);
    assert.equal(pictureHeight('\\begin{forest}\nfor tree={grow=east}\n[root [a] [b]]\n\\end{forest}', 'forest'), undefined);
  });
});

describe('pictures outside floats in the page estimate', () => {
  const doc = (picture: string): ReturnType<typeof readWriteup> =>
    readWriteup(`\\documentclass{article}\n\\usepackage[final]{neurips_2024}\n\\usepackage{tikz}\n\\begin{document}\n${prose(120, 1)}\n\n\\begin{center}\n${picture}\n\\end{center}\n\n${prose(120, 2)}\n\\end{document}\n`, { file: '/w/r.tex' });

  test('a simple centred picture takes its height and the centre environment\'s skips, with no note', () => {
    const e = estimatePages(doc('\\begin{tikzpicture}\n\\draw (0,0) rectangle (6,3);\n\\end{tikzpicture}'));
    // 3cm, then \\parskip, \\topsep + \\partopsep above and below, and the line above's depth and \\lineskip.
    near(e.breakdown.figures * 648, 3 * CM + 0.4 + 5.5 + 2 * 5 + 3, 0.5, 'figures (pt)');
    assert.equal(e.notes, undefined);
  });

  test('a taller drawing takes more room', () => {
    const low = estimatePages(doc('\\begin{tikzpicture}\\draw (0,0) -- (4,2);\\end{tikzpicture}'));
    const high = estimatePages(doc('\\begin{tikzpicture}\\draw (0,0) -- (4,6);\\end{tikzpicture}'));
    near((high.breakdown.figures - low.breakdown.figures) * 648, 4 * CM, 0.5, 'difference (pt)');
  });
});
