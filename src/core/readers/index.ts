/*
 * The readers: the only code that reads a writeup's source. They turn LaTeX or pandoc Markdown
 * into the model (src/core/model/writeup.ts) that every other part of the core uses.
 *
 * - latex/: the LaTeX reader, split by job (scanner state, inline math and citations,
 *   environments, preamble and metadata, the command dispatch, TeX-to-text, tables, lists,
 *   figures).
 * - markdown/: the pandoc Markdown reader (text prepared for remark, the tree walk, blocks,
 *   front-matter `nocite:` and footnotes); pandocInline.ts scans its citations and math,
 *   frontMatter.ts its YAML, deepLists.ts and chunkedParse.ts guard and speed up remark.
 * - shared.ts: what both readers build the same way (sections, directives, raw spaces);
 *   incremental.ts keeps one reader session per open document.
 */
import type { Writeup, WriteupFormat } from '../model/writeup';
import { readLatex } from './latex';
import type { TreeParser } from './chunkedParse';
import { readMarkdown } from './markdown';
import type { ReadOptions } from './options';
import { emptyWriteup } from './shared';

export type { ReadOptions } from './options';

/** The format of a file name: `.tex` is LaTeX, `.md`/`.markdown`/`.pmd` Markdown. */
export function formatOf(file: string): WriteupFormat | undefined {
  if (/\.(tex|latex|ltx)$/i.test(file)) return 'latex';
  if (/\.(md|markdown|mdown|mkd|pmd|pandoc)$/i.test(file)) return 'markdown';
  return undefined;
}

/**
 * Reads a writeup into the model. Never throws: problems are in `writeup.problems`. `markdownTree`
 * is how Markdown reaches remark (a ReaderSession passes its chunked parse; same tree either way).
 */
export function readWriteup(text: string, options: ReadOptions, markdownTree?: TreeParser): Writeup {
  const format = options.format ?? formatOf(options.file) ?? 'markdown';
  try {
    return capProblems(format === 'latex' ? readLatex(text, options) : readMarkdown(text, options, markdownTree));
  } catch (error) {
    // A reader bug must not take the editor down: an empty model and one problem instead.
    const empty = emptyWriteup(text, options.file, format);
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

/** Most problems one model carries; a broken file should not flood the Problems view. */
export const MAX_PROBLEMS = 200;

function capProblems(writeup: Writeup): Writeup {
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
