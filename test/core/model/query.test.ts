import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { citationAt, isInCode, isInCodeOrMath, isInMath, mathAt, sectionAt } from '../../../src/core/model/query';
import { readWriteup } from '../../../src/core/readers/index';

const at = (line: number, character: number) => ({ line, character });

describe('model queries (Markdown)', () => {
  const w = readWriteup('# Intro\n\nSee [@abc] and $x + y$.\n\n## Detail\n\nUse `[@code]` here.\n', { file: 'a.md' });

  test('sectionAt: the last heading at or before the position', () => {
    assert.equal(sectionAt(w, at(2, 3))?.title, 'Intro');
    assert.equal(sectionAt(w, at(6, 0))?.title, 'Detail');
    assert.equal(sectionAt(readWriteup('Text.\n\n# A\n', { file: 'b.md' }), at(0, 1)), undefined);
  });

  test('citationAt: on the key, and right after it', () => {
    assert.equal(citationAt(w, at(2, 6))?.key, 'abc');
    assert.equal(citationAt(w, at(2, 9))?.key, 'abc');
    assert.equal(citationAt(w, at(2, 1)), undefined);
  });

  test('mathAt and isInMath', () => {
    assert.equal(mathAt(w, at(2, 17))?.tex, 'x + y');
    assert.equal(isInMath(w, at(2, 17)), true);
    assert.equal(isInMath(w, at(2, 15)), false, 'before the opening $');
  });

  test('isInCode and isInCodeOrMath', () => {
    assert.equal(isInCode(w, at(6, 7)), true);
    assert.equal(isInCodeOrMath(w, at(6, 7)), true);
    assert.equal(isInCodeOrMath(w, at(2, 6)), false);
  });
});

describe('model queries (LaTeX)', () => {
  const w = readWriteup('\\section{A}\nText \\cite{k1} % \\cite{k2}\n\\begin{verbatim}\n\\cite{k3}\n\\end{verbatim}\n', { file: 'a.tex' });

  test('comments and verbatim count as code', () => {
    assert.equal(isInCode(w, at(1, 20)), true, 'inside the comment');
    assert.equal(isInCode(w, at(3, 3)), true, 'inside verbatim');
    assert.equal(isInCode(w, at(1, 2)), false);
    assert.equal(citationAt(w, at(1, 12))?.key, 'k1');
  });
});
