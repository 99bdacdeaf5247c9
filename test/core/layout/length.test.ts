import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseLength } from '../../../src/core/layout/length';

describe('parseLength', () => {
  const cases: Array<[string, number]> = [
    ['-1cm', -72.27 / 2.54],
    ['3pt', 3],
    ['0.5in', 0.5 * 72.27],
    ['- 2 mm', (-2 * 72.27) / 25.4],
    ['2ex plus 1pt minus 1pt', 9],
    ['1em', 10],
    ['-\\baselineskip', -10.95],
    ['0.5\\baselineskip', 5.475],
    ['.5\\parskip', 2.75],
    ['\\medskipamount', 6],
    ['\\bigskipamount', 12],
    ['\\fill', 0],
    ['\\somethingunknown', 0],
    ['a lot', 0],
    ['', 0],
  ];
  for (const [spec, pt] of cases) {
    test(`${JSON.stringify(spec)} is ${pt.toFixed(2)}pt`, () => {
      assert.ok(Math.abs(parseLength(spec) - pt) < 1e-9, String(parseLength(spec)));
    });
  }

  test('a length past the page is one page at most, either way', () => {
    assert.equal(parseLength('100in'), 9 * 72.27);
    assert.equal(parseLength('-100in'), -9 * 72.27);
    assert.equal(parseLength('1e400pt'), 0);
  });
});
