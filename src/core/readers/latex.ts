import { emptyHost, type FileHost } from '../host';
import type { Range } from '../model/range';
import type { Author, BibItem, Block, Citation, DisableDirective, FontSize, Footnote, ListEntry, MathNode, Metadata, ReaderProblem, Writeup } from '../model/writeup';
import { FigureParts, graphicsPathOf, pageSetupOf } from './latexFigures';
import { LineIndex } from '../text/lineIndex';
import { dirname, resolveInside, resolvePath } from '../text/paths';
import type { ReadOptions } from './options';
import { MATH_ENVIRONMENTS } from './pandocInline';
import { APPENDIX_TITLE, buildSections, emptyMetadata, type HeadingInfo, type PlacedBlock, parseDisableComment, VSKIP_LENGTH } from './shared';

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

const SECTION_LEVELS: Readonly<Record<string, number>> = {
  part: 0,
  chapter: 0,
  section: 1,
  subsection: 2,
  subsubsection: 3,
  paragraph: 4,
  subparagraph: 5,
};

const CITE_COMMANDS = new Set([
  'cite', 'citep', 'citet', 'citealp', 'citealt', 'citeauthor', 'citeyear', 'citeyearpar', 'citenum', 'nocite',
  'Cite', 'Citep', 'Citet', 'Citealp', 'Citealt', 'Citeauthor', 'parencite', 'Parencite', 'textcite', 'Textcite',
  'autocite', 'Autocite', 'footcite', 'smartcite', 'supercite', 'fullcite', 'citetitle', 'Citetitle', 'citeurl', 'footcitetext',
  'Citeyear', 'Citeyearpar', 'citealias', 'citepalias', 'citetalias', 'Smartcite', 'Footcite',
]);

const LIST_ENVS = new Set(['itemize', 'enumerate', 'description', 'compactitem', 'compactenum']);
const FIGURE_ENVS = new Set(['figure', 'figure*', 'wrapfigure', 'subfigure', 'SCfigure']);
/** Pictures drawn in TeX: their source is not text. */
const PICTURE_ENVS = new Set(['tikzpicture', 'forest', 'pgfpicture', 'picture', 'circuitikz']);
/** Boxes that stand side by side inside a figure, each holding its own images and caption. */
const BOX_ENVS = new Set(['subfigure', 'minipage', 'subfloat', 'subtable']);
const TABLE_ENVS = new Set(['table', 'table*', 'wraptable']);
const TABULAR_ENVS = new Set(['tabular', 'tabular*', 'tabularx', 'longtable', 'tabulary', 'supertabular']);
const VERBATIM_ENVS = new Set(['verbatim', 'verbatim*', 'Verbatim', 'BVerbatim', 'LVerbatim', 'lstlisting', 'minted', 'comment', 'alltt', 'Highlighting']);
const ALGORITHM_ENVS = new Set(['algorithm', 'algorithm*', 'algorithmic', 'algorithm2e', 'algorithmicx']);
const THEOREM_ENVS = new Set([
  'theorem', 'lemma', 'proof', 'definition', 'corollary', 'proposition', 'remark', 'example', 'assumption',
  'claim', 'conjecture', 'fact', 'observation', 'note', 'problem', 'question', 'quote', 'quotation', 'verse',
  'abstract', 'thebibliography',
]);
/** Commands whose arguments are definitions, not text: skipped whole. */
const DEFINITION_COMMANDS = new Set(['newcommand', 'renewcommand', 'providecommand', 'DeclareMathOperator', 'newenvironment', 'renewenvironment', 'newtheorem', 'def', 'gdef', 'edef', 'xdef', 'let']);
/** Commands that print nothing: they do not start a paragraph, their arguments are skipped. */
const SILENT_COMMANDS = new Set([
  'label', 'ref', 'eqref', 'maketitle', 'centering', 'noindent', 'vspace', 'hspace', 'bibliographystyle', 'usepackage',
  'documentclass', 'setlength', 'addtolength', 'setcounter', 'pagestyle', 'thispagestyle', 'small', 'footnotesize',
  'large', 'Large', 'normalsize', 'raggedright', 'vfill', 'hfill', 'tableofcontents',
  'graphicspath', 'hypersetup', 'input', 'include', 'includeonly', 'date',
]);

const MAX_INCLUDE_DEPTH = 8;

const FONT_SIZES = new Set<string>(['tiny', 'scriptsize', 'footnotesize', 'small', 'normalsize', 'large', 'Large', 'LARGE', 'huge', 'Huge']);

interface Env {
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
  rows?: number;
  columns?: number;
}

