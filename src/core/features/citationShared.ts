import type { BibIndex } from '../bib/types';
import { formatReference, referenceLinks, referenceOfEntry, referenceOfPaper, type ReferenceData, type ReferenceLink } from '../bib/format';
import type { CitationCandidate, CitationSource, CourseListing } from '../bib/search';
import { basenameOf } from '../text/paths';
import type { CoursePack } from '../courses/types';
import { comparePositions, type Position } from '../model/range';
import type { Citation, Writeup } from '../model/writeup';

/** What the citation features look things up in. */
export interface CitationSources {
  /** The writeup's bibliography. */
  readonly bib: BibIndex;
  /** Every course pack (bundled and the user's). */
  readonly packs: readonly CoursePack[];
  /** The writeup's course id, when known. */
  readonly courseId?: string;
}

/** What a reader is shown about a paper: the reference, where it comes from, its links. */
export interface CitationInfo {
  readonly key: string;
  readonly title?: string;
  /** The full reference as plain text. */
  readonly reference: string;
  /** `your .bib (references.bib)` or `18.408 - Generalization Bounds I`, joined with `; `. */
  readonly source: string;
  readonly links: readonly ReferenceLink[];
  /** The data the reference was made from (to format it again, e.g. with CSL). */
  readonly data: ReferenceData;
  /** For a course paper not in the .bib: facts its pack could not confirm (`title`, `year`...). */
  readonly unconfirmed?: readonly string[];
}

/** "18.408 - Generalization Bounds I" */
export function listingLabel(listing: CourseListing): string {
  const name = listing.pack.shortName ?? listing.pack.id;
  return listing.paper.topic ? `${name} - ${listing.paper.topic}` : name;
}

/** The source line for a candidate: the .bib and/or the courses that list it (the file's course first). */
export function sourceLabel(candidate: CitationCandidate, source: CitationSource, courseId?: string): string {
  const parts: string[] = [];
  if (source.kind === 'bib') parts.push(`your .bib (${basenameOf(source.file)})`);
  const listings = [...candidate.listings].sort((a, b) => Number(b.pack.id === courseId) - Number(a.pack.id === courseId));
  const seen = new Set<string>();
  for (const l of listings) {
    const label = listingLabel(l);
    if (!seen.has(label)) parts.push(label);
    seen.add(label);
  }
  return parts.join('; ');
}

/** Reference, source and links of a candidate. */
export function citationInfo(candidate: CitationCandidate, source: CitationSource, courseId?: string): CitationInfo {
  const listing = candidate.listings.find((l) => l.pack.id === courseId) ?? candidate.listings[0];
  const data = candidate.entry ? referenceOfEntry(candidate.entry) : listing ? referenceOfPaper(listing.paper) : { key: candidate.key, authors: [] };
  const links = referenceLinks(data);
  // A course listing may know a link the .bib entry lacks.
  if (listing) for (const l of referenceLinks(referenceOfPaper(listing.paper))) if (!links.some((x) => x.url === l.url)) links.push(l);
  const paper = candidate.entry ? undefined : listing?.paper;
  const unconfirmed = paper ? [...new Set([...(paper.titleUnverified ? ['title'] : []), ...(paper.unverified ?? [])])] : [];
  return {
    key: candidate.key,
    ...(candidate.title !== undefined ? { title: candidate.title } : {}),
    ...(unconfirmed.length > 0 ? { unconfirmed } : {}),
    reference: formatReference(data),
    source: sourceLabel(candidate, source, courseId),
    links,
    data,
  };
}

/** The citation whose key (or its `@`) is under `position`. */
export function citationAt(writeup: Pick<Writeup, 'citations'>, position: Position): Citation | undefined {
  return writeup.citations.find((c) => {
    const start = { line: c.range.start.line, character: Math.max(0, c.range.start.character - 1) };
    return comparePositions(start, position) <= 0 && comparePositions(position, c.range.end) <= 0;
  });
}

/** Escapes text for a Markdown string so that nothing in it becomes markup (HTML included). */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>~&$]/g, (c) => `\\${c}`).replace(/\r?\n/g, ' ');
}

/** A Markdown link to an http(s) URL, with its text escaped and the URL encoded. */
function markdownLink(label: string, url: string): string {
  if (!/^https?:\/\//i.test(url)) return escapeMarkdown(label);
  const safe = encodeURI(decodeURISafe(url)).replace(/[()]/g, (c) => (c === '(' ? '%28' : '%29'));
  return `[${escapeMarkdown(label)}](${safe})`;
}

function decodeURISafe(url: string): string {
  try {
    return decodeURI(url);
  } catch {
    return url;
  }
}

/**
 * The Markdown shown in a hover or a completion item's documentation: the reference, its source
 * and its links. Every value from a .bib or a course pack is escaped: none of it renders as markup.
 */
export function citationMarkdown(info: Pick<CitationInfo, 'reference' | 'source' | 'links' | 'unconfirmed'>, reference = info.reference): string {
  const lines = [escapeMarkdown(reference), '', `*Source:* ${escapeMarkdown(info.source)}`];
  if (info.unconfirmed?.length) lines.push('', `*To check:* ${escapeMarkdown(info.unconfirmed.join(', '))} not confirmed in a public source`);
  if (info.links.length > 0) lines.push('', info.links.map((l) => markdownLink(l.label, l.url)).join(' · '));
  return lines.join('\n');
}
