import type { FileHost } from '../../host';
import type { Range } from '../../model/range';
import type { Author, BibItem, Block, Citation, DisableDirective, FontSize, Footnote, MathNode, ReaderProblem } from '../../model/writeup';
import type { LineIndex } from '../../text/lineIndex';
import { inlineSpans } from '../inlineSpans';
import { type HeadingInfo, lineBefore, lineBeforeFacts, type PlacedBlock } from '../common';
import type { FigureParts } from './figures';
import type { BlockMacro } from './macros';
import { inertUntil, matchBracket, skipSpace } from './source';
import type { TexInline } from '../../model/inline';
import type { TableCell } from '../../model/writeup';
import { plainText, readPieces } from './runningText';

export interface Env {
  readonly name: string;
  readonly start: number;
  readonly bodyStart: number;
  /** A table scaled by `\resizebox`, `\scalebox` or `adjustbox`. */
  resize?: { width?: string; height?: string; scale?: number; max?: boolean };
  /** A tabular: its column spec as written. */
  spec?: string;
  /** A table: printed lines of its body when cells wrap (`p{..}`, `X` columns). */
  lines?: number;
  /** A table: the longest cell text of each column. */
  columnChars?: number[];
  /** A table: `\\arraystretch` where it is not 1. */
  stretch?: number;
  /** A tabular: the size switch in effect where it starts. */
  size?: FontSize;
  /** The size in effect outside the environment and how many groups were open: restored at its end. */
  readonly outer?: { readonly size: FontSize; readonly braces: number };
  /** Which kind of block this environment becomes, if any. */
  readonly kind: 'list' | 'figure' | 'table' | 'tabular' | 'code' | 'theorem' | 'document' | 'other';
  includegraphics?: { path: string; width?: string };
  /** A figure float: all its images, in the boxes they stand in. */
  parts?: FigureParts;
  /** A box inside a figure (subfigure, minipage): its number in the figure. */
  box?: number;
  caption?: string;
  /** The caption as running-text pieces. */
  captionPieces?: TexInline[];
  /** A table: the cells of its first tabular. */
  cells?: TableCell[][];
  rows?: number;
  columns?: number;
}

/** Output shared by the main file and its includes (and what a LatexSession keeps per chunk). */
export interface Sink {
  readonly citations: Citation[];
  readonly math: MathNode[];
  readonly headings: HeadingInfo[];
  readonly blocks: PlacedBlock[];
  readonly problems: ReaderProblem[];
  readonly directives: DisableDirective[];
  readonly includes: string[];
  readonly code: Range[];
  readonly footnotes: Footnote[];
  /** Text macros without arguments (`\\newcommand{\\ours}{OurNet}`): name to the text they print. */
  readonly macros: Map<string, string>;
  /** Macros whose body sets blocks (`\\newcommand{\\row}[2]{\\begin{figure}...#1...}`): expanded where used. */
  readonly blockMacros: Map<string, BlockMacro>;
  readonly bibItems: BibItem[];
  /** `\nocite{*}` seen. */
  citesAll?: boolean;
  order: number;
  referencesStart?: Range;
  /** The size switch in effect where the references begin (`\\small` before `\\bibliography`). */
  referencesSize?: FontSize;
  appendixStart?: Range;
  readonly meta: {
    title?: string;
    titleRange?: Range;
    titlePieces?: TexInline[];
    authors?: Author[];
    abstract?: string;
    course?: string;
    kind?: string;
    projectType?: string;
    date?: string;
    bibliography: string[];
    disabled: string[];
    keyRanges: Record<string, Range>;
    preambleEnd?: number;
  };
}

/**
 * How one chunk of a writeup is read on its own (see LatexSession): up to `stop`, with what the
 * rest of the document decides given rather than looked for in the text.
 */
export interface ChunkScan {
  /** Where the chunk ends: scanning stops there (the text goes on, for what looks ahead). */
  readonly stop: number;
  /** A chunk of the document's body (after `\\begin{document}`), read as if that were open. */
  readonly body: boolean;
  /** Whether algorithmic/algpseudocode is loaded with `noend` (looked for in the whole text). */
  readonly noEnd: boolean;
  /** The start of the whole text, where verbatim settings are looked for. */
  readonly head: string;
}

/** Where a chunk's scan ended and whether the state there is the one a body chunk starts from. */
export interface ChunkEnd {
  readonly at: number;
  readonly neutral: boolean;
  /** A document environment is still open (the chunk's own, or the one a body chunk is read in). */
  readonly inDocument: boolean;
}

/** Children (included files, expanded block macros) read so far in one read, and whether the limit was reported. */
export interface ChildBudget {
  reads: number;
  chars: number;
  told: boolean;
}

/** A budget with nothing spent. */
export function childBudget(): ChildBudget {
  return { reads: 0, chars: 0, told: false };
}

