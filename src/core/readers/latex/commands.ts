/* The commands and environments the LaTeX reader knows by name, grouped by what they become. */
import type { LengthFrame } from '../../text/texLength';

/**
 * The NeurIPS page the reader sizes the lengths it keeps in points against (`p{..}` columns,
 * enumitem's skips and margins): the 5.5in x 9in text block and the 10pt body font on 10.95pt leading.
 */
export const TEXT_WIDTH = 5.5 * 72.27;
export const TEXT_HEIGHT = 9 * 72.27;
export const BODY_FRAME: LengthFrame = { line: TEXT_WIDTH, em: 10, ex: 4.5, registers: { baselineskip: 10.95, parskip: 5.5, topsep: 4, itemsep: 2, parsep: 2 } };

export const SECTION_LEVELS: Readonly<Record<string, number>> = {
  part: 0,
  chapter: 0,
  section: 1,
  subsection: 2,
  subsubsection: 3,
  paragraph: 4,
  subparagraph: 5,
};

export const CITE_COMMANDS = new Set([
  'cite', 'citep', 'citet', 'citealp', 'citealt', 'citeauthor', 'citeyear', 'citeyearpar', 'citenum', 'nocite',
  'Cite', 'Citep', 'Citet', 'Citealp', 'Citealt', 'Citeauthor', 'parencite', 'Parencite', 'textcite', 'Textcite',
  'autocite', 'Autocite', 'footcite', 'smartcite', 'supercite', 'fullcite', 'citetitle', 'Citetitle', 'citeurl', 'footcitetext',
  'Citeyear', 'Citeyearpar', 'citealias', 'citepalias', 'citetalias', 'Smartcite', 'Footcite', 'citeA', 'citeNP', 'shortcite',
]);

export const LIST_ENVS = new Set(['itemize', 'enumerate', 'description', 'compactitem', 'compactenum']);
export const FIGURE_ENVS = new Set(['figure', 'figure*', 'wrapfigure', 'subfigure', 'SCfigure']);
/** Pictures drawn in TeX: their source is not text. */
export const PICTURE_ENVS = new Set(['tikzpicture', 'forest', 'pgfpicture', 'picture', 'circuitikz']);
/** Boxes that stand side by side inside a figure, each holding its own images and caption. */
export const BOX_ENVS = new Set(['subfigure', 'minipage', 'subfloat', 'subtable']);
export const TABLE_ENVS = new Set(['table', 'table*', 'wraptable']);
export const TABULAR_ENVS = new Set(['tabular', 'tabular*', 'tabularx', 'longtable', 'tabulary', 'supertabular']);
export const VERBATIM_ENVS = new Set(['verbatim', 'verbatim*', 'Verbatim', 'BVerbatim', 'LVerbatim', 'lstlisting', 'minted', 'comment', 'alltt', 'Highlighting']);
export const ALGORITHM_ENVS = new Set(['algorithm', 'algorithm*', 'algorithmic', 'algorithm2e', 'algorithmicx']);
export const THEOREM_ENVS = new Set([
  'theorem', 'lemma', 'proof', 'definition', 'corollary', 'proposition', 'remark', 'example', 'assumption',
  'claim', 'conjecture', 'fact', 'observation', 'note', 'problem', 'question', 'quote', 'quotation', 'verse',
  'abstract', 'thebibliography',
]);
/** Commands whose arguments are definitions, not text: skipped whole. */
export const DEFINITION_COMMANDS = new Set(['newcommand', 'renewcommand', 'providecommand', 'DeclareMathOperator', 'newenvironment', 'renewenvironment', 'newtheorem', 'def', 'gdef', 'edef', 'xdef', 'let']);
/** Commands that print nothing: they do not start a paragraph, their arguments are skipped. */
export const SILENT_COMMANDS = new Set([
  'label', 'ref', 'eqref', 'maketitle', 'centering', 'noindent', 'vspace', 'hspace', 'bibliographystyle', 'usepackage',
  'documentclass', 'setlength', 'addtolength', 'setcounter', 'pagestyle', 'thispagestyle', 'small', 'footnotesize',
  'large', 'Large', 'normalsize', 'raggedright', 'vfill', 'hfill', 'tableofcontents',
  'graphicspath', 'hypersetup', 'input', 'include', 'includeonly', 'date',
]);

export const MAX_INCLUDE_DEPTH = 8;

/**
 * `\input` files and block macro uses one read may read in all, and their text: an `\input` or a
 * macro that uses another several times, eight levels deep, multiplies (4 uses a level: 65,536
 * reads; 10: a hundred million). Real writeups stay far below.
 */
export const MAX_CHILD_READS = 5_000;
export const MAX_CHILD_CHARS = 20_000_000;

export const FONT_SIZES = new Set<string>(['tiny', 'scriptsize', 'footnotesize', 'small', 'normalsize', 'large', 'Large', 'LARGE', 'huge', 'Huge']);