/** Output shared by the main file and its includes. */
interface Sink {
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
  readonly bibItems: BibItem[];
  /** `\nocite{*}` seen. */
  citesAll?: boolean;
  order: number;
  referencesStart?: Range;
  appendixStart?: Range;
  readonly meta: {
    title?: string;
    titleRange?: Range;
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
    bibItems: [],
    order: 0,
    meta: { bibliography: [], disabled: [], keyRanges: {} },
  };
  const host = options.host ?? emptyHost;
  const reader = new LatexScanner(text, lines, sink, {
    host,
    baseDir: dirname(options.file),
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

interface IncludeContext {
  readonly host: FileHost;
  readonly baseDir: string;
  readonly visited: Set<string>;
  readonly depth: number;
  /** Set for an included file: ranges go to the `\input` command, `origin` to the file. */
  readonly at?: { readonly file: string; readonly range: Range };
}

/** One pass over one file's text. */
class LatexScanner {
  private readonly envs: Env[] = [];
  /** Start of the current paragraph's visible content, or -1. */
  private paraStart = -1;
  private paraEnd = -1;
  /** Vertical space asked for inside the open paragraph: it takes effect after the paragraph's line. */
  private pendingSpaces: Block[] = [];
  private inBody: boolean;
  /** The size switch in effect (`\small`...), saved at each `{` and environment and restored at its end. */
  private size: FontSize = 'normalsize';
  private readonly sizes: FontSize[] = [];
  /** The size where the open paragraph was last touched. */
  private paraSize: FontSize = 'normalsize';

  constructor(
    private readonly text: string,
    private readonly lines: LineIndex,
    private readonly sink: Sink,
    private readonly ctx: IncludeContext,
  ) {
    this.inBody = ctx.at !== undefined || !/\\begin\s*\{document\}/.test(text);
  }

  /** Range in the main file for offsets of this text. */
  private range(start: number, end: number): Range {
    return this.ctx.at ? this.ctx.at.range : this.lines.rangeAt(start, end);
  }

  private origin(start: number, end: number): { origin?: { file: string; range: Range } } {
    return this.ctx.at ? { origin: { file: this.ctx.at.file, range: this.lines.rangeAt(start, end) } } : {};
  }

  private problem(code: string, message: string, start: number, end: number, severity: ReaderProblem['severity'] = 'error'): void {
    this.sink.problems.push({ code, message, range: this.range(start, end), severity });
  }

  private noEnd: boolean | undefined;

  /** True when algorithmic or algpseudocode is loaded with `noend` (no "end if" lines). */
  private noEndLines(): boolean {
    this.noEnd ??=
      /\\usepackage\s*\[[^\]]*\b(?:noend|vlined)\b[^\]]*\]\s*\{[^}]*\b(?:algorithmic|algpseudocode|algorithm2e)\b/.test(this.text) || /^[^%\n]*\\SetAlgo(?:NoEnd|Vlined)\b/m.test(this.text);
    return this.noEnd;
  }

  /** True while inside an environment that makes one block of everything it holds. */
  private get inBlockEnv(): boolean {
    return this.envs.some((e) => e.kind !== 'other' && e.kind !== 'document');
  }

  private place(block: Block): void {
    if (!this.inBody || this.inBlockEnv) return;
    this.sink.blocks.push({ offset: this.sink.order++, block });
  }

  private touch(start: number, end: number): void {
    if (!this.inBody || this.inBlockEnv) return;
    if (this.paraStart < 0) this.paraStart = start;
    this.paraEnd = Math.max(this.paraEnd, end);
    this.paraSize = this.size;
  }

  private flushParagraph(): void {
    if (this.paraStart < 0) return;
    const start = this.paraStart;
    const end = this.paraEnd;
    this.paraStart = -1;
    this.paraEnd = -1;
    const plain = toPlain(this.text.slice(start, end), this.sink.macros);
    if (plain.trim()) this.place({ type: 'paragraph', range: this.range(start, end), text: plain.trim(), ...(this.paraSize !== 'normalsize' ? { size: this.paraSize } : {}), ...this.origin(start, end) });
    if (this.pendingSpaces.length > 0) {
      for (const space of this.pendingSpaces) this.place(space);
      this.pendingSpaces = [];
    }
  }

  /** `\vspace{..}`, `\vskip ..`, `\medskip`: a space block, after the open paragraph if there is one. */
  private space(start: number, end: number, length: string, keep: boolean): void {
    if (!this.inBody || this.inBlockEnv || length === '') return;
    const block: Block = { type: 'space', range: this.range(start, end), length, ...(keep ? { keep: true } : {}) };
    if (this.paraStart >= 0) this.pendingSpaces.push(block);
    else this.place(block);
  }

  /** `\footnote[n]{text}` or `\footnotetext[n]{text}`: recorded; its citations and math are still read. */
  private footnote(i: number, afterName: number): number {
    const arg = this.args(afterName, 1);
    const g = arg.groups[0];
    if (!g) {
      this.touch(i, afterName);
      return afterName;
    }
    if (this.inBody) {
      const text = toPlain(this.text.slice(g.start, g.end)).replace(/\s+/g, ' ').trim();
      this.sink.footnotes.push({ range: this.range(i, arg.end), bodyRange: this.range(g.start, g.end), text, ...this.origin(i, arg.end) });
    }
    this.touch(i, arg.end);
    return g.start;
  }

  run(): void {
    const text = this.text;
    const n = text.length;
    let i = 0;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 37 /* % */) {
        i = this.comment(i);
        continue;
      }
      if (c === 10 || c === 13) {
        // A blank line ends a paragraph.
        let j = i + (c === 13 && text.charCodeAt(i + 1) === 10 ? 2 : 1);
        while (j < n && (text[j] === ' ' || text[j] === '\t')) j++;
        if (text[j] === '\n' || text[j] === '\r') {
          this.flushParagraph();
          this.figureParts()?.rowBreak();
        }
        i = j;
        continue;
      }
      if (c === 36 /* $ */) {
        i = this.dollar(i);
        continue;
      }
      if (c === 92 /* \ */) {
        i = this.command(i);
        continue;
      }
      if (c === 123) this.sizes.push(this.size);
      else if (c === 125) this.size = this.sizes.pop() ?? 'normalsize';
      else if (c !== 32 && c !== 9) this.touch(i, i + 1);
      i++;
    }
    this.flushParagraph();
    for (const env of this.envs) {
      if (env.name === 'document' && this.ctx.at === undefined) {
        this.problem('unclosed-environment', 'Unclosed environment: `\\begin{document}` has no `\\end{document}`.', env.start, env.bodyStart, 'warning');
      } else if (env.name !== 'document') {
        this.problem('unclosed-environment', `Unclosed environment: \`\\begin{${env.name}}\` has no \`\\end{${env.name}}\`.`, env.start, env.bodyStart);
      }
    }
  }

  /** A `%` comment: directives and `% writeup: key=value` metadata. Returns the offset after it. */
  private comment(i: number): number {
    const text = this.text;
    let end = text.indexOf('\n', i);
    if (end < 0) end = text.length;
    const lineEnd = text[end - 1] === '\r' ? end - 1 : end;
    const body = text.slice(i + 1, lineEnd);
    this.sink.code.push(this.range(i, lineEnd));
    const directive = parseDisableComment(body.replace(/^%+/, ''), this.lines.positionAt(i).line);
    if (directive && !this.ctx.at) this.sink.directives.push(directive);
    const meta = /^%*\s*writeup:\s*(.*)$/.exec(body);
    if (meta && !this.ctx.at) {
      const settings = meta[1] ?? '';
      const re = /([\w-]+)\s*=\s*("[^"]*"|[^\s,;]+)/g;
      for (let m = re.exec(settings); m; m = re.exec(settings)) {
        const key = m[1] ?? '';
        const value = (m[2] ?? '').replace(/^"|"$/g, '');
        const keyStart = i + 1 + (meta[0].length - settings.length) + m.index;
        this.sink.meta.keyRanges[key] = this.lines.rangeAt(keyStart, keyStart + m[0].length);
        if (key === 'course') this.sink.meta.course = value;
        else if (key === 'kind') this.sink.meta.kind = value;
        else if (key === 'project' || key === 'projectType' || key === 'project-type') this.sink.meta.projectType = value;
        else if (key === 'disable') this.sink.meta.disabled.push(...value.split(/[,+]/).filter(Boolean));
      }
    }
    // The line break after a comment is eaten by TeX: it neither ends a paragraph nor adds space.
    return end + 1;
  }

  /** `$...$` or `$$...$$`. */
  private dollar(i: number): number {
    const text = this.text;
    const display = text[i + 1] === '$';
    const open = display ? 2 : 1;
    const close = this.findMathClose(i + open, display ? '$$' : '$');
    if (close < 0) {
      this.problem('unclosed-math', `Unclosed math: \`${display ? '$$' : '$'}\` has no closing \`${display ? '$$' : '$'}\`.`, i, i + open);
      this.touch(i, i + open);
      return i + open;
    }
    this.addMath(i, close + open, i + open, close, display, display ? '$$' : '$');
    return close + open;
  }

  /** The last search for each closing delimiter: later searches inside its span share its answer. */
  private readonly closeMemo = new Map<string, { from: number; result: number; stop: number }>();

  /** The offset of the closing delimiter, skipping escapes and comments; -1 at a blank line or the end. */
  private findMathClose(from: number, close: string): number {
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

  private addMath(start: number, end: number, contentStart: number, contentEnd: number, display: boolean, delimiter: MathNode['delimiter'], environment?: string): void {
    const node: MathNode = {
      tex: this.text.slice(contentStart, contentEnd),
      display,
      range: this.range(start, end),
      contentRange: this.range(contentStart, contentEnd),
      delimiter,
      ...(environment ? { environment } : {}),
      ...this.origin(start, end),
    };
    this.sink.math.push(node);
    if (display && this.inBody && !this.inBlockEnv) {
      // Display math inside a paragraph belongs to it as far as the layout goes; it is also a block.
      this.flushParagraph();
      this.place({ type: 'math', range: node.range, math: node });
    } else {
      this.touch(start, end);
    }
  }

  /** A command at `i` (a backslash). Returns where scanning goes on. */
  private command(i: number): number {
    const text = this.text;
    const next = text[i + 1];
    if (next === undefined) return i + 1;
    if (next === '(' || next === '[') {
      const close = next === '(' ? '\\)' : '\\]';
      const end = this.findMathClose(i + 2, close);
      if (end < 0) {
        this.problem('unclosed-math', `Unclosed math: \`\\${next}\` has no closing \`${close}\`.`, i, i + 2);
        return i + 2;
      }
      this.addMath(i, end + 2, i + 2, end, next === '[', next === '(' ? '\\(' : '\\[');
      return end + 2;
    }
    if (!/[A-Za-z@]/.test(next)) {
      if (next === '\\' && !this.envs.some((e) => e.kind === 'tabular')) this.figureParts()?.rowBreak();
      // A control symbol: `\%`, `\$`, `\\`, `\{`... is text.
      this.touch(i, i + 2);
      return i + 2;
    }
    let j = i + 1;
    while (j < text.length && /[A-Za-z@]/.test(text[j] ?? '')) j++;
    const name = text.slice(i + 1, j);
    const star = text[j] === '*';
    const afterName = star ? j + 1 : j;

    if (name === 'verb' || name === 'lstinline') return this.inlineVerbatim(i, afterName);
    if (name === 'iffalse') return this.skipIffalse(i, j);
    if (name === 'begin' || name === 'end') return this.environment(i, afterName, name === 'begin');
    if (name in SECTION_LEVELS) return this.section(i, name, star, afterName);
    if (CITE_COMMANDS.has(name)) return this.cite(i, name, afterName);
    if (name === 'bibitem') return this.bibitem(i, afterName);
    if (DEFINITION_COMMANDS.has(name)) return this.skipDefinition(name, afterName);
    switch (name) {
      case 'title': {
        const arg = this.args(afterName, 1);
        const g = arg.groups[0];
        if (g && !this.ctx.at) {
          this.sink.meta.title = toPlain(text.slice(g.start, g.end)).replace(/\s+/g, ' ').trim();
          this.sink.meta.titleRange = this.lines.rangeAt(g.start, g.end);
          this.sink.meta.keyRanges['title'] = this.lines.rangeAt(i, arg.end);
        }
        return arg.end;
      }
      case 'author': {
        const arg = this.args(afterName, 1);
        const g = arg.groups[0];
        if (g && !this.ctx.at) {
          this.sink.meta.authors = parseAuthors(text.slice(g.start, g.end));
          this.sink.meta.keyRanges['author'] = this.lines.rangeAt(i, arg.end);
        }
        return arg.end;
      }
      case 'date': {
        const arg = this.args(afterName, 1);
        const g = arg.groups[0];
        if (g && !this.ctx.at) this.sink.meta.date = toPlain(text.slice(g.start, g.end)).trim();
        return arg.end;
      }
      case 'bibliography':
      case 'addbibresource': {
        const arg = this.args(afterName, 1);
        const g = arg.groups[0];
        if (g) {
          for (const f of text.slice(g.start, g.end).split(',')) {
            const file = f.trim();
            if (file) this.sink.meta.bibliography.push(name === 'bibliography' && !/\.bib$/i.test(file) ? `${file}.bib` : file);
          }
        }
        if (name === 'bibliography') this.markReferences(i, arg.end);
        return arg.end;
      }
      case 'printbibliography':
        this.markReferences(i, afterName);
        return this.args(afterName, 0).end;
      case 'appendix':
        this.flushParagraph();
        this.sink.appendixStart ??= this.range(i, afterName);
        return afterName;
      case 'vspace': {
        const arg = this.args(afterName, 1);
        const g = arg.groups[0];
        if (g) this.space(i, arg.end, text.slice(g.start, g.end).trim(), star);
        return arg.end;
      }
      case 'vskip': {
        // `\vskip -0.5\baselineskip plus 1pt`: a TeX dimension without braces.
        const m = VSKIP_LENGTH.exec(text.slice(afterName, afterName + 120));
        if (!m) return afterName;
        const end = afterName + m[0].length;
        this.space(i, end, (m[1] ?? '').replace(/\s+/g, ''), false);
        return end;
      }
      case 'smallskip':
      case 'medskip':
      case 'bigskip':
        this.space(i, afterName, `\\${name}amount`, false);
        return afterName;
      case 'footnote':
      case 'footnotetext':
        return this.footnote(i, afterName);
      case 'newpage':
      case 'clearpage':
      case 'pagebreak':
      case 'cleardoublepage':
        this.flushParagraph();
        this.place({ type: 'pagebreak', range: this.range(i, afterName) });
        return afterName;
      case 'input':
      case 'include':
      case 'subfile':
        return this.include(i, afterName);
      case 'includegraphics': {
        const arg = this.args(afterName, 1);
        const g = arg.groups[0];
        const options = arg.optional[0];
        const path = g ? text.slice(g.start, g.end).trim() : '';
        const width = options ? /(?:^|,)\s*width\s*=\s*([^,]+)/.exec(text.slice(options.start, options.end))?.[1]?.trim() : undefined;
        const env = [...this.envs].reverse().find((e) => e.kind === 'figure');
        if (env) {
          env.includegraphics ??= { path, ...(width !== undefined ? { width } : {}) };
          const box = [...this.envs].reverse().find((e) => e.box !== undefined);
          this.figureParts()?.image(path, options ? text.slice(options.start, options.end) : undefined, box?.box);
        }
        else if (this.inBody && !this.inBlockEnv) {
          this.flushParagraph();
          this.place({ type: 'figure', range: this.range(i, arg.end), path, ...(width !== undefined ? { width } : {}) });
        }
        return arg.end;
      }
      case 'hypertarget':
        // pandoc's `\hypertarget{id}{\section{..}}`: the id prints nothing; the second argument is read.
        return this.args(afterName, 1).end;
      case 'par':
      case 'newline':
        this.figureParts()?.rowBreak();
        this.touch(i, afterName);
        return afterName;
      case 'resizebox':
      case 'scalebox': {
        const parts = this.figureParts();
        const table = parts ? undefined : [...this.envs].reverse().find((e) => e.kind === 'table');
        if (!parts && !table) break;
        const arg = this.args(afterName, name === 'resizebox' ? 2 : 1);
        const [a, b] = arg.groups;
        const resize = name === 'resizebox' && a && b ? { width: text.slice(a.start, a.end).trim(), height: text.slice(b.start, b.end).trim() } : a ? { scale: Number(text.slice(a.start, a.end).trim()) || 1 } : undefined;
        if (resize && parts) parts.resize(resize);
        // A table scaled to a width (`\resizebox{\textwidth}{!}{\begin{tabular}...}`): its rows scale with it.
        else if (resize && table) table.resize = resize;
        return arg.end;
      }
      case 'subfigure':
      case 'subfloat': {
        // subfigure/subfig's command form `\subfigure[caption]{\includegraphics...}`: one box.
        const parts = this.figureParts();
        if (!parts) break;
        const arg = this.args(afterName, 0);
        const o = arg.optional[arg.optional.length - 1];
        parts.commandBox(o ? toPlain(text.slice(o.start, o.end)).replace(/\s+/g, ' ').trim() : undefined);
        return arg.end;
      }
      case 'caption': {
        const arg = this.args(afterName, 1);
        const g = arg.groups[0];
        const box = this.envs[this.envs.length - 1]?.box !== undefined ? this.envs[this.envs.length - 1] : [...this.envs].reverse().find((e) => e.box !== undefined || e.kind === 'figure' || e.kind === 'table' || e.kind === 'code');
        if (box?.box !== undefined && g) {
          this.figureParts()?.boxCaption(box.box, toPlain(text.slice(g.start, g.end)).replace(/\s+/g, ' ').trim());
          return g.start;
        }
        const env = [...this.envs].reverse().find((e) => e.kind === 'figure' || e.kind === 'table' || e.kind === 'code');
        if (env && g) env.caption = toPlain(text.slice(g.start, g.end)).replace(/\s+/g, ' ').trim();
        // Its citations and math still count: scan inside the argument.
        return g ? g.start : arg.end;
      }
      default:
        break;
    }
    if (FONT_SIZES.has(name)) this.size = name as FontSize;
    if (SILENT_COMMANDS.has(name)) return this.args(afterName, name === 'hspace' || name === 'label' || name === 'ref' || name === 'eqref' || name === 'usepackage' || name === 'documentclass' || name === 'bibliographystyle' ? 1 : 0).end;
    // Any other command: its name prints nothing we count, its arguments are scanned as text
    // (the paragraph reaches over its first argument, so a closing `\\cref{..}` stays whole).
    const open = skipSpace(text, afterName);
    const close = text[open] === '{' ? matchBracket(text, open, '{', '}') : -1;
    this.touch(i, close > 0 && !/\n[^\S\n]*\n/.test(text.slice(open, close)) ? close + 1 : afterName);
    return afterName;
  }

  /** `\verb|...|` and `\lstinline|...|` (any delimiter; `\lstinline{...}` too): code, not read. */
  private inlineVerbatim(i: number, from: number): number {
    const text = this.text;
    let open = from;
    if (text[open] === '[') {
      const close = matchBracket(text, open, '[', ']');
      if (close > 0) open = close + 1;
    }
    const delimiter = text[open];
    if (delimiter === undefined || /[\sA-Za-z]/.test(delimiter)) return from;
    const closer = delimiter === '{' ? '}' : delimiter;
    const lineEnd = text.indexOf('\n', open);
    const end = text.indexOf(closer, open + 1);
    if (end < 0 || (lineEnd >= 0 && end > lineEnd)) {
      this.problem('unclosed-verbatim', `\\verb has no closing \`${closer}\` on its line.`, i, open + 1, 'warning');
      return open + 1;
    }
    this.sink.code.push(this.range(open + 1, end));
    this.touch(i, end + 1);
    return end + 1;
  }

  /** `\iffalse ... \fi`: commented-out text, skipped (nested `\if...`/`\fi` pairs counted). */
  private skipIffalse(i: number, from: number): number {
    const text = this.text;
    const re = /\\(if[A-Za-z@]*|fi)(?![A-Za-z@])/g;
    re.lastIndex = from;
    let depth = 1;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      depth += m[1] === 'fi' ? -1 : 1;
      if (depth === 0) {
        this.sink.code.push(this.range(i, m.index + m[0].length));
        return m.index + m[0].length;
      }
    }
    this.problem('unclosed-iffalse', '`\\iffalse` has no matching `\\fi`: the rest of the file is skipped.', i, from, 'warning');
    return text.length;
  }

  private markReferences(start: number, end: number): void {
    this.flushParagraph();
    this.sink.referencesStart ??= this.range(start, end);
  }

  /** `\newcommand{\x}[1]{...}`, `\def\x#1{...}`: skipped without reading math or citations inside. */
  private skipDefinition(name: string, from: number): number {
    const text = this.text;
    let j = from;
    if (name === 'def' || name === 'gdef' || name === 'edef' || name === 'xdef' || name === 'let') {
      // `\def\name<params>{body}`
      const m = /^\s*\\[A-Za-z@]+[^{]{0,40}/.exec(text.slice(j, j + 80));
      if (m) j += m[0].length;
      return this.args(j, name === 'let' ? 0 : 1).end;
    }
    const arg = this.args(j, name === 'newtheorem' || name === 'DeclareMathOperator' ? 2 : name.endsWith('environment') ? 3 : 2);
    // A text macro without arguments prints its body wherever it is used.
    const [macro, body] = arg.groups;
    const macroName = macro ? /^\s*\\([A-Za-z]+)\s*$/.exec(text.slice(macro.start, macro.end))?.[1] : undefined;
    const arity = arg.optional.length === 0 ? 0 : arg.optional.length === 1 && macro && text.slice(arg.optional[0]?.start ?? 0, arg.optional[0]?.end ?? 0).trim() === '1' ? 1 : -1;
    if ((name === 'newcommand' || name === 'renewcommand' || name === 'providecommand') && macroName && body && arity >= 0) {
      const printed = toPlain(text.slice(body.start, body.end).replace(/\\xspace\b/g, '')).replace(/\s+/g, ' ').trim();
      // Without arguments: `\\ours` -> its text; with one: `\\note{x}` -> its text around x (`#1` marks where).
      if (!/\\/.test(printed) && printed.length <= 60 && (arity === 0 ? !printed.includes('#') : printed.split('#1').length === 2 && !/#[^1]/.test(printed))) this.sink.macros.set(arity === 0 ? macroName : `${macroName}#1`, printed);
    }
    return arg.end;
  }

  /**
   * Reads up to `mandatory` `{...}` arguments and any `[...]` before them, skipping spaces and single
   * line breaks. A command without braces takes one token as its argument (`\input file`).
   */
  private args(from: number, mandatory: number): { groups: Array<{ start: number; end: number }>; optional: Array<{ start: number; end: number }>; end: number } {
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

  private section(i: number, name: string, star: boolean, afterName: number): number {
    const arg = this.args(afterName, 1);
    const g = arg.groups[0];
    if (!g) {
      this.touch(i, afterName);
      return afterName;
    }
    this.flushParagraph();
    const title = toPlain(this.text.slice(g.start, g.end)).replace(/\s+/g, ' ').trim();
    const level = SECTION_LEVELS[name] ?? 1;
    this.sink.headings.push({
      level: Math.max(1, level),
      title,
      unnumbered: star,
      range: this.range(i, arg.end),
      titleRange: this.range(g.start, g.end),
      offset: this.sink.order++,
      ...this.origin(i, arg.end),
    });
    if (/^(references|bibliography)$/i.test(title)) this.sink.referencesStart ??= this.range(i, arg.end);
    if (APPENDIX_TITLE.test(title)) this.sink.appendixStart ??= this.range(i, arg.end);
    // Scan the title's own citations and math.
    const saved = this.paraStart;
    this.scanInside(g.start, g.end);
    this.paraStart = saved;
    this.paraEnd = saved < 0 ? -1 : this.paraEnd;
    return arg.end;
  }

  /** Scans a span for citations and math only (a section title). */
  private scanInside(start: number, end: number): void {
    const text = this.text;
    let i = start;
    while (i < end) {
      const c = text[i];
      if (c === '$') i = this.dollar(i);
      else if (c === '\\') {
        const m = /^\\([A-Za-z]+)\*?/.exec(text.slice(i, i + 30));
        if (m && CITE_COMMANDS.has(m[1] ?? '')) i = this.cite(i, m[1] ?? '', i + m[0].length);
        else if (text[i + 1] === '(') i = this.command(i);
        else i += m ? m[0].length : 2;
      } else i++;
    }
  }

  private cite(i: number, name: string, afterName: number): number {
    const arg = this.args(afterName, 1);
    const g = arg.groups[0];
    if (!g) {
      this.problem('malformed-citation', `\`\\${name}\` needs its keys in braces, e.g. \`\\${name}{key}\`.`, i, afterName, 'warning');
      return afterName;
    }
    const inner = this.text.slice(g.start, g.end);
    const re = /[^,\s][^,]*/g;
    for (let m = re.exec(inner); m; m = re.exec(inner)) {
      const key = m[0].trim();
      if (key === '*' && name === 'nocite') this.sink.citesAll = true;
      if (!key || key === '*') continue;
      const keyStart = g.start + m.index;
      this.sink.citations.push({
        key,
        range: this.range(keyStart, keyStart + key.length),
        groupRange: this.range(i, arg.end),
        command: name,
        ...this.origin(keyStart, keyStart + key.length),
      });
    }
    if (name !== 'nocite') this.touch(i, arg.end);
    return arg.end;
  }

  /** `\bibitem[label]{key} text`: a reference the document defines itself. */
  private bibitem(i: number, afterName: number): number {
    const arg = this.args(afterName, 1);
    const g = arg.groups[0];
    if (!g) return afterName;
    const key = this.text.slice(g.start, g.end).trim();
    if (!key) return arg.end;
    const keyStart = g.start + this.text.slice(g.start, g.end).indexOf(key);
    const label = arg.optional[0];
    // The item's text runs to the next item or the end of the list.
    const rest = this.text.slice(arg.end, arg.end + 4000);
    const stop = /\\bibitem\b|\\end\s*\{thebibliography\}/.exec(rest);
    this.sink.bibItems.push({
      key,
      range: this.range(keyStart, keyStart + key.length),
      ...(label ? { label: this.text.slice(label.start, label.end) } : {}),
      text: toPlain(stop ? rest.slice(0, stop.index) : rest).replace(/\s+/g, ' ').trim(),
      ...this.origin(keyStart, keyStart + key.length),
    });
    this.touch(i, arg.end);
    return arg.end;
  }

  private include(i: number, afterName: number): number {
    const text = this.text;
    const arg = this.args(afterName, 1);
    let target: string | undefined;
    let end = arg.end;
    const g = arg.groups[0];
    if (g) target = text.slice(g.start, g.end).trim();
    else {
      const m = /^[ \t]+([^\s{}%\\]+)/.exec(text.slice(afterName, afterName + 300));
      if (m) {
        target = m[1];
        end = afterName + m[0].length;
      }
    }
    if (!target) return end;
    this.flushParagraph();
    const withExt = /\.[A-Za-z]+$/.test(target) ? target : `${target}.tex`;
    // Only files inside the writeup's folder tree are followed (no `..` escapes, no /etc/...).
    const inside = resolveInside(this.ctx.baseDir, withExt, []);
    if ('refused' in inside) {
      this.problem('include-outside', `\\input ${inside.refused}`, i, end, 'warning');
      return end;
    }
    const resolved = resolvePath(this.ctx.baseDir, withExt);
    const here = this.range(i, end);
    if (this.ctx.visited.has(resolved)) {
      this.problem('include-cycle', `\`${target}\` is already being read: an \`\\input\` cycle is skipped.`, i, end, 'warning');
      return end;
    }
    if (this.ctx.depth >= MAX_INCLUDE_DEPTH) {
      this.problem('include-depth', `\`${target}\` is nested more than ${MAX_INCLUDE_DEPTH} inputs deep: not read.`, i, end, 'warning');
      return end;
    }
    const content = this.ctx.host.readFile(resolved) ?? (withExt !== target ? this.ctx.host.readFile(resolvePath(this.ctx.baseDir, target)) : undefined);
    if (content === undefined) {
      if (this.ctx.host !== emptyHost) this.problem('include-missing', `Cannot read \`${target}\` (looked for ${resolved}).`, i, end, 'warning');
      return end;
    }
    if (!this.sink.includes.includes(resolved)) this.sink.includes.push(resolved);
    this.ctx.visited.add(resolved);
    const child = new LatexScanner(content, new LineIndex(content), this.sink, {
      host: this.ctx.host,
      baseDir: this.ctx.baseDir,
      visited: this.ctx.visited,
      depth: this.ctx.depth + 1,
      at: { file: resolved, range: this.ctx.at ? this.ctx.at.range : here },
    });
    // A `\subfile` (or any child with its own \begin{document}): its preamble is not text.
    child.inBody = this.inBody && !/\\begin\s*\{document\}/.test(content);
    child.run();
    this.ctx.visited.delete(resolved);
    return end;
  }

  private environment(i: number, afterName: number, begin: boolean): number {
    const text = this.text;
    const k = skipSpace(text, afterName);
    if (text[k] !== '{') {
      this.touch(i, afterName);
      return afterName;
    }
    const close = text.indexOf('}', k);
    if (close < 0 || close - k > 60) {
      this.problem('unclosed-brace', 'Unclosed brace: `{` has no matching `}`.', k, k + 1);
      return k + 1;
    }
    const name = text.slice(k + 1, close).trim();
    const tagEnd = close + 1;
    if (!begin) return this.endEnvironment(i, tagEnd, name);

    if (name === 'document') {
      if (!this.ctx.at) this.sink.meta.preambleEnd ??= i;
      this.inBody = true;
      this.envs.push({ name, start: i, bodyStart: tagEnd, kind: 'document' });
      return tagEnd;
    }
    if (MATH_ENVIRONMENTS.has(name) || VERBATIM_ENVS.has(name)) {
      const endTag = `\\end{${name}}`;
      const at = text.indexOf(endTag, tagEnd);
      if (at < 0) {
        this.problem('unclosed-environment', `Unclosed environment: \`\\begin{${name}}\` has no \`${endTag}\`.`, i, tagEnd);
        return tagEnd;
      }
      if (MATH_ENVIRONMENTS.has(name)) {
        this.addMath(i, at + endTag.length, tagEnd, at, name !== 'math', 'env', name);
      } else {
        this.sink.code.push(this.range(tagEnd, at));
        if (this.inBody && !this.inBlockEnv) {
          this.flushParagraph();
          // Options (`\begin{Verbatim}[..]`, `\begin{minted}{python}`) are not lines.
          const body = text.slice(tagEnd, at).replace(/^(?:\s*\[[^\]\n]*\]|\s*\{[^}\n]*\})*[ \t]*\r?\n/, '').replace(/\r?\n$/, '');
          const size = this.verbatimSize(name, text.slice(tagEnd, Math.min(at, tagEnd + 200)));
          this.place({ type: 'code', range: this.range(i, at + endTag.length), lines: body.split(/\r?\n|\r/).length, ...(size !== 'normalsize' ? { size } : {}) });
        }
      }
      return at + endTag.length;
    }
    const float = BOX_ENVS.has(name) ? this.figureParts() : undefined;
    if (float) {
      // A box inside a figure: its width, then its images and caption (`\begin{subfigure}[t]{0.48\linewidth}`).
      const arg = this.args(tagEnd, 1);
      const w = arg.groups[0];
      const box = float.openBox(w ? text.slice(w.start, w.end).trim() : undefined);
      this.envs.push({ name, start: i, bodyStart: arg.end, kind: 'other', box, outer: { size: this.size, braces: this.sizes.length } });
      return arg.end;
    }
    if (PICTURE_ENVS.has(name)) {
      // A TikZ or forest picture: not text. Outside a float it stands as a box of its own.
      const endTag = `\\end{${name}}`;
      const at = text.indexOf(endTag, tagEnd);
      if (at < 0) {
        this.problem('unclosed-environment', `Unclosed environment: \`\\begin{${name}}\` has no \`${endTag}\`.`, i, tagEnd);
        return tagEnd;
      }
      this.sink.code.push(this.range(tagEnd, at));
      if (this.inBody && !this.inBlockEnv) {
        this.flushParagraph();
        this.place({ type: 'environment', range: this.range(i, at + endTag.length), name, text: '', ...this.origin(i, at + endTag.length) });
      }
      return at + endTag.length;
    }
    const tableEnv = name === 'adjustbox' ? [...this.envs].reverse().find((e) => e.kind === 'table') : undefined;
    if (tableEnv) {
      // `\begin{adjustbox}{width=\textwidth}` (or `max width=`) around a table's tabular.
      const arg = this.args(tagEnd, 1);
      const g = arg.groups[0];
      const keys = g ? text.slice(g.start, g.end) : '';
      const width = /(?:^|,)\s*(max\s+)?width\s*=\s*([^,]+)/.exec(keys);
      const scale = /(?:^|,)\s*scale\s*=\s*([\d.]+)/.exec(keys);
      if (width) tableEnv.resize = { width: (width[2] ?? '').trim(), height: '!', ...(width[1] ? { max: true } : {}) };
      else if (scale) tableEnv.resize = { scale: Number(scale[1]) || 1 };
      this.envs.push({ name, start: i, bodyStart: arg.end, kind: 'other', outer: { size: this.size, braces: this.sizes.length } });
      return arg.end;
    }
    const kind: Env['kind'] = LIST_ENVS.has(name)
      ? 'list'
      : FIGURE_ENVS.has(name)
        ? 'figure'
        : TABLE_ENVS.has(name)
          ? 'table'
          : TABULAR_ENVS.has(name)
            ? 'tabular'
            : ALGORITHM_ENVS.has(name)
              ? 'code'
              : THEOREM_ENVS.has(name)
                ? 'theorem'
                : 'other';
    if (name === 'thebibliography') this.markReferences(i, tagEnd);
    if (kind !== 'other') this.flushParagraph();
    let bodyStart = tagEnd;
    if (kind === 'tabular') {
      // The column spec: `{lcc}` (and tabular*'s width first).
      const specArgs = this.args(tagEnd, name === 'tabular*' || name === 'tabularx' ? 2 : 1);
      const spec = specArgs.groups[specArgs.groups.length - 1];
      bodyStart = specArgs.end;
      const specText = spec ? text.slice(spec.start, spec.end) : '';
      const env: Env = { name, start: i, bodyStart, kind, columns: spec ? countColumns(specText) : 0, size: this.size, outer: { size: this.size, braces: this.sizes.length }, spec: specText };
      this.envs.push(env);
      return bodyStart;
    }
    this.envs.push({ name, start: i, bodyStart, kind, outer: { size: this.size, braces: this.sizes.length }, ...(kind === 'figure' && !this.envs.some((e) => e.kind === 'figure') ? { parts: new FigureParts() } : {}) });
    return bodyStart;
  }

  /** The size a verbatim environment sets: its `fontsize=` option, its `\DefineVerbatimEnvironment`, `\lstset`'s `basicstyle`, else the size in effect. */
  private verbatimSize(name: string, opening: string): FontSize {
    const size = (s: string | undefined): FontSize | undefined => (s !== undefined && FONT_SIZES.has(s) ? (s as FontSize) : undefined);
    const own = /^\s*\[[^\]]*(?:fontsize|basicstyle)\s*=\s*\{?\\(\w+)/.exec(opening);
    if (own) return size(own[1]) ?? this.size;
    const defined = new RegExp(`\\\\DefineVerbatimEnvironment\\s*\\{${name}\\}\\s*\\{\\w+\\}\\s*\\{[^}]*fontsize\\s*=\\s*\\\\(\\w+)`).exec(this.text.slice(0, 30000));
    if (defined) return size(defined[1]) ?? this.size;
    if (name === 'lstlisting') {
      const lst = /\\lstset\s*\{[^]*?basicstyle\s*=\s*\{?[^,}]*?\\(tiny|scriptsize|footnotesize|small|large)/.exec(this.text.slice(0, 30000));
      if (lst) return size(lst[1]) ?? this.size;
    }
    return this.size;
  }

  /** The images of the figure float being read, if inside one. */
  private figureParts(): FigureParts | undefined {
    for (const e of this.envs) if (e.parts) return e.parts;
    return undefined;
  }

  private endEnvironment(i: number, tagEnd: number, name: string): number {
    let index = -1;
    for (let e = this.envs.length - 1; e >= 0; e--) {
      if (this.envs[e]?.name === name) {
        index = e;
        break;
      }
    }
    if (index < 0) {
      this.problem('unmatched-end', `\`\\end{${name}}\` has no matching \`\\begin{${name}}\`.`, i, tagEnd);
      return tagEnd;
    }
    for (let e = this.envs.length - 1; e > index; e--) {
      const open = this.envs[e];
      if (open) this.problem('unclosed-environment', `Unclosed environment: \`\\begin{${open.name}}\` ends at \`\\end{${name}}\`.`, open.start, open.bodyStart);
    }
    const env = this.envs[index] as Env;
    // A size switch inside the environment ends with it (and so do groups left open in it).
    if (env.outer) {
      this.size = env.outer.size;
      this.sizes.length = Math.min(this.sizes.length, env.outer.braces);
    }
    this.envs.length = index;
    if (env.box !== undefined) this.figureParts()?.closeBox();
    if (env.kind === 'document') {
      this.flushParagraph();
      this.inBody = false;
      return tagEnd;
    }
    if (env.kind === 'other') return tagEnd;
    const body = this.text.slice(env.bodyStart, i);
    const range = this.range(env.start, tagEnd);
    const origin = this.origin(env.start, tagEnd);
    if (env.kind === 'tabular') {
      const rows = countRows(body);
      const columns = Math.max(env.columns ?? 0, maxCells(body));
      const table = [...this.envs].reverse().find((e) => e.kind === 'table');
      if (table) {
        table.rows = rows;
        table.columns = columns;
        const lines = wrappedLines(env.spec ?? '', body);
        if (lines > rows) table.lines = lines;
        if (table.resize) table.columnChars = columnChars(body);
        if (env.size !== undefined && env.size !== 'normalsize') table.size = env.size;
        return tagEnd;
      }
      this.flushParagraph();
      this.place({ type: 'table', range, rows, columns });
      return tagEnd;
    }
    this.paraStart = -1;
    this.paraEnd = -1;
    switch (env.kind) {
      case 'list': {
        const { items, entries } = listItems(body);
        this.place({ ...origin, type: 'list', range, ordered: env.name === 'enumerate' || env.name === 'compactenum', items, entries });
        break;
      }
      case 'figure':
        this.place({
          type: 'figure',
          range,
          path: env.includegraphics?.path ?? '',
          ...(env.includegraphics?.width !== undefined ? { width: env.includegraphics.width } : {}),
          ...(env.caption !== undefined ? { caption: env.caption } : {}),
          ...(env.parts && env.parts.count > 0 ? { parts: env.parts.done() } : {}),
        });
        break;
      case 'table':
        this.place({ type: 'table', range, rows: env.rows ?? 0, columns: env.columns ?? 0, ...(env.caption !== undefined ? { caption: env.caption } : {}), ...(env.size !== undefined && env.size !== 'normalsize' ? { size: env.size } : {}), ...(env.resize ? { resize: env.resize, columnChars: env.columnChars ?? [] } : {}), ...(env.lines !== undefined ? { lines: env.lines } : {}) });
        break;
      case 'code': {
        const language = env.name.replace(/\*$/, '');
        const float = language === 'algorithm';
        const lines = algorithmLines(body, this.noEndLines());
        this.place({ type: 'code', range, lines, language, ...(float ? { float } : {}), ...(float && env.caption !== undefined ? { caption: env.caption } : {}) });
        break;
      }
      case 'theorem': {
        const plain = toPlain(body).replace(SPACES, ' ').trim();
        if (env.name === 'abstract' && !this.ctx.at) this.sink.meta.abstract = plain;
        this.place({ ...origin, type: 'environment', range, name: env.name, text: plain });
        break;
      }
    }
    return tagEnd;
  }
}

const LIST_TOKEN = /\\(begin|end)\s*\{(itemize|enumerate|description|compactitem|compactenum)\}|\\item(?![A-Za-z@])(?:\s*\[[^\]]*\])?/g;

/**
 * The items of a list's body: its own items (with the text of lists inside them) and every item
 * at every depth with only its own text.
 */
export function listItems(body: string): { items: string[]; entries: ListEntry[] } {
  const source = body.replace(/(?<!\\)%[^\n]*/g, '');
  const items: string[] = [];
  const entries: { depth: number; text: string }[] = [];
  // For each open depth, the entry its text goes to (text after a nested list joins its item).
  const open: (number | undefined)[] = [];
  let depth = 1;
  let itemStart = -1;
  let last = 0;
  const addText = (to: number): void => {
    const entry = entries[open[depth] ?? -1];
    if (entry) entry.text += source.slice(last, to);
  };
  LIST_TOKEN.lastIndex = 0;
  for (let m = LIST_TOKEN.exec(source); m; m = LIST_TOKEN.exec(source)) {
    addText(m.index);
    last = m.index + m[0].length;
    if (m[1] === 'begin') {
      depth++;
      open[depth] = undefined;
    } else if (m[1] === 'end') {
      if (depth > 1) depth--;
    } else {
      if (depth === 1) {
        if (itemStart >= 0) items.push(source.slice(itemStart, m.index));
        itemStart = last;
      }
      open[depth] = entries.length;
      entries.push({ depth, text: '' });
    }
  }
  addText(source.length);
  if (itemStart >= 0) items.push(source.slice(itemStart));
  const clean = (t: string): string => toPlain(t).replace(SPACES, ' ').trim();
  return { items: items.map(clean), entries: entries.map((e) => ({ depth: e.depth, text: clean(e.text) })) };
}

const ALGORITHM_STATEMENT =
  /\\(STATE|IF|ELSIF|ELSE|ENDIF|FOR|FORALL|ENDFOR|WHILE|ENDWHILE|REPEAT|UNTIL|LOOP|ENDLOOP|REQUIRE|ENSURE|RETURN|PRINT|State|Statex|If|ElsIf|Else|EndIf|For|ForAll|EndFor|While|EndWhile|Repeat|Until|Loop|EndLoop|Require|Ensure|Function|EndFunction|Procedure|EndProcedure)(?![A-Za-z@])/g;
const ALGORITHM_FRAME = /^\s*(?:\\(?:begin|end)\s*\{[^}]*\}(?:\s*\[[^\]]*\])?|\\(?:caption|label)\s*(?:\[[^\]]*\])?\{.*\}|\\(?:centering|small|footnotesize|scriptsize)\b)\s*$/;

