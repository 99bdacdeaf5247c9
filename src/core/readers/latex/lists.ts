import type { ListEntry } from '../../model/writeup';
import { SPACES, toPlain } from './runningText';

const LIST_TOKEN = /\\(begin|end)\s*\{(itemize|enumerate|description|compactitem|compactenum)\}|\\item(?![A-Za-z@])(?:\s*\[[^\]]*\])?/g;

/**
 * The items of a list's body: its own items (with the text of lists inside them) and every item
 * at every depth with only its own text.
 */
export function listItems(body: string, macros?: ReadonlyMap<string, string>): { items: string[]; entries: ListEntry[] } {
  const source = body.replace(/(?<!\\)%[^\n]*/g, '');
  const items: string[] = [];
  const entries: { depth: number; text: string }[] = [];
  // For each open depth, the entry its text goes to (text after a nested list joins its item).
  const open: (number | undefined)[] = [];
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
    } else if (m[1] === 'end') {
      if (depth > 1) depth--;
    } else {
      if (depth === 1) {
        if (itemStart >= 0) items.push(source.slice(itemStart, m.index));
        itemStart = last;
      }
      open[depth] = entries.length;
      entries.push({ depth, text: '' });
    }
  }
  addText(source.length);
  if (itemStart >= 0) items.push(source.slice(itemStart));
  const clean = (t: string): string => toPlain(t, macros).replace(SPACES, ' ').trim();
  return { items: items.map(clean), entries: entries.map((e) => ({ depth: e.depth, text: clean(e.text) })) };
}
