import { emptyHost } from '../../host';
import type { Metadata, Writeup } from '../../model/writeup';
import { LineIndex } from '../../text/lineIndex';
import { dirname } from '../../text/paths';
import type { ReadOptions } from '../options';
import { buildSections, emptyMetadata } from '../common';
import { graphicsPathOf, pageSetupOf } from './figures';
import { documentFactsOf, unreadBibliography } from './documentFacts';
import { LatexScanner } from './scanner';
import { type ChunkEnd, type ChunkScan, childBudget, type Sink } from './state';

export type { ChunkEnd, ChunkScan, Sink } from './state';

/*
 * A tolerant, single-pass LaTeX reader. It does not build a full TeX syntax tree: it reads the
 * commands and environments a writeup's model needs (sections, citations, math, figures, tables,
 * lists, metadata) and treats everything else as text, so an unclosed brace or environment costs
 * one problem, never the model. Everything is linear in the input (no recursion on braces).
 *
 * Included files (`\input`, `\include`) are read through the FileHost, relative to the main
 * file's directory as LaTeX does. What they contain joins the model in document order; its
 * ranges point at the `\input` command in the main file, and `origin` gives the file and the
 * range inside it.
 *
 * What a piece of text prints (a paragraph, a title, a caption, a list item, a footnote) is read
 * by runningText.ts, the same reading the preview and the bibliography use; the scanner only
 * finds where such text starts and ends.
 */

export { algorithmLines } from './algorithms';
export { listItems } from './lists';
export { parseAuthors } from './preamble';
export { LINE_BREAK, toPlain } from './runningText';

/** Reads a NeurIPS-template LaTeX file into the model. */
export function readLatex(text: string, options: ReadOptions): Writeup {
  const lines = new LineIndex(text);
  const sink = emptySink();
  const reader = new LatexScanner(text, lines, sink, {
    host: options.host ?? emptyHost,
    baseDir: dirname(options.file),
    file: options.file,
    visited: new Set([options.file]),
    depth: 0,
    budget: childBudget(),
  });
  reader.run();
  return writeupOf(text, lines, sink, options);
}

/** A Sink with nothing in it yet. */
export function emptySink(): Sink {
  return {
    citations: [],
    math: [],
    headings: [],
    blocks: [],
    problems: [],
    directives: [],
    includes: [],
    code: [],
    footnotes: [],
    macros: new Map(),
    blockMacros: new Map(),
    bibItems: [],
    order: 0,
    meta: { bibliography: [], disabled: [], keyRanges: {} },
  };
}

/** Scans one chunk of a writeup into `sink` (LatexSession): `text` runs from the chunk's start to the end of the writeup. */
export function scanChunk(text: string, lines: LineIndex, sink: Sink, options: ReadOptions, chunk: ChunkScan): ChunkEnd {
  const scanner = new LatexScanner(text, lines, sink, { host: options.host ?? emptyHost, baseDir: dirname(options.file), file: options.file, visited: new Set([options.file]), depth: 0, budget: childBudget(), chunk });
  return scanner.runChunk(chunk);
}

/** The model from what the scan of `text` left in `sink`. */
export function writeupOf(text: string, lines: LineIndex, sink: Sink, options: ReadOptions): Writeup {
  const host = options.host ?? emptyHost;
  const m = sink.meta;
  const preambleEnd = m.preambleEnd;
  const metadata: Metadata = {
    ...emptyMetadata(),
    authors: m.authors ?? [],
    bibliography: m.bibliography.length > 0 ? m.bibliography : unreadBibliography(text),
    disabledRules: m.disabled,
    keyRanges: m.keyRanges,
    ...(m.title !== undefined ? { title: m.title } : {}),
    ...(m.titleRange ? { titleRange: m.titleRange } : {}),
    ...(m.titlePieces ? { titlePieces: m.titlePieces } : {}),
    ...(m.course !== undefined ? { course: m.course } : {}),
    ...(m.kind !== undefined ? { kind: m.kind } : {}),
    ...(m.projectType !== undefined ? { projectType: m.projectType } : {}),
    ...(m.date !== undefined ? { date: m.date } : {}),
    ...(m.abstract !== undefined ? { abstract: m.abstract } : {}),
    ...(preambleEnd !== undefined
      ? { headerIncludes: text.slice(0, preambleEnd), range: lines.rangeAt(0, preambleEnd) }
      : {}),
    ...graphicsPathOf(text, preambleEnd),
    ...pageSetupOf(text, preambleEnd, host, dirname(options.file)),
    ...documentFactsOf(text, preambleEnd !== undefined ? text.slice(0, preambleEnd) : '', lines),
  };
  return {
    file: options.file,
    format: 'latex',
    text,
    lineCount: lines.lineCount,
    metadata,
    sections: buildSections(sink.headings, sink.blocks, lines),
    blocks: sink.blocks.map((b) => b.block),
    citations: sink.citations,
    ...(sink.citesAll ? { citesAll: true } : {}),
    ...(sink.bibItems.length > 0 ? { bibItems: sink.bibItems } : {}),
    math: sink.math,
    ...(sink.referencesStart ? { referencesStart: sink.referencesStart } : {}),
    ...(sink.referencesSize ? { referencesSize: sink.referencesSize } : {}),
    ...(sink.appendixStart ? { appendixStart: sink.appendixStart } : {}),
    disableDirectives: sink.directives,
    includes: sink.includes,
    problems: sink.problems,
    codeRanges: sink.code,
    footnotes: sink.footnotes,
  };
}
