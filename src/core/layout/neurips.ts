/**
 * The NeurIPS page (neurips_2024.sty, `[final]`), in TeX points (1in = 72.27pt). Values come
 * from the style file and the LaTeX article class it builds on; the few marked "calibrated"
 * were fitted to real pandoc + pdflatex compiles (`npm run calibrate`).
 */
export const NEURIPS = {
  /** `textwidth=5.5in`. */
  textWidth: 5.5 * 72.27,
  /** `textheight=9in`. */
  textHeight: 9 * 72.27,
  /** `\normalsize`: 10pt Times on `\@xipt` leading, which LaTeX defines as 10.95pt (not 11). */
  fontSize: 10,
  baselineSkip: 10.95,
  /** `\parskip 5.5pt`, `\parindent 0`. */
  parSkip: 5.5,
  /** x-height of 10pt Times (1ex), for the `ex` skips of the headings. */
  ex: 4.5,
  /** Heading skips (before, after) in ex and the heading's line height. */
  headings: [
    { before: 2.0, after: 1.5, leading: 14, size: 12 },
    { before: 1.8, after: 0.8, leading: 10.95, size: 10 },
    { before: 1.5, after: 0.5, leading: 10.95, size: 10 },
  ],
  /** `\paragraph`'s skip above in ex (a run-in heading: no skip below). */
  paragraphBefore: 1.5,
  /** `\abovedisplayskip 7pt`, `\belowdisplayskip` the same. */
  displaySkip: 7,
  /** `\abovedisplayshortskip 0pt`, `\belowdisplayshortskip 4pt`: a display after a line that ends before it begins. */
  displayShortSkip: { above: 0, below: 4 },
  /**
   * How far the style's skips may shrink: in ex for the headings' skips (`\section`'s 2ex plus 0.5ex
   * minus 0.2ex before it, 1.5ex plus 0.3ex minus 0.2ex after it; the lower levels' skips after them do
   * not shrink), in points for the rest: each display skip (7pt minus 5pt; the short ones 0pt above and
   * 4pt minus 3pt below), the lists' `\topsep` (4pt minus 2pt), `\itemsep` + `\parsep` between items
   * and `\parsep` alone (pandoc's tight lists), `\intextsep` around an `[h]` float, `\skip\footins`, and
   * the abstract's quote (a list: `\topsep` and `\partopsep` above and below). `\parskip` (5.5pt) does
   * not shrink. The pager adds them up for each page as TeX's page builder does.
   */
  shrink: {
    headingBefore: 0.2,
    headingAfter: [0.2, 0, 0],
    paragraphBefore: 0.2,
    display: 5,
    displayShortAbove: 0,
    displayShortBelow: 3,
    topSep: 2,
    itemGap: 1,
    parSep: 0.5,
    inTextSep: 2,
    footins: 2,
    abstract: 5,
  },
  /** How far the same skips may stretch (same units): `\section` 0.5ex before and 0.3ex after, the lower levels 0.2ex after, displays 2pt each (short: 3pt), lists 1pt a skip and 2pt between items, `\intextsep` 2pt, `\skip\footins` 4pt. */
  stretch: {
    headingBefore: 0.5,
    headingAfter: [0.3, 0.2, 0.2],
    paragraphBefore: 0.5,
    display: 2,
    displayShortAbove: 3,
    displayShortBelow: 3,
    topSep: 1,
    itemGap: 2,
    parSep: 1,
    inTextSep: 2,
    footins: 4,
    abstract: 3,
  },
  /** amsmath row separation `\jot`. */
  jot: 3,
  /** List skips: `\topsep 4pt`, `\partopsep 1pt`, `\itemsep 2pt`, `\parsep 2pt`, `\leftmargin 3pc`. */
  topSep: 4,
  parTopSep: 1,
  /** amsthm's `proof`: a trivlist with `\topsep` 6pt (and `\partopsep`, as it starts a paragraph). */
  amsthmProofSep: 6,
  itemSep: 2,
  parSep: 2,
  listIndent: 36,
  /**
   * Lists nested inside lists, by depth (1 = the outer list): `\leftmargini` 3pc, `ii` 2em, `iii`
   * 1.5em, `iv` 1em, `v` 0.5em; `\@listii` topsep 2pt, parsep = itemsep 1pt; `\@listiii` topsep
   * 1pt, parsep 0, itemsep 1pt; deeper levels keep the third level's skips.
   */
  listLevels: [
    { indent: 36, topSep: 4, parSep: 2, itemSep: 2 },
    { indent: 20, topSep: 2, parSep: 1, itemSep: 1 },
    { indent: 15, topSep: 1, parSep: 0, itemSep: 1 },
    { indent: 10, topSep: 1, parSep: 0, itemSep: 1 },
    { indent: 5, topSep: 1, parSep: 0, itemSep: 1 },
  ],
  /**
   * Footnotes: `\footnotesize` 9pt on 10pt leading, `\footnotesep` 6.65pt (the strut opening each
   * note), `\skip\footins` 9pt above the first note of a page (the rule takes no height: kern -3pt,
   * 0.4pt rule, kern 2.6pt), the mark in a 1.8em box before the first line, depth 3pt at the end.
   */
  footnote: { size: 9, leading: 10, sep: 6.65, skip: 9, markBox: 1.8 * 9, depth: 3 },
  /**
   * An `algorithm` float (algorithm.sty, float.sty's `ruled` style): 0.8pt rule and 2pt kern above
   * the caption, 2pt kern, 0.4pt rule, 2pt kern below it, `algorithmic`'s 0.2em topsep around the
   * steps, 2pt kern and a 0.4pt rule at the end. LaTeX places it `htbp` unless told otherwise.
   */
  algorithm: { frame: 0.8 + 2 + 2 + 0.4 + 2 + 2 + 0.4, stepsSep: 2 },
  /** Floats: `\topfraction 0.85`, `\bottomfraction 0.4`, `\floatpagefraction 0.7`, `\textfloatsep` 20pt, caption skip 7pt. */
  topFraction: 0.85,
  bottomFraction: 0.4,
  textFraction: 0.1,
  floatPageFraction: 0.7,
  /** The article class's `topnumber` 2, `totalnumber` 3; `\floatsep` 12pt between floats, `\@fpsep` 8pt on pages of floats. */
  topNumber: 2,
  totalNumber: 3,
  floatSep: 12,
  fpSep: 8,
  textFloatSep: 20,
  /** `\intextsep` 12pt above and below an `[h]` float. */
  inTextSep: 12,
  captionSkip: 7,
  /** Title block: rules and skips of `\@maketitle`, `\LARGE` title on 20pt leading. */
  title: {
    /** 0.1in + 4pt rule + 0.25in - parskip + 0.29in - parskip + 1pt rule + 0.09in. */
    rules: 0.1 * 72.27 + 4 + 0.25 * 72.27 - 5.5 + 0.29 * 72.27 - 5.5 + 1 + 0.09 * 72.27,
    titleSize: 17,
    titleLeading: 20,
    /** The author tabular's first row carries a 24pt strut. */
    authorStrut: 24,
    authorRow: 10.95,
    tabColSep: 6,
    /** `\vskip 0.3in` after the authors. */
    afterAuthors: 0.3 * 72.27,
    /** Abstract: 0.075in, `\large` heading, 0.5ex, quote (3pc margins both sides), 1ex. */
    abstractBefore: 0.075 * 72.27,
    abstractHeading: 14,
    abstractMargin: 36,
  },
  /** First page: `\enlargethispage{2\baselineskip}` minus the notice float at the bottom. */
  firstPageExtra: 22 - (10 + 20),
  /** References font and entry spacing. */
  references: { leading: 11, hang: 10 },
} as const;

