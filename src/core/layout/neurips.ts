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
  /** `\normalsize`: 10pt Times on 11pt leading. */
  fontSize: 10,
  baselineSkip: 11,
  /** `\parskip 5.5pt`, `\parindent 0`. */
  parSkip: 5.5,
  /** x-height of 10pt Times (1ex), for the `ex` skips of the headings. */
  ex: 4.5,
  /** Heading skips (before, after) in ex and the heading's line height. */
  headings: [
    { before: 2.0, after: 1.5, leading: 14, size: 12 },
    { before: 1.8, after: 0.8, leading: 11, size: 10 },
    { before: 1.5, after: 0.5, leading: 11, size: 10 },
  ],
  /** `\abovedisplayskip 7pt`, `\belowdisplayskip` the same. */
  displaySkip: 7,
  /** amsmath row separation `\jot`. */
  jot: 3,
  /** List skips: `\topsep 4pt`, `\partopsep 1pt`, `\itemsep 2pt`, `\parsep 2pt`, `\leftmargin 3pc`. */
  topSep: 4,
  parTopSep: 1,
  itemSep: 2,
  parSep: 2,
  listIndent: 36,
  /** Floats: `\topfraction 0.85`, `\bottomfraction 0.4`, `\floatpagefraction 0.7`, `\textfloatsep` 20pt, caption skip 7pt. */
  topFraction: 0.85,
  bottomFraction: 0.4,
  textFraction: 0.1,
  floatPageFraction: 0.7,
  /** LaTeX defaults `topnumber` 2; `\floatsep` 12pt between floats. */
  topNumber: 2,
  floatSep: 12,
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
    authorRow: 11,
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
