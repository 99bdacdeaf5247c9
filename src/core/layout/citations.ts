/*
 * Citations as a paragraph prints them: groups, whether their keys print as labels ("[3, 7]")
 * or author and year, and the text of a paragraph without them.
 */
import type { Range, Writeup } from '../model';
import type { LineBreaker } from './lineBreak';

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

/**
 * Sets `text` from `start` without its citations as they stand in a paragraph — `[@a; @b]`, `@a`,
 * `\\citep[..]{a,b}` — scanning for `@` and `\\cite` and setting the pieces between them where they
 * are (a regular expression over every paragraph, or new strings, cost more than the rest of the estimate).
 */
export function textWithoutCitations(b: LineBreaker, text: string, start: number): void {
  let pos = start;
  // Next occurrences, searched again only once passed (a search per `@` made long text quadratic).
  let cite = -2;
  let bracketClose = -2;
  for (;;) {
    const at = text.indexOf('@', pos);
    if (cite !== -1 && cite < pos) cite = text.indexOf('\\cite', pos);
    if (at < 0 && cite < 0) break;
    if (cite >= 0 && (at < 0 || cite < at)) {
      // \cite...[..]{keys}: up to the closing brace.
      const close = text.indexOf('}', cite);
      b.text(text, 'regular', pos, cite);
      pos = close < 0 ? text.length : close + 1;
      continue;
    }
    // The last `[` and `]` between here and the `@` (one before `pos` never opens a group).
    let open = -1;
    let shut = -1;
    for (let i = pos; i <= at; i++) {
      const c = text.charCodeAt(i);
      if (c === 91) open = i;
      else if (c === 93) shut = i;
    }
    if (open >= pos && open > shut) {
      // [@a; @b, p. 3]: the whole bracket.
      if (bracketClose !== -1 && bracketClose < at) bracketClose = text.indexOf(']', at);
      const close = bracketClose;
      b.text(text, 'regular', pos, open);
      pos = close < 0 ? text.length : close + 1;
      continue;
    }
    // In-text @key: the key's characters.
    let end = at + 1;
    while (end < text.length && KEY_CHAR.test(text.charAt(end))) end++;
    b.text(text, 'regular', pos, at);
    pos = end;
  }
  b.text(text, 'regular', pos);
}

const KEY_CHAR = /[\w:.#$%&+?<>~/-]/;

/** What the LaTeX reader's plain text holds where a citation command stood. */
export const CITE_PLACEHOLDER = '[1]';
