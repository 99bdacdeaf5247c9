/*
 * The readers: the only code that reads a writeup's source. They turn LaTeX or pandoc Markdown
 * into the model (src/core/model/writeup.ts) that every other part of the core uses.
 *
 * - latex/: the LaTeX reader, split by job (scanner state, inline math and citations,
 *   environments, preamble and metadata, the command dispatch, tables, lists, figures).
 *   latex/runningText.ts is the one TeX-to-text: what a snippet prints, as pieces, rendered as
 *   the model's plain text (toPlain), the preview's HTML and the bibliography's Unicode.
 * - markdown/: the pandoc Markdown reader (text prepared for remark, the tree walk, blocks,
 *   front-matter `nocite:` and footnotes); pandocInline.ts scans its citations and math,
 *   frontMatter.ts its YAML, deepLists.ts and chunkedParse.ts guard and speed up remark.
 * - common.ts: what both readers build the same way (sections, directives, raw spaces);
 *   incremental.ts keeps one reader session per open document.
 */
import type { Writeup, WriteupFormat } from '../model/writeup';
import { readLatex } from './latex';
import type { TreeParser } from './chunkedParse';
import { readMarkdown } from './markdown';
import type { ReadOptions } from './options';
import { emptyWriteup } from './common';
import { formatOf } from './format';

export { formatOf } from './format';

export type { ReadOptions } from './options';


/**
 * Reads a writeup into the model. Never throws: problems are in `writeup.problems`. `markdownTree`
 * is how Markdown reaches remark (a ReaderSession passes its chunked parse; same tree either way),
 * `latex` how LaTeX is read (a ReaderSession passes its LatexSession; same model either way).
 */
export function readWriteup(original: string, options: ReadOptions, markdownTree?: TreeParser, latex: (text: string, options: ReadOptions) => Writeup = readLatex): Writeup {
  const format = options.format ?? formatOf(options.file) ?? 'markdown';
  if (original.length > MAX_WRITEUP_CHARS) return tooLarge(original, options.file, format);
  // Old Mac line ends (a lone CR) end a line in the editor and in TeX, but not in the YAML parser
  // or every pattern of the readers: read them as LF. Same length, so every offset, line and
  // character of the model is that of the original text, which the model keeps as `text`.
  const lone = original.includes('\r') && /\r(?!\n)/.test(original);
  const text = lone ? original.replace(/\r(?!\n)/g, '\n') : original;
  try {
    const writeup = capProblems(format === 'latex' ? latex(text, options) : readMarkdown(text, options, markdownTree));
    return lone ? { ...writeup, text: original } : writeup;
  } catch (error) {
    // A reader bug must not take the editor down: an empty model and one problem instead.
    const empty = emptyWriteup(original, options.file, format);
    const message = error instanceof Error ? error.message : String(error);
    return {
      ...empty,
      problems: [
        {
          code: 'reader-error',
          message: `The ${format === 'latex' ? 'LaTeX' : 'Markdown'} reader failed: ${message}`,
          range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
          severity: 'error',
        },
      ],
    };
  }
}

/**
 * The model without a problem said again at the same place in the same words (an `\\input` file
 * read four times over reports its own problems four times, all at the one `\\input`).
 */
function withoutRepeats(writeup: Writeup): Writeup {
  if (writeup.problems.length < 2) return writeup;
  const seen = new Set<string>();
  const problems = writeup.problems.filter((p) => {
    const key = `${p.code}\u0000${p.range.start.line}:${p.range.start.character}-${p.range.end.line}:${p.range.end.character}\u0000${p.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return problems.length === writeup.problems.length ? writeup : { ...writeup, problems };
}

/**
 * The longest text read as a writeup. Reading is linear, but a Markdown read takes about a quarter
 * of a second per MB on this project's machine: a 50 MB file held the CLI (or the editor's first
 * read) for 13 s. A 100-page report is about 0.3 MB; the 3,000-level list of the bench is 9 MB.
 */
export const MAX_WRITEUP_CHARS = 12_000_000;

/** The size of `chars` characters in MB, as a writer reads it. */
export function megabytes(chars: number): string {
  return `${(chars / 1e6).toFixed(1)} MB`;
}

/** A model with nothing read and one problem saying why: the file is too large. */
function tooLarge(text: string, file: string, format: WriteupFormat): Writeup {
  const message = `This file is ${megabytes(text.length)}: a writeup over ${megabytes(MAX_WRITEUP_CHARS)} is not read (a 100-page report is about 0.3 MB). Is it the right file?`;
  return { ...emptyWriteup(text, file, format), problems: [{ code: 'too-large', message, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, severity: 'error' }] };
}

/** Most problems one model carries; a broken file should not flood the Problems view. */
export const MAX_PROBLEMS = 200;

function capProblems(read: Writeup): Writeup {
  const writeup = withoutRepeats(read);
  if (writeup.problems.length <= MAX_PROBLEMS) return writeup;
  const shown = writeup.problems.slice(0, MAX_PROBLEMS);
  const last = shown[shown.length - 1];
  return {
    ...writeup,
    problems: [
      ...shown,
      {
        code: 'too-many-problems',
        message: `${writeup.problems.length - MAX_PROBLEMS} more problems are not shown; fix the ones above first.`,
        range: last ? last.range : { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        severity: 'info',
      },
    ],
  };
}