/**
 * Printed lines of an algorithm's body: one per statement of `algorithmic`/`algpseudocode`
 * (`\STATE`, `\If`...; end lines left out when the package is loaded with `noend`), else the
 * source lines that are not its frame (`\begin`, `\caption`, `\label`).
 */
export function algorithmLines(body: string, noEnd = false): number {
  const source = body.replace(/(?<!\\)%[^\n]*/g, '');
  if (source.includes('\\;')) return algorithm2eLines(source, noEnd);
  let statements = 0;
  ALGORITHM_STATEMENT.lastIndex = 0;
  for (let m = ALGORITHM_STATEMENT.exec(source); m; m = ALGORITHM_STATEMENT.exec(source)) {
    if (!(noEnd && /^(END|End)/.test(m[1] ?? ''))) statements++;
  }
  if (statements > 0) return statements;
  return source.split(/\r?\n|\r/).filter((l) => l.trim() !== '' && !ALGORITHM_FRAME.test(l)).length;
}

/** algorithm2e's blocks that print an "end" line, and the heads that print a line of their own. */
const ALGORITHM2E_BLOCK = /\\(?:For|ForEach|ForAll|While|If|eIf|Switch|Fn|Function|Procedure)\s*(?=[({])/g;
const ALGORITHM2E_HEAD = /\\(?:uIf|ElseIf|uElseIf|Else|uElse|Repeat|Case|uCase|Other|eIf)\s*(?=[({])/g;
const ALGORITHM2E_KEYWORD = /^\s*\\(?:Kw[A-Za-z]*|Input|Output|Data|Result)\s*\{/gm;

/**
 * Printed lines of an algorithm2e body: a line a statement (`\;`), a line a block's head
 * (`\For{..}{`, `\If`, `\uElse`... `\eIf` heads its else too), an "end" line a block unless
 * `noend`/`vlined`, and the lines of `\KwIn{..}`-like keywords (one, plus one a `\\` in them).
 */
function algorithm2eLines(source: string, noEnd: boolean): number {
  const count = (re: RegExp): number => source.match(re)?.length ?? 0;
  const statements = source.split('\\;').length - 1;
  let keywords = 0;
  for (const m of source.matchAll(ALGORITHM2E_KEYWORD)) {
    const open = (m.index ?? 0) + m[0].length - 1;
    const close = matchBracket(source, open, '{', '}');
    keywords += 1 + (source.slice(open, close < 0 ? undefined : close).match(/\\\\/g)?.length ?? 0);
  }
  const blocks = count(ALGORITHM2E_BLOCK);
  return statements + keywords + blocks + count(ALGORITHM2E_HEAD) + (noEnd ? 0 : blocks);
}

/** Offset of the first character after spaces, tabs and one line break. */
function skipSpace(text: string, from: number): number {
  let j = from;
  let breaks = 0;
  while (j < text.length) {
    const c = text[j];
    if (c === ' ' || c === '\t') j++;
    else if ((c === '\n' || c === '\r') && breaks === 0) {
      breaks++;
      j += c === '\r' && text[j + 1] === '\n' ? 2 : 1;
    } else break;
  }
  return j;
}

/**
 * At a backslash or a `%` at `j`: the offset of the last character it makes inert (the escaped
 * character; the comment up to its line end, or the end of the text). Elsewhere -1.
 */
function inertUntil(text: string, j: number): number {
  const c = text[j];
  if (c === '\\') return j + 1;
  if (c !== '%') return -1;
  const nl = text.indexOf('\n', j);
  return nl < 0 ? text.length - 1 : nl;
}

/** The offset of the bracket closing the one at `open`, skipping escapes and comments; -1 if none. */
function matchBracket(text: string, open: number, left: string, right: string): number {
  let depth = 0;
  const limit = left === '[' ? Math.min(text.length, open + 2000) : text.length;
  for (let j = open; j < limit; j++) {
    const inert = inertUntil(text, j);
    if (inert >= 0) {
      j = inert;
      continue;
    }
    const c = text[j];
    if (c === left) depth++;
    else if (c === right) {
      depth--;
      if (depth === 0) return j;
    } else if (left === '[' && c === '{') {
      // `[` arguments hold balanced braces: skip them.
      const close = matchBracket(text, j, '{', '}');
      if (close < 0) return -1;
      j = close;
    }
  }
  return -1;
}

/** Columns in a tabular spec such as `l|c|p{3cm}` or `*{3}{c}`. */
function countColumns(spec: string): number {
  let s = spec.replace(/\*\{(\d+)\}\{([^{}]*)\}/g, (_, n: string, inner: string) => inner.repeat(Math.min(50, Number(n))));
  s = s.replace(/[@!>]?\{[^{}]*\}/g, '');
  return (s.match(/[lcrpmbXLCRJS]/g) ?? []).length;
}

function tabularRows(body: string): string[] {
  return body
    .replace(/%[^\n]*/g, '')
    .split(/\\\\(?:\s*\[[^\]]*\])?/)
    .map((r) => r.replace(/\\(hline|toprule|midrule|bottomrule|cline\{[^}]*\}|cmidrule(\([^)]*\))?\{[^}]*\})/g, '').trim())
    .filter((r) => r.length > 0);
}

/** Points per unit of a `p{..}` column width (`\linewidth` and `\textwidth` as the NeurIPS text width). */
const COLUMN_UNITS: Readonly<Record<string, number>> = { pt: 1, bp: 1.00375, in: 72.27, cm: 28.45, mm: 2.845, em: 10, ex: 4.5, linewidth: 397.5, textwidth: 397.5, columnwidth: 397.5, hsize: 397.5 };

/**
 * Printed lines of a tabular whose cells wrap: each `p{w}`/`m{w}`/`b{w}` column holds about w/4.6pt
 * characters a line (`X` columns of tabularx share what is left of the text width); a row is as
 * tall as its longest cell. Columns that do not wrap count one line.
 */
function wrappedLines(spec: string, body: string): number {
  const widths: (number | undefined)[] = [];
  const re = /([lcrSX])|[pmb]\{\s*([\d.]*)\s*\\?([a-z]+)\s*\}|\*\{(\d+)\}\{([^{}]*)\}|[@!>]?\{[^{}]*\}|./g;
  const expanded = spec.replace(/\*\{(\d+)\}\{([^{}]*)\}/g, (_, n: string, inner: string) => inner.repeat(Math.min(20, Number(n))));
  let xs = 0;
  let fixed = 0;
  for (let m = re.exec(expanded); m; m = re.exec(expanded)) {
    if (m[1] === 'X') {
      widths.push(-1);
      xs++;
    } else if (m[1] !== undefined) widths.push(undefined);
    else if (m[3] !== undefined) {
      const w = (m[2] === '' || m[2] === undefined ? 1 : Number(m[2])) * (COLUMN_UNITS[m[3]] ?? 0);
      widths.push(w > 0 ? w : undefined);
      fixed += w;
    }
  }
  if (!widths.some((w) => w !== undefined)) return 0;
  const xWidth = xs > 0 ? Math.max(40, (397.5 * 0.9 - fixed) / xs) : 0;
  let lines = 0;
  for (const row of tabularRows(body)) {
    let tallest = 1;
    row.split(/(?<!\\)&/).forEach((cell, i) => {
      const w = widths[i] === -1 ? xWidth : widths[i];
      if (w === undefined) return;
      const chars = toPlain(cell).replace(/\\[A-Za-z]+\*?/g, '').replace(/\s+/g, ' ').trim().length;
      tallest = Math.max(tallest, Math.ceil((chars * 4.6) / Math.max(20, w - 4)));
    });
    lines += tallest;
  }
  return lines;
}

/** The longest plain text of each column (`&`-separated cells), for the natural width of a scaled table. */
function columnChars(body: string): number[] {
  const out: number[] = [];
  for (const row of tabularRows(body)) {
    row.split(/(?<!\\)&/).forEach((cell, i) => {
      const n = toPlain(cell).replace(/\\[A-Za-z]+\*?(\[[^\]]*\])?(\{[^{}]*\})?/g, '').trim().length;
      out[i] = Math.max(out[i] ?? 0, n);
    });
  }
  return out;
}

