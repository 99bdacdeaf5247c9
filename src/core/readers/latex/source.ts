/* Scanning primitives over LaTeX source: spaces, escapes, comments and balanced brackets. */

/** Offset of the first character after spaces, tabs and one line break. */
export function skipSpace(text: string, from: number): number {
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
export function inertUntil(text: string, j: number): number {
  const c = text[j];
  if (c === '\\') return j + 1;
  if (c !== '%') return -1;
  const nl = text.indexOf('\n', j);
  return nl < 0 ? text.length - 1 : nl;
}

/** The offset of the bracket closing the one at `open`, skipping escapes and comments; -1 if none. */
export function matchBracket(text: string, open: number, left: string, right: string): number {
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
