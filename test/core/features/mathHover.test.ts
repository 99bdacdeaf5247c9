import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { MathHoverProvider } from '../../../src/core/features/mathHover';
import { macrosFromSetting } from '../../../src/core/math/macros';
import { readWriteup } from '../../../src/core/readers/index';

const text = '---\ntitle: T\nheader-includes: |\n  \\newcommand{\\R}{\\mathbb{R}}\n---\n\nLet $x \\in \\R^d$ and $y$.\n\n$$\na \\\\\nb\n$$\n';

describe('MathHoverProvider', () => {
  const writeup = readWriteup(text, { file: 'report.md' });
  const provider = new MathHoverProvider();

  test('inside inline math: its TeX, not display, with the header-includes macros', () => {
    const info = provider.provide(writeup, { line: 6, character: 8 });
    assert.equal(info?.tex, 'x \\in \\R^d');
    assert.equal(info?.display, false);
    assert.equal(info?.macros['R']?.body, '\\mathbb{R}');
  });

  test('on a delimiter and on a line inside multi-line display math', () => {
    assert.equal(provider.provide(writeup, { line: 6, character: 4 })?.tex, 'x \\in \\R^d');
    const display = provider.provide(writeup, { line: 9, character: 1 });
    assert.equal(display?.display, true);
    assert.match(display?.tex ?? '', /a \\\\\nb/);
  });

  test('outside math: nothing', () => {
    assert.equal(provider.provide(writeup, { line: 6, character: 1 }), undefined);
    assert.equal(provider.provide(writeup, { line: 0, character: 0 }), undefined);
  });

  test('user macros from the setting are added; the document\'s win', () => {
    const info = provider.provide(writeup, { line: 6, character: 8 }, macrosFromSetting({ R: 'X', E: '\\mathbb{E}' }));
    assert.equal(info?.macros['R']?.body, '\\mathbb{R}');
    assert.equal(info?.macros['E']?.body, '\\mathbb{E}');
  });
});
