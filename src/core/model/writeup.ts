import type { TexInline } from './inline';
import type { Position, Range } from './range';

/** The two source formats a writeup can be written in. */
export type WriteupFormat = 'markdown' | 'latex';

/** One author of the writeup; team size is the number of authors. */
export interface Author {
  readonly name: string;
  readonly affiliation?: string;
  readonly email?: string;
  /** LaTeX: printed lines of the author's block (name, each `\\` line), where more than name/affiliation/email. */
  readonly lines?: number;
  /** LaTeX `\AND`: the author starts a new row of the title block. */
  readonly newRow?: boolean;
  /** LaTeX `\thanks{...}` texts of the author (footnotes of the first page). */
  readonly thanks?: readonly string[];
}

/** What the front matter (Markdown) or the preamble (LaTeX) says about the writeup. */
export interface Metadata {
  readonly title?: string;
  readonly authors: readonly Author[];
  /** Course id, e.g. `mit-18.408` (front matter `course:` or `% writeup: course=...`). */
  readonly course?: string;
  /** Deliverable kind, e.g. `proposal` or `report`. */
  readonly kind?: string;
  /** Project type where a course offers several, e.g. `reading` or `research`. */
  readonly projectType?: string;
  readonly date?: string;
  readonly abstract?: string;
  /** Bibliography files as written (relative to the writeup). */
  readonly bibliography: readonly string[];
  /** Rule ids turned off for this file (front matter `writeup: { disable: [...] }`). */
  readonly disabledRules: readonly string[];
  /** Raw `header-includes` (Markdown) or the preamble (LaTeX), where macros live. */
  readonly headerIncludes?: string;
  /** Range of the YAML front matter block or of the LaTeX preamble. */
  readonly range?: Range;
  /** Range of the title's value, where a title exists. */
  readonly titleRange?: Range;
  /** LaTeX: the title as running-text pieces (math, emphasis and citations kept). */
  readonly titlePieces?: readonly TexInline[];
  /** Range of each metadata key as written (e.g. `course`, `kind`, `author`). */
  readonly keyRanges: Readonly<Record<string, Range>>;
  /** The front matter as parsed, for anything not modelled above. */
  readonly raw: Readonly<Record<string, unknown>>;
  /** LaTeX `\graphicspath{{a/}{b/}}`: folders images are also looked for in. */
  readonly graphicsPath?: readonly string[];
  /** LaTeX: what sets the page (class options, the template package, geometry), for the page estimate. */
  readonly pageSetup?: PageSetup;
  /** TeX macros the preamble or `header-includes` defines, by name (without the backslash). */
  readonly mathMacros?: Readonly<Record<string, MacroDefinition>>;
  /** LaTeX `\bibliographystyle{...}`: the first one written, trimmed. */
  readonly bibliographyStyle?: string;
  /** LaTeX: the size natbib's `\bibfont` sets for the reference list (`\renewcommand{\bibfont}{\small}`). */
  readonly bibFont?: 'small' | 'footnotesize' | 'scriptsize';
  /** LaTeX: the citation packages' options as the preamble writes them. */
  readonly citationPackage?: CitationPackageOptions;
  /** LaTeX: the `\newtheorem` environments of the preamble and whether amsthm is loaded. */
  readonly theorems?: TheoremSetup;
  /** LaTeX `\setkeys{Gin}{width=\maxwidth...}` (pandoc's template): images no wider than their natural size. */
  readonly imageMaxWidth?: boolean;
  /**
   * The caption package's settings in the preamble (or `header-includes`), in order: the options of
   * `\usepackage[..]{caption}` and of each `\captionsetup{..}`, with the float kind a
   * `\captionsetup[figure]` or `[table]` names (settings for other kinds, such as `[sub]`, left out).
   */
  readonly captionSetup?: readonly CaptionSetting[];
  /** LaTeX: where the first line that starts with `\end{document}` stands. */
  readonly documentEnd?: Position;
}

/** One caption setting as written: its `key=value` options, for one float kind or (no kind) both. */
export interface CaptionSetting {
  readonly kind?: 'figure' | 'table';
  readonly options: string;
}

/** One TeX macro: its name without the backslash, its replacement and how many arguments it takes. */
export interface MacroDefinition {
  readonly name: string;
  /** Replacement text; `#1`..`#9` stand for the arguments. */
  readonly body: string;
  readonly args: number;
  /** Default of an optional first argument (`\newcommand{\x}[2][default]{...}`). */
  readonly optionalDefault?: string;
  /** Where it was defined: `preamble` (header-includes or .tex preamble) or `setting`. */
  readonly source: 'preamble' | 'setting';
}