export interface IncludeContext {
  readonly host: FileHost;
  readonly baseDir: string;
  /** The file being read (for a macro's expansion: the file and the macro's name). */
  readonly file: string;
  /** Files being read, and the macros being expanded (`\\name`), against cycles. */
  readonly visited: Set<string>;
  readonly depth: number;
  /** What the read's `\input` files and block macro uses took so far (shared by all of them; see MAX_CHILD_READS). */
  readonly budget: ChildBudget;
  /** Set when one chunk of the main file is read (LatexSession). */
  readonly chunk?: ChunkScan;
  /** Set for an included file: ranges go to the `\input` command, `origin` to the file. */
  readonly at?: { readonly file: string; readonly range: Range };
  /** For an included file or a macro's expansion: the line before the one it is used on (its first line's line before). */
  readonly before?: string;
  /** For an included file: the text where the main file's settings stand (`\lstset`...), read as if written there. */
  readonly preamble?: string;
}

/** The state of one pass over one file's text, and what every part of the scanner does with it. */
export abstract class ScannerState {
  protected readonly envs: Env[] = [];
  /** Start of the current paragraph's visible content, or -1. */
  protected paraStart = -1;
  protected paraEnd = -1;
  /** Vertical space asked for inside the open paragraph: it takes effect after the paragraph's line. */
  protected pendingSpaces: Block[] = [];
  protected inBody: boolean;
  /** The size switch in effect (`\small`...), saved at each `{` and environment and restored at its end. */
  protected size: FontSize = 'normalsize';
  protected readonly sizes: FontSize[] = [];
  /** The size where the open paragraph was last touched. */
  protected paraSize: FontSize = 'normalsize';
  /** Inline math and footnotes read in running text since the last paragraph ended (offsets): the paragraph's spans. */
  protected paraMath: { start: number; end: number; node: MathNode }[] = [];
  protected paraNotes: { start: number; end: number }[] = [];

  constructor(
    protected readonly text: string,
    protected readonly lines: LineIndex,
    protected readonly sink: Sink,
    protected readonly ctx: IncludeContext,
  ) {
    this.inBody = ctx.at !== undefined || ctx.chunk?.body === true || !/\\begin\s*\{document\}/.test(text);
    if (ctx.chunk?.body) this.envs.push({ name: 'document', start: -1, bodyStart: -1, kind: 'document' });
  }

  /** Range in the main file for offsets of this text. */
  protected range(start: number, end: number): Range {
    return this.ctx.at ? this.ctx.at.range : this.lines.rangeAt(start, end);
  }

  protected origin(start: number, end: number): { origin?: { file: string; range: Range } } {
    return this.ctx.at ? { origin: { file: this.ctx.at.file, range: this.lines.rangeAt(start, end) } } : {};
  }

  /**
   * The line before the one holding `offset`: in this text, or for the first line of an included
   * file (or a macro's body) the line before its use. Undefined at the first line of the document
   * (or of a session's chunk, which starts after a blank line).
   */
  protected lineBefore(offset: number): string | undefined {
    return lineBefore(this.text, offset) ?? (this.ctx.at ? this.ctx.before : undefined);
  }

  /** What the line before `offset` says of a block starting there (see lineBeforeFacts). */
  protected factsBefore(offset: number): { standalone: boolean; continuesDisplay: boolean } {
    return lineBeforeFacts(this.lineBefore(offset));
  }

  protected problem(code: string, message: string, start: number, end: number, severity: ReaderProblem['severity'] = 'error'): void {
    this.sink.problems.push({ code, message, range: this.range(start, end), severity });
  }

  /** Where the document's settings (`\lstset`, `\DefineVerbatimEnvironment`...) are read: the main file's head, in an included file too. */
  protected preambleText(): string {
    return (this.ctx.chunk?.head ?? this.ctx.preamble ?? this.text).slice(0, 30000);
  }

  protected noEnd: boolean | undefined;

  /** True when algorithmic or algpseudocode is loaded with `noend` (no "end if" lines). */
  protected noEndLines(): boolean {
    this.noEnd ??= this.ctx.chunk ? this.ctx.chunk.noEnd : algorithmsWithoutEnds(this.text);
    return this.noEnd;
  }

  /** True while inside an environment that makes one block of everything it holds. */
  protected get inBlockEnv(): boolean {
    return this.envs.some((e) => e.kind !== 'other' && e.kind !== 'document');
  }

  protected place(block: Block): void {
    if (!this.inBody || this.inBlockEnv) return;
    this.sink.blocks.push({ offset: this.sink.order++, block });
  }

  protected touch(start: number, end: number): void {
    if (!this.inBody || this.inBlockEnv) return;
    if (this.paraStart < 0) this.paraStart = start;
    this.paraEnd = Math.max(this.paraEnd, end);
    this.paraSize = this.size;
  }

