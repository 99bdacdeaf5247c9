import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { lineRange } from '../../../src/core/lint/helpers';

const r = (line: number, end: number) => ({ start: { line, character: 0 }, end: { line, character: end } });

describe('lineRange: lines end at \\n, \\r\\n or a lone \\r (as in VS Code)', () => {
  const cases: [string, string, number, ReturnType<typeof r>][] = [
    ['lone CR first line (fuzz regression "\\rheorem ")', '\rheorem ', 0, r(0, 0)],
    ['lone CR second line', '\rheorem ', 1, r(1, 7)],
    ['CRLF', 'a\r\nbc\nd', 1, r(1, 2)],
    ['line past the end is clamped to the last line', 'a\r\nbc\nd', 9, r(2, 1)],
    ['trailing CRLF gives an empty last line', 'ab\r\n', 1, r(1, 0)],
    ['empty text', '', 0, r(0, 0)],
  ];
  for (const [name, text, line, expected] of cases) test(name, () => assert.deepEqual(lineRange(text, line), expected));
});