/** The options of the citation packages, split at commas and trimmed. */
export interface CitationPackageOptions {
  /** natbib: `\usepackage[...]{natbib}`, `\PassOptionsToPackage{...}{natbib}` and `\setcitestyle{...}`. */
  readonly natbib: readonly string[];
  /** biblatex, where `\usepackage[...]{biblatex}` loads it: the options of the first such line. */
  readonly biblatex?: readonly string[];
}

/** Theorem-like environments declared in a LaTeX preamble. */
export interface TheoremSetup {
  /** Environment names declared with `\newtheorem` (or `\newtheorem*`). */
  readonly names: readonly string[];
  /** The preamble loads amsthm (which sets these environments and `proof`). */
  readonly amsthm: boolean;
}

/** What a LaTeX preamble says about the page, as written. */
export interface PageSetup {
  /** `\documentclass[11pt,a4paper]{article}`: its options. */
  readonly classOptions: readonly string[];
  /** The NeurIPS-like package loaded, e.g. `neurips_2023` or `nips_2018`, with its options. */
  readonly template?: {
    readonly name: string;
    readonly options: readonly string[];
    /** A copy of the package next to the .tex: the lengths it sets and its geometry options. */
    readonly local?: {
      readonly lengths: Readonly<Record<string, string>>;
      readonly geometry?: string;
      /**
       * How the copy sets the body's leading: `renewed` when it redefines `\normalsize` (10pt on
       * 11pt), `lineno-first` when it also loads lineno before that (a submission then keeps the
       * article's 12pt), `article` when it leaves the article class's 10pt on 12pt.
       */
      readonly leading?: 'renewed' | 'lineno-first' | 'article';
      /** The copy makes a camera-ready copy without the `final` option (`\@neuripsfinaltrue` by default). */
      readonly finalByDefault?: boolean;
      /** The copy prints the authors in a submission too: its title block has no anonymous "Anonymous Author(s)" block. */
      readonly namesAuthors?: boolean;
    };
  };
  /** Packages loaded (names only), e.g. `mathpazo`, `geometry`. */
  readonly packages: readonly string[];
  /** `\usepackage[...]{geometry}` options, `\geometry{...}` and `\newgeometry{...}` arguments, in order. */
  readonly geometry: readonly string[];
  /** `\setlength{\textheight}{...}`-style settings in the preamble: name to value as written. */
  readonly lengths: Readonly<Record<string, string>>;
}

/** A citation of one key. A group `[@a; @b]` gives one Citation per key. */
export interface Citation {
  readonly key: string;
  /** Range of the key itself (without `@` or braces). */
  readonly range: Range;
  /** Range of the whole citation group (`[@a; @b, p. 3]` or `\citep[...]{a,b}`). */
  readonly groupRange: Range;
  /** `pandoc` for `[@a]`, `@a`, `[-@a]`; otherwise the LaTeX command name, e.g. `citep`. */
  readonly command: string;
  /** Pandoc `[-@a]`: suppress the author. */
  readonly suppressAuthor?: boolean;
  /** Pandoc in-text `@a` (outside brackets). */
  readonly inText?: boolean;
  /** Pandoc bracket group: the text before the key (`see` in `[see @a, p. 3]`). */
  readonly prefix?: string;
  /** Pandoc bracket group: the text after the key and its comma (`p. 3`). */
  readonly locator?: string;
  /** Set when it comes from an `\input` file: `range` then points at the `\input` command. */
  readonly origin?: Origin;
}

/**
 * A reference written in the document itself: LaTeX `\bibitem[label]{key}` in a
 * `thebibliography` environment. A key defined here is not undefined.
 */
export interface BibItem {
  readonly key: string;
  /** Range of the key. */
  readonly range: Range;
  /** The optional label as written, e.g. `Foo(2020)`. */
  readonly label?: string;
  /** natbib's author-year label `Foo et~al.(2020)`: the names before the year as they print (`Foo et al.`). */
  readonly labelAuthors?: string;
  /** natbib's author-year label: its year (`2020`, `2020a`). */
  readonly labelYear?: string;
  /** The item's text up to the next item (plain, markup removed). */
  readonly text: string;
  /** Set when it comes from an `\input` file: `range` then points at the `\input` command. */
  readonly origin?: Origin;
}

