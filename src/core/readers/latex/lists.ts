import type { ListEntry } from '../../model/writeup';
import { plainText, readPieces, SPACES, toPlain } from './runningText';

const LIST_TOKEN = /\\(begin|end)\s*\{(itemize|enumerate|description|compactitem|compactenum)\}(?:[ \t]*\[[^\]]*\])?|\\item(?![A-Za-z@])(?:\s*\[([^\]]*)\])?/g;

/** Numbered lists. */
const ORDERED = new Set(['enumerate', 'compactenum']);

/**
 * The items of a list's body: its own items (with the text of lists inside them) and every item
 * at every depth with only its own text, its pieces, its `[label]` and (nested) its list's kind.
 */
export function listItems(body: string, macros?: ReadonlyMap<string, string>): { items: string[]; entries: ListEntry[] } {
  // A comment takes its line end and the next line's leading spaces, as TeX reads it (`foo%` then `bar` is "foobar").
  const source = body.replace(/(?<!\\)%[^\n\r]*(?:(?:\r\n?|\n)[ \t]*)?/g, '');
  const items: string[] = [];
  const entries: { depth: number; text: string; label?: string; ordered?: boolean }[] = [];
  // For each open depth, the entry its text goes to (text after a nested list joins its item).
  const open: (number | undefined)[] = [];
  // For each open depth, whether its list is numbered.
  const numbered: boolean[] = [];
  let depth = 1;
  let itemStart = -1;
  let last = 0;
  const addText = (to: number): void => {
    const entry = entries[open[depth] ?? -1];
    if (entry) entry.text += source.slice(last, to);
  };
  LIST_TOKEN.lastIndex = 0;
  for (let m = LIST_TOKEN.exec(source); m; m = LIST_TOKEN.exec(source)) {
    addText(m.index);
    last = m.index + m[0].length;
    if (m[1] === 'begin') {
      depth++;
      open[depth] = undefined;
      numbered[depth] = ORDERED.has(m[2] ?? '');
    } else if (m[1] === 'end') {
      if (depth > 1) depth--;
    } else {
      if (depth === 1) {
        if (itemStart >= 0) items.push(source.slice(itemStart, m.index));
        itemStart = last;
      }
      open[depth] = entries.length;
      entries.push({ depth, text: '', ...(m[3] !== undefined ? { label: m[3] } : {}), ...(depth > 1 ? { ordered: numbered[depth] === true } : {}) });
    }
  }
  addText(source.length);
  if (itemStart >= 0) items.push(source.slice(itemStart));
  const clean = (t: string): string => toPlain(t, macros).replace(SPACES, ' ').trim();
  return {
    items: items.map(clean),
    entries: entries.map((e) => {
      const pieces = readPieces(e.text, macros);
      return {
        depth: e.depth,
        text: plainText(pieces).replace(SPACES, ' ').trim(),
        pieces,
        ...(e.label !== undefined ? { label: readPieces(e.label, macros) } : {}),
        ...(e.ordered !== undefined ? { ordered: e.ordered } : {}),
      };
    }),
  };
}
