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
