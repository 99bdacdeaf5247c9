import type { CoursePack, CoursePaper } from '../courses/types';
import { editDistance } from '../text/distance';

export { editDistance } from '../text/distance';

/** How far a key may be from another to count as a typo of it. */
export function typoDistance(key: string): number {
  return Math.max(1, Math.min(3, Math.floor(key.length / 5)));
}

/** Keys of `keys` close to `key` (a likely typo), closest first, at most `limit`. */
export function closeKeys(key: string, keys: Iterable<string>, limit = 3): string[] {
  const max = typoDistance(key);
  const lower = key.toLowerCase();
  const found: { key: string; d: number }[] = [];
  for (const k of keys) {
    if (k === key) continue;
    const d = k.toLowerCase() === lower ? 0 : editDistance(lower, k.toLowerCase(), max);
    if (d <= max) found.push({ key: k, d });
  }
  return found
    .sort((a, b) => a.d - b.d || a.key.localeCompare(b.key))
    .slice(0, limit)
    .map((f) => f.key);
}

/** A course paper that `key` names: the same key, a close one, or a key that starts with it (`bartlett2017`). */
export function coursePaperForKey(
  key: string,
  packs: readonly CoursePack[],
): { readonly paper: CoursePaper; readonly pack: CoursePack; readonly exact: boolean } | undefined {
  for (const pack of packs) for (const paper of pack.papers) if (paper.key === key) return { paper, pack, exact: true };
  const lower = key.toLowerCase();
  const max = typoDistance(key);
  let best: { paper: CoursePaper; pack: CoursePack; exact: boolean; d: number } | undefined;
  for (const pack of packs) {
    for (const paper of pack.papers) {
      const k = paper.key.toLowerCase();
      const d = k === lower ? 0 : lower.length >= 6 && /\d{4}$/.test(lower) && k.startsWith(lower) ? 1 : editDistance(lower, k, max);
      if (d <= max && (!best || d < best.d)) best = { paper, pack, exact: false, d };
    }
  }
  return best && { paper: best.paper, pack: best.pack, exact: false };
}