function countRows(body: string): number {
  return tabularRows(body).length;
}

function maxCells(body: string): number {
  return tabularRows(body).reduce((n, r) => Math.max(n, r.split(/(?<!\\)&/).length), 0);
}

/** NeurIPS authors: `\And`/`\AND` (and `\and`) separate them; `\\` lines hold affiliation and e-mail. */
export function parseAuthors(written: string): Author[] {
  // Comments first: the template's commented-out example author holds a `\thanks{` whose brace closes on a comment line.
  const source = written.replace(/(?<!\\)%[^\n]*/g, '');
  const withoutThanks = removeCommand(source, 'thanks');
  const separators = [...withoutThanks.matchAll(/\\(And|AND|and)\b/g)].map((m) => m[1]);
  const thanks = argumentsOf(source, 'thanks');
  return withoutThanks
    .split(/\\(?:And|AND|and)\b/)
    .map((chunk, index) => {
      const lines = chunk
        .split(/\\\\(?:\s*\[[^\]]*\])?/)
        .map((l) => l.replace(/%[^\n]*/g, ''))
        .filter((l) => l.trim());
      const name = toPlain(lines[0] ?? '').replace(/\s+/g, ' ').trim();
      const rest = lines.slice(1);
      const emailLine = rest.find((l) => /@|\\texttt|\\href\{mailto/.test(l));
      const email = emailLine ? toPlain(emailLine).replace(/\s+/g, '').trim() : undefined;
      const affiliation = rest
        .filter((l) => l !== emailLine)
        .map((l) => toPlain(l).replace(/\s+/g, ' ').trim())
        .filter(Boolean)
        .join(', ');
      const notes = index === 0 ? thanks : [];
      return {
        name,
        ...(affiliation ? { affiliation } : {}),
        ...(email ? { email } : {}),
        ...(lines.length > 1 + (email ? 1 : 0) + (affiliation ? 1 : 0) || rest.filter((l) => l !== emailLine).length > 1 ? { lines: lines.length } : {}),
        ...(separators[index - 1] === 'AND' ? { newRow: true } : {}),
        ...(notes.length > 0 ? { thanks: notes } : {}),
      };
    })
    .filter((a) => a.name.length > 0);
}

