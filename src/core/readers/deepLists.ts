import type { Span } from './pandocInline';

/** List nesting (across lines) beyond which list markers are read as plain text. */
export const MAX_LIST_DEPTH = 32;

/** Columns of indentation kept beyond the innermost open list item's content (see defuseDeepLists). */
const SPARE_COLUMNS = 8;

const MARKER = /^(?:[-*+]|\d{1,9}[.)])(?=[ \t]|$)[ \t]*/;

/**
 * Remark is slow on deep list nesting across lines: mdast-util-from-markdown's list handling is
 * cubic in it (200 items each indented one level deeper take a second, 3,000 of them, 9 MB of
 * indentation, hours), and micromark reads indentation at some microseconds per space.
 *
 * Returns the text with the markers of items nested deeper than MAX_LIST_DEPTH made spaces (same
 * length, so offsets hold: their text continues the item above) and, as `indents`, the spaces of
 * each line beyond what any open item needs (its content column plus SPARE_COLUMNS), which remark
 * is given as one space (shrinkLongLines maps positions back). Neither changes how a writeup with
 * lists less than 32 deep reads. Depth comes from indentation as CommonMark measures it: an item is
 * inside the one before when indented to its content.
 */
export function defuseDeepLists(text: string): { text: string; indents: Span[] } {
  const indents: Span[] = [];
  if (!/^[ \t]{64}/m.test(text)) return { text, indents };
  const out: string[] = [];
  /** Content columns of the open items, outermost first. */
  const open: number[] = [];
  let last = 0;
  for (let at = 0; at < text.length; ) {
    let end = text.indexOf('\n', at);
    if (end < 0) end = text.length;
    let column = 0;
    let tabs = false;
    let i = at;
    for (; i < end; i++) {
      const c = text.charCodeAt(i);
      if (c === 32) column++;
      else if (c === 9) {
        column += 4 - (column % 4);
        tabs = true;
      } else break;
    }
    if (i < end && text.charCodeAt(i) !== 13) {
      while (open.length > 0 && (open[open.length - 1] as number) > column) open.pop();
      const marker = MARKER.exec(text.slice(i, Math.min(end, i + 40)));
      let deep = false;
      if (marker) {
        if (open.length >= MAX_LIST_DEPTH) {
          const markerLength = marker[0].trimEnd().length;
          out.push(text.slice(last, i), ' '.repeat(markerLength));
          last = i + markerLength;
          deep = true;
        } else open.push(column + Math.max(marker[0].length, 2));
      }
      const keep = (open.length > 0 ? (open[open.length - 1] as number) : 0) + SPARE_COLUMNS;
      if ((!marker || deep) && !tabs && column > keep + 16) indents.push({ start: at + keep, end: i });
    }
    at = end + 1;
  }
  if (last === 0) return { text, indents };
  out.push(text.slice(last));
  return { text: out.join(''), indents };
}

/** Unclosed `[` in one paragraph beyond which they are read as plain text. */
export const MAX_UNCLOSED_BRACKETS = 32;

/**
 * remark-gfm's autolink literals walk back over every bracket still open each time a word could be
 * an e-mail address: a paragraph of 1,000 `[@a` takes seconds, 4,000 a minute. In a paragraph with
 * more than MAX_UNCLOSED_BRACKETS unclosed `[`, each becomes a space (same length, so offsets hold;
 * any one left would be walked back to): an unclosed bracket is text to remark anyway, and the
 * pandoc scanner still reads the real text.
 */
export function defuseUnclosedBrackets(text: string): string {
  let cut: number[] | undefined;
  const open: number[] = [];
  const flush = (): void => {
    if (open.length > MAX_UNCLOSED_BRACKETS) (cut ??= []).push(...open);
    open.length = 0;
  };
  const first = text.indexOf('[');
  if (first < 0) return text;
  // Only these characters matter: one search to the next instead of a test per character.
  const events = /[\\[\]\n]/g;
  events.lastIndex = first;
  for (let found = events.exec(text); found; found = events.exec(text)) {
    const i = found.index;
    const c = text.charCodeAt(i);
    if (c === 92 /* \ */) events.lastIndex = i + 2;
    else if (c === 91 /* [ */) open.push(i);
    else if (c === 93 /* ] */) open.pop();
    else if (open.length > 0) {
      // A blank line ends the paragraph: what is still open stays unclosed.
      let j = i + 1;
      while (j < text.length && (text.charCodeAt(j) === 32 || text.charCodeAt(j) === 9 || text.charCodeAt(j) === 13)) j++;
      if (j >= text.length || text.charCodeAt(j) === 10) flush();
    }
  }
  flush();
  if (!cut) return text;
  const out: string[] = [];
  let last = 0;
  for (const at of cut.sort((a, b) => a - b)) {
    out.push(text.slice(last, at), ' ');
    last = at + 1;
  }
  out.push(text.slice(last));
  return out.join('');
}
