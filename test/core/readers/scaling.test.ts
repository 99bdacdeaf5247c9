/**
 * No input hangs the readers (Markdown, LaTeX, .bib) or the page estimate: for each family of pathological input, twice
 * the input takes at most 2.5 times as long (linear or n log n, not quadratic). Not a timing test:
 * only the ratio of two sizes is checked, in CPU time, best of seven (interleaved) after a warm-up,
 * in up to three tries.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { parseBib } from '../../../src/core/bib/parse';
import { estimatePages } from '../../../src/core/layout/index';
import { readWriteup } from '../../../src/core/readers/index';

type Family = readonly [name: string, file: string, make: (bytes: number) => string];

/** `unit` repeated to about `bytes` characters. */
const times = (unit: string, bytes: number): string => unit.repeat(Math.max(1, Math.round(bytes / unit.length)));

/** Items each one level deeper than the one before, on their own lines, until about `bytes`. */
function deepList(bytes: number, step: string, marker: (i: number) => string): string {
  const lines = ['# Deep', ''];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const line = `${step.repeat(i)}${marker(i)} item ${i}`;
    lines.push(line);
    size += line.length + 1;
  }
  return lines.join('\n');
}

const FAMILIES: readonly Family[] = [
  ['markdown: list items each one level deeper (3,000 levels is 9 MB)', 'report.md', (b) => deepList(b, '  ', () => '-')],
  ['markdown: numbered items each one level deeper', 'report.md', (b) => deepList(b, '   ', () => '1.')],
  ['markdown: block quotes nested on one line', 'report.md', (b) => `# A\n\n${times('> ', b)}text\n`],
  ['markdown: block quote markers without spaces (>>>)', 'report.md', (b) => `# A\n\n${times('>', b)}text\n`],
  ['markdown: list items and block quotes alternating on one line (- >- >)', 'report.md', (b) => `# A\n\n${times('- >', b)}text\n`],
  ['markdown: block quotes each one level deeper, one per line', 'report.md', (b) => deepList(b, '> ', () => '>')],
  ['markdown: front matter of anchors, each aliased by the next', 'report.md', (b) => `---\n${lines(b, (i) => `k${i}: &a${i} [${i ? `*a${i - 1}, `.repeat(8) : 'x'}]`)}\n---\n\n# A\n`],
  ['markdown: a run of unclosed link destinations [a](', 'report.md', (b) => `# A\n\n${times('[a](', b)}\n`],
  ['markdown: a run of unclosed [', 'report.md', (b) => `# A\n\n${times('[', b)}@key\n`],
  ['markdown: a run of unclosed [@key', 'report.md', (b) => `# A\n\n${times('[@a', b)}\n`],
  ['markdown: nested [ ] around a citation', 'report.md', (b) => `# A\n\n${times('[', b / 2)}@key${times(']', b / 2)}\n`],
  ['markdown: a run of unclosed $ and \\(', 'report.md', (b) => `# A\n\n${times('$x \\( ', b)}\n`],
  ['markdown: one long line of words, math, citations and code', 'report.md', (b) => `# A\n\n${times('word $x$ [@a] `c` *e* ', b)}\n`],
  ['markdown: emphasis and backticks never closed', 'report.md', (b) => `# A\n\n${times('*a _b `c ', b)}\n`],
  ['markdown: many short paragraphs and headings', 'report.md', (b) => times('## H\n\nText [@a] $x$.\n\n- i\n\n', b)],
  // Every chunk was parsed with every definition of the text appended: 1,000 footnotes took 10 s.
  ['markdown: many footnotes, each defined after its paragraph', 'report.md', (b) => lines(b, (i) => `Text[^n${i}] here.\n\n[^n${i}]: A note ${i}.\n`)],
  ['markdown: many link reference definitions, each used once', 'report.md', (b) => lines(b, (i) => `[l${i}]: https://example.org/${i}\n\nText [l${i}] here.\n`)],
  ['latex: a run of unclosed {', 'report.tex', (b) => `\\section{A}\n${times('{', b)}\n`],
  ['latex: braces each one level deeper, one per line', 'report.tex', (b) => `\\section{A}\n${times('{x\n', b)}`],
  ['latex: a run of unclosed optional arguments', 'report.tex', (b) => `\\section{A}\n${times('\\cite[', b)}\n`],
  ['latex: \\begin of unknown environments never ended, one per line', 'report.tex', (b) => `\\section{A}\n${times('\\begin{x}\n', b)}`],
  ['latex: nested braces in a citation', 'report.tex', (b) => `\\section{A}\n\\cite{${times('{', b / 2)}k${times('}', b / 2)}}\n`],
  ['latex: environments nested across lines', 'report.tex', (b) => `\\section{A}\n${times('\\begin{itemize}\\item x\n', b)}`],
  ['latex: a run of unclosed $ and \\(', 'report.tex', (b) => `\\section{A}\n${times('$x \\( ', b)}\n`],
  ['latex: one long line of words, math and citations', 'report.tex', (b) => `\\section{A}\n${times('word $x$ \\cite{a} \\textbf{b} ', b)}\n`],
  ['latex: many short sections and paragraphs', 'report.tex', (b) => times('\\section{H}\nText \\cite{a} $x$.\n\n', b)],
];

const BIB_FAMILIES: readonly Family[] = [
  ['bib: a run of unclosed {', 'references.bib', (b) => `@article{k, title = ${times('{', b)}\n`],
  ['bib: braces each one level deeper, one per line', 'references.bib', (b) => `@article{k, title = ${times('{x\n', b)}}\n`],
  ['bib: one long line of @', 'references.bib', (b) => times('@', b)],
  ['bib: entries never closed', 'references.bib', (b) => times('@article{k, title = "x",\n', b)],
  ['bib: many entries', 'references.bib', (b) => times('@article{k1, title = {A {B} title}, author = {Last, First and Other, A.}, year = 2017}\n', b)],
];

/** `line(i)` for i = 0, 1, ... joined by line ends, until about `bytes`. */
function lines(bytes: number, line: (i: number) => string): string {
  const out: string[] = [];
  for (let i = 0, size = 0; size < bytes; i++) {
    out.push(line(i));
    size += (out[i]?.length ?? 0) + 1;
  }
  return out.join('\n');
}

// A full collection before each reading, so that one pays for its own garbage, not for what earlier
// readings (of other families, of the other size) left in the heap.
setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

/** CPU milliseconds of reading `text` (and estimating its pages, for a writeup). */
function cost(text: string, file: string): number {
  collectGarbage();
  const start = process.cpuUsage();
  if (file.endsWith('.bib')) parseBib(text, `/w/${file}`);
  else estimatePages(readWriteup(text, { file: `/w/${file}` }));
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

/**
 * The least CPU time of `runs` readings: garbage collection and other processes only ever add time
 * (on a loaded machine a median still catches them); quadratic work shows in the best run too.
 */
function best(text: string, file: string, runs: number): number {
  let least = Infinity;
  for (let i = 0; i < runs; i++) least = Math.min(least, cost(text, file));
  return least;
}

describe('readers (writeups and .bib) and the estimate scale linearly on pathological input', () => {
  for (const [name, file, make] of [...FAMILIES, ...BIB_FAMILIES]) {
    test(name, () => {
      // Sizes large enough that the work, not the clock's grain or the first growth of the heap, is measured.
      let bytes = 20_000;
      for (let i = 0; i < 3; i++) cost(make(bytes), file);
      while (best(make(bytes), file, 3) < 80 && bytes < 3_200_000) bytes *= 2;
      const a = make(bytes);
      const b = make(bytes * 2);
      // Up to three tries: noise on a shared machine can spoil one (a quadratic reader fails all three).
      // The best times are kept across tries: a try only adds readings, so a noisy one cannot spoil the next.
      const tries: string[] = [];
      let ta = Infinity;
      let tb = Infinity;
      for (let attempt = 0; attempt < 3; attempt++) {
        for (let i = 0; i < 7; i++) {
          ta = Math.min(ta, cost(a, file));
          tb = Math.min(tb, cost(b, file));
        }
        const ratio = tb / Math.max(ta, 0.5);
        if (ratio < 2.5) return;
        tries.push(`${ratio.toFixed(2)} (${tb.toFixed(1)} vs ${ta.toFixed(1)} ms of CPU)`);
      }
      assert.fail(`${name}: ${b.length} characters took ${tries.join(', ')} times as long as ${a.length}`);
    });
  }
});
