import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { DocumentSymbolProvider, type OutlineSymbol } from '../../../src/core/features/documentSymbols';
import type { Range } from '../../../src/core/model/range';
import { readWriteup } from '../../../src/core/readers/index';

const tree = (symbols: readonly OutlineSymbol[]): unknown => symbols.map((s) => (s.children.length > 0 ? [s.name, tree(s.children)] : s.name));
const r = (x: Range): string => `${x.start.line}:${x.start.character}-${x.end.line}:${x.end.character}`;
const provider = new DocumentSymbolProvider();

describe('DocumentSymbolProvider', () => {
  test('LaTeX sections nest by level; a parent range covers its children', () => {
    const w = readWriteup('\\section{A}\n\\subsection{A1}\n\\subsubsection{A1a}\ntext\n\\subsection{A2}\n\\section*{B}\n', { file: 'a.tex' });
    const symbols = provider.provide(w);
    assert.deepEqual(tree(symbols), [['A', [['A1', ['A1a']], 'A2']], 'B']);
    assert.equal(r(symbols[0]!.range), '0:0-4:15');
    assert.equal(r(symbols[0]!.selectionRange), '0:9-0:10');
    assert.equal(symbols[1]!.detail, 'unnumbered');
  });

  test('a skipped level nests under the nearest shallower heading', () => {
    const w = readWriteup('# A\n\n### Deep\n\n## B\n\n# C\n', { file: 'a.md' });
    assert.deepEqual(tree(provider.provide(w)), [['A', ['Deep', 'B']], 'C']);
  });

  test('no headings, no symbols', () => {
    assert.deepEqual(provider.provide(readWriteup('Just text.\n', { file: 'a.md' })), []);
  });
});
