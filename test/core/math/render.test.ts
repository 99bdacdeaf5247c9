import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { collectMacros } from '../../../src/core/math/macros';
import { createSvgRenderer, finishSvg } from '../../../src/core/math/render';

const renderer = createSvgRenderer();

describe('createSvgRenderer (MathJax)', () => {
  test('renders a user macro expanded: \\R becomes the double-struck R', () => {
    const macros = collectMacros('\\newcommand{\\R}{\\mathbb{R}}');
    const result = renderer.render({ tex: 'x \\in \\R^d', display: false, macros });
    assert.ok(result.ok);
    assert.match(result.svg, /^<svg /);
    assert.match(result.svg, /data-c="211D"/);
  });

  test('an undefined macro is a TeX error with its name, not an image', () => {
    const result = renderer.render({ tex: 'x \\in \\R^d', display: false });
    assert.deepEqual(result, { ok: false, error: 'Undefined control sequence \\R' });
  });

  test('unbalanced braces give the TeX error', () => {
    const result = renderer.render({ tex: '\\frac{1}{n', display: false });
    assert.equal(result.ok, false);
    assert.match(result.ok ? '' : result.error, /brace/i);
  });

  test('multi-line environments render whole (both rows of an align body)', () => {
    const one = renderer.render({ tex: 'a &= b', display: true, environment: 'align*' });
    const two = renderer.render({ tex: 'a &= b \\\\ c &= d', display: true, environment: 'align*' });
    assert.ok(one.ok && two.ok);
    assert.ok(two.heightEx > one.heightEx * 1.5, `two rows are taller: ${two.heightEx} vs ${one.heightEx}`);
    const cases = renderer.render({ tex: 'f = \\begin{cases} 1 & x > 0 \\\\ 0 & \\text{else} \\end{cases}', display: true });
    assert.ok(cases.ok);
  });

  test('the same \\label in two renders is not "multiply defined" (each formula stands alone)', () => {
    assert.ok(renderer.render({ tex: 'a = b \\label{eq:x}', display: true, environment: 'equation' }).ok);
    const again = renderer.render({ tex: 'a = c \\label{eq:x}', display: true, environment: 'equation' });
    assert.ok(again.ok, again.ok ? '' : again.error);
  });

  test('colour replaces currentColor; sizes become pixels from the ex size', () => {
    const result = renderer.render({ tex: 'x^2', display: false, color: '#d4d4d4', exPixels: 8 });
    assert.ok(result.ok);
    assert.doesNotMatch(result.svg, /currentColor/);
    assert.match(result.svg, /fill="#d4d4d4"/);
    assert.match(result.svg, new RegExp(` width="${Math.ceil(result.widthEx * 8 * 100) / 100}px"`));
  });

  test('a colour that is not a plain CSS colour is ignored', () => {
    const result = finishSvg('<svg width="2ex" height="1ex"><g fill="currentColor"></g></svg>', { color: 'red" onload="x' });
    assert.ok(result.ok);
    assert.match(result.svg, /fill="currentColor"/);
  });
});
