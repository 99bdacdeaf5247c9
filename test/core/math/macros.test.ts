import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  collectMacros,
  macrosFingerprint,
  macrosFromSetting,
  mergeMacros,
  toKatexMacros,
  toMathJaxMacros,
} from '../../../src/core/math/macros';

describe('collectMacros', () => {
  test('reads \\newcommand in both brace styles, with argument counts and an optional default', () => {
    const m = collectMacros(
      '\\newcommand{\\R}{\\mathbb{R}}\n\\newcommand\\E{\\mathbb{E}}\n\\newcommand{\\norm}[1]{\\lVert #1 \\rVert}\n\\newcommand{\\ip}[2][x]{\\langle #1, #2 \\rangle}',
    );
    assert.deepEqual(Object.keys(m).sort(), ['E', 'R', 'ip', 'norm']);
    assert.equal(m['R']?.body, '\\mathbb{R}');
    assert.equal(m['R']?.args, 0);
    assert.equal(m['norm']?.args, 1);
    assert.equal(m['ip']?.args, 2);
    assert.equal(m['ip']?.optionalDefault, 'x');
  });

  test('reads \\renewcommand, \\def with parameters, \\let and starred \\DeclareMathOperator', () => {
    const m = collectMacros(
      '\\renewcommand{\\vec}[1]{\\mathbf{#1}}\n\\def\\pair#1#2{(#1,#2)}\n\\let\\eps\\varepsilon\n\\DeclareMathOperator*{\\argmin}{arg\\,min}\n\\DeclareMathOperator{\\tr}{tr}',
    );
    assert.equal(m['vec']?.args, 1);
    assert.deepEqual([m['pair']?.body, m['pair']?.args], ['(#1,#2)', 2]);
    assert.equal(m['eps']?.body, '\\varepsilon');
    assert.equal(m['argmin']?.body, '\\operatorname*{arg\\,min}');
    assert.equal(m['tr']?.body, '\\operatorname{tr}');
  });

  test('keeps nested braces in the body and skips commented-out definitions', () => {
    const m = collectMacros('% \\newcommand{\\X}{no}\n\\newcommand{\\half}{\\frac{1}{2}} % trailing\n\\newcommand{\\pct}{50\\%}');
    assert.equal(m['X'], undefined);
    assert.equal(m['half']?.body, '\\frac{1}{2}');
    assert.equal(m['pct']?.body, '50\\%');
  });

  test('reads definitions from a YAML header-includes list as written', () => {
    const m = collectMacros('- \\newcommand{\\R}{\\mathbb{R}}\n- \\usepackage{amsmath}\n- \\newcommand{\\Rad}{\\mathfrak{R}}');
    assert.deepEqual(Object.keys(m).sort(), ['R', 'Rad']);
  });

  test('\\providecommand does not override, broken definitions are ignored, nothing throws', () => {
    const m = collectMacros('\\newcommand{\\R}{\\mathbb{R}}\\providecommand{\\R}{X}\\newcommand{\\bad}[x]{y}\\newcommand{\\open}{\\frac{');
    assert.equal(m['R']?.body, '\\mathbb{R}');
    assert.equal(m['bad'], undefined);
    assert.equal(m['open'], undefined);
    assert.deepEqual(collectMacros(undefined), {});
  });
});

describe('macrosFromSetting', () => {
  test('accepts names with or without backslash, strings and [body, args]; skips bad entries', () => {
    const m = macrosFromSetting({ '\\R': '\\mathbb{R}', norm: ['\\lVert #1 \\rVert', 1], pair: '(#1, #2)', bad: 3, 'two words': 'x', neg: ['x', -1] });
    assert.deepEqual(Object.keys(m).sort(), ['R', 'norm', 'pair']);
    assert.equal(m['pair']?.args, 2);
    assert.equal(m['norm']?.source, 'setting');
    assert.deepEqual(macrosFromSetting('nope'), {});
    assert.deepEqual(macrosFromSetting(['x']), {});
  });
});

describe('conversions', () => {
  test('the document wins over the setting when merged', () => {
    const merged = mergeMacros(macrosFromSetting({ R: 'X' }), collectMacros('\\newcommand{\\R}{\\mathbb{R}}'));
    assert.equal(merged['R']?.body, '\\mathbb{R}');
  });

  test('KaTeX shape keys with backslash; unused declared arguments are still consumed', () => {
    const k = toKatexMacros(collectMacros('\\newcommand{\\R}{\\mathbb{R}}\\newcommand{\\ignore}[2]{#1}'));
    assert.equal(k['\\R'], '\\mathbb{R}');
    assert.match(k['\\ignore'] ?? '', /#2/);
  });

  test('MathJax shape: string, [body, n] or [body, n, default]', () => {
    const j = toMathJaxMacros(collectMacros('\\newcommand{\\R}{\\mathbb{R}}\\newcommand{\\n}[1]{|#1|}\\newcommand{\\ip}[2][x]{#1#2}'));
    assert.deepEqual(j, { R: '\\mathbb{R}', n: ['|#1|', 1], ip: ['#1#2', 2, 'x'] });
  });

  test('the fingerprint changes with a macro body and not with definition order', () => {
    const a = collectMacros('\\newcommand{\\A}{1}\\newcommand{\\B}{2}');
    const b = collectMacros('\\newcommand{\\B}{2}\\newcommand{\\A}{1}');
    const c = collectMacros('\\newcommand{\\A}{1}\\newcommand{\\B}{3}');
    assert.equal(macrosFingerprint(a), macrosFingerprint(b));
    assert.notEqual(macrosFingerprint(a), macrosFingerprint(c));
  });
});
