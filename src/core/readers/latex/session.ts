import type { Writeup } from '../../model/writeup';
import { LineIndex } from '../../text/lineIndex';
import { emptySink, readLatex, scanChunk, type ChunkEnd, type Sink, writeupOf } from './index';
import { algorithmsWithoutEnds } from './state';
import type { ReadOptions } from '../options';

/** Lines of one chunk that notes the furthest offset a range was asked for (past the chunk: it ran on). */
class ChunkLines extends LineIndex {
  furthest = 0;

  override positionAt(offset: number): { line: number; character: number } {
    if (offset > this.furthest) this.furthest = offset;
    return super.positionAt(offset);
  }
}

/** What one chunk read on its own gave: its sink (ranges from the chunk's first line) and its macros after it. */
interface ChunkResult {
  readonly sink: Sink;
  /** The line of the whole text the sink's ranges count from. */
  readonly line: number;
  readonly macros: ReadonlyMap<string, string>;
  readonly macrosKey: string;
}

/** A file that `\input`s others is read whole: what it includes can change without its text changing. */
const INCLUDES = /\\(?:input|include|subfile)(?![A-Za-z@])/;

/** Where the document body starts. */
const BEGIN_DOCUMENT = /\\begin\s*\{document\}/;

/** A chunk may start at a sectioning command opening a line after a blank line (its title flushes any paragraph). */
const CUT = /(?:\r\n|\r|\n)[ \t]*(?:\r\n|\r|\n)(?=\\(?:sub){0,2}section\*?\{)/g;

/** Where a bibliography starts: its items look ahead to the next one, so the last chunk takes it all in. */
const BIBLIOGRAPHY = /\\bibitem(?![A-Za-z@])|\\begin\s*\{thebibliography\}/;

/** Verbatim environments, whose size may come from settings at the head of the text. */
const VERBATIM = /\\begin\s*\{(?:verbatim\*?|Verbatim|BVerbatim|LVerbatim|lstlisting|minted|comment|alltt|Highlighting)\}/;


/** How far past its end a chunk's reading may look without running on (a `[` argument's bracket). */
const LOOKAHEAD = 2_000;

/**
 * Most chunks one chunk is merged with (when it does not end where a section may start afresh)
 * before the text is read whole: a construct left open seldom closes a few sections on (an
 * unclosed `$` while typing never does), and each merge scans the chunk again.
 */
const MAX_MERGES = 3;

/**
 * Problems found without looking past the chunk (and the 2,000 characters kept with it): a chunk
 * reporting only these still stands on its own. Others (an unclosed brace, `$` or environment)
 * depend on the whole rest of the text.
 */
const LOCAL_PROBLEMS = new Set(['malformed-citation', 'unmatched-end']);

/**
 * One open LaTeX document's reader: `read` gives the same model as `readLatex` on the same text,
 * and scans again only the chunks an edit touched. The body is cut before each `\section`,
 * `\subsection` or `\subsubsection` that opens a line after a blank line; the scanner's state there
 * is known (only the document environment open, no group, the normal size) once the chunk before
 * is read and found to end so, and a chunk is merged with the next until it does. Each chunk is read
 * with the rest of the text after it (what looks ahead sees what a whole read sees) and kept with
 * what it depends on: its text, the 2,000 characters after it (as far as a `[` argument is looked
 * for), the text macros defined before it, whether `noend` is loaded and, for verbatim, the head of
 * the text. A chunk that ran past its end or reported a problem that looked further is merged with
 * the next (its reading may depend on text after it). Files with `\input` or block macros are read whole.
 * The random-edit test (test/core/readers/incremental.test.ts) compares the two.
 */
export class LatexSession {
  private cache = new Map<string, ChunkResult>();
  /** How the last read went (for the benchmarks and tests): chunks, how many were scanned, whether the text was read whole. */
  last = { chunks: 0, scanned: 0, whole: false };

  read(text: string, options: ReadOptions): Writeup {
    const lines = new LineIndex(text);
    const chunks = this.chunks(text, lines, options);
    if (!chunks) {
      this.cache = new Map();
      this.last = { chunks: 1, scanned: 1, whole: true };
      return readLatex(text, options);
    }
    return writeupOf(text, lines, merge(chunks), options);
  }

  /** The chunks' results in order, or undefined when the text is to be read whole. */
  private chunks(text: string, lines: LineIndex, options: ReadOptions): ChunkResult[] | undefined {
    if (INCLUDES.test(text)) return undefined;
    const body = BEGIN_DOCUMENT.exec(text);
    if (!body) return undefined;
    const bibliography = BIBLIOGRAPHY.exec(text)?.index ?? text.length;
    const cuts = [0];
    CUT.lastIndex = body.index;
    for (let m = CUT.exec(text); m && m.index < bibliography; m = CUT.exec(text)) cuts.push(m.index + m[0].length);
    if (cuts.length < 2) return undefined;
    const noEnd = algorithmsWithoutEnds(text);
    const head = text.slice(0, 30000);
    const used = new Map<string, ChunkResult>();
    const out: ChunkResult[] = [];
    let macros: ReadonlyMap<string, string> = new Map();
    let macrosKey = '';
    let scanned = 0;
    for (let i = 0; i < cuts.length; i++) {
      const start = cuts[i] as number;
      const first = start === 0;
      const line = lines.positionAt(start).line;
      let result: ChunkResult | undefined;
      for (let merges = 0; ; merges++) {
        const stop = cuts[i + 1] ?? text.length;
        const last = stop >= text.length;
        const chunk = text.slice(start, stop);
        // Past its end a chunk's reading may look at a bracket argument's 2,000 characters, no further without running on.
        const key = `${first ? 'F' : 'B'}${noEnd ? 1 : 0}\u0000${macrosKey}\u0000${VERBATIM.test(chunk) ? head : ''}\u0000${text.slice(stop, stop + LOOKAHEAD)}\u0000${chunk}`;
        const known = used.get(key) ?? this.cache.get(key);
        if (known) result = shiftedTo(known, line);
        else {
          scanned++;
          const read = readChunk(text, start, stop, { first, last, noEnd, head, macros, options });
          result = read && shiftedTo(read, line);
        }
        if (result) {
          used.set(key, result);
          break;
        }
        if (last || merges >= MAX_MERGES) return undefined;
        i++;
      }
      // Macros that build blocks are read like `\input` children at each use (their positions in a
      // file of their own): a text that defines one is read whole.
      if (result.sink.blockMacros.size > 0) return undefined;
      out.push(result);
      macros = result.macros;
      macrosKey = result.macrosKey;
    }
    this.cache = used;
    this.last = { chunks: out.length, scanned, whole: false };
    return out;
  }
}

/** One chunk read on its own, or undefined when its reading may differ from a whole read's. */
function readChunk(
  text: string,
  start: number,
  stop: number,
  at: { first: boolean; last: boolean; noEnd: boolean; head: string; macros: ReadonlyMap<string, string>; options: ReadOptions },
): ChunkResult | undefined {
  const lines = new ChunkLines(text.slice(start, stop));
  const sink = emptySink();
  for (const [k, v] of at.macros) sink.macros.set(k, v);
  const end: ChunkEnd = scanChunk(start === 0 ? text : text.slice(start), lines, sink, at.options, { stop: stop - start, body: !at.first, noEnd: at.noEnd, head: at.head });
  if (at.last) {
    // A document left open is reported at its `\begin{document}`, in another chunk.
    if (end.inDocument) return undefined;
  } else if (end.at !== stop - start || !end.neutral || lines.furthest > stop - start || sink.problems.some((p) => !LOCAL_PROBLEMS.has(p.code))) return undefined;
  if (sink.includes.length > 0) return undefined;
  return { sink, line: 0, macros: sink.macros, macrosKey: macrosKeyOf(sink.macros) };
}

function macrosKeyOf(macros: ReadonlyMap<string, string>): string {
  if (macros.size === 0) return '';
  return JSON.stringify([...macros]);
}

/** Fields that hold running-text pieces (no ranges in them): shared, not copied, when ranges move. */
const PIECES = new Set(['pieces', 'captionPieces', 'titlePieces', 'note', 'label', 'cells']);

/** `result` with its ranges counted from `line` (the same object when they already are). */
function shiftedTo<T extends ChunkResult>(result: T, line: number): T {
  if (result.line === line) return result;
  const by = line - result.line;
  const seen = new Map<object, unknown>();
  const shift = (value: unknown): unknown => {
    if (typeof value !== 'object' || value === null) return value;
    const done = seen.get(value);
    if (done !== undefined) return done;
    if (Array.isArray(value)) {
      const copy: unknown[] = [];
      seen.set(value, copy);
      for (const v of value) copy.push(shift(v));
      return copy;
    }
    if (value instanceof Map) return value;
    const copy: Record<string, unknown> = {};
    seen.set(value, copy);
    for (const [k, v] of Object.entries(value)) copy[k] = k === 'line' && typeof v === 'number' ? v + by : PIECES.has(k) ? v : shift(v);
    return copy;
  };
  const sink = result.sink;
  const moved = {
    ...sink,
    citations: shift(sink.citations) as Sink['citations'],
    math: shift(sink.math) as Sink['math'],
    headings: shift(sink.headings) as Sink['headings'],
    blocks: shift(sink.blocks) as Sink['blocks'],
    problems: shift(sink.problems) as Sink['problems'],
    directives: shift(sink.directives) as Sink['directives'],
    code: shift(sink.code) as Sink['code'],
    footnotes: shift(sink.footnotes) as Sink['footnotes'],
    bibItems: shift(sink.bibItems) as Sink['bibItems'],
    ...(sink.referencesStart ? { referencesStart: shift(sink.referencesStart) as Sink['referencesStart'] } : {}),
    ...(sink.appendixStart ? { appendixStart: shift(sink.appendixStart) as Sink['appendixStart'] } : {}),
    meta: shift(sink.meta) as Sink['meta'],
  } as Sink;
  return { ...result, sink: moved, line };
}

/** One sink from the chunks' sinks, in order, as a single scan would have filled it. */
function merge(chunks: readonly ChunkResult[]): Sink {
  const out = emptySink();
  const meta = out.meta;
  for (const { sink } of chunks) {
    const base = out.order;
    out.citations.push(...sink.citations);
    out.math.push(...sink.math);
    for (const h of sink.headings) out.headings.push(base === 0 ? h : { ...h, offset: h.offset + base });
    for (const b of sink.blocks) out.blocks.push(base === 0 ? b : { offset: b.offset + base, block: b.block });
    out.problems.push(...sink.problems);
    out.directives.push(...sink.directives);
    out.code.push(...sink.code);
    out.footnotes.push(...sink.footnotes);
    out.bibItems.push(...sink.bibItems);
    out.order += sink.order;
    if (sink.citesAll) out.citesAll = true;
    if (!out.referencesStart && sink.referencesStart) {
      out.referencesStart = sink.referencesStart;
      if (sink.referencesSize) out.referencesSize = sink.referencesSize;
    }
    if (!out.appendixStart && sink.appendixStart) out.appendixStart = sink.appendixStart;
    const m = sink.meta;
    // What the scanner assigns, the last chunk to set it gives; what it appends, all do in turn.
    if (m.title !== undefined) meta.title = m.title;
    if (m.titleRange !== undefined) meta.titleRange = m.titleRange;
    if (m.titlePieces !== undefined) meta.titlePieces = m.titlePieces;
    if (m.authors !== undefined) meta.authors = m.authors;
    if (m.abstract !== undefined) meta.abstract = m.abstract;
    if (m.course !== undefined) meta.course = m.course;
    if (m.kind !== undefined) meta.kind = m.kind;
    if (m.projectType !== undefined) meta.projectType = m.projectType;
    if (m.date !== undefined) meta.date = m.date;
    if (meta.preambleEnd === undefined && m.preambleEnd !== undefined) meta.preambleEnd = m.preambleEnd;
    meta.bibliography.push(...m.bibliography);
    meta.disabled.push(...m.disabled);
    Object.assign(meta.keyRanges, m.keyRanges);
  }
  const lastMacros = chunks[chunks.length - 1]?.macros;
  if (lastMacros) for (const [k, v] of lastMacros) out.macros.set(k, v);
  return out;
}
