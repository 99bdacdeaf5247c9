import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { LineIndex } from '../../../src/core/text/lineIndex';
import { LINE_ENDS, withLineEnds } from '../../helpers/lineEnds';

describe('LineIndex: offsets and positions with every kind of line end', () => {
  for (const [kind, eol] of LINE_ENDS) {
    test(`${kind}: each character's offset and position round-trip, and line ends are not characters of a line`, () => {
      const text = withLineEnds('ab\n\nc😀\nd', eol);
      const lines = new LineIndex(text);
      assert.equal(lines.lineCount, 4);
      assert.deepEqual([0, 1, 2, 3].map((l) => lines.lineText(l)), ['ab', '', 'c😀', 'd']);
      for (let line = 0; line < lines.lineCount; line++) {
        for (let character = 0; character <= lines.lineText(line).length; character++) {
          assert.deepEqual(lines.positionAt(lines.offsetAt({ line, character })), { line, character });
        }
      }
    });
  }

  test('an offset between the CR and the LF of a line end is the end of its line (fuzz: a LaTeX `\\` before CRLF gave character 2 on a line of 1)', () => {
    const lines = new LineIndex('\\\r\nx');
    assert.deepEqual(lines.positionAt(2), { line: 0, character: 1 });
    assert.deepEqual(lines.positionAt(3), { line: 1, character: 0 });
  });
});
