/* Pandoc's attribute blocks (`{#id .class key=value -}`), as it reads them after an image (`link_attributes`) or a heading. */

/** An attribute block as pandoc reads it. */
export interface PandocAttributes {
  readonly id?: string;
  readonly classes: readonly string[];
  /** `key=value` pairs in order (quotes removed); a key written twice keeps its first value, as pandoc does. */
  readonly values: Readonly<Record<string, string>>;
}

const NAME_START = /[\p{L}\p{N}_]/u;
const NAME = /[\p{L}\p{N}_:.-]/u;
const KEY = /[\p{L}\p{N}_:.-]/u;

/** Pandoc's `spnl`: spaces, at most one line end, spaces. */
function skipSpace(text: string, at: number, limit: number): number {
  let i = at;
  while (i < limit && (text[i] === ' ' || text[i] === '\t')) i++;
  if (i < limit && text[i] === '\r') i++;
  if (i < limit && text[i] === '\n') i++;
  while (i < limit && (text[i] === ' ' || text[i] === '\t')) i++;
  return i;
}

/** The name of an identifier or class at `at` (a letter, digit or `_`, then those and `:.-`); its end, or `at` for none. */
function nameEnd(text: string, at: number, limit: number): number {
  if (at >= limit || !NAME_START.test(text[at] ?? '')) return at;
  let i = at + 1;
  while (i < limit && NAME.test(text[i] ?? '')) i++;
  return i;
}

/**
 * The attribute block opening with the `{` at `at` and closing before `limit`: what it holds and
 * where it ends (after its `}`), or undefined when the text there is no attribute block (pandoc
 * then prints it as text).
 */
export function readAttributes(text: string, at: number, limit = text.length): { attributes: PandocAttributes; end: number } | undefined {
  if (text[at] !== '{') return undefined;
  let id: string | undefined;
  const classes: string[] = [];
  const values: Record<string, string> = {};
  let i = skipSpace(text, at + 1, limit);
  while (i < limit && text[i] !== '}') {
    const c = text[i];
    if (c === '-' && (i + 1 >= limit || text[i + 1] === '}' || /\s/.test(text[i + 1] ?? ''))) {
      // `-` alone: pandoc's short form of `.unnumbered`.
      classes.push('unnumbered');
      i++;
    } else if (c === '#' || c === '.') {
      const end = nameEnd(text, i + 1, limit);
      if (end === i + 1) return undefined;
      const name = text.slice(i + 1, end);
      if (c === '.') classes.push(name);
      else id ??= name;
      i = end;
    } else {
      let end = i;
      while (end < limit && KEY.test(text[end] ?? '')) end++;
      if (end === i || text[end] !== '=') return undefined;
      const key = text.slice(i, end);
      let value: string;
      i = end + 1;
      const quote = text[i];
      if (quote === '"' || quote === "'") {
        let close = i + 1;
        while (close < limit && text[close] !== quote) close++;
        if (close >= limit) return undefined;
        value = text.slice(i + 1, close);
        i = close + 1;
      } else {
        const start = i;
        while (i < limit && !/[\s}]/.test(text[i] ?? '')) i++;
        if (i === start) return undefined;
        value = text.slice(start, i);
      }
      if (!(key in values)) values[key] = value;
    }
    // Attributes stand apart: a space or the closing brace after each.
    if (i < limit && text[i] !== '}' && !/\s/.test(text[i] ?? '')) return undefined;
    i = skipSpace(text, i, limit);
  }
  if (text[i] !== '}' || i >= limit) return undefined;
  return { attributes: { ...(id !== undefined ? { id } : {}), classes, values }, end: i + 1 };
}
