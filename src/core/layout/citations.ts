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
  const style = /\\bibliographystyle\s*\{([^}]*)\}/.exec(writeup.text)?.[1]?.trim();
  if (style !== undefined && /^(alpha|amsalpha|alphaurl)$/i.test(style)) return 30;
  return numericCitations(writeup, style) ? 12.5 : undefined;
}

function numericCitations(writeup: Writeup, style: string | undefined): boolean {
  const pre = writeup.metadata.headerIncludes ?? '';
  if (/\\PassOptionsToPackage\s*\{[^}]*\bnumbers\b[^}]*\}\s*\{natbib\}/.test(pre)) return true;
  if (/\\usepackage\s*\[[^\]]*\bnumbers\b[^\]]*\]\s*\{natbib\}/.test(pre) || /\\setcitestyle\s*\{[^}]*\bnumbers\b/.test(pre)) return true;
  const biblatex = /\\usepackage\s*(?:\[([^\]]*)\])?\s*\{biblatex\}/.exec(pre);
  if (biblatex) return !/\b(?:cite)?style\s*=\s*(authoryear|authortitle|apa|chicago|mla|verbose)/.test(biblatex[1] ?? '');
  if (style !== undefined && NUMERIC_BST.test(style)) return true;
  const setup = writeup.metadata.pageSetup;
  return setup?.template?.options.includes('nonatbib') === true && !setup.packages.includes('natbib');
}

/** What the LaTeX reader's plain text holds where a citation command stood. */
export const CITE_PLACEHOLDER = '[1]';
