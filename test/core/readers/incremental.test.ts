/**
 * A ReaderSession reads each new text of a document as if it were read afresh: random edits
 * (seeded) to Markdown and LaTeX writeups, each read by one session and compared with a fresh
 * `readWriteup`, with LF, CRLF and lone-CR line ends.
 */
import assert from 'node:assert/strict';
import { readFileSync, statSync } from 'node:fs';
import { describe, test } from 'node:test';
import { isDeepStrictEqual } from 'node:util';
import { globSync } from 'glob';
import { generateLatex, generateMarkdown, prng } from '../../../bench/generate';
import { estimatePages } from '../../../src/core/layout/index';
import { lint } from '../../../src/core/lint/engine';
import { parseTree } from '../../../src/core/readers/chunkedParse';
import { ReaderSession } from '../../../src/core/readers/incremental';
import { readWriteup } from '../../../src/core/readers/index';
import type { Writeup } from '../../../src/core/model/writeup';

/** Snippets an edit inserts: plain typing, and what opens or closes blocks across chunk cuts. */
const SNIPPETS = [
  'a', 'x', ' ', 'word ', '\n', '\n\n', '\n\n# Heading\n\n', '\n\nParagraph here.\n\n', '```', '\n```\n', '~~~\n', '$$', '$', '\n$$\n',
  '<!--', '-->', '<pre>', '</pre>', '[x]', '[x]: /url\n', '\n\n[x]: /url\n\n', '[^n]', '\n\n[^n]: A note.\n\n', '- ', '\n- item\n', '1. ',
  '> ', '    ', '[@key2020]', '\\cite{key2020}', '\\section{S}\n', '\\begin{itemize}\n', '\\end{itemize}', '{', '}', '---\n', '|', '\n| a | b |\n|---|---|\n',
  '\\begin{verbatim}\n', '\\end{verbatim}\n', '%', '^[note]', '*', '_',
  // References whose label matches a definition only after case folding and whitespace collapsing (each chunk is given the definitions its labels name).
  '[X]', '[ x ]', '[text][X]', '![x]', '[x][]', '[^N]', '\n\n[Foo  Bar]: /u\n\n', '[foo bar]', '[FOO\nbar]', '\\[x]', '[x\\]]',
];

const SAMPLE_MD = [
  '---', 'title: A', 'course: mit-18.408', '', 'bibliography: refs.bib', '---', '', '# Intro', '', 'Text with [a link][x] and [^n] and [@a].', '',
  'Another paragraph $x$ here.', '', '```python', 'code', '', 'Still code', '```', '', 'After code.', '', '<!-- a comment', '', 'Inside comment', '-->', '',
  'Outside.', '', '- item one', '', '  continued', '', 'Back out.', '', '[x]: https://example.org', '', '[^n]: The note.', '', '## Two', '', '$$', 'a + b', '$$', '',
  'Last words.', '',
].join('\n');

/** More snippets for LaTeX: what opens or closes a construct across a section cut, or changes what the preamble defines. */
const LATEX_SNIPPETS = [
  '\n\n\\section{New}\n\n', '\n\n\\subsection*{Sub}\n', '\\newcommand{\\ours}{OurNet}\n', '\\ours{} ', '\\iffalse ', '\\fi ', '\\small ', '\\normalsize',
  '\\appendix\n', '\\[', '\\]', '\\begin{equation}', '\\end{equation}', '\\footnote{', '\\vskip 2pt\n', '[', ']', '\\begin{figure}\n', '\\end{figure}\n',
  '\\title{T}', '\\author{A \\And B}', '% writeup: course=mit-18.408\n', '% writeup-disable-next-line\n', '\\usepackage[noend]{algpseudocode}\n', '\\begin{document}',
  '\\end{document}', '\\bibitem{k} Text.\n', '\\begin{lstlisting}\nx\n\\end{lstlisting}\n', '\\def\\x', '\\item ',
  // What the page estimate takes from the reader: float placements, forced breaks, pictures, display paragraphs.
  '\\begin{figure}[h]\n', '\\begin{table}[t]', '\\clearpage\n', '\\newpage', '\\begin{center}\n\\begin{tikzpicture}\\draw (0,0) -- (0,1);\\end{tikzpicture}\n\\end{center}\n', '\\]\nso ',
];

