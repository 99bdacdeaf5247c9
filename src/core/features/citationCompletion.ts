import { authorYear } from '../bib/format';
import { citationCatalog, type CitationSource } from '../bib/search';
import type { CoursePack, CoursePaper } from '../courses/types';
import type { Position, Range } from '../model/range';
import { citationContextAt, type CitationContext } from '../readers/citationContext';
import type { BibItem, WriteupFormat } from '../model/writeup';
import { citationInfo, type CitationInfo, type CitationSources } from './citationShared';

export { citationContextAt, type CitationContext };


/** A completion item as plain data; the editor adapter converts it. */
export interface CitationCompletionItem {
  readonly key: string;
  /** The key, as shown in the list. */
  readonly label: string;
  /** "Bartlett et al., 2017 · Spectrally-normalized margin bounds..." */
  readonly detail: string;
  readonly documentation: CitationInfo;
  /** The typed prefix, then key, title, authors and year: typing any of them finds the paper. */
  readonly filterText: string;
  /** Zero-padded rank: the .bib and the file's course first, then by match quality. */
  readonly sortText: string;
  readonly range: Range;
  readonly insertText: string;
  readonly source: CitationSource;
  /** For a course paper not in the .bib: what to add to the bibliography when it is chosen. */
  readonly addToBib?: { readonly paper: CoursePaper; readonly pack: CoursePack };
}

export interface CitationCompletionList {
  readonly context: CitationContext;
  readonly items: readonly CitationCompletionItem[];
  /**
   * Always true: the ranking is ours (filterText starts with the typed prefix so the editor keeps
   * our order), so the editor must ask again on every keystroke instead of re-filtering.
   */
  readonly isIncomplete: boolean;
}


/**
 * Completion of citation keys from the writeup's .bib and the course packs.
 * Items are ranked by the shared ranking (src/core/bib/search.ts), the same as `writeup cite`.
 */
export class CitationCompletionProvider {
  constructor(private readonly options: { readonly limit?: number } = {}) {}

  /** Items for `position` in `document`, or undefined when the cursor is not in a citation. */
  provide(
    document: { readonly text: string; readonly format: WriteupFormat; readonly file?: string; readonly bibItems?: readonly BibItem[] },
    position: Position,
    sources: CitationSources,
  ): CitationCompletionList | undefined {
    const context = citationContextAt(document.text, document.format, position);
    if (!context) return undefined;
    const limit = this.options.limit ?? 100;
    const catalog = citationCatalog(sources.bib, sources.packs);
    const ranked = catalog.search(context.prefix, { limit, ...(sources.courseId !== undefined ? { courseId: sources.courseId } : {}) });
    const items: CitationCompletionItem[] = [];
    // Keys the document defines itself (`\bibitem`) come first when the typed text is in them.
    const typed = context.prefix.toLowerCase();
    for (const b of document.bibItems ?? []) {
      if (sources.bib.has(b.key) || !(b.key.toLowerCase().includes(typed) || b.text.toLowerCase().includes(typed))) continue;
      const reference = b.text || b.key;
      items.push({
        key: b.key,
        label: b.key,
        detail: `${b.label ? `${b.label} · ` : ''}${reference}`,
        documentation: { key: b.key, reference, source: 'thebibliography of this document', links: [], data: { key: b.key, authors: [] } },
        filterText: `${context.prefix} ${b.key} ${reference}`,
        sortText: String(items.length).padStart(5, '0'),
        range: context.range,
        insertText: b.key,
        source: { kind: 'bib', file: b.origin?.file ?? document.file ?? '' },
      });
    }
    for (const r of ranked.slice(0, limit)) {
      const c = r.candidate;
      const info = citationInfo(c, r.source, sources.courseId);
      const title = c.title ?? '';
      const listing = r.listing;
      items.push({
        key: c.key,
        label: c.key,
        detail: title ? `${authorYear(c)} · ${title}` : authorYear(c),
        documentation: info,
        filterText: `${context.prefix} ${c.searchText}`,
        sortText: String(items.length).padStart(5, '0'),
        range: context.range,
        insertText: c.key,
        source: r.source,
        ...(c.entry === undefined && listing ? { addToBib: { paper: listing.paper, pack: listing.pack } } : {}),
      });
    }
    return { context, items, isIncomplete: true };
  }
}
