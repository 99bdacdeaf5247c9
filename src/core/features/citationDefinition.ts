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

/** Go to definition: from a citation to its entry in the .bib, or to its `\bibitem` in the document. */
export class CitationDefinitionProvider {
  provide(writeup: Pick<Writeup, 'citations' | 'file' | 'bibItems'>, position: Position, bib: BibIndex): CitationLocation | undefined {
    const citation = citationAt(writeup, position);
    if (!citation) return undefined;
    const entry = bib.get(citation.key);
    if (entry) return { file: entry.file, range: entry.keyRange, entryRange: entry.range, originRange: citation.range };
    const item = writeup.bibItems?.find((b) => b.key === citation.key);
    if (!item) return undefined;
    const at = item.origin ?? { file: writeup.file, range: item.range };
    return { file: at.file, range: at.range, entryRange: at.range, originRange: citation.range };
  }
}
