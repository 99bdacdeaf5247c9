import { parseBib } from './parse';
import type { BibEntry, BibFile, BibIndex } from './types';

export { parseBib } from './parse';
export type { BibEntry, BibFile, BibIndex } from './types';

/**
 * Builds a lookup over the entries of `files`. When a key appears twice, the first file's
 * (and, within a file, the first) entry wins, as BibTeX and pandoc do.
 */
export function createBibIndex(files: readonly BibFile[]): BibIndex {
  const byKey = new Map<string, BibEntry>();
  for (const file of files) {
    for (const entry of file.entries) if (!byKey.has(entry.key)) byKey.set(entry.key, entry);
  }
  return {
    files,
    get: (key) => byKey.get(key),
    has: (key) => byKey.has(key),
    get size() {
      return byKey.size;
    },
    entries: () => byKey.values(),
  };
}

/** An index with no entries (no bibliography found). */
export const emptyBibIndex: BibIndex = createBibIndex([]);

/**
 * Keeps parsed .bib files by path and re-parses only the file whose text changed, so one
 * edit to one file costs one file's parse. Indexes over any subset of files are cached.
 */
export class BibStore {
  private readonly parsed = new Map<string, { text: string; bib: BibFile }>();
  private readonly indexes = new Map<string, BibIndex>();

  /** The parse of `file` at `text`, re-parsed only when the text differs from last time. */
  update(file: string, text: string): BibFile {
    const hit = this.parsed.get(file);
    if (hit && hit.text === text) return hit.bib;
    const bib = parseBib(text, file);
    this.parsed.set(file, { text, bib });
    this.dropIndexesWith(file);
    return bib;
  }

  /** Forgets a file (deleted, or closed and gone from disk). */
  remove(file: string): void {
    if (this.parsed.delete(file)) this.dropIndexesWith(file);
  }

  /** The last parse of `file`, if any. */
  get(file: string): BibFile | undefined {
    return this.parsed.get(file)?.bib;
  }

  /** Every file parsed so far. */
  files(): BibFile[] {
    return [...this.parsed.values()].map((p) => p.bib);
  }

  /** An index over `files` (in that order) from their last parses; missing files are skipped. */
  index(files: readonly string[]): BibIndex {
    const id = files.join('\n');
    const hit = this.indexes.get(id);
    if (hit) return hit;
    const index = createBibIndex(files.map((f) => this.parsed.get(f)?.bib).filter((b): b is BibFile => b !== undefined));
    this.indexes.set(id, index);
    return index;
  }

  private dropIndexesWith(file: string): void {
    for (const id of [...this.indexes.keys()]) if (id.split('\n').includes(file)) this.indexes.delete(id);
  }
}
