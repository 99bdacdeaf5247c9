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

/** Snippets an edit inserts: plain typing, and what opens or closes blocks across chunk cuts. */
const SNIPPETS = [
  'a', 'x', ' ', 'word ', '\n', '\n\n', '\n\n# Heading\n\n', '\n\nParagraph here.\n\n', '```', '\n```\n', '~~~\n', '$$', '$', '\n$$\n',
  '<!--', '-->', '<pre>', '</pre>', '[x]', '[x]: /url\n', '\n\n[x]: /url\n\n', '[^n]', '\n\n[^n]: A note.\n\n', '- ', '\n- item\n', '1. ',
  '> ', '    ', '[@key2020]', '\\cite{key2020}', '\\section{S}\n', '\\begin{itemize}\n', '\\end{itemize}', '{', '}', '---\n', '|', '\n| a | b |\n|---|---|\n',
  '\\begin{verbatim}\n', '\\end{verbatim}\n', '%', '^[note]', '*', '_',
];

const SAMPLE_MD = [
  '---', 'title: A', 'course: mit-18.408', '', 'bibliography: refs.bib', '---', '', '# Intro', '', 'Text with [a link][x] and [^n] and [@a].', '',
  'Another paragraph $x$ here.', '', '```python', 'code', '', 'Still code', '```', '', 'After code.', '', '<!-- a comment', '', 'Inside comment', '-->', '',
  'Outside.', '', '- item one', '', '  continued', '', 'Back out.', '', '[x]: https://example.org', '', '[^n]: The note.', '', '## Two', '', '$$', 'a + b', '$$', '',
  'Last words.', '',
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
      const snippet = SNIPPETS[Math.floor(rand() * SNIPPETS.length)] ?? 'a';
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
    test(`generated 2-page LaTeX writeup (${label})`, () => {
      randomEdits('generated tex', lineEnds(generateLatex({ pages: 2, bibEntries: 10 }), eol), '/w/report.tex', 13, 60);
    });
  }
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