/** The plain text of each `\name{...}` argument in `source`. */
function argumentsOf(source: string, name: string): string[] {
  const out: string[] = [];
  let from = 0;
  for (let guard = 0; guard < 50; guard++) {
    const at = source.indexOf(`\\${name}{`, from);
    if (at < 0) break;
    const close = matchBracket(source, at + name.length + 1, '{', '}');
    if (close < 0) break;
    out.push(toPlain(source.slice(at + name.length + 2, close)).replace(/\s+/g, ' ').trim());
    from = close + 1;
  }
  return out;
}

/** Removes `\name{...}` with its balanced argument. */
function removeCommand(source: string, name: string): string {
  let out = source;
  for (let guard = 0; guard < 50; guard++) {
    const at = out.indexOf(`\\${name}{`);
    if (at < 0) break;
    const close = matchBracket(out, at + name.length + 1, '{', '}');
    out = out.slice(0, at) + (close < 0 ? '' : out.slice(close + 1));
    if (close < 0) break;
  }
  return out;
}

/** The snippet without its `\\footnote{...}`s (their text is set at the foot of the page). */
function withoutFootnotes(source: string): string {
  const re = /\\footnote(?:text)?(?![A-Za-z@])\s*(?:\[[^\]]*\]\s*)?\{/g;
  const parts: string[] = [];
  let last = 0;
  for (let m = re.exec(source); m; m = re.exec(source)) {
    const close = matchBracket(source, m.index + m[0].length - 1, '{', '}');
    if (close < 0) break;
    parts.push(source.slice(last, m.index));
    last = close + 1;
    re.lastIndex = last;
  }
  parts.push(source.slice(last));
  return parts.join('');
}

