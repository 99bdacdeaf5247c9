import type { CoursePack, CoursePaper } from '../courses/types';
import { editDistance } from '../text/distance';
import { familyOfDisplay } from './names';

/*
 * The one home of citation keys: the scheme of new keys (`novak2018sensitivity`), making them
 * unique within a .bib, and finding the course paper a key (or a typo of it) names.
 */

const STOP_WORDS = new Set(
  'a an the on of in for and or to with without is are be as at by from via what how why when where which do does can its into towards toward beyond under over through about we our'.split(
    ' ',
  ),
);

/** Lower-case ASCII letters of a word (accents dropped): `Müller` -> `muller`. */
function ascii(word: string): string {
  return word
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ß/g, 'ss')
    .replace(/ø/gi, 'o')
    .replace(/ł/gi, 'l')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

/** Title reduced to letters and digits, to see that two listings are the same paper. */
export function normalizeTitle(title: string | undefined): string {
  return (title ?? '').toLowerCase().normalize('NFD').replace(/[^a-z0-9]+/g, '');
}

/** True when `key` can be written as a BibTeX key as it is. */
export function isValidBibKey(key: string): boolean {
  return /^[A-Za-z][\w:.+/-]*$/.test(key);
}

/**
 * A readable key: first author's family name, year, first significant title word, e.g.
 * `bartlett2017spectrally`. A course paper's own key is used when it is a valid BibTeX key.
 */
export function bibKeyFor(paper: Pick<CoursePaper, 'key' | 'title' | 'authors' | 'year'>): string {
  if (isValidBibKey(paper.key)) return paper.key;
  const first = paper.authors[0];
  const family = first ? ascii(familyOfDisplay(first)) : 'anon';
  const word = paper.title.split(/[\s-]+/).map(ascii).find((w) => w.length > 0 && !STOP_WORDS.has(w)) ?? '';
  return `${family || 'anon'}${paper.year ?? ''}${word}`;
}

/** `base`, or `base` with the first free suffix a, b, ..., z, aa, ab... among `taken`. */
export function uniqueKey(base: string, taken: ReadonlySet<string> | ((key: string) => boolean)): string {
  const has = typeof taken === 'function' ? taken : (k: string) => taken.has(k);
  if (!has(base)) return base;
  for (let n = 0; ; n++) {
    let suffix = '';
    let i = n;
    do {
      suffix = String.fromCharCode(97 + (i % 26)) + suffix;
      i = Math.floor(i / 26) - 1;
    } while (i >= 0);
    if (!has(base + suffix)) return base + suffix;
  }
}

/** The keys of the entries written in a .bib text (also of entries too broken to parse). */
export function keysInBibText(text: string | undefined): Set<string> {
  const keys = new Set<string>();
  if (text) for (const m of text.matchAll(/@\s*[A-Za-z]+\s*[{(]\s*([^,\s{}()]+)/g)) if (m[1]) keys.add(m[1]);
  return keys;
}

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

/** A course paper that `key` names: the same key, one of its former keys, a close one, or a key that starts with it (`bartlett2017`). */
export function coursePaperForKey(
  key: string,
  packs: readonly CoursePack[],
): { readonly paper: CoursePaper; readonly pack: CoursePack; readonly exact: boolean } | undefined {
  for (const pack of packs) for (const paper of pack.papers) if (paper.key === key) return { paper, pack, exact: true };
  for (const pack of packs) for (const paper of pack.papers) if (paper.formerKeys?.includes(key)) return { paper, pack, exact: true };
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
