import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { estimatePages } from '../../../src/core/layout';
import { readWriteup } from '../../../src/core/readers';
import { prose } from './model';

const PAGE = 9 * 72.27;
/** Points the lists of `body` take, in a NeurIPS writeup with enumitem and `preamble`. */
const listPoints = (body: string, preamble = ''): number =>
  estimatePages(readWriteup(`\\documentclass{article}\n\\usepackage[final]{neurips_2024}\n\\usepackage{enumitem}\n${preamble}\n\\title{T}\n\\begin{document}\n\\maketitle\n${prose(60)}\n\n${body}\n\n${prose(60, 2)}\n\\end{document}\n`, { file: '/w/r.tex' })).breakdown.lists * PAGE;
const list = (options: string, n: number, words: number, env = 'itemize'): string =>
  `\\begin{${env}}${options === '' ? '' : `[${options}]`}\n${Array.from({ length: n }, (_, i) => `\\item ${prose(words + 7 * i, 10 + i)}`).join('\n')}\n\\end{${env}}`;

describe('enumitem lists in the page estimate', () => {
  test('nosep takes away the \\topsep above and below and the 4pt between items; noitemsep only the latter', () => {
    const plain = listPoints(list('', 10, 5));
    const nosep = listPoints(list('nosep', 10, 5));
    const noitemsep = listPoints(list('noitemsep', 10, 5));
    // NeurIPS: \topsep 4pt, \itemsep 2pt + \parsep 2pt between items.
    assert.ok(Math.abs(plain - nosep - (2 * 4 + 9 * 4)) < 0.5, `${plain} - ${nosep}`);
    assert.ok(Math.abs(plain - noitemsep - 9 * 4) < 0.5, `${plain} - ${noitemsep}`);
  });

  test('itemsep=, parsep= and topsep= set the skips they name', () => {
    const plain = listPoints(list('', 6, 5));
    assert.ok(Math.abs(listPoints(list('itemsep=8pt', 6, 5)) - plain - 5 * 6) < 0.5);
    assert.ok(Math.abs(listPoints(list('parsep=0pt, itemsep=0pt, topsep=10pt', 6, 5)) - plain - (2 * 6 - 5 * 4)) < 0.5);
  });

  test('\\setlist sets every list it names, a nested level too', () => {
    const nested = `\\begin{itemize}\n\\item ${prose(5)}\n${list('', 6, 5)}\n\\item ${prose(5, 3)}\n\\end{itemize}`;
    const plain = listPoints(nested);
    const tight = listPoints(nested, '\\setlist[itemize,2]{nosep}');
    // The inner list: 5 gaps of 1pt \itemsep + 1pt \parsep at level 2 and its 2pt \topsep above (below, it merges with the outer 4pt between items).
    assert.ok(Math.abs(plain - tight - (5 * 2 + 2)) < 0.5, `${plain} - ${tight}`);
    assert.ok(listPoints(list('', 6, 5), '\\setlist{nosep}') < listPoints(list('', 6, 5)) - 20);
  });

  test('leftmargin= widens or narrows the measure of every item', () => {
    const wide = listPoints(list('leftmargin=0pt', 8, 60));
    const plain = listPoints(list('', 8, 60));
    const narrow = listPoints(list('leftmargin=8em', 8, 60));
    assert.ok(wide < plain && plain < narrow, `${wide} < ${plain} < ${narrow}`);
  });

  test('leftmargin=* indents by the widest label and \\labelsep: "(m)" is narrower than 3pc, "Step 0." in bold is wider', () => {
    const plain = listPoints(list('', 8, 60, 'enumerate'));
    const alph = listPoints(list('label=(\\alph*), leftmargin=*', 8, 60, 'enumerate'));
    const steps = listPoints(list('label=\\textbf{Step \\arabic*.}, leftmargin=*', 8, 60, 'enumerate'));
    assert.ok(alph < plain && plain <= steps, `${alph} < ${plain} <= ${steps}`);
  });

  test('an item\'s paragraphs start lines; a centred line in it takes the list\'s \\topsep above and below', () => {
    const item = (between: string) => `\\begin{itemize}\n\\item ${prose(30, 5)}${between}${prose(30, 6)}\n\\end{itemize}`;
    const joined = listPoints(item(' '));
    const paragraphs = listPoints(item('\n\n'));
    const centred = listPoints(item('\n\\begin{center}\nA centred line.\n\\end{center}\n'));
    // Two paragraphs of 30 words: the first one's last line is no longer shared, and \parsep (2pt) comes between.
    assert.ok(paragraphs - joined > 1.99 && paragraphs - joined < 10.95 + 2.01, `${paragraphs} - ${joined}`);
    // The centred line, \topsep (4pt) above and below it and \parsep before each paragraph.
    assert.ok(Math.abs(centred - paragraphs - (10.95 + 2 * 4 + 2)) < 0.5, `${centred} - ${paragraphs}`);
  });

  test('absurd lengths give a finite estimate: skips at most a page, margins at most half the line', () => {
    const odd = listPoints(list('leftmargin=100cm, topsep=100in, itemsep=-50pt', 3, 20));
    assert.ok(Number.isFinite(odd) && odd < 3 * PAGE, String(odd));
    const negative = listPoints(list('leftmargin=-5in, itemsep=-9in, topsep=-9in', 3, 20));
    assert.ok(Number.isFinite(negative), String(negative));
  });
});