/**
 * A command outside math that takes a brace argument: math spans (kept whole), or `\\name[..]{first}`.
 * Reference commands print a name and a number; commands whose first argument is not text
 * (a colour, a link target) print only what follows it; any other command prints its arguments,
 * never its own name.
 */
/** Math spans: `$..$`, `\\(..\\)`, `\\[..\\]` and display environments (and an escaped dollar); bounded, so unclosed ones stay linear. */
const MATH_SPAN = String.raw`(\\\$|\$\$?[^$]{0,2000}\$\$?|\\\([\s\S]{0,400}?\\\)|(?<!\\)\\\[[\s\S]{0,2000}?\\\]|\\begin\{(?:equation|align|gather|multline|eqnarray|flalign|alignat|displaymath|math)\*?\}[\s\S]{0,5000}?\\end\{(?:equation|align|gather|multline|eqnarray|flalign|alignat|displaymath|math)\*?\})`;
const OUTSIDE_MATH_COMMAND = new RegExp(String.raw`${MATH_SPAN}|\\([A-Za-z]+)\*?((?:\[[^\]]{0,200}\])*)\{([^{}]{0,2000})\}`, 'g');

/** Math spans (kept whole), or a command without arguments, with or without `{}` after it. */
const OUTSIDE_MATH_MACRO = new RegExp(String.raw`${MATH_SPAN}|\\([A-Za-z]+)(?![A-Za-z])(?:\{\})?`, 'g');

