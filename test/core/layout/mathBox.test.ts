import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { displayMathRowsHeight } from '../../../src/core/layout';
import { displayMathWidth, inlineMathWidth } from '../../../src/core/layout/mathBox';

const rows3 = 'a \\\\ b \\\\ c';

describe('aligned, gathered and split nested in a display', () => {
  test('an aligned after "f(x) =" or inside \\left\\{ has strut-high rows \\jot apart, as when it is the whole display', () => {
    const whole = displayMathRowsHeight(`\\begin{aligned} ${rows3} \\end{aligned}`, 'equation').height;
    // Three rows of 7.7 + 3.3pt, 3pt of \\jot between them.
    assert.ok(Math.abs(whole - 39) < 0.01, String(whole));
    for (const tex of [`f(x) = \\begin{aligned} ${rows3} \\end{aligned}`, `\\left\\{ \\begin{aligned} ${rows3} \\end{aligned} \\right.`, `\\label{eq:a} \\begin{gathered} ${rows3} \\end{gathered}`, `\\begin{split} ${rows3} \\end{split}`]) {
      const h = displayMathRowsHeight(tex, 'equation').height;
      assert.ok(Math.abs(h - whole) < 1.5, `${tex}: ${h} against ${whole}`);
    }
  });

  test('aligned[t] hangs from its first row: the same height, below the baseline', () => {
    const centred = displayMathRowsHeight(`f = \\begin{aligned} ${rows3} \\end{aligned}`, 'equation').height;
    const top = displayMathRowsHeight(`f = \\begin{aligned}[t] ${rows3} \\end{aligned}`, 'equation').height;
    assert.ok(Math.abs(top - centred) < 1.5, `${top} against ${centred}`);
  });

  test('a gathered in a row of an align makes that row as tall as its rows', () => {
    const plain = displayMathRowsHeight('P &= a \\\\ Q &= b', 'align').height;
    const nested = displayMathRowsHeight('P &= \\begin{gathered} a \\\\ b \\\\ c \\end{gathered} \\\\ Q &= b', 'align').height;
    assert.ok(nested - plain > 2 * 14 - 1, `${nested} against ${plain}`);
  });

  test('an equation holding aligned rows is one box: it has a width for TeX\'s short skips; align has none', () => {
    const w = displayMathWidth(`f(x) = \\begin{aligned} ${rows3} \\end{aligned}`, 'equation');
    assert.ok(w !== undefined && w > 10 && w < 100, String(w));
    assert.equal(displayMathWidth(rows3, 'align'), undefined);
  });
});

describe('inline math letters in Computer Modern', () => {
  test('letters take the math italic widths (cmmi10), wider than Times italic: "x" 5.72pt, "nm" 14.78pt, "\\Theta" about 7.3pt', () => {
    assert.ok(Math.abs(inlineMathWidth('x') - 5.72) < 0.01, String(inlineMathWidth('x')));
    assert.ok(Math.abs(inlineMathWidth('nm') - 14.78) < 0.01, String(inlineMathWidth('nm')));
    assert.ok(Math.abs(inlineMathWidth('\\Theta') - 7.3) < 0.01, String(inlineMathWidth('\\Theta')));
    // "a + b": the letters and the binary operator with its medium spaces (7.78 + 2 x 2.22pt).
    assert.ok(Math.abs(inlineMathWidth('a + b') - (5.29 + 12.22 + 4.29)) < 0.01, String(inlineMathWidth('a + b')));
  });
});