const SAMPLE_TEX = [
  '\\documentclass{article}', '\\usepackage{neurips_2024}', '\\newcommand{\\method}{DeepNet}', '\\title{A Study}', '\\author{Ann Lee \\\\ MIT \\And Bo Chen}', '',
  '\\begin{document}', '\\maketitle', '\\begin{abstract}', 'We study \\method{} on $x$.', '\\end{abstract}', '', '\\section{Introduction}', '',
  'Text citing \\citep{a,b} with $a+b$ and a footnote\\footnote{See \\cite{c}.}.', '', '\\begin{itemize}', '\\item one', '', '\\item two', '\\end{itemize}', '',
  '\\subsection{Details}', '', '% a comment', '', '\\begin{figure}[t]', '\\centering', '\\includegraphics[width=0.5\\linewidth]{fig.png}', '\\caption{A figure.}',
  '\\end{figure}', '', '\\section{Method}', '', '\\begin{equation}', 'E = mc^2', '\\end{equation}', '', '{\\small Small words.}', '', '\\begin{verbatim}', 'code', '',
  '\\section{Not a section}', '\\end{verbatim}', '', '\\section{Results}', '', '\\begin{table}', '\\begin{tabular}{lc}', 'a & b \\\\', '\\end{tabular}', '\\end{table}', '',
  '\\appendix', '', '\\section{Extra}', '', 'More \\method.', '', '\\begin{thebibliography}{1}', '\\bibitem{a} A. Author. Title.', '', '\\section{After}', '',
  '\\end{thebibliography}', '\\end{document}', '',
].join('\n');

function lineEnds(text: string, eol: string): string {
  return eol === '\n' ? text : text.replace(/\r\n|\r|\n/g, eol);
}

function randomEdits(name: string, start: string, file: string, seed: number, edits: number): void {
  const rand = prng(seed);
  const session = new ReaderSession();
  let text = start;
  session.read(text, { file });
  for (let i = 0; i < edits; i++) {
    const at = Math.floor(rand() * (text.length + 1));
    if (rand() < 0.3 && text.length > 0) {
      const len = 1 + Math.floor(rand() * 12);
      text = text.slice(0, at) + text.slice(at + len);
    } else {
      const snippets = file.endsWith('.tex') ? [...SNIPPETS, ...LATEX_SNIPPETS] : SNIPPETS;
      const snippet = snippets[Math.floor(rand() * snippets.length)] ?? 'a';
      text = text.slice(0, at) + snippet + text.slice(at);
    }
    const incremental = session.read(text, { file });
    // The oracle: the whole text through remark at once.
    const fresh = readWriteup(text, { file }, parseTree);
    if (!isDeepStrictEqual(incremental, fresh)) {
      assert.deepEqual(incremental, fresh, `${name}: edit ${i} (seed ${seed}) read differently at ${at}`);
    }
    if (i % 10 === 0) {
      // What the editor shows from the model: the page estimate and the problems.
      assert.deepEqual(estimatePages(incremental), estimatePages(fresh));
      assert.deepEqual(lint({ writeup: incremental, courses: [] }), lint({ writeup: fresh, courses: [] }));
    }
  }
}