/** Commands whose first brace argument prints nothing (a colour, a link's address, an index entry). */
const HIDDEN_FIRST_ARGUMENT = new Set(['textcolor', 'color', 'colorbox', 'href', 'index', 'glsadd', 'pagestyle', 'thispagestyle', 'addtocounter', 'stepcounter', 'refstepcounter', 'bibliography', 'addbibresource', 'pagenumbering', 'phantomsection', 'hyperlink', 'hypertarget']);

/** Commands that print a name before the referenced number: cleveref's `\\cref`, hyperref's `\\autoref`. */
const NAMED_REFERENCE = /^(cref|Cref|autoref|Autoref|cpageref|Cpageref|vref|Vref|labelcref|crefrange|Crefrange|namecref|nameCref)$/;

/** What a label's prefix (`fig:x`) prints before its number. */
const REFERENCE_NAMES: Record<string, string> = { fig: 'Figure', tab: 'Table', tbl: 'Table', sec: 'Section', ssec: 'Section', subsec: 'Section', app: 'Appendix', eq: 'Equation', eqn: 'Equation', thm: 'Theorem', lem: 'Lemma', prop: 'Proposition', def: 'Definition', cor: 'Corollary', alg: 'Algorithm', algo: 'Algorithm' };

function plainCommand(whole: string, kept: string | undefined, name: string, _options: string, first: string): string {
  if (kept !== undefined) return kept;
  // `\\ref`/`\\eqref` are left to the removal below (the tuned constants absorb their digits).
  if (name === 'ref' || name === 'eqref') return whole;
  if (NAMED_REFERENCE.test(name)) {
    const labels = first.split(',').map((l) => l.trim()).filter((l) => l !== '');
    const prefix = /^([A-Za-z]+)[:_-]/.exec(labels[0] ?? '')?.[1]?.toLowerCase() ?? 'sec';
    const word = REFERENCE_NAMES[prefix] ?? 'Section';
    if (labels.length <= 1) return `${word} 1`;
    return `${word}s ${labels.map((_l, i) => String(i + 1)).join(', ')}`;
  }
  if (HIDDEN_FIRST_ARGUMENT.has(name)) return '';
  // Commands the rest of `toPlain` reads (citations, labels, figures): left as written.
  if (/^(label|vspace|hspace|includegraphics|bibliographystyle|cite[a-z]*|Cite[a-z]*|citep|citet|begin|end|textbf|textit|emph|texttt|textsc|textrm|textsf|textsl|textup|textmd|textnormal|enquote|underline|uline|mbox|text|url|footnote|caption|section|subsection|subsubsection|paragraph|title)$/.test(name)) return whole;
  return `{${first}}`;
}

