import { containsPosition, type Position, type Range } from '../model/range';
import type { Writeup } from '../model/writeup';
import type { BibFile, BibIndex } from '../bib/types';
import { citationAt } from './citationShared';

/** One place a key is cited or defined. */
export interface KeyLocation {
  readonly file: string;
  readonly range: Range;
}

/** Find all references: every citation of a key across writeups (and its .bib entry, if asked). */
export class CitationReferencesProvider {
  /** The key under `position`: a citation in a writeup. */
  keyInWriteup(writeup: Pick<Writeup, 'citations'>, position: Position): string | undefined {
    return citationAt(writeup, position)?.key;
  }

  /** The key of the .bib entry under `position` (anywhere in the entry). */
  keyInBib(bib: BibFile, position: Position): string | undefined {
    return bib.entries.find((e) => containsPosition(e.range, position))?.key;
  }

  /** Every citation of `key` in `writeups`, in order; with `bib`, its definition first. */
  provide(key: string, writeups: Iterable<Pick<Writeup, 'file' | 'citations' | 'bibItems'>>, options: { readonly bib?: BibIndex } = {}): KeyLocation[] {
    const out: KeyLocation[] = [];
    const entry = options.bib?.get(key);
    if (entry) out.push({ file: entry.file, range: entry.keyRange });
    const list = [...writeups];
    // A `\bibitem` defining the key counts as its definition too.
    if (options.bib) for (const w of list) for (const b of w.bibItems ?? []) if (b.key === key) out.push(b.origin ?? { file: w.file, range: b.range });
    for (const w of list) for (const c of w.citations) if (c.key === key) out.push({ file: w.file, range: c.range });
    return out;
  }
}
