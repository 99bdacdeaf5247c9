/**
 * What the preview panel sends its webview after an edit: the one run of body items that changed
 * (and the title block or the tail, only if they changed) instead of the whole page.
 * media/preview.js applies it as `applyPreviewPatch` does.
 */
import type { PreviewParts } from './context';

/**
 * Replace `deleteCount` items from `start` with `items`; a new head or tail where given. `lines`
 * gives the new `data-line` of kept items that only moved (`[index after the patch, line]`): a
 * line break above a block moves it without changing it.
 */
export interface PreviewPatch {
  readonly start: number;
  readonly deleteCount: number;
  readonly items: readonly string[];
  readonly lines: readonly (readonly [number, number])[];
  readonly head?: string;
  readonly tail?: string;
}

const LINE = 'data-line="';

/** The `data-line` of an item's first tag, as written, and where it stands; undefined without one. */
function lineOf(item: string): { at: number; end: number; line: string } | undefined {
  const at = item.indexOf(LINE);
  if (at < 0) return undefined;
  const end = item.indexOf('"', at + LINE.length);
  return end < 0 ? undefined : { at, end, line: item.slice(at + LINE.length, end) };
}

/** The new line of item `b` when it is item `a` moved to another line (else undefined; `a === b` is not a move). */
function moveOf(a: string, b: string): number | undefined {
  if (a.length === b.length && a === b) return undefined;
  const x = lineOf(a);
  const y = lineOf(b);
  if (!x || !y || x.at !== y.at || a.slice(0, x.at) !== b.slice(0, y.at) || a.slice(x.end) !== b.slice(y.end)) return undefined;
  const line = Number(y.line);
  return Number.isInteger(line) ? line : undefined;
}

/** Item `b` is item `a`, moved or not. */
function same(a: string | undefined, b: string | undefined, index: number, lines: [number, number][]): boolean {
  if (a === undefined || b === undefined) return false;
  if (a === b) return true;
  const line = moveOf(a, b);
  if (line === undefined) return false;
  lines.push([index, line]);
  return true;
}

/** The smallest single run of items to replace to turn `before` into `after` (common start and end kept, moved or not). */
export function previewPatch(before: PreviewParts, after: PreviewParts): PreviewPatch {
  const a = before.items;
  const b = after.items;
  const lines: [number, number][] = [];
  let start = 0;
  while (start < a.length && start < b.length && same(a[start], b[start], start, lines)) start++;
  let end = 0;
  while (end < a.length - start && end < b.length - start && same(a[a.length - 1 - end], b[b.length - 1 - end], b.length - 1 - end, lines)) end++;
  return {
    start,
    deleteCount: a.length - start - end,
    items: b.slice(start, b.length - end),
    lines,
    ...(before.head !== after.head ? { head: after.head } : {}),
    ...(before.tail !== after.tail ? { tail: after.tail } : {}),
  };
}

/** `parts` with `patch` applied (what the webview's page holds afterwards). */
export function applyPreviewPatch(parts: PreviewParts, patch: PreviewPatch): PreviewParts {
  const items = [...parts.items];
  items.splice(patch.start, patch.deleteCount, ...patch.items);
  for (const [index, line] of patch.lines) {
    const item = items[index];
    const at = item ? lineOf(item) : undefined;
    if (item && at) items[index] = `${item.slice(0, at.at)}${LINE}${line}${item.slice(at.end)}`;
  }
  return { head: patch.head ?? parts.head, items, tail: patch.tail ?? parts.tail };
}

/** How many characters a patch carries (to compare with sending the whole body). */
export function patchSize(patch: PreviewPatch): number {
  return patch.items.reduce((n, item) => n + item.length, (patch.head?.length ?? 0) + (patch.tail?.length ?? 0) + patch.lines.length * 12);
}