/** Where something read from an included file (`\input`, `\include`) really is. */
export interface Origin {
  /** Resolved path of the included file. */
  readonly file: string;
  /** Range inside that file. */
  readonly range: Range;
}

/** A piece of math with its TeX source. */
export interface MathNode {
  /** The TeX between the delimiters (for environments: the body). */
  readonly tex: string;
  readonly display: boolean;
  /** Range of the whole math including delimiters. */
  readonly range: Range;
  /** Range of `tex` in the document. */
  readonly contentRange: Range;
  /** Environment name for `\begin{align}`-style math, e.g. `align*`. */
  readonly environment?: string;
  /** Delimiter as written: `$`, `$$`, `\(`, `\[`, or `env`. */
  readonly delimiter: '$' | '$$' | '\\(' | '\\[' | 'env';
  /** Set when it comes from an `\input` file: ranges then point at the `\input` command. */
  readonly origin?: Origin;
}

interface BlockBase {
  readonly range: Range;
  /** LaTeX: set when the block comes from an `\\input` file (`range` then points at the `\\input` command). */
  readonly origin?: Origin;
}

/** A paragraph of running text. `text` has math replaced by its TeX and markup removed. */
export interface ParagraphBlock extends BlockBase {
  readonly type: 'paragraph';
  readonly text: string;
  /** LaTeX: a size switch in effect (`\\small`, `\\large`...), where not `normalsize`. */
  readonly size?: FontSize;
  /** Where the reader found inline math and citations in `text`: the page estimate sets the text between them. */
  readonly inline?: InlineSpans;
  /**
   * The line before the paragraph closes a display (`$$`, `\\]`, `\\end{equation}`...) with no blank
   * line between: the paragraph goes on after the display (no `\\parskip` above it).
   */
  readonly continuesDisplay?: boolean;
  /** LaTeX: what the paragraph prints, as the reader's running-text pieces (the preview shows them). */
  readonly pieces?: readonly TexInline[];
}

/**
 * Offsets in a paragraph's `text`. `math`: each inline math node of the paragraph (not of its
 * footnotes) found in the text, in order: the text before it ends at `before` (its opening `$`
 * left out), the node's TeX and closing `$` end at `end`. `citations`: stretches that print as a
 * citation (`[@a; @b]`, `@a`, `\\cite{..}`) anywhere in the text, each `[start, end)`.
 */
export interface InlineSpans {
  readonly math: readonly { readonly node: MathNode; readonly before: number; readonly end: number }[];
  readonly citations: readonly { readonly start: number; readonly end: number }[];
}

/** LaTeX's size switches. */
export type FontSize = 'tiny' | 'scriptsize' | 'footnotesize' | 'small' | 'normalsize' | 'large' | 'Large' | 'LARGE' | 'huge' | 'Huge';

/** One item of a list at any depth, with only its own text (not that of the lists inside it). */
export interface ListEntry {
  /** 1 for the list's own items, 2 for the items of a list inside one of them, and so on. */
  readonly depth: number;
  readonly text: string;
  /** LaTeX: the item's own text as running-text pieces. */
  readonly pieces?: readonly TexInline[];
  /** LaTeX `\item[label]`: the label's pieces (a description list's term). */
  readonly label?: readonly TexInline[];
  /** LaTeX, for an item of a nested list (depth 2 and more): that list is numbered. */
  readonly ordered?: boolean;
  /** LaTeX, for an item of a nested list: that list's own spacing (enumitem), where anything sets it. */
  readonly spacing?: ListSpacing;
  /** LaTeX: paragraphs the item's text ends inside it (a blank line, a `center` set apart); each starts a line of the text. */
  readonly paragraphs?: number;
  /** LaTeX: `center`-like environments set apart inside the item, each with the list's `\\topsep` above and below. */
  readonly displays?: number;
}

/**
 * A list's spacing and margin as enumitem sets them (`[nosep]`, `[itemsep=0pt, leftmargin=*]`,
 * `\setlist[itemize,2]{..}`), in points; what is absent keeps the style's.
 */
export interface ListSpacing {
  /** `\topsep` above and below the list. */
  readonly topSep?: number;
  /** `\itemsep` and `\parsep`: between items the two add up. */
  readonly itemSep?: number;
  readonly parSep?: number;
  /** `leftmargin=`: the list's indent from the text around it. */
  readonly leftMargin?: number;
  /** `leftmargin=*`: the indent is the widest label as printed (`(m)`, `Step 0.`) and `\labelsep` (0.5em). */
  readonly widestLabel?: { readonly text: string; readonly bold?: boolean };
}

