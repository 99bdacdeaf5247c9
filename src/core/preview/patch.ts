/**
 * What the preview panel sends its webview after an edit: the one run of body items that changed
 * (and the title block or the tail, only if they changed) instead of the whole page.
 * media/preview.js applies it as `applyPreviewPatch` does.
 */
import type { PreviewParts } from './context';

/** Replace `deleteCount` items from `start` with `items`; a new head or tail where given. */
export interface PreviewPatch {
  readonly start: number;
  readonly deleteCount: number;
  readonly items: readonly string[];
  readonly head?: string;
  readonly tail?: string;
}

/** The smallest single run of items to replace to turn `before` into `after` (common start and end kept). */
export function previewPatch(before: PreviewParts, after: PreviewParts): PreviewPatch {
  const a = before.items;
  const b = after.items;
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let end = 0;
  while (end < a.length - start && end < b.length - start && a[a.length - 1 - end] === b[b.length - 1 - end]) end++;
  return {
    start,
    deleteCount: a.length - start - end,
    items: b.slice(start, b.length - end),
    ...(before.head !== after.head ? { head: after.head } : {}),
    ...(before.tail !== after.tail ? { tail: after.tail } : {}),
  };
}

/** `parts` with `patch` applied (what the webview's page holds afterwards). */
export function applyPreviewPatch(parts: PreviewParts, patch: PreviewPatch): PreviewParts {
  const items = [...parts.items];
  items.splice(patch.start, patch.deleteCount, ...patch.items);
  return { head: patch.head ?? parts.head, items, tail: patch.tail ?? parts.tail };
}

/** How many characters a patch carries (to compare with sending the whole body). */
export function patchSize(patch: PreviewPatch): number {
  return patch.items.reduce((n, item) => n + item.length, (patch.head?.length ?? 0) + (patch.tail?.length ?? 0));
}