/** The page's constants with plain number types, so another style (a profile's) can fill them. */
type Widen<T> = T extends number ? number : T extends object ? { readonly [K in keyof T]: Widen<T[K]> } : T;
export type PageStyle = Widen<typeof NEURIPS>;

/**
 * What LaTeX's `article` class sets at 10pt where a template leaves it alone (a rewritten local copy
 * of the style that sets no body size): 10pt on 12pt, `\section` 3.5ex above and 2.3ex below in
 * `\Large` (14.4pt on 18pt), `\subsection` and `\subsubsection` 3.25ex and 1.5ex in `\large` and
 * `\normalsize`, `\paragraph` 3.25ex; displays 10pt (short: 0 and 6pt); lists `\topsep` 8pt,
 * `\partopsep` 2pt, `\itemsep` and `\parsep` 4pt, `\leftmargini` 2.5em; no first-page notice.
 */
export const ARTICLE_10PT = {
  baselineSkip: 12,
  parSkip: 0,
  headings: [
    { before: 3.5, after: 2.3, leading: 18, size: 14.4 },
    { before: 3.25, after: 1.5, leading: 14, size: 12 },
    { before: 3.25, after: 1.5, leading: 12, size: 10 },
  ],
  paragraphBefore: 3.25,
  /** The article class's skips shrink more: lists' `\topsep` 8pt minus 4pt, `\itemsep` and `\parsep` 4pt minus 1pt. */
  shrink: {
    headingBefore: 0.2,
    headingAfter: [0, 0, 0],
    paragraphBefore: 0.2,
    display: 5,
    displayShortAbove: 0,
    displayShortBelow: 3,
    topSep: 4,
    itemGap: 2,
    parSep: 1,
    inTextSep: 2,
    footins: 2,
    abstract: 10,
  },
  /** The article class's skips stretch as far. */
  stretch: {
    headingBefore: 1,
    headingAfter: [0.2, 0.2, 0.2],
    paragraphBefore: 1,
    display: 2,
    displayShortAbove: 3,
    displayShortBelow: 3,
    topSep: 2,
    itemGap: 4,
    parSep: 2,
    inTextSep: 2,
    footins: 4,
    abstract: 6,
  },
  displaySkip: 10,
  displayShortSkip: { above: 0, below: 6 },
  topSep: 8,
  parTopSep: 2,
  itemSep: 4,
  parSep: 4,
  listIndent: 25,
  listLevels: [
    { indent: 25, topSep: 8, parSep: 4, itemSep: 4 },
    { indent: 22, topSep: 4, parSep: 2, itemSep: 2 },
    { indent: 18.7, topSep: 2, parSep: 0, itemSep: 0 },
    { indent: 17, topSep: 2, parSep: 0, itemSep: 0 },
    { indent: 10, topSep: 2, parSep: 0, itemSep: 0 },
  ],
  firstPageExtra: 0,
} as const satisfies Partial<PageStyle>;

/** Tuning constants fitted by calibration (see scripts/calibrate.ts). */
export interface LayoutTuning {
  /** Average lines per bibliography entry. */
  readonly refLines: number;
  /** Space between bibliography entries (pt). */
  readonly refGap: number;
  /** Extra height of a display that stands as its own paragraph (pt). */
  readonly standaloneDisplay: number;
  /** Width factor applied to text (hyphenation and justification slack). */
  readonly fill: number;
  /** Aspect ratio (height/width) of a figure whose image size is unknown. */
  readonly defaultAspect: number;
}

/** Calibrated values per source format (pandoc's LaTeX and hand-written LaTeX differ a little). */
export const TUNING: Readonly<Record<'markdown' | 'latex', LayoutTuning>> = {
  markdown: { refLines: 1.88, refGap: 0, standaloneDisplay: 0, fill: 1, defaultAspect: 0.62 },
  latex: { refLines: 2.3, refGap: 2.5, standaloneDisplay: 0, fill: 1, defaultAspect: 0.62 },
};
