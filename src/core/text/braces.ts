/**
 * The offset of the `}` closing the `{` at `open` (a backslash escapes the next character, so
 * `\{` and `\}` do not count), or -1 when it is not closed. The one brace matcher for TeX
 * fragments already cut out by a reader (math, .bib values, running text); the LaTeX reader's
 * own matcher also skips `%` comments in whole source files.
 */
export function closingBrace(text: string, open: number): number {
  let depth = 0;
  for (let k = open; k < text.length; k++) {
    const c = text[k];
    if (c === '\\') {
      k++;
      continue;
    }
    if (c === '{') depth++;
    else if (c === '}' && --depth === 0) return k;
  }
  return -1;
}
