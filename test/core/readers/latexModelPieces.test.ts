import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Block, TexInline } from '../../../src/core/model/index';
import { readWriteup } from '../../../src/core/readers/index';
import { plainText } from '../../../src/core/readers/latex/runningText';

// The facts the LaTeX reader keeps for a front end that shows text with its structure (the
// preview): running-text pieces of captions, list items, table cells and environments.

function blocks(body: string, preamble = ''): Block[] {
  const text = `\\documentclass{article}\n${preamble}\\begin{document}\n${body}\n\\end{document}\n`;
  return [...readWriteup(text, { file: '/ws/report.tex' }).blocks];
}

const plain = (pieces: readonly TexInline[] | undefined): string => plainText(pieces ?? []).replace(/\s+/g, ' ').trim();

describe('LaTeX reader: pieces in the model', () => {
  test('table cells: rows without rules, a \\multicolumn spanning its columns, \\% a character', () => {
    const [table] = blocks('\\begin{table}\\caption{Acc.\\ of $f$}\n\\begin{tabular}{lcc}\\toprule\nModel & \\multicolumn{2}{c}{Score} \\\\ \\midrule\nA & 50\\% & {x & y} \\\\\n\\end{tabular}\\end{table}');
    assert.equal(table?.type, 'table');
    if (table?.type !== 'table') return;
    assert.deepEqual(
      table.cells?.map((row) => row.map((c) => [plain(c.pieces), c.span ?? 1])),
      [
        [['Model', 1], ['Score', 2]],
        [['A', 1], ['50%', 1], ['x & y', 1]],
      ],
    );
    assert.deepEqual(table.captionPieces?.map((p) => p.kind), ['text', 'math']);
    assert.equal(table.caption, 'Acc. of f');
  });

  test('list entries: each item with its own pieces, its label and (nested) its list kind', () => {
    const [list] = blocks('\\begin{itemize}\n\\item[A] one % a comment\n  \\begin{enumerate}[label=(a)]\n  \\item two\n  \\end{enumerate}\n  after\n\\item three\n\\end{itemize}');
    assert.equal(list?.type, 'list');
    if (list?.type !== 'list') return;
    assert.deepEqual(
      list.entries?.map((e) => ({ depth: e.depth, text: plain(e.pieces), label: e.label && plain(e.label), ordered: e.ordered })),
      [
        { depth: 1, text: 'one after', label: 'A', ordered: undefined },
        { depth: 2, text: 'two', label: undefined, ordered: true },
        { depth: 1, text: 'three', label: undefined, ordered: undefined },
      ],
    );
  });

  test("a theorem's optional name apart from its body; a listing's code without its options", () => {
    const [theorem, code] = blocks('\\begin{theorem}[Lazy]\nWide nets.\n\\end{theorem}\n\n\\begin{lstlisting}[language=Python]\nx = 1\n  y = 2\n\\end{lstlisting}');
    assert.equal(theorem?.type, 'environment');
    if (theorem?.type === 'environment') {
      assert.equal(plain(theorem.note), 'Lazy');
      assert.equal(plain(theorem.pieces), 'Wide nets.');
      // The plain text (what the page estimate sets) still holds the name.
      assert.equal(theorem.text, '[Lazy] Wide nets.');
    }
    assert.equal(code?.type === 'code' ? code.code : undefined, 'x = 1\n  y = 2');
  });

  test("a paragraph's pieces are what its plain text is read from, text macros expanded", () => {
    const [paragraph] = blocks('We train \\ours{} with $\\eta$ \\citep{a}.', '\\newcommand{\\ours}{OurNet}\n');
    assert.equal(paragraph?.type, 'paragraph');
    if (paragraph?.type !== 'paragraph') return;
    assert.equal(plainText(paragraph.pieces ?? []).trim(), paragraph.text);
    assert.deepEqual(paragraph.pieces?.map((p) => p.kind), ['text', 'math', 'text', 'cite', 'text']);
    assert.match(paragraph.text, /^We train OurNet with/);
  });
});
