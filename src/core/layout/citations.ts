/*
 * Citations as a paragraph prints them: groups, whether their keys print as labels ("[3, 7]")
 * or author and year (where they stand in a paragraph's text: readers/inlineSpans.ts).
 */
import type { Range, Writeup } from '../model';

/** A citation group: where it stands, its keys, and whether it names the authors in the text (`\\citet`). */
export interface CiteGroup {
  readonly range: Range;
  keys: number;
  readonly textual: boolean;
  /** The group's keys in order (those of the main file). */
  readonly names?: string[];
}

/** Citation commands that print the authors' names even in a numeric style. */
export const TEXTUAL_CITE = /^(citet|Citet|citeauthor|Citeauthor|citealt|textcite|Textcite)\*?$/;

/** BibTeX styles that only number their entries (natbib then falls back to numbers too). */
const NUMERIC_BST = /^(plain|unsrt|abbrv|ieeetr|ieeetran|ieee_fullname|acm|siam|splncs\d*|plainurl|unsrturl|abbrvurl|vancouver|naturemag|amsplain|elsarticle-num)$/i;

/**
 * Where a LaTeX writeup's citations print as labels, the width of one key's label (pt): an
 * `alpha`-style label ("[VSP+17]") or a number with its comma (natbib's `numbers` option, also
 * through `\PassOptionsToPackage` or `\setcitestyle`; biblatex with a numeric style, its
 * default; a numbering `\bibliographystyle`; the template's `nonatbib` with plain `\cite`).
 * Undefined for author and year.
 */
export function citationLabel(writeup: Writeup): number | undefined {
  if (writeup.format !== 'latex') return undefined;
  const style = writeup.metadata.bibliographyStyle;
  if (style !== undefined && /^(alpha|amsalpha|alphaurl)$/i.test(style)) return 25;
  return numericCitations(writeup, style) ? 10 : undefined;
}

function numericCitations(writeup: Writeup, style: string | undefined): boolean {
  const packages = writeup.metadata.citationPackage;
  if (packages?.natbib.some((o) => /\bnumbers\b/.test(o))) return true;
  const biblatex = packages?.biblatex;
  if (biblatex) return !biblatex.some((o) => /\b(?:cite)?style\s*=\s*(authoryear|authortitle|apa|chicago|mla|verbose)/.test(o));
  if (style !== undefined && NUMERIC_BST.test(style)) return true;
  const setup = writeup.metadata.pageSetup;
  return setup?.template?.options.includes('nonatbib') === true && !setup.packages.includes('natbib');
}

/** What the LaTeX reader's plain text holds where a citation command stood. */
export { CITE_PLACEHOLDER } from '../readers/latex/runningText';
