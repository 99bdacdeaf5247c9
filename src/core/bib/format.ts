import type { CoursePaper } from '../courses/types';
import { familyOfDisplay, splitDisplayName } from './names';
import type { BibEntry } from './types';

/** What a reference is made of, from a .bib entry or a course paper. */
export interface ReferenceData {
  readonly key: string;
  readonly type?: string;
  readonly title?: string;
  readonly authors: readonly string[];
  readonly year?: number;
  readonly venue?: string;
  readonly volume?: string;
  readonly number?: string;
  readonly pages?: string;
  readonly publisher?: string;
  readonly doi?: string;
  readonly arxiv?: string;
  readonly url?: string;
}

/** A link shown beside a reference. */
export interface ReferenceLink {
  readonly label: string;
  readonly url: string;
}

const ARXIV_URL = /arxiv\.org\/(?:abs|pdf)\/([^\s?#]+?)(?:v\d+)?(?:\.pdf)?(?:[?#].*)?$/i;

/** The arXiv id of an entry: `eprint` with an arXiv prefix, an `arxiv` field or an arxiv.org URL. */
function arxivOf(fields: Readonly<Record<string, string>>): string | undefined {
  const prefix = (fields.archiveprefix ?? fields.eprinttype ?? '').toLowerCase();
  if (fields.eprint && (prefix === 'arxiv' || /^\d{4}\.\d{4,5}(v\d+)?$/.test(fields.eprint))) return fields.eprint;
  if (fields.arxiv) return fields.arxiv;
  const m = ARXIV_URL.exec(fields.url ?? '');
  if (m?.[1]) return m[1];
  const j = /arxiv(?: preprint)?:?\s*(?:arxiv:)?(\d{4}\.\d{4,5})/i.exec(fields.journal ?? '');
  return j?.[1];
}

/** Reference data of a .bib entry. */
export function referenceOfEntry(entry: BibEntry): ReferenceData {
  const f = entry.fields;
  const arxiv = arxivOf(f);
  return {
    key: entry.key,
    type: entry.type,
    ...(entry.title !== undefined ? { title: entry.title } : {}),
    authors: entry.authors,
    ...(entry.year !== undefined ? { year: entry.year } : {}),
    ...(entry.venue !== undefined ? { venue: entry.venue } : {}),
    ...(f.volume ? { volume: f.volume } : {}),
    ...(f.number ? { number: f.number } : {}),
    ...(f.pages ? { pages: f.pages } : {}),
    ...(f.publisher ? { publisher: f.publisher } : {}),
    ...(f.doi ? { doi: f.doi } : {}),
    ...(arxiv ? { arxiv } : {}),
    ...(f.url ? { url: f.url } : {}),
  };
}

/** Reference data of a course paper. */
export function referenceOfPaper(paper: CoursePaper): ReferenceData {
  const arxiv = paper.arxiv ?? ARXIV_URL.exec(paper.url ?? '')?.[1];
  return {
    key: paper.key,
    title: paper.title,
    authors: paper.authors,
    ...(paper.year !== undefined ? { year: paper.year } : {}),
    ...(paper.venue !== undefined ? { venue: paper.venue } : {}),
    ...(paper.type !== undefined ? { type: paper.type } : {}),
    ...(paper.volume !== undefined ? { volume: paper.volume } : {}),
    ...(paper.number !== undefined ? { number: paper.number } : {}),
    ...(paper.pages !== undefined ? { pages: paper.pages } : {}),
    ...(paper.publisher !== undefined ? { publisher: paper.publisher } : {}),
    ...(paper.doi !== undefined ? { doi: paper.doi } : {}),
    ...(arxiv !== undefined ? { arxiv } : {}),
    ...(paper.url !== undefined ? { url: paper.url } : {}),
  };
}

/** "Bartlett", "Bartlett & Foster" or "Bartlett et al." */
export function shortAuthors(authors: readonly string[]): string {
  const named = authors.filter((a) => a !== 'others');
  const first = named[0];
  if (first === undefined) return '';
  const family = familyOfDisplay(first);
  if (authors.length === 1) return family;
  const second = named[1];
  if (authors.length === 2 && second !== undefined) return `${family} & ${familyOfDisplay(second)}`;
  return `${family} et al.`;
}

/** "Bartlett et al., 2017": the detail line of a completion item. */
export function authorYear(data: { readonly authors: readonly string[]; readonly year?: number }): string {
  return [shortAuthors(data.authors), data.year !== undefined ? String(data.year) : 'n.d.'].filter(Boolean).join(', ');
}

/** "Bartlett, P. L." from "Peter L. Bartlett"; "van Laarhoven, T.", "Steele, G. L., Jr." with particles and suffixes. */
function apaName(display: string): string {
  const { given, family, suffix } = splitDisplayName(display);
  if (!given) return display;
  const initials = given
    .split(/\s+/)
    .map((w) =>
      w
        .split('-')
        .map((p) => (p[0] ? `${p[0].toUpperCase()}.` : ''))
        .join('-'),
    )
    .join(' ');
  return suffix ? `${family}, ${initials}, ${suffix}` : `${family}, ${initials}`;
}

/** The links worth showing: arXiv, DOI, URL (deduplicated). */
export function referenceLinks(data: ReferenceData): ReferenceLink[] {
  const links: ReferenceLink[] = [];
  if (data.arxiv) links.push({ label: `arXiv:${data.arxiv}`, url: `https://arxiv.org/abs/${data.arxiv}` });
  if (data.doi) links.push({ label: `doi:${data.doi}`, url: `https://doi.org/${data.doi.replace(/^https?:\/\/(dx\.)?doi\.org\//, '')}` });
  if (data.url && !links.some((l) => sameUrl(l.url, data.url ?? ''))) links.push({ label: data.url, url: data.url });
  return links.filter((l) => /^https?:\/\//i.test(l.url));
}

function sameUrl(a: string, b: string): boolean {
  const n = (u: string) => u.replace(/^https?:\/\/(www\.)?/, '').replace(/(v\d+)?(\.pdf)?\/?$/, '').replace('/pdf/', '/abs/');
  return n(a) === n(b);
}

/**
 * A plain-text reference in an APA-like style, e.g.
 * `Bartlett, P. L., Foster, D. J., & Telgarsky, M. (2017). Title. Venue, 30.`
 */
export function formatReference(data: ReferenceData): string {
  const named = data.authors.filter((a) => a !== 'others').map(apaName);
  const etAl = data.authors.includes('others');
  let authors = '';
  if (named.length === 1) authors = etAl ? `${named[0] ?? ''}, et al.` : (named[0] ?? '');
  else if (named.length > 1) authors = etAl ? `${named.join(', ')}, et al.` : `${named.slice(0, -1).join(', ')}, & ${named[named.length - 1] ?? ''}`;
  const parts: string[] = [];
  if (authors) parts.push(authors.endsWith('.') ? authors : `${authors}.`);
  parts.push(`(${data.year ?? 'n.d.'}).`);
  if (data.title) parts.push(/[.?!]$/.test(data.title) ? data.title : `${data.title}.`);
  let venue = data.venue ?? '';
  if (venue && data.volume) venue += `, ${data.volume}${data.number ? `(${data.number})` : ''}`;
  if (venue && data.pages) venue += `, ${data.pages.replace(/-+/g, '–')}`;
  if (venue) parts.push(`${venue}.`);
  if (data.doi) parts.push(`https://doi.org/${data.doi}`);
  else if (data.arxiv && !/arxiv/i.test(venue)) parts.push(`arXiv:${data.arxiv}`);
  return parts.join(' ');
}

/** CSL-JSON for citation-js. */
export function toCsl(data: ReferenceData): Record<string, unknown> {
  const type =
    data.type === 'article'
      ? 'article-journal'
      : data.type === 'inproceedings' || data.type === 'conference'
        ? 'paper-conference'
        : data.type === 'book'
          ? 'book'
          : data.type === 'incollection'
            ? 'chapter'
            : data.type === 'phdthesis' || data.type === 'mastersthesis'
              ? 'thesis'
              : data.type === 'techreport'
                ? 'report'
                : data.venue
                  ? 'paper-conference'
                  : 'article';
  // Only articles, papers and chapters sit in a container; a book's or a thesis's venue is its publisher or school.
  const contained = type === 'article-journal' || type === 'paper-conference' || type === 'chapter';
  const publisher = data.publisher ?? (contained ? undefined : data.venue);
  return {
    id: data.key,
    type,
    ...(data.title ? { title: data.title } : {}),
    author: data.authors
      .filter((a) => a !== 'others')
      .map((a) => {
        const words = a.split(/\s+/);
        return words.length > 1 ? { family: words[words.length - 1], given: words.slice(0, -1).join(' ') } : { literal: a };
      }),
    ...(data.year !== undefined ? { issued: { 'date-parts': [[data.year]] } } : {}),
    ...(contained && data.venue && data.venue !== data.publisher ? { 'container-title': data.venue } : {}),
    ...(data.volume ? { volume: data.volume } : {}),
    ...(data.number ? { issue: data.number } : {}),
    ...(data.pages ? { page: data.pages } : {}),
    ...(publisher ? { publisher } : {}),
    ...(data.doi ? { DOI: data.doi } : data.arxiv ? { URL: `https://arxiv.org/abs/${data.arxiv}` } : data.url ? { URL: data.url } : {}),
  };
}

type CiteConstructor = new (data: unknown) => { format(format: string, options: Record<string, unknown>): unknown };
let citeLoader: Promise<CiteConstructor> | undefined;

/** Where citation-js comes from: the bundle's own chunk (dist/cslEngine.js) unless a host says otherwise. */
let importEngine: () => Promise<{ readonly Cite: unknown }> = () => import('./cslEngine');

/**
 * Lets a host load citation-js its own way, e.g. the web extension host, where a chunk cannot be
 * `require`d and is read through the editor's file system instead. Takes effect on the next load.
 */
export function setCslEngineLoader(load: () => Promise<{ readonly Cite: unknown }>): void {
  importEngine = load;
  citeLoader = undefined;
}

/** Loads citation-js and its CSL plugin on first use (never at activation). */
function loadCite(): Promise<CiteConstructor> {
  citeLoader ??= (async () => {
    const engine = await importEngine();
    return engine.Cite as unknown as CiteConstructor;
  })();
  return citeLoader;
}

const cslCache = new Map<string, string>();

/** Formats with citation-js; throws when it fails. */
function cslText(Cite: CiteConstructor, data: ReferenceData): string {
  const out = new Cite([toCsl(data)]).format('bibliography', { format: 'text', template: 'apa', lang: 'en-US' });
  if (typeof out !== 'string' || !out.trim()) throw new Error('empty CSL output');
  return out.trim();
}

/**
 * The reference in APA style through citation-js (CSL), as plain text. Loads citation-js lazily;
 * falls back to {@link formatReference} when it fails. Never rejects.
 */
export async function formatReferenceCsl(data: ReferenceData): Promise<string> {
  const id = JSON.stringify(data);
  const hit = cslCache.get(id);
  if (hit !== undefined) return hit;
  let text: string;
  try {
    text = cslText(await loadCite(), data);
  } catch {
    text = formatReference(data);
  }
  if (cslCache.size > 500) cslCache.clear();
  cslCache.set(id, text);
  return text;
}
