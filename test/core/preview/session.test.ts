/**
 * A PreviewSession renders each new text of a LaTeX writeup as `renderPreview` renders it afresh:
 * random edits (seeded) that type, delete, break lines and add citations, math, macros, figures
 * and headings, with the bibliography, the figure URLs and the page ends changing between renders,
 * with LF and CRLF line ends. And it does less: a keystroke renders the one block it touched.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { generateLatex, prng } from '../../../bench/generate';
import { estimatePages } from '../../../src/core/layout/index';
import type { CitedWork } from '../../../src/core/preview/citations';
import type { PreviewOptions, PreviewParts } from '../../../src/core/preview/context';
import { applyPreviewPatch, patchSize, previewPatch } from '../../../src/core/preview/patch';
import { renderPreview } from '../../../src/core/preview/render';
import { PreviewSession } from '../../../src/core/preview/session';
import { ReaderSession } from '../../../src/core/readers/incremental';

const SAMPLE = String.raw`\documentclass{article}
\usepackage{graphicx}
\newcommand{\R}{\mathbb{R}}
\title{Rank bounds over $\R$}
\author{Casey Student}
\begin{document}
\maketitle
\begin{abstract}
We bound the rank \citep{bartlett2017} of $W \in \R^{d}$.
\end{abstract}
\section{Introduction}
Norm-based bounds \citet{bartlett2017} and \citep[p.~3]{zhang2021,missing} explain things.
See Figure~\ref{fig:a} and $\|W\|_F \le \R$.

\begin{itemize}
\item first with $a^2$
\item second \cite{zhang2021}
\end{itemize}
\begin{equation}
f(x) = \sum_i x_i \in \R
\end{equation}
\begin{figure}[t]
\centering
\includegraphics[width=0.5\linewidth]{figures/plot.png}
\caption{A plot of $\R$ \citep{zhang2021}.}
\label{fig:a}
\end{figure}
\begin{table}[h]
\caption{Numbers}
\begin{tabular}{ll}
\toprule
a & $b$ \\
1 & 2 \\
\bottomrule
\end{tabular}
\end{table}
\subsection{Details}
\begin{theorem}
Every $x \in \R$ is fine \cite{bartlett2017}.
\end{theorem}
\begin{verbatim}
code \cite{not-a-cite}
\end{verbatim}
Same words.

Same words.
\newpage
\begin{thebibliography}{9}
\bibitem{own2020} A. Author. Own work. 2020.
\end{thebibliography}
\end{document}
`;

/** What an edit inserts: typing, line breaks, and what changes what a block depends on. */
const SNIPPETS = [
  'a', 's', ' ', 'word ', '\n', '\n\n', '\n\nA new paragraph.\n\n', '$x^2$', '$\\R$', '\\citep{bartlett2017}', '\\cite{zhang2021,own2020}',
  '\\citet{nobody}', '\\nocite{zhang2021}', '\n\\section{New}\n', '\n\\subsection*{Other}\n', '{', '}', '%', '\\\\', '~', '--',
  '\n\\newcommand{\\R}{\\mathbf{R}}\n', '\n\\renewcommand{\\R}{\\mathcal{R}}\n', '\n\\includegraphics{figures/other.png}\n',
  '\n\\begin{equation}\ny = \\R\n\\end{equation}\n', '\\begin{itemize}\n\\item x\n', '\\end{itemize}\n', '\\emph{', '\\textbf{b}',
  '\n\\newpage\n', '\n\\vspace{1cm}\n', '\\footnote{note $y$}',
];

const WORKS: Record<string, CitedWork> = {
  bartlett2017: { key: 'bartlett2017', authors: ['Peter L. Bartlett', 'Dylan J. Foster'], year: 2017, title: 'Spectrally-normalized margin bounds' },
  zhang2021: { key: 'zhang2021', authors: ['Chiyuan Zhang'], year: 2021, title: 'Understanding deep learning' },
};

/** The inputs besides the text, varied by `variant`: which works resolve, titles, figure URLs. */
function options(variant: number, pages: PreviewOptions['pages']): PreviewOptions {
  const works: Record<string, CitedWork> = { ...WORKS };
  if (variant % 3 === 1) delete works['zhang2021'];
  if (variant % 4 === 2) works['bartlett2017'] = { ...WORKS['bartlett2017']!, year: 2018 };
  if (variant % 5 === 3) works['nobody'] = { key: 'nobody', authors: ['No Body'] };
  return {
    resolveCitation: (key) => works[key],
    resolveImage: (path) => (variant % 2 === 0 ? `https://webview/${path}` : path === 'figures/plot.png' ? `https://w2/${path}` : undefined),
    ...(pages ? { pages } : {}),
    pageLimit: 2,
    ...(variant % 6 === 5 ? { macros: { R: { name: 'R', args: 0, body: '\\mathsf{R}', source: 'setting' } } } : {}),
  };
}