  protected flushParagraph(): void {
    if (this.paraStart < 0) return;
    const start = this.paraStart;
    const end = this.paraEnd;
    this.paraStart = -1;
    this.paraEnd = -1;
    const pieces = readPieces(this.text.slice(start, end), this.sink.macros);
    const plain = plainText(pieces);
    const text = plain.trim();
    // The paragraph's own inline math (not its footnotes'), where it stands in the text.
    const notes = this.paraNotes;
    const math = this.paraMath.filter((m) => m.start >= start && m.end <= end && !notes.some((n) => m.start >= n.start && m.end <= n.end)).map((m) => m.node);
    this.paraMath = [];
    this.paraNotes = [];
    const inline = text ? inlineSpans(text, math, true) : undefined;
    if (text) {
      const continuesDisplay = this.factsBefore(start).continuesDisplay;
      this.place({ type: 'paragraph', range: this.range(start, end), text, ...(this.paraSize !== 'normalsize' ? { size: this.paraSize } : {}), ...(inline ? { inline } : {}), ...(continuesDisplay ? { continuesDisplay } : {}), pieces, ...this.origin(start, end) });
    }
    if (this.pendingSpaces.length > 0) {
      for (const space of this.pendingSpaces) this.place(space);
      this.pendingSpaces = [];
    }
  }

  /** `\vspace{..}`, `\vskip ..`, `\medskip`: a space block, after the open paragraph if there is one. */
  protected space(start: number, end: number, length: string, keep: boolean): void {
    if (!this.inBody || this.inBlockEnv || length === '') return;
    const block: Block = { type: 'space', range: this.range(start, end), length, ...(keep ? { keep: true } : {}) };
    if (this.paraStart >= 0) this.pendingSpaces.push(block);
    else this.place(block);
  }


  /** The last search for each closing delimiter: later searches inside its span share its answer. */
  protected readonly closeMemo = new Map<string, { from: number; result: number; stop: number }>();

  /** The offset of the closing delimiter, skipping escapes and comments; -1 at a blank line or the end. */
  protected findMathClose(from: number, close: string): number {
    const memo = this.closeMemo.get(close);
    if (memo && from >= memo.from && from <= memo.stop && (memo.result < 0 || from <= memo.result)) return memo.result;
    const text = this.text;
    let result = -1;
    let j = from;
    for (; j < text.length; j++) {
      if (text.startsWith(close, j)) {
        result = j;
        break;
      }
      const inert = inertUntil(text, j);
      if (inert >= 0) {
        j = inert;
        continue;
      }
      if (text[j] === '\n' && /^[ \t]*\r?\n/.test(text.slice(j + 1, j + 80))) break;
    }
    this.closeMemo.set(close, { from, result, stop: result >= 0 ? result : j });
    return result;
  }



  /** The first references heading or list: where it stands and the size switch in effect there. */
  protected startReferences(start: number, end: number): void {
    if (this.sink.referencesStart) return;
    this.sink.referencesStart = this.range(start, end);
    if (this.size !== 'normalsize') this.sink.referencesSize = this.size;
  }

  protected markReferences(start: number, end: number): void {
    this.flushParagraph();
    this.startReferences(start, end);
  }


  /**
   * Reads up to `mandatory` `{...}` arguments and any `[...]` before them, skipping spaces and single
   * line breaks. A command without braces takes one token as its argument (`\input file`).
   */
  protected args(from: number, mandatory: number): { groups: Array<{ start: number; end: number }>; optional: Array<{ start: number; end: number }>; end: number } {
    const text = this.text;
    const groups: Array<{ start: number; end: number }> = [];
    const optional: Array<{ start: number; end: number }> = [];
    let j = from;
    while (groups.length < mandatory || text[skipSpace(text, j)] === '[') {
      const k = skipSpace(text, j);
      const c = text[k];
      if (c === '[') {
        const close = matchBracket(text, k, '[', ']');
        if (close < 0) break;
        optional.push({ start: k + 1, end: close });
        j = close + 1;
        continue;
      }
      if (c === '{' && groups.length < mandatory) {
        const close = matchBracket(text, k, '{', '}');
        if (close < 0) {
          this.problem('unclosed-brace', 'Unclosed brace: `{` has no matching `}`.', k, k + 1);
          return { groups, optional, end: k + 1 };
        }
        groups.push({ start: k + 1, end: close });
        j = close + 1;
        continue;
      }
      break;
    }
    return { groups, optional, end: j };
  }

  /** The images of the figure float being read, if inside one. */
  protected figureParts(): FigureParts | undefined {
    for (const e of this.envs) if (e.parts) return e.parts;
    return undefined;
  }

  /** A command at `i` (a backslash). Returns where scanning goes on. */
  protected abstract command(i: number): number;
}

/**
 * Whether algorithm floats print no closing lines ("end if"): algorithmic/algpseudocode loaded
 * with `noend`, algorithm2e with `noend`/`vlined` or `\SetAlgoNoEnd`/`\SetAlgoVlined`.
 */
export function algorithmsWithoutEnds(text: string): boolean {
  return /\\usepackage\s*\[[^\]]*\b(?:noend|vlined)\b[^\]]*\]\s*\{[^}]*\b(?:algorithmic|algpseudocode|algorithm2e)\b/.test(text) || /^[^%\n]*\\SetAlgo(?:NoEnd|Vlined)\b/m.test(text);
}
