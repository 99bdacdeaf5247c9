import type { Position, Range } from '../model/range';
import type { Writeup } from '../model/writeup';
import type { BibIndex } from '../bib/types';
import { citationAt } from './citationShared';

/** Where a cited key is defined. */
export interface CitationLocation {
  /** The .bib file. */
  readonly file: string;
  /** The key in the entry's first line. */
  readonly range: Range;
  /** The whole entry. */
  readonly entryRange: Range;
  /** The citation's key range in the writeup (the origin of the jump). */
  readonly originRange: Range;
}

/** Go to definition: from a citation to its entry in the .bib. */
export class CitationDefinitionProvider {
  provide(writeup: Pick<Writeup, 'citations'>, position: Position, bib: BibIndex): CitationLocation | undefined {
    const citation = citationAt(writeup, position);
    if (!citation) return undefined;
    const entry = bib.get(citation.key);
    if (!entry) return undefined;
    return { file: entry.file, range: entry.keyRange, entryRange: entry.range, originRange: citation.range };
  }
}
