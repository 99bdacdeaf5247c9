import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { FileHost } from '../../../src/core/host';
import { estimatePages } from '../../../src/core/layout';
import { readWriteup } from '../../../src/core/readers';
import { prose } from './model';

const doc = (preamble: string, body: string, host?: FileHost) =>
  readWriteup(`\\documentclass{article}\n${preamble}\n\\title{A title}\n\\begin{document}\n\\maketitle\n${body}\n\\end{document}\n`, { file: '/w/r.tex', ...(host ? { host } : {}) });
const paras = (n: number, words = 120, seed = 1): string => Array.from({ length: n }, (_, i) => prose(words, seed + i)).join('\n\n');
const files = (map: Record<string, string>): FileHost => ({ readFile: (p) => map[p], exists: (p) => p in map });

describe('reading order, and where the content ends', () => {
  test("content ends at the child's References heading, not where the \\input stands", () => {
    const child = `\\section{Method}\n${paras(4, 120, 5)}\n\\section*{References}\nA reference.`;
    const included = estimatePages(doc('\\usepackage[final]{neurips_2024}', `\\section{Intro}\n${paras(3)}\n\\input{child}`, files({ '/w/child.tex': child })));
    const inline = estimatePages(doc('\\usepackage[final]{neurips_2024}', `\\section{Intro}\n${paras(3)}\n${child}`));
    assert.ok(Math.abs(included.contentPages - inline.contentPages) < 0.02, `${included.contentPages} vs ${inline.contentPages}`);
    assert.ok(Math.abs(included.totalPages - inline.totalPages) < 0.02, `${included.totalPages} vs ${inline.totalPages}`);
  });

  test('a \\bibliography followed by an appendix heading sets the list before the appendix', () => {
    const cites = Array.from({ length: 30 }, (_, i) => `${prose(20, i + 2)} \\citep{key${i}}.`).join('\n\n');
    const body = `\\section{Intro}\n${cites}\n\\bibliography{refs}\n\\appendix\n\\section{Proofs}\n${paras(2)}`;
    const e = estimatePages(doc('\\usepackage[final]{neurips_2024}', body));
    // Thirty entries of about 2.3 lines: most of a page between the content's end and the appendix.
    assert.ok(e.breakdown.references > 0.6, `references ${e.breakdown.references}`);
    assert.ok(e.totalPages - e.contentPages > e.breakdown.references + 0.2, `${e.totalPages} - ${e.contentPages}`);
  });
});

describe('what an \\input child or a macro sets, at the size in effect', () => {
  test('a size switch before the \\input sets the child at that size', () => {
    const host = files({ '/w/child.tex': paras(6, 120, 9) });
    const included = estimatePages(doc('\\usepackage[final]{neurips_2024}', `\\large\n${paras(1)}\n\n\\input{child}`, host));
    const inline = estimatePages(doc('\\usepackage[final]{neurips_2024}', `\\large\n${paras(1)}\n\n${paras(6, 120, 9)}`));
    assert.ok(Math.abs(included.contentPages - inline.contentPages) < 0.02, `${included.contentPages} vs ${inline.contentPages}`);
  });

  test('a figure built by a macro takes the room of the same figure written out', () => {
    const figure = (path: string, caption: string) => `\\begin{figure}[t]\\centering\\includegraphics[width=0.8\\linewidth]{${path}}\\caption{${caption}}\\end{figure}`;
    const size = () => ({ width: 400, height: 300 });
    const macro = estimatePages(doc('\\usepackage[final]{neurips_2024}\n\\newcommand{\\plot}[2]{' + figure('#1', '#2') + '}', `${paras(2)}\n\\plot{a.png}{Loss curves.}\n${paras(2, 120, 7)}`), { imageSize: size });
    const written = estimatePages(doc('\\usepackage[final]{neurips_2024}', `${paras(2)}\n${figure('a.png', 'Loss curves.')}\n${paras(2, 120, 7)}`), { imageSize: size });
    assert.ok(macro.breakdown.figures > 0.3, `figures ${macro.breakdown.figures}`);
    assert.ok(Math.abs(macro.contentPages - written.contentPages) < 0.01, `${macro.contentPages} vs ${written.contentPages}`);
  });
});

describe('an \\input child is placed as its text written in place', () => {
  const size = () => ({ width: 400, height: 300 });
  const figure = (placement: string, path: string) => `\\begin{figure}[${placement}]\\centering\\includegraphics[width=0.9\\linewidth]{${path}}\\caption{A figure.}\\end{figure}`;
  const child = [
    paras(5, 110, 3),
    figure('h', 'a.png'),
    paras(1, 80, 4),
    '\\[ x + y \\]',
    'so that the sum is small.',
    '',
    '\\begin{center}',
    '\\begin{tikzpicture}\\draw (0,0) -- (0,3);\\end{tikzpicture}',
    '\\end{center}',
    '',
    figure('t', 'b.png'),
    paras(1, 60, 6),
    '\\clearpage',
    paras(2, 120, 8),
  ].join('\n');
  const estimate = (body: string, host?: FileHost) => estimatePages(doc('\\usepackage[final]{neurips_2024}', `${paras(1)}\n\n${body}`, host), { imageSize: size });

  test("a float's placement, \\clearpage, a display's paragraph and a TikZ picture, read from the child's own lines", () => {
    const included = estimate('\\input{child}', files({ '/w/child.tex': child }));
    const inline = estimate(child);
    assert.deepEqual(included.notes, inline.notes, 'the picture is sized in both');
    assert.equal(included.pageBreaks.length, inline.pageBreaks.length);
    for (const k of ['text', 'math', 'figures'] as const) assert.ok(Math.abs(included.breakdown[k] - inline.breakdown[k]) < 0.005, `${k}: ${included.breakdown[k]} vs ${inline.breakdown[k]}`);
    assert.ok(Math.abs(included.totalPages - inline.totalPages) < 0.005, `${included.totalPages} vs ${inline.totalPages}`);
  });

  test('\\clearpage in a child sets the waiting figure first; \\newpage there lets the text go on under it', () => {
    const body = (command: string) => `${paras(5, 110, 3)}\n${figure('t', 'b.png')}\n${paras(1, 60, 6)}\n${command}\n${paras(2, 120, 8)}`;
    const cleared = estimate('\\input{child}', files({ '/w/child.tex': body('\\clearpage') }));
    const newpage = estimate('\\input{child}', files({ '/w/child.tex': body('\\newpage') }));
    assert.equal(cleared.pageBreaks.length, newpage.pageBreaks.length + 1, 'the figure has a page of its own');
  });
});

describe('the page estimate reads the model, not the source text', () => {
  test('the same estimate when the text is not there to read', () => {
    const w = doc('\\usepackage[final]{neurips_2024}', `${paras(2)}\n\\begin{figure}[h]\\includegraphics{a.png}\\end{figure}\n\\[ x \\]\nso\n\\clearpage\n\\begin{tikzpicture}\\draw (0,0) -- (0,2);\\end{tikzpicture}\n${paras(1)}`);
    const blind = Object.defineProperty({ ...w }, 'text', {
      get(): string {
        throw new Error('the estimate read writeup.text');
      },
    });
    assert.deepEqual(estimatePages(blind), estimatePages(w));
  });
});
