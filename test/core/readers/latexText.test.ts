// What the LaTeX reader keeps as text (titles, headings, captions, paragraphs, footnotes, list
// items) is what LaTeX prints, read by the same rules as the preview and the bibliography
// (readers/latex/runningText.ts): each case below printed its TeX source, or lost text, before.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { latexInlineHtml } from '../../../src/core/preview/render';
import { readWriteup } from '../../../src/core/readers/index';
import { readRunningText, toPlain } from '../../../src/core/readers/latex/runningText';

const tex = (body: string, preamble = '') => readWriteup(`\\documentclass{article}\n${preamble}\n\\begin{document}\n${body}\n\\end{document}\n`, { file: '/w/report.tex' });
const paragraphs = (body: string, preamble = ''): string[] => tex(body, preamble).blocks.flatMap((b) => (b.type === 'paragraph' ? [b.text.replace(/\s+/g, ' ').trim()] : []));

describe('LaTeX text as LaTeX prints it', () => {
  test('accents, dashes and quotes in a title, a heading and a caption are letters and punctuation, not TeX', () => {
    const w = readWriteup(
      "\\documentclass{article}\n\\title{Poincar\\'e maps and Erd\\H{o}s -- a note}\n\\begin{document}\n\\section{Results\\ldots{} for ``wide'' nets}\n\\begin{figure}\\caption{Loss---accuracy, \\S 3}\\end{figure}\n\\end{document}\n",
      { file: '/w/report.tex' },
    );
    assert.equal(w.metadata.title, 'Poincaré maps and Erdős – a note');
    assert.deepEqual(w.sections.map((s) => s.title), ['Results… for “wide” nets']);
    const figure = w.blocks.find((b) => b.type === 'figure');
    assert.equal(figure?.type === 'figure' ? figure.caption : undefined, 'Loss—accuracy, §3');
  });

  test('a reference prints a number; cleveref a name and a number', () => {
    assert.deepEqual(paragraphs('See Table~\\ref{tab:a}, Eq.~\\eqref{eq:b} and \\cref{fig:c}.'), ['See Table 1, Eq. (1) and Figure 1.']);
  });

  test('escaped characters print themselves: a dollar, braces, a percent sign', () => {
    assert.deepEqual(paragraphs('It costs \\$5 for \\{a, b\\} at 50\\% off.'), ['It costs $5 for {a, b} at 50% off.']);
  });

  test('spacing commands are spaces or nothing, never their names', () => {
    assert.deepEqual(paragraphs('Took 10\\,ms in a hy\\-phen\\-ated run, J.~Doe\\ et al.\\@ said.'), ['Took 10 ms in a hyphenated run, J. Doe et al. said.']);
  });

  test('declarations print nothing, and the group after them is text', () => {
    const w = tex('\\begin{figure}\\caption{{\\bf Left:} the loss. {\\small Right:} the rate.}\\end{figure}\n\n\\noindent{\\it Remark.} Text.');
    const figure = w.blocks.find((b) => b.type === 'figure');
    assert.equal(figure?.type === 'figure' ? figure.caption : undefined, 'Left: the loss. Right: the rate.');
    assert.deepEqual(w.blocks.flatMap((b) => (b.type === 'paragraph' ? [b.text.trim()] : [])), ['Remark. Text.']);
  });

  test('commands that only set lengths, counters or colours print nothing but the text they colour', () => {
    assert.deepEqual(paragraphs('A \\setlength{\\parskip}{0pt}\\addtocounter{page}{1}\\textcolor{red}{warm} day.'), ['A warm day.']);
  });

  test('\\verb prints its text; \\url keeps its ~ and %', () => {
    assert.deepEqual(paragraphs('Run \\verb|make all| now.'), ['Run make all now.']);
    const w = tex('Text.\\footnote{See \\url{https://x.org/~me/a\\%20b}.}');
    assert.deepEqual(w.footnotes?.map((f) => f.text), ['See https://x.org/~me/a\\%20b.']);
  });

  test('\\thanks in the title is a footnote, not part of the title', () => {
    const w = readWriteup('\\documentclass{article}\n\\title{Margins\\thanks{Funded by a grant.}}\n\\begin{document}\nText.\n\\end{document}\n', { file: '/w/report.tex' });
    assert.equal(w.metadata.title, 'Margins');
  });

  test('the document\'s text macros print their text in headings and captions too', () => {
    const w = tex('\\section{Why \\ours works}\n\\begin{figure}\\caption{\\ours{} on CIFAR}\\end{figure}', '\\newcommand{\\ours}{DeepNet}');
    assert.deepEqual(w.sections.map((s) => s.title), ['Why DeepNet works']);
    const figure = w.blocks.find((b) => b.type === 'figure');
    assert.equal(figure?.type === 'figure' ? figure.caption : undefined, 'DeepNet on CIFAR');
  });

  test('inline math is its TeX without braces or delimiters, whichever delimiters it has', () => {
    assert.equal(toPlain('Take $\\frac{a}{b}$, \\(\\mathbb{R}\\) and \\begin{math}x\\end{math}.'), 'Take \\fracab, \\mathbbR and  x .');
    // An escaped dollar inside math does not close it.
    assert.deepEqual(readRunningText('$a \\$ b$ c'), [{ kind: 'math', tex: 'a \\$ b', display: false, delimiter: '$' }, { kind: 'text', text: ' c' }]);
  });
});

describe('the preview reads running text by the same rules', () => {
  test('a comment takes its line end: `foo%` then `bar` prints "foobar"', () => {
    assert.equal(latexInlineHtml(readRunningText('foo%\n   bar'), undefined, {}), 'foobar');
  });

  test('\\textcolor shows the text, not the colour; \\\\[2pt] is a break without its length', () => {
    assert.equal(latexInlineHtml(readRunningText('A \\textcolor{red}{warm}\\\\[2pt] day'), undefined, {}), 'A warm<br> day');
  });

  test('a group after \\noindent is text, never lost', () => {
    assert.equal(latexInlineHtml(readRunningText('\\noindent{\\bf Remark.} Text'), undefined, {}), 'Remark. Text');
  });

  test('a numbered footnote is a footnote; \\enquote prints quotes', () => {
    assert.equal(latexInlineHtml(readRunningText('a\\footnote[2]{note} \\enquote{b}'), undefined, {}), 'a<span class="footnote">note</span> \u201cb\u201d');
  });

  test('a math environment inside running text is rendered as math', () => {
    const html = latexInlineHtml(readRunningText('We have \\begin{align}a &= b\\end{align} here.'), undefined, {});
    assert.ok(html.startsWith('We have <div class="math-display">'), html);
    assert.match(html, /mtable/);
    assert.doesNotMatch(html, /math-error/);
  });
});