/**
 * A bulleted or numbered list; `items` are the plain texts of its own items (with the text of
 * any list nested inside an item).
 */
export interface ListBlock extends BlockBase {
  readonly type: 'list';
  readonly ordered: boolean;
  readonly items: readonly string[];
  /** Every item at every depth in document order (the readers set it; absent: `items` at depth 1). */
  readonly entries?: readonly ListEntry[];
  /** LaTeX: the list's own spacing (enumitem's options and `\setlist`), where anything sets it. */
  readonly spacing?: ListSpacing;
}

/** Display math standing as a block of its own. */
export interface MathBlock extends BlockBase {
  readonly type: 'math';
  readonly math: MathNode;
  /** A blank line (or the start of its file) before the display: it opens a paragraph of its own. */
  readonly standalone?: boolean;
}

/** An included graphic. `width` as written, e.g. `0.5\linewidth` or `50%`. */
export interface FigureBlock extends BlockBase {
  readonly type: 'figure';
  /** The first image's path and width as written (kept for rules that read one image). */
  readonly path: string;
  readonly width?: string;
  readonly caption?: string;
  /** LaTeX: the caption as running-text pieces (math, citations and emphasis kept). */
  readonly captionPieces?: readonly TexInline[];
  /** Every image of the figure in order, with the box it stands in (LaTeX; absent: one image `path`). */
  readonly parts?: readonly FigurePart[];
  /** LaTeX: the float's placement as written (`htbp`, `H`, `h!`), where it names one. */
  readonly placement?: string;
}

/** One image of a figure: a subfigure, a minipage's image, or one of several images side by side. */
export interface FigurePart {
  readonly path: string;
  /** `\includegraphics` options as written, e.g. `width=.5\linewidth,keepaspectratio`. */
  readonly options?: string;
  /** Which box (subfigure, minipage) it stands in, counted in the figure; absent at the figure's own level. */
  readonly box?: number;
  /** That box's width as written, e.g. `0.48\textwidth`. */
  readonly boxWidth?: string;
  /** That box's caption (a subcaption), where it has one. */
  readonly caption?: string;
  /** `\resizebox{w}{h}` around the image (`!` keeps the ratio), or `\scalebox{s}`. */
  readonly resize?: { readonly width?: string; readonly height?: string; readonly scale?: number };
  /** The image starts a new row (`\\`, `\par` or a blank line before it). */
  readonly newRow?: boolean;
  /** A caption of the figure's own set between the images above and this one (a figure with more than one `\caption`). */
  readonly captionBefore?: string;
}

/** A table with its shape. */
export interface TableBlock extends BlockBase {
  readonly type: 'table';
  readonly rows: number;
  readonly columns: number;
  readonly caption?: string;
  /** LaTeX: the caption as running-text pieces (math, citations and emphasis kept). */
  readonly captionPieces?: readonly TexInline[];
  /**
   * LaTeX: the printed rows of the (first) tabular, each a list of cells (rules and a longtable's
   * caption and repeated head left out), for the preview.
   */
  readonly cells?: readonly (readonly TableCell[])[];
  /** LaTeX: the size switch in effect in the table's body (`\\small` before the tabular), where not `normalsize`. */
  readonly size?: FontSize;
  /** LaTeX: `\\resizebox{w}{h}`/`\\scalebox{s}`/`adjustbox` around the tabular (`max`: only shrinks). */
  readonly resize?: { readonly width?: string; readonly height?: string; readonly scale?: number; readonly max?: boolean };
  /** With `resize`: the longest cell text of each column, for the table's natural width. */
  readonly columnChars?: readonly number[];
  /** LaTeX: printed lines of the body when its cells wrap (`p{..}`, tabularx `X` columns), where more than `rows`. */
  readonly lines?: number;
  /** LaTeX: the float's placement as written (`htbp`, `H`, `h!`), where it names one. */
  readonly placement?: string;
  /** LaTeX: `\\arraystretch` where it is not 1 (rows that much taller). */
  readonly stretch?: number;
  /** LaTeX `longtable`: rows in the text that break across pages (not a float). */
  readonly longtable?: boolean;
  /** A longtable's rows above `\\endhead`, repeated at the top of each later page. */
  readonly headRows?: number;
}