function randomEdits(start: string, seed: number, edits: number): void {
  const rand = prng(seed);
  const reader = new ReaderSession();
  const preview = new PreviewSession();
  const file = '/ws/report.tex';
  let text = start;
  let variant = 0;
  let shown: PreviewParts | undefined;
  for (let i = 0; i < edits; i++) {
    const at = Math.floor(rand() * (text.length + 1));
    if (rand() < 0.3 && text.length > 0) {
      text = text.slice(0, at) + text.slice(at + 1 + Math.floor(rand() * 12));
    } else {
      text = text.slice(0, at) + (SNIPPETS[Math.floor(rand() * SNIPPETS.length)] ?? 'a') + text.slice(at);
    }
    if (rand() < 0.2) variant++;
    const writeup = reader.read(text, { file });
    const opts = options(variant, estimatePages(writeup));
    const incremental = preview.render(writeup, opts);
    const fresh = renderPreview(writeup, opts);
    if (incremental.body !== fresh.body) {
      assert.equal(incremental.body, fresh.body, `edit ${i} (seed ${seed}, variant ${variant}) rendered differently at ${at}`);
    }
    assert.deepEqual(incremental.citedKeys, fresh.citedKeys);
    const parts = incremental.parts;
    assert.ok(parts);
    assert.equal(`${parts.head}\n<article class="body">${parts.items.join('\n')}</article>${parts.tail}`, incremental.body);
    // The webview's page after the patch the panel sends holds the new parts.
    if (shown) assert.deepEqual(applyPreviewPatch(shown, previewPatch(shown, parts)), parts);
    shown = parts;
  }
}

describe('PreviewSession', () => {
  for (const seed of [1, 2, 3, 4]) {
    test(`random edits to a LaTeX writeup render as a fresh render does (seed ${seed})`, () => randomEdits(SAMPLE, seed, 120));
  }
  test('random edits with CRLF line ends render as a fresh render does', () => randomEdits(SAMPLE.replace(/\n/g, '\r\n'), 5, 120));
  test('random edits to a generated 5-page writeup render as a fresh render does', () => randomEdits(generateLatex({ pages: 5, bibEntries: 10 }), 6, 40));

  test('a keystroke renders only the block it touched', () => {
    const reader = new ReaderSession();
    const preview = new PreviewSession();
    const file = '/ws/report.tex';
    const text = generateLatex({ pages: 5, bibEntries: 10 });
    const first = preview.render(reader.read(text, { file }), options(0, undefined));
    assert.equal(preview.lastRender.reused, 0);
    const at = text.indexOf(' ', Math.floor(text.length / 2));
    const typed = preview.render(reader.read(`${text.slice(0, at)}s${text.slice(at)}`, { file }), options(0, undefined));
    assert.equal(preview.lastRender.rendered, 1);
    assert.ok(preview.lastRender.reused > 20, `reused ${preview.lastRender.reused}`);
    assert.notEqual(typed.body, first.body);
    // The panel sends that block, not the page.
    const patch = previewPatch(first.parts!, typed.parts!);
    assert.equal(patch.items.filter((item) => item !== '').length, 1);
    assert.ok(patchSize(patch) * 20 < typed.body.length, `${patchSize(patch)} of ${typed.body.length} characters`);
    // A line break above moves every later block down a line: their HTML is reused with the new `data-line`.
    const broken = `\n${text}`;
    const moved = preview.render(reader.read(broken, { file }), options(0, undefined));
    assert.ok(preview.lastRender.rendered <= 2, `rendered ${preview.lastRender.rendered}`);
    assert.equal(moved.body, renderPreview(reader.read(broken, { file }), options(0, undefined)).body);
    // The panel sends their new lines, not their HTML.
    const shift = previewPatch(first.parts!, moved.parts!);
    assert.ok(shift.items.filter((item) => item !== '').length <= 1, `${shift.items.length} items sent`);
    assert.ok(shift.lines.length > 20);
    assert.deepEqual(applyPreviewPatch(first.parts!, shift), moved.parts);
  });

  test('a work whose entry changed is cited anew where it is cited, and nowhere else', () => {
    const reader = new ReaderSession();
    const preview = new PreviewSession();
    const writeup = reader.read(SAMPLE, { file: '/ws/report.tex' });
    preview.render(writeup, options(0, undefined));
    const changed = preview.render(writeup, options(2, undefined));
    assert.match(changed.body, /Bartlett and Foster, 2018/);
    assert.doesNotMatch(changed.body, /Bartlett and Foster, 2017/);
    // The abstract, the introduction's paragraph and the theorem cite it.
    assert.equal(preview.lastRender.rendered, 3);
  });
});
