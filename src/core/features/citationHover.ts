import { citationCatalog } from '../bib/search';
import type { Position, Range } from '../model/range';
import type { Writeup } from '../model/writeup';
import { citationAt, citationInfo, type CitationInfo, type CitationSources } from './citationShared';

/** What hovering a citation shows. */
export interface CitationHover {
  readonly key: string;
  /** The key's range in the writeup. */
  readonly range: Range;
  /** True when the key is in the writeup's .bib (or a `\bibitem` of the document). */
  readonly defined: boolean;
  /** The reference, source and links; absent for a key found nowhere. */
  readonly info?: CitationInfo;
}

/** Hover on a citation key: the formatted reference, where it comes from, its links. */
export class CitationHoverProvider {
  provide(writeup: Pick<Writeup, 'citations' | 'bibItems'>, position: Position, sources: CitationSources): CitationHover | undefined {
    const citation = citationAt(writeup, position);
    if (!citation) return undefined;
    const catalog = citationCatalog(sources.bib, sources.packs);
    const item = sources.bib.has(citation.key) ? undefined : writeup.bibItems?.find((b) => b.key === citation.key);
    if (item) {
      // Defined by the document's own `\bibitem`: its text is the reference.
      const info: CitationInfo = { key: item.key, reference: item.text || item.key, source: 'thebibliography of this document', links: [], data: { key: item.key, authors: [] } };
      return { key: citation.key, range: citation.range, defined: true, info };
    }
    const candidate = catalog.find(citation.key);
    const defined = sources.bib.has(citation.key);
    if (!candidate) return { key: citation.key, range: citation.range, defined };
    const { source } = catalog.place(candidate, 0, sources.courseId);
    return { key: citation.key, range: citation.range, defined, info: citationInfo(candidate, source, sources.courseId) };
  }
}