describe('ReaderSession: the same model as a fresh read after every edit', () => {
  for (const eol of ['\n', '\r\n', '\r']) {
    const label = JSON.stringify(eol);
    test(`markdown sample with code, comments, definitions, notes (${label})`, () => {
      randomEdits('sample', lineEnds(SAMPLE_MD, eol), '/w/report.md', 7, 300);
    });
    test(`generated 3-page markdown writeup (${label})`, () => {
      randomEdits('generated md', lineEnds(generateMarkdown({ pages: 3, bibEntries: 10 }), eol), '/w/report.md', 11, 120);
    });
    test(`LaTeX sample with preamble macros, floats, verbatim, appendix, bibliography (${label})`, () => {
      const text = lineEnds(SAMPLE_TEX, eol);
      const session = new ReaderSession();
      session.read(text, { file: '/w/report.tex' });
      // Not a whole read in disguise: the body is read in its sections (with lone CRs, `%` still
      // comments out up to the next LF, here the rest of the file, and the session reads it whole).
      if (eol !== '\r') {
        assert.equal(session.lastLatex.whole, false);
        assert.ok(session.lastLatex.chunks >= 5, `${session.lastLatex.chunks} chunks`);
      }
      randomEdits('sample tex', text, '/w/report.tex', 17, 300);
    });
    test(`generated 2-page LaTeX writeup (${label})`, () => {
      randomEdits('generated tex', lineEnds(generateLatex({ pages: 2, bibEntries: 10 }), eol), '/w/report.tex', 13, 60);
    });
  }
  test('code fences with blank lines in them stay chunked: a keystroke re-parses only the fence\'s chunk', () => {
    const fence = (n: number): string => ['```python', ...Array.from({ length: 12 }, (_, k) => `def f${n}_${k}(x):\n    return x + ${k}\n`), '```'].join('\n');
    const parts: string[] = [];
    for (let n = 0; n < 5; n++) parts.push(`# Part ${n}`, `Some words about part ${n} and [@key${n}].`, fence(n), `After the code of part ${n}.`);
    let text = `${parts.join('\n\n')}\n`;
    const session = new ReaderSession();
    for (const eol of ['\n', '\r\n']) {
      text = lineEnds(text, eol);
      assert.deepEqual(session.read(text, { file: '/w/report.md' }), readWriteup(text, { file: '/w/report.md' }, parseTree));
      assert.equal(session.lastParse.whole, false);
      // A fresh read goes to remark in groups of chunks (here one); the first keystroke cuts the text finely.
      for (const word of ['about part 1', 'about part 3']) {
        const at = text.indexOf(word);
        text = `${text.slice(0, at)}x${text.slice(at)}`;
        const model = session.read(text, { file: '/w/report.md' });
        assert.deepEqual(model, readWriteup(text, { file: '/w/report.md' }, parseTree));
        assert.equal(session.lastParse.whole, false);
        assert.ok(session.lastParse.chunks >= 15, `${session.lastParse.chunks} chunks`);
      }
      // Once the session knows the chunks, a keystroke re-parses the paragraph's chunk with the fence after it only.
      const at = text.indexOf('about part 3');
      text = `${text.slice(0, at)}x${text.slice(at)}`;
      const model = session.read(text, { file: '/w/report.md' });
      assert.ok(session.lastParse.parsed <= 2, `${session.lastParse.parsed} parsed`);
      assert.deepEqual(model, readWriteup(text, { file: '/w/report.md' }, parseTree));
      assert.equal(model.codeRanges?.length, 5);
    }
    randomEdits('fences', text, '/w/report.md', 21, 80);
  });
  test('a comment, fence or $$ left open in the last list item before a cut: the list ends where a whole read ends it', () => {
    for (const open of ['- <!-- c', '  ```', '  $$']) {
      for (const eol of ['\n', '\r\n']) {
        const text = lineEnds(`Intro.\n\n- a\n${open === '- <!-- c' ? '' : '\n'}${open}\n\nBack out.\n`, eol);
        const session = new ReaderSession();
        session.read(text, { file: '/w/report.md' });
        // A keystroke in the list's chunk: remark reads that chunk alone, where the open block runs to its end.
        const edited = text.replace('- a', '- xa');
        const model = session.read(edited, { file: '/w/report.md' });
        const fresh = readWriteup(edited, { file: '/w/report.md' }, parseTree);
        assert.deepEqual(model.blocks.map((b) => [b.type, b.range.end.line]), fresh.blocks.map((b) => [b.type, b.range.end.line]), JSON.stringify(edited));
        assert.deepEqual(model, fresh);
      }
    }
  });
  test('a definition deleted after the first read: a reference in another chunk of its group reads as text again', () => {
    const cases: [definition: string, reference: string][] = [['[^n]: A note.', '[^n]'], ['[x]: /url', '[x]'], ['[^n]: A note.', '[^\nn]']];
    const lastText = (w: Writeup): string | undefined => {
      const last = w.blocks[w.blocks.length - 1];
      return last?.type === 'paragraph' ? last.text : undefined;
    };
    for (const [definition, reference] of cases) {
      const file = '/w/report.md';
      const session = new ReaderSession();
      // The fresh read parses all three paragraphs in one group and keeps each one's tree.
      session.read(`Intro.\n\n${definition}\n\nText with ${reference.replace('\n', '')} here.\n`, { file });
      const text = reference.includes('\n') ? `Intro.\n\n${definition.replace('[^n]', reference)}\n\nText with [^n] here.\n` : `Intro.\n\nText with ${reference} here.\n`;
      const model = session.read(text, { file });
      const fresh = readWriteup(text, { file }, parseTree);
      assert.equal(lastText(model), lastText(fresh), JSON.stringify(text));
      assert.ok(lastText(fresh)?.includes('[^n]') || lastText(fresh)?.includes('[x]'), lastText(fresh));
      assert.deepEqual(model, fresh);
    }
  });
  test('LaTeX: a keystroke scans one or two sections again; an unclosed $ reads whole until it is closed', () => {
    const file = '/w/report.tex';
    let text = generateLatex({ pages: 10, bibEntries: 10 });
    const session = new ReaderSession();
    session.read(text, { file });
    const chunks = session.lastLatex.chunks;
    assert.ok(chunks >= 8, `${chunks} chunks`);
    const type = (at: number, s: string): void => {
      text = `${text.slice(0, at)}${s}${text.slice(at)}`;
      assert.deepEqual(session.read(text, { file }), readWriteup(text, { file }));
    };
    const middle = text.indexOf(' ', Math.floor(text.length / 2));
    type(middle, 's');
    assert.deepEqual([session.lastLatex.whole, session.lastLatex.chunks], [false, chunks]);
    assert.ok(session.lastLatex.scanned <= 2, `${session.lastLatex.scanned} scanned`);
    // A malformed citation is a problem of its own chunk: still read by section.
    type(middle, ' \\cite ');
    assert.equal(session.lastLatex.whole, false);
    type(middle, ' $x');
    assert.equal(session.lastLatex.whole, true);
    type(middle + 3, '$');
    assert.equal(session.lastLatex.whole, false);
  });
  test('a chunk is given the definitions its labels name, matched as remark matches them (case, whitespace, escapes)', () => {
    const file = '/w/report.md';
    const text = [
      'Intro [Foo Bar] and [text][FOO  bar] and ![img][x] and [x][] and [X].', '', 'Notes [^N1] and [^n2] and [^\nn1] here.', '',
      'Not a reference: \\[x] or [y] or [x\\]] or [^n3].', '', '[foo\tbar]: /u', '', '[x]: /x', '', '[^n1]: One.', '', '[^N2]: Two.', '',
      ...Array.from({ length: 300 }, (_, i) => `Filler ${i} [x] [^n1].\n`),
    ].join('\n');
    assert.deepEqual(readWriteup(text, { file }), readWriteup(text, { file }, parseTree));
    // Read in many chunks, each with only the definitions it names; then a keystroke in each paragraph of the head.
    const session = new ReaderSession();
    assert.deepEqual(session.read(text, { file }), readWriteup(text, { file }, parseTree));
    assert.ok(session.lastParse.chunks > 1 && !session.lastParse.whole, `${session.lastParse.chunks} chunks`);
    for (const word of ['Intro', 'Notes', 'Not a', '[foo', '[x]:', '[^n1]:', '[^N2]:']) {
      const at = text.indexOf(word) + 1;
      const edited = `${text.slice(0, at)}z${text.slice(at)}`;
      assert.deepEqual(session.read(edited, { file }), readWriteup(edited, { file }, parseTree), word);
      assert.equal(session.lastParse.whole, false);
    }
  });

  test('a fresh read (chunked too) is the same as a whole parse, on every fixture', () => {
    const files = globSync('{test/fixtures,example}/**/*.md').sort().filter((f) => statSync(f).size < 50_000);
    for (const f of files) {
      const text = readFileSync(f, 'utf8');
      for (const eol of ['\n', '\r\n', '\r']) assert.deepEqual(readWriteup(lineEnds(text, eol), { file: '/w/report.md' }), readWriteup(lineEnds(text, eol), { file: '/w/report.md' }, parseTree), f);
    }
  });
  test('every Markdown and LaTeX fixture, edited', () => {
    const files = globSync('{test/fixtures,example}/**/*.{md,tex}').sort().filter((f) => statSync(f).size < 20_000);
    assert.ok(files.length > 10);
    files.forEach((f, i) => randomEdits(f, readFileSync(f, 'utf8'), f.endsWith('.tex') ? '/w/report.tex' : '/w/report.md', 100 + i, 25));
  });
});
