import { emptyHost } from '../../host';
import type { Metadata, Writeup } from '../../model/writeup';
import { LineIndex } from '../../text/lineIndex';
import { dirname } from '../../text/paths';
import type { ReadOptions } from '../options';
import { buildSections, emptyMetadata } from '../shared';
import { graphicsPathOf, pageSetupOf } from './figures';
import { LatexScanner } from './scanner';
import type { Sink } from './state';

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
 */

export { algorithmLines } from './algorithms';
export { listItems } from './lists';
export { parseAuthors } from './preamble';
export { LINE_BREAK, toPlain } from './text';

/** Reads a NeurIPS-template LaTeX file into the model. */
export function readLatex(text: string, options: ReadOptions): Writeup {
  const lines = new LineIndex(text);
  const sink: Sink = {
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
  const host = options.host ?? emptyHost;
  const reader = new LatexScanner(text, lines, sink, {
    host,
    baseDir: dirname(options.file),
    file: options.file,
    visited: new Set([options.file]),
    depth: 0,
  });
  reader.run();

  const m = sink.meta;
  const preambleEnd = m.preambleEnd;
  const metadata: Metadata = {
    ...emptyMetadata(),
    authors: m.authors ?? [],
    bibliography: m.bibliography,
    disabledRules: m.disabled,
    keyRanges: m.keyRanges,
    ...(m.title !== undefined ? { title: m.title } : {}),
    ...(m.titleRange ? { titleRange: m.titleRange } : {}),
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
    ...(sink.appendixStart ? { appendixStart: sink.appendixStart } : {}),
    disableDirectives: sink.directives,
    includes: sink.includes,
    problems: sink.problems,
    codeRanges: sink.code,
    footnotes: sink.footnotes,
  };
}