/** One cell of a table row: what it prints, and the columns a `\multicolumn` spans (absent: 1). */
export interface TableCell {
  readonly pieces: readonly TexInline[];
  readonly span?: number;
}

/** Verbatim code or an algorithm listing. */
export interface CodeBlock extends BlockBase {
  readonly type: 'code';
  readonly lines: number;
  readonly language?: string;
  /** A floating listing (LaTeX `algorithm`): placed as floats are, with its caption. */
  readonly float?: boolean;
  readonly caption?: string;
  /** LaTeX: the font size of a verbatim block (`fontsize=\\small`, `basicstyle=\\footnotesize`), where not `normalsize`. */
  readonly size?: FontSize;
  /** LaTeX: a floating listing's placement as written (`htbp`, `H`), where it names one. */
  readonly placement?: string;
  /** LaTeX `breaklines` (listings, minted, fvextra): the long lines, which wrap at the measure instead of running into the margin. */
  readonly wrapping?: readonly string[];
  /** LaTeX: the listing as written (a verbatim environment's lines without its options; an algorithm's body). */
  readonly code?: string;
}

/** A theorem-like environment, quote or other container, with its plain text. */
export interface EnvironmentBlock extends BlockBase {
  readonly type: 'environment';
  readonly name: string;
  readonly text: string;
  /** A picture drawn in TeX (`tikzpicture`, `forest`...): what the reader read of the drawing, which the page estimate sizes it from. */
  readonly picture?: Picture;
  /** LaTeX: what the body prints as running-text pieces (after the optional `[..]`). */
  readonly pieces?: readonly TexInline[];
  /** LaTeX `\\begin{theorem}[Main result]`: the optional argument's pieces (the theorem's name). */
  readonly note?: readonly TexInline[];
}

/** A picture drawn in TeX outside a float, as the LaTeX reader read it. */
export interface Picture {
  /** In a `center` environment (a trivlist), rather than a paragraph of its own. */
  readonly centred: boolean;
  /**
   * A TikZ picture drawn with absolute coordinates only: what its paths reach in y. Absent when
   * the drawing does what cannot be placed without TikZ (relative or polar coordinates, loops,
   * plots, trees of `child`, matrices, arcs and curves, nodes placed above or below others...).
   */
  readonly tikz?: TikzDrawing;
  /** A forest tree growing down: how many levels deep it is (absent when it grows sideways). */
  readonly levels?: number;
}

/** What a simple TikZ picture reaches, read from its coordinates and options. */
export interface TikzDrawing {
  /** The picture's y unit: `y=2` (a number of TikZ's 1cm) or `y=0.5cm` (a length as written); absent for 1cm. */
  readonly yUnit?: number | string;
  /** `scale=` and `yscale=` (1 where not written). */
  readonly scale: number;
  readonly yscale: number;
  /** Each place a path reaches in y: its points, circles and ellipses, nodes. */
  readonly marks: readonly TikzMark[];
}

/** A place a TikZ path reaches in y. */
export interface TikzMark {
  readonly y: PictureLength;
  /** A circle or an ellipse centred on `y`: how far it reaches above and below. */
  readonly radius?: PictureLength;
  /** A node holding text: a text line tall, centred on `y`. */
  readonly text?: true;
}

/** A coordinate as written: a number of the picture's y units, or of `unit` (`pt`, `cm`...) where one is written. */
export interface PictureLength {
  readonly value: number;
  readonly unit?: string;
}

/** `\newpage`, `\clearpage` or a pandoc page break. */
export interface PageBreakBlock extends BlockBase {
  readonly type: 'pagebreak';
  /** `\\clearpage`/`\\cleardoublepage` (LaTeX): the waiting floats are set first, on pages of their own. */
  readonly clear?: boolean;
}

/**
 * Vertical space asked for between blocks: `\vspace{-1cm}`, `\vspace*{2ex}`, `\vskip 3pt`,
 * `\medskip` (LaTeX, or raw LaTeX in pandoc Markdown).
 */
export interface SpaceBlock extends BlockBase {
  readonly type: 'space';
  /** The length as written, e.g. `-1cm`, `0.5\baselineskip`, `\medskipamount`. */
  readonly length: string;
  /** `\vspace*`: kept at the top of a page too. */
  readonly keep?: boolean;
}