/** What `\\\\` becomes in plain text: U+2028 LINE SEPARATOR, white space to every other reader, a forced line break to the page estimate. */
export const LINE_BREAK = '\u2028';
/** Runs of white space other than a forced line break. */
const SPACES = /[^\S\u2028]+/g;

/**
 * Plain text of a LaTeX snippet: comments dropped, math kept as its TeX, markup commands
 * dropped with their arguments' text kept, `~` as a space.
 */
export function toPlain(source: string, macros?: ReadonlyMap<string, string>): string {
  const uncommented = (source.includes('\\footnote') ? withoutFootnotes(source) : source).replace(/(?<!\\)%[^\n]*\n?/g, '');
  return (macros && macros.size > 0 ? uncommented.replace(OUTSIDE_MATH_MACRO, (whole, kept: string | undefined, name: string) => kept ?? macros.get(name) ?? whole) : uncommented)
    .replace(OUTSIDE_MATH_COMMAND, (whole: string, kept: string | undefined, name: string, options: string, first: string) => {
      const oneArgument = kept === undefined ? macros?.get(`${name}#1`) : undefined;
      return oneArgument !== undefined ? oneArgument.replace('#1', () => first) : plainCommand(whole, kept, name, options, first);
    })
    .replace(/\\(label|ref|eqref|vspace|hspace|includegraphics|bibliographystyle|cite[a-z]*|citep|citet)\*?(\[[^\]]*\])*\{[^{}]*\}/g, (_m, cmd: string) =>
      cmd.startsWith('cite') ? '[1]' : '',
    )
    .replace(/\\(begin|end)\{[^{}]*\}(\{[^{}]*\})?/g, ' ')
    .replace(/\\\\(\[[^\]]*\])?/g, LINE_BREAK)
    .replace(/\\([%$&#_{}])/g, '$1')
    .replace(/\\(And|AND|and|item|centering|noindent|maketitle|hline|toprule|midrule|bottomrule)\b/g, ' ')
    .replace(/\\(textbf|textit|emph|texttt|textsc|textrm|textsf|textsl|textup|textmd|textnormal|enquote|underline|uline|mbox|text|url|href|footnote|caption|section|subsection|subsubsection|paragraph|title)\*?/g, '')
    .replace(/~/g, ' ')
    .replace(/\$+/g, '')
    .replace(/[{}]/g, '')
    .replace(/[ \t]+/g, ' ');
}
