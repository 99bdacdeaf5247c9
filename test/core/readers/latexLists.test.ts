import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { ListBlock } from '../../../src/core/model';
import { readWriteup } from '../../../src/core/readers';
import { listSettings, listSpacing } from '../../../src/core/readers/latex/lists';

const lists = (preamble: string, body: string): ListBlock[] =>
  readWriteup(`\\documentclass{article}\n\\usepackage{enumitem}\n${preamble}\n\\begin{document}\n${body}\n\\end{document}\n`, { file: '/w/r.tex' }).blocks.filter((b): b is ListBlock => b.type === 'list');

describe('enumitem list options in the LaTeX reader', () => {
  test('a list\'s own options give its spacing in points', () => {
    const [nosep, noitemsep, lengths] = lists('', [
      '\\begin{itemize}[nosep]\n\\item a\n\\item b\n\\end{itemize}',
      '\\begin{enumerate}[noitemsep]\n\\item a\n\\end{enumerate}',
      '\\begin{itemize}[itemsep=1ex, topsep=0.5cm, parsep = 3pt, leftmargin=2em]\n\\item a\n\\end{itemize}',
    ].join('\n\n'));
    assert.deepEqual(nosep?.spacing, { topSep: 0, itemSep: 0, parSep: 0 });
    assert.deepEqual(noitemsep?.spacing, { itemSep: 0, parSep: 0 });
    assert.deepEqual(lengths?.spacing, { itemSep: 4.5, topSep: 0.5 * (72.27 / 2.54), parSep: 3, leftMargin: 20 });
    assert.deepEqual(nosep?.items, ['a', 'b'], 'the options are not item text');
  });

  test('a list without options or settings has no spacing of its own', () => {
    const [plain] = lists('', '\\begin{itemize}\n\\item [a] b\n\\end{itemize}');
    assert.equal(plain?.spacing, undefined);
  });

  test('leftmargin=* takes the widest label: counters as enumitem measures them, bold labels bold', () => {
    const [alph, step, bullets] = lists('', [
      '\\begin{enumerate}[label=(\\alph*), leftmargin=*]\n\\item a\n\\end{enumerate}',
      '\\begin{enumerate}[label=\\textbf{Step \\arabic*.}, leftmargin=*]\n\\item a\n\\end{enumerate}',
      '\\begin{itemize}[leftmargin=*]\n\\item a\n\\end{itemize}',
    ].join('\n\n'));
    assert.deepEqual(alph?.spacing, { widestLabel: { text: '(m)' } });
    assert.deepEqual(step?.spacing, { widestLabel: { text: 'Step 0.', bold: true } });
    assert.deepEqual(bullets?.spacing, { widestLabel: { text: '\u2022' } });
  });

  test('\\setlist applies to all lists, a kind, or a kind at a level; the list\'s own options come last', () => {
    const preamble = '\\setlist{nosep}\n\\setlist[enumerate]{itemsep=3pt}\n\\setlist[itemize,2]{leftmargin=1em}\n% \\setlist{topsep=9pt}';
    const [items, numbers] = lists(preamble, [
      '\\begin{itemize}\n\\item a\n\\begin{itemize}[topsep=2pt]\n\\item b\n\\end{itemize}\n\\item c\n\\end{itemize}',
      '\\begin{enumerate}[parsep=1pt]\n\\item a\n\\end{enumerate}',
    ].join('\n\n'));
    assert.deepEqual(items?.spacing, { topSep: 0, itemSep: 0, parSep: 0 });
    const nested = items?.entries?.find((e) => e.depth === 2);
    assert.deepEqual(nested?.spacing, { topSep: 2, itemSep: 0, parSep: 0, leftMargin: 10 });
    assert.equal(items?.entries?.find((e) => e.depth === 1)?.spacing, undefined, 'the outer list\'s spacing is on the block');
    assert.deepEqual(numbers?.spacing, { topSep: 0, itemSep: 3, parSep: 1 });
  });

  test('older enumitem setters and lengths it cannot read', () => {
    const settings = listSettings('\\setitemize{noitemsep}\\setenumerate[1]{topsep=\\fill}');
    assert.deepEqual(listSpacing('itemize', 1, undefined, settings), { itemSep: 0, parSep: 0 });
    assert.equal(listSpacing('enumerate', 1, undefined, settings), undefined);
    assert.equal(listSpacing('enumerate', 1, 'label=\\arabic*), align=left', []), undefined);
  });

  test('an item\'s paragraphs, its centred tables and a closing \\\\ end their lines, as TeX sets them', () => {
    const [list] = lists('', [
      '\\begin{enumerate}',
      '\\item Head \\\\',
      'First paragraph.',
      '',
      'Second paragraph.',
      '\\begin{center}',
      '\\begin{tabular}{|c|c|}',
      '\\hline',
      'a & b \\\\',
      'c & d \\\\',
      '\\hline',
      '\\end{tabular}',
      '\\end{center}',
      'After the table. \\\\',
      '',
      '\\item Next',
      '\\begin{itemize}',
      '\\item inner',
      '\\end{itemize}',
      'Text after the inner list.',
      '\\end{enumerate}',
    ].join('\n'));
    const [first, second] = list?.entries ?? [];
    // Forced breaks (U+2028) shown as |: the closing \\\\ leaves an empty line after the item's last.
    const lines = (text: string | undefined): string | undefined => text?.replace(/ *\u2028 */g, '|');
    assert.equal(lines(first?.text), 'Head|First paragraph.|Second paragraph.|a & b|c & d|After the table.|');
    assert.equal(first?.paragraphs, 3);
    assert.equal(first?.displays, 1);
    assert.equal(lines(second?.text), 'Next|Text after the inner list.');
    assert.equal(second?.paragraphs, 1);
    assert.equal(second?.displays, undefined);
  });
});