/** Any block of the body, in document order. */
export type Block =
  | ParagraphBlock
  | ListBlock
  | MathBlock
  | FigureBlock
  | TableBlock
  | CodeBlock
  | EnvironmentBlock
  | PageBreakBlock
  | SpaceBlock;

/** A heading and everything up to the next heading of any level. */
export interface Section {
  /** 1 for `#`/`\section`, 2 for `##`/`\subsection`, 3 for `###`/`\subsubsection`... */
  readonly level: number;
  readonly title: string;
  /** LaTeX: the title as running-text pieces (math, emphasis and citations kept). */
  readonly titlePieces?: readonly TexInline[];
  /** Pandoc `{.unnumbered}`/`{-}` or LaTeX `\section*`. */
  readonly unnumbered: boolean;
  /** Range of the heading line (or command). */
  readonly range: Range;
  /** Range of the heading text itself. */
  readonly titleRange: Range;
  /** From the heading to just before the next heading (any level) or the end. */
  readonly bodyRange: Range;
  /** The blocks directly under this heading. */
  readonly blocks: readonly Block[];
  /** Set when the heading comes from an `\input` file: ranges then point at the `\input` command. */
  readonly origin?: Origin;
}

/**
 * A footnote: LaTeX `\footnote{...}`, pandoc's inline `^[...]`, or a `[^id]` reference with its
 * `[^id]: ...` definition. Its text is set at the foot of the page where it is referenced.
 */
export interface Footnote {
  /** Where it is referenced: the whole `\footnote{...}` or `^[...]`, or the `[^id]` mark. */
  readonly range: Range;
  /** Where its text is written: inside the braces or brackets, or the `[^id]: ...` definition. */
  readonly bodyRange: Range;
  /** Plain text (markup removed; math as its TeX). */
  readonly text: string;
  /** Set when it comes from an `\\input` file: the whole note there. */
  readonly origin?: Origin;
}

/** Something a reader could not make sense of: the model is still returned. */
export interface ReaderProblem {
  /** Stable id, e.g. `front-matter-yaml`, `unclosed-math`, `unclosed-environment`. */
  readonly code: string;
  readonly message: string;
  readonly range: Range;
  readonly severity: 'error' | 'warning' | 'info';
}

/** An inline `writeup-disable-next-line` comment. */
export interface DisableDirective {
  /** The line the directive silences (the line after the comment). */
  readonly line: number;
  /** Rule ids; empty means every rule. */
  readonly rules: readonly string[];
}

/** The model of one writeup, the same for Markdown and LaTeX. */
export interface Writeup {
  /** File path (or URI string) it was read from; used for messages and relative paths. */
  readonly file: string;
  readonly format: WriteupFormat;
  /** The text it was read from. */
  readonly text: string;
  readonly lineCount: number;
  readonly metadata: Metadata;
  /** Headings in document order (flat; nesting follows from `level`). */
  readonly sections: readonly Section[];
  /** Every body block in document order, including those before the first heading. */
  readonly blocks: readonly Block[];
  readonly citations: readonly Citation[];
  /**
   * True for `\nocite{*}` or pandoc `nocite: '@*'`: every entry of the bibliography is cited.
   * (Other `\nocite{key}` and `nocite:` keys are in `citations`, command `nocite`.)
   */
  readonly citesAll?: boolean;
  /** References the document defines itself (`\bibitem` in `thebibliography`). */
  readonly bibItems?: readonly BibItem[];
  /** Every math node, inline and display, in document order. */
  readonly math: readonly MathNode[];
  /** Footnotes in the order they are referenced (the readers set it). */
  readonly footnotes?: readonly Footnote[];
  /** Where the references begin: a `# References` heading, `\bibliography{}` or `::: {#refs}`. */
  readonly referencesStart?: Range;
  /** LaTeX: the size switch in effect where the references begin, when not `\\normalsize`. */
  readonly referencesSize?: FontSize;
  /** Where an appendix begins (`\appendix`, `# Appendix`), if any. */
  readonly appendixStart?: Range;
  readonly disableDirectives: readonly DisableDirective[];
  /** Files pulled in by `\input`/`\include`, resolved paths. */
  readonly includes: readonly string[];
  readonly problems: readonly ReaderProblem[];
  /**
   * Ranges of code (Markdown code spans and blocks, LaTeX verbatim/listings/algorithm bodies)
   * and comments, in document order: places where a citation or math is never read.
   */
  readonly codeRanges?: readonly Range[];
}
