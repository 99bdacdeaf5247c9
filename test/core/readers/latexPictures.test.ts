import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { readWriteup } from '../../../src/core/readers';
import { readPicture } from '../../../src/core/readers/latex/pictures';

describe('latex reader: what a picture\'s source says about its size', () => {
  test('a TikZ picture gives the y its points reach, as written (a bare number in picture units, a dimension with its unit)', () => {
    const p = readPicture('\\begin{tikzpicture}\n\\draw (0,-1) -- (2,1.5); % (9,9) is a comment\n\\draw (0,0) -- (0,20pt);\n\\end{tikzpicture}', 'tikzpicture', false);
    assert.deepEqual(p, {
      centred: false,
      tikz: { scale: 1, yscale: 1, marks: [{ y: { value: -1 } }, { y: { value: 1.5 } }, { y: { value: 0 } }, { y: { value: 20, unit: 'pt' } }] },
    });
  });

  test('the options\' y unit and scales, circles with their radius, nodes with and without text', () => {
    const p = readPicture('\\begin{tikzpicture}[scale=0.8, yscale=0.5, y=0.5cm]\\draw (1,2) circle (3pt);\\node at (0,4) {input};\\coordinate (c) at (0,5);\\end{tikzpicture}', 'tikzpicture', true);
    assert.deepEqual(p.tikz, {
      yUnit: '0.5cm',
      scale: 0.8,
      yscale: 0.5,
      marks: [{ y: { value: 2 } }, { y: { value: 2 }, radius: { value: 3, unit: 'pt' } }, { y: { value: 4 } }, { y: { value: 4 }, text: true }, { y: { value: 5 } }, { y: { value: 5 } }],
    });
    assert.equal(p.centred, true);
    assert.equal(readPicture('\\begin{tikzpicture}[y=2]\\draw (0,0) -- (1,1);\\end{tikzpicture}', 'tikzpicture', false).tikz?.yUnit, 2);
  });

  test('a drawing placed relative to itself is not read; nor a picture other than TikZ or forest', () => {
    assert.deepEqual(readPicture('\\begin{tikzpicture}\\draw (0,0) -- ++(1,2);\\end{tikzpicture}', 'tikzpicture', false), { centred: false });
    assert.deepEqual(readPicture('\\begin{circuitikz}\\draw (0,0) -- (1,2);\\end{circuitikz}', 'circuitikz', false), { centred: false });
  });

  test('a forest tree gives its levels, outside braces; one growing sideways gives none', () => {
    assert.equal(readPicture('\\begin{forest}\nfor tree={draw, label={[x]}}\n[root [left [a] [b]] [right [c] [d [e] [f]]]]\n\\end{forest}', 'forest', false).levels, 4);
    assert.equal(readPicture('\\begin{forest}\nfor tree={grow=east}\n[root [a] [b]]\n\\end{forest}', 'forest', false).levels, undefined);
  });

  test('the model\'s picture block holds the facts, not the source', () => {
    const w = readWriteup('\\documentclass{article}\n\\begin{document}\n\\begin{center}\n\\begin{forest}[a [b] [c]]\\end{forest}\n\\end{center}\n\\end{document}\n', { file: '/w/r.tex' });
    const block = w.blocks.find((b) => b.type === 'environment' && b.name === 'forest');
    assert.deepEqual(block?.type === 'environment' ? block.picture : undefined, { centred: true, levels: 2 });
  });
});
