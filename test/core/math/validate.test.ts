import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { collectMacros } from '../../../src/core/math/macros';
import { checkStructure, validateMathNodes, validateTex } from '../../../src/core/math/validate';
import type { MathNode } from '../../../src/core/model/writeup';
import { readWriteup } from '../../../src/core/readers/index';
import { LineIndex } from '../../../src/core/text/lineIndex';

/** The TeX each problem points at. */
function pointed(tex: string, display = false, environment?: string): { code: string; text: string }[] {
  return validateTex(tex, { display, ...(environment ? { environment } : {}) }).map((p) => ({ code: p.code, text: tex.slice(p.start, p.end) }));
}

/** A math node for `tex` found in `text` between the given delimiters. */
function node(text: string, open: string, close: string, extra: Partial<MathNode> = {}): MathNode {
  const lines = new LineIndex(text);
  const start = text.indexOf(open);
  const contentStart = start + open.length;
  const contentEnd = text.indexOf(close, contentStart);
  return {
    tex: text.slice(contentStart, contentEnd),
    display: open !== '$',
    range: lines.rangeAt(start, contentEnd + close.length),
    contentRange: lines.rangeAt(contentStart, contentEnd),
    delimiter: open === '$' ? '$' : open === '$$' ? '$$' : 'env',
    ...extra,
  };
}

describe('validateTex', () => {
  test('valid formulas, including align, cases, matrices and LaTeX cross-references, have no problems', () => {
    assert.deepEqual(pointed('\\frac{a}{b} + \\left( \\sum_i x_i \\right)^2'), []);
    assert.deepEqual(pointed('a &= b \\label{eq:1} \\\\ c &= \\eqref{eq:1}', true, 'align'), []);
    assert.deepEqual(pointed('f(x) = \\begin{cases} 1 & x > 0 \\\\ 0 & \\text{else} \\end{cases}', true), []);
    assert.deepEqual(pointed('\\begin{pmatrix} a & b \\\\ c & d \\end{pmatrix}', true), []);
    assert.deepEqual(pointed('a + b \\\\ = c', true, 'multline*'), []);
  });

  test('an unknown command points at the command', () => {
    assert.deepEqual(pointed('x + \\frca{1}{2}'), [{ code: 'unknownCommand', text: '\\frca' }]);
  });

  test('an unclosed brace points at the brace that is never closed', () => {
    assert.deepEqual(pointed('\\frac{1}{n + \\sqrt{2}'), [{ code: 'unclosedBrace', text: '{' }]);
    assert.equal(validateTex('\\frac{1}{n + \\sqrt{2}', { display: false })[0]?.start, 8);
  });

  test('a stray closing brace points at it', () => {
    assert.deepEqual(pointed('a} + b'), [{ code: 'unexpectedBrace', text: '}' }]);
  });

  test('\\left without \\right and \\right without \\left', () => {
    assert.deepEqual(pointed('\\left( x + y'), [{ code: 'leftWithoutRight', text: '\\left(' }]);
    assert.deepEqual(pointed('x + y \\right]'), [{ code: 'rightWithoutLeft', text: '\\right]' }]);
    const [left] = validateTex('\\left\\{ x', { display: false });
    assert.equal(left?.message, '`\\left\\{` without a matching `\\right`.');
  });

  test('an environment ended by another name points at the wrong name', () => {
    const [p] = validateTex('\\begin{cases} 1 \\end{array}', { display: true });
    assert.equal(p?.code, 'environmentMismatch');
    assert.equal(p?.message, 'Unexpected `\\end` of `array`: the environment open here is `cases`.');
    assert.deepEqual(pointed('\\begin{cases} 1 \\end{array}', true), [{ code: 'environmentMismatch', text: 'array' }]);
    assert.deepEqual(pointed('\\begin{cases} 1 & 2', true), [{ code: 'unclosedEnvironment', text: '\\begin{cases}' }]);
    assert.deepEqual(pointed('1 \\end{cases}', true), [{ code: 'unexpectedEnd', text: '\\end{cases}' }]);
  });

  test('an unknown environment points at its name', () => {
    assert.deepEqual(pointed('\\begin{bogus} x \\end{bogus}', true), [{ code: 'unknownEnvironment', text: 'bogus' }]);
  });

  test('macros from the preamble are known; an undefined one is not', () => {
    const macros = collectMacros('\\newcommand{\\Rad}{\\mathfrak{R}}\\newcommand{\\norm}[1]{\\lVert #1 \\rVert}');
    assert.deepEqual(validateTex('\\Rad_n \\le \\norm{W}', { display: false, macros }), []);
    assert.equal(validateTex('\\Rad_n', { display: false })[0]?.code, 'unknownCommand');
  });

  test('an error inside a macro body is reported at the macro use', () => {
    const macros = collectMacros('\\newcommand{\\bad}{\\mathbbb{R}}');
    const [p] = validateTex('x \\in \\bad', { display: false, macros });
    assert.equal(p?.code, 'unknownCommand');
    assert.equal(p?.data['command'], '\\mathbbb');
  });

  test('other KaTeX errors keep KaTeX\'s message', () => {
    const [p] = validateTex('x^', { display: false });
    assert.equal(p?.code, 'parseError');
    assert.match(p?.message ?? '', /Expected group after '\^'/);
  });

  test('comments are skipped by the structural check', () => {
    assert.equal(checkStructure('a % { unclosed in a comment\n + b'), undefined);
  });
});

describe('validateMathNodes: positions in the document', () => {
  test('inline math: the range covers the unknown command on its line', () => {
    const text = 'Intro line.\nThe bound $x + \\frca{1}{n}$ holds.\n';
    const [p] = validateMathNodes(text, [node(text, '$', '$')]);
    assert.deepEqual(p?.range, { start: { line: 1, character: 15 }, end: { line: 1, character: 20 } });
  });

  test('multi-line display math: the error is on the line where it is, not the $$ line', () => {
    const text = 'Text.\n\n$$\na &= b \\\\\nc &= \\frac{1}{n\n$$\n';
    const [p] = validateMathNodes(text, [node(text, '$$', '$$')]);
    assert.equal(p?.code, 'unclosedBrace');
    assert.deepEqual(p?.range, { start: { line: 4, character: 13 }, end: { line: 4, character: 14 } });
  });

  test('an environment body (LaTeX align) maps through the wrapping', () => {
    const text = '\\begin{align}\n  a &= b \\\\\n  c &= \\frca{d}\n\\end{align}\n';
    const math = node(text, '\\begin{align}', '\\end{align}', { environment: 'align', delimiter: 'env' });
    const [p] = validateMathNodes(text, [math]);
    assert.equal(p?.code, 'unknownCommand');
    assert.deepEqual(p?.range, { start: { line: 2, character: 7 }, end: { line: 2, character: 12 } });
  });

  test('characters the reader dropped (a block quote\'s "> ") are skipped when mapping', () => {
    const text = '> $$\n> a = \\frca{1}\n> $$\n';
    const lines = new LineIndex(text);
    const math: MathNode = {
      tex: '\na = \\frca{1}\n',
      display: true,
      delimiter: '$$',
      range: lines.rangeAt(2, text.length - 1),
      contentRange: lines.rangeAt(4, text.lastIndexOf('> $$') + 2),
    };
    const [p] = validateMathNodes(text, [math]);
    assert.deepEqual(p?.range, { start: { line: 1, character: 6 }, end: { line: 1, character: 11 } });
  });

  test('through the Markdown reader: the typo in display math of a real document', () => {
    const text = '---\ntitle: T\nheader-includes: |\n  \\newcommand{\\R}{\\mathbb{R}}\n---\n\nLet $x \\in \\R^d$.\n\n$$\n\\|x\\| \\le \\sqtr{d}\n$$\n';
    const writeup = readWriteup(text, { file: 'report.md' });
    const problems = validateMathNodes(text, writeup.math, collectMacros(writeup.metadata.headerIncludes));
    assert.equal(problems.length, 1);
    assert.equal(problems[0]?.data['command'], '\\sqtr');
    assert.deepEqual(problems[0]?.range.start, { line: 9, character: 10 });
  });
});
