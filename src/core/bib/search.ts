import fuzzysort from 'fuzzysort';
import type { CoursePack, CoursePaper } from '../courses/types';
import type { BibEntry, BibIndex } from './types';

/** Where a citation candidate comes from. */
export type CitationSource =
  | { readonly kind: 'bib'; readonly file: string }
  | {
      readonly kind: 'course';
      readonly courseId: string;
      /** Short course name for labels, e.g. `18.408`. */
      readonly courseName: string;
      readonly topic?: string;
    };

/** A course's listing of a paper. */
export interface CourseListing {
  readonly pack: CoursePack;
  readonly paper: CoursePaper;
}

/** One paper that can be cited: a .bib entry, or a course paper not in the .bib. */
export interface CitationCandidate {
  readonly key: string;
  readonly title?: string;
  readonly authors: readonly string[];
  readonly year?: number;
  readonly venue?: string;
  /** The .bib entry, for candidates from the bibliography. */
  readonly entry?: BibEntry;
  /** Every course listing of this paper (for a .bib entry: the courses that also list it). */
  readonly listings: readonly CourseListing[];
  /** Lower-case words of key, title, authors, year and venue, each after a space: ` bartlett 2017 spectrally ...`. */
  readonly words: string;
  /** Key, title, authors, year and course topics in one line, for the fuzzy matcher and editor filtering. */
  readonly searchText: string;
  /** `searchText` in lower case, for the substring pre-filter. */
  readonly lower: string;
  readonly prepared: Fuzzysort.Prepared;
}

/** A candidate as ranked for one query. */
export interface RankedCandidate {
  readonly candidate: CitationCandidate;
  /** Where it came from for this query (a course paper: the file's course when it lists it). */
  readonly source: CitationSource;
  readonly listing?: CourseListing;
  /** 0: the .bib or the file's course; 1: other courses. */
  readonly tier: number;
  /** Match quality; higher is better. */
  readonly score: number;
}

export interface SearchOptions {
  /** The writeup's course: its papers rank with the .bib entries, before other courses. */
  readonly courseId?: string;
  /** At most this many results. */
  readonly limit?: number;
}

/** Short label of a course, e.g. `18.408` for `mit-18.408`. */
export function courseName(pack: CoursePack): string {
  if (pack.shortName) return pack.shortName;
  const m = /\d+\.\d+/.exec(pack.id);
  return m ? m[0] : pack.id;
}

/** Title reduced to letters and digits, to see that two listings are the same paper. */
export function normalizeTitle(title: string | undefined): string {
  return (title ?? '').toLowerCase().normalize('NFD').replace(/[^a-z0-9]+/g, '');
}

/** Splits text into lower-case words; letters and digits are separate words (`bartlett2017` -> two). */
export function wordsOf(text: string): string[] {
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .split(/[^a-z0-9]+|(?<=[a-z])(?=[0-9])|(?<=[0-9])(?=[a-z])/)
    .filter((w) => w.length > 0);
}

function makeCandidate(
  key: string,
  data: { title?: string | undefined; authors: readonly string[]; year?: number | undefined; venue?: string | undefined },
  entry: BibEntry | undefined,
  listings: readonly CourseListing[],
): CitationCandidate {
  // Course topics too: typing `tangent` finds the papers listed under "Neural Tangent Kernels".
  const topics = [...new Set(listings.map((l) => l.paper.topic).filter((t): t is string => Boolean(t)))];
  const searchText = [key, data.title ?? '', data.authors.join(' '), data.year ?? '', ...topics].join(' ').replace(/\s+/g, ' ').trim();
  return {
    key,
    ...(data.title !== undefined ? { title: data.title } : {}),
    authors: data.authors,
    ...(data.year !== undefined ? { year: data.year } : {}),
    ...(data.venue !== undefined ? { venue: data.venue } : {}),
    ...(entry ? { entry } : {}),
    listings,
    words: ` ${wordsOf(`${searchText} ${data.venue ?? ''}`).join(' ')}`,
    searchText,
    lower: searchText.toLowerCase(),
    prepared: fuzzysort.prepare(searchText),
  };
}

/** Substring hits in the .bib from which the fuzzy matcher skips the other .bib entries (see `pool`). */
const POOL_MIN = 100;

const bibCache = new WeakMap<BibIndex, CitationCandidate[]>();
const courseCache = new WeakMap<readonly CoursePack[], { paper: CourseListing[]; byKey: Map<string, CourseListing[]>; byTitle: Map<string, CourseListing[]> }>();

function courseListings(packs: readonly CoursePack[]) {
  const hit = courseCache.get(packs);
  if (hit) return hit;
  const paper: CourseListing[] = [];
  const byKey = new Map<string, CourseListing[]>();
  const byTitle = new Map<string, CourseListing[]>();
  for (const pack of packs) {
    for (const p of pack.papers) {
      const listing = { pack, paper: p };
      paper.push(listing);
      byKey.set(p.key, [...(byKey.get(p.key) ?? []), listing]);
      const t = normalizeTitle(p.title);
      if (t) byTitle.set(t, [...(byTitle.get(t) ?? []), listing]);
    }
  }
  const value = { paper, byKey, byTitle };
  courseCache.set(packs, value);
  return value;
}

/**
 * Every paper that can be cited from a writeup: the .bib entries first, then the course papers
 * not in the .bib (one candidate per paper, however many courses list it). Cached per index.
 */
export class CitationCatalog {
  readonly candidates: readonly CitationCandidate[];
  private readonly bibCount: number;
  private readonly order = new Map<CitationCandidate, number>();
  private readonly byKey = new Map<string, CitationCandidate>();

  constructor(
    readonly bib: BibIndex,
    readonly packs: readonly CoursePack[],
  ) {
    const courses = courseListings(packs);
    let fromBib = bibCache.get(bib);
    if (!fromBib) {
      fromBib = [];
      for (const entry of bib.entries()) {
        const same = [...(courses.byKey.get(entry.key) ?? []), ...(courses.byTitle.get(normalizeTitle(entry.title)) ?? [])];
        fromBib.push(makeCandidate(entry.key, entry, entry, [...new Set(same)]));
      }
      bibCache.set(bib, fromBib);
    }
    const bibTitles = new Set<string>();
    for (const c of fromBib) if (c.title) bibTitles.add(normalizeTitle(c.title));
    const all: CitationCandidate[] = [...fromBib];
    const done = new Set<CourseListing>();
    for (const listing of courses.paper) {
      if (done.has(listing)) continue;
      const p = listing.paper;
      const t = normalizeTitle(p.title);
      if (bib.has(p.key) || (t && bibTitles.has(t))) continue;
      const same = [...new Set([...(courses.byKey.get(p.key) ?? []), ...(t ? (courses.byTitle.get(t) ?? []) : [])])];
      for (const s of same) done.add(s);
      all.push(makeCandidate(p.key, p, undefined, same));
    }
    this.candidates = all;
    this.bibCount = fromBib.length;
    all.forEach((c, i) => {
      this.order.set(c, i);
      if (!this.byKey.has(c.key)) this.byKey.set(c.key, c);
    });
  }

  /** Candidates from the .bib. */
  get bibCandidates(): readonly CitationCandidate[] {
    return this.candidates.slice(0, this.bibCount);
  }

  /** A candidate with its source for a writeup of course `courseId`, scored `score`. */
  place(candidate: CitationCandidate, score = 0, courseId?: string): RankedCandidate {
    if (candidate.entry) return { candidate, source: { kind: 'bib', file: candidate.entry.file }, tier: 0, score };
    const listing = candidate.listings.find((l) => l.pack.id === courseId) ?? candidate.listings[0];
    const own = listing !== undefined && listing.pack.id === courseId;
    const source: CitationSource = listing
      ? {
          kind: 'course',
          courseId: listing.pack.id,
          courseName: courseName(listing.pack),
          ...(listing.paper.topic !== undefined ? { topic: listing.paper.topic } : {}),
        }
      : { kind: 'course', courseId: '', courseName: '' };
    return { candidate, source, ...(listing ? { listing } : {}), tier: own ? 0 : 1, score };
  }

  /**
   * What the fuzzy matcher looks at. With a limit and at least {@link POOL_MIN} .bib entries holding the
   * query as a substring, only those and the course papers (a few hundred) are matched: scattered
   * matches rank below substring ones anyway, and a big .bib then costs a fraction of the time.
   */
  private pool(qLower: string, limit: number | undefined): readonly CitationCandidate[] {
    if (limit === undefined || this.bibCount < POOL_MIN || qLower.length < 2) return this.candidates;
    const hits: CitationCandidate[] = [];
    for (let i = 0; i < this.bibCount; i++) {
      const c = this.candidates[i];
      if (c && c.lower.includes(qLower)) hits.push(c);
    }
    if (hits.length < POOL_MIN) return this.candidates;
    for (let i = this.bibCount; i < this.candidates.length; i++) {
      const c = this.candidates[i];
      if (c) hits.push(c);
    }
    return hits;
  }

  /** The candidate with this key, if any. */
  find(key: string): CitationCandidate | undefined {
    return this.byKey.get(key);
  }

  /**
   * Ranks candidates for `query` (words of a key, title, author or year; empty: everything).
   * Order: the .bib and the file's course first, then other courses; within each, match quality;
   * on a tie, .bib entries before course papers, then the order of the files and packs.
   */
  search(query: string, options: SearchOptions = {}): RankedCandidate[] {
    const q = query.trim();
    const courseId = options.courseId;
    // Rank light records first; build the full results only for what is returned.
    const scored: { c: CitationCandidate; score: number; tier: number; order: number }[] = [];
    const tierOf = (c: CitationCandidate): number => (c.entry || c.listings.some((l) => l.pack.id === courseId) ? 0 : 1);
    if (q.length === 0) {
      for (const c of this.candidates) scored.push({ c, score: 0, tier: tierOf(c), order: this.order.get(c) ?? 0 });
    } else {
      const qWords = wordsOf(q).map((w) => ` ${w}`);
      const qLower = q.toLowerCase();
      const results = fuzzysort.go(q, this.pool(qLower, options.limit), { key: 'prepared', threshold: 0.35 });
      for (const r of results) {
        const c = r.obj;
        let score = r.score;
        // Every typed word starting a word of the paper is what people mean when they type a title word.
        if (qWords.length > 0 && qWords.every((w) => c.words.includes(w))) score += 0.3;
        // searchText starts with the key: a typed key prefix.
        if (c.lower.startsWith(qLower)) score += 0.3;
        scored.push({ c, score, tier: tierOf(c), order: this.order.get(c) ?? 0 });
      }
    }
    scored.sort(
      (a, b) => a.tier - b.tier || b.score - a.score || Number(Boolean(b.c.entry)) - Number(Boolean(a.c.entry)) || a.order - b.order,
    );
    const top = options.limit !== undefined ? scored.slice(0, options.limit) : scored;
    return top.map((x) => this.place(x.c, x.score, courseId));
  }

}

const catalogs = new WeakMap<BibIndex, WeakMap<readonly CoursePack[], CitationCatalog>>();

/** The catalog for this index and these packs, built once and reused while both are unchanged. */
export function citationCatalog(bib: BibIndex, packs: readonly CoursePack[]): CitationCatalog {
  let byPacks = catalogs.get(bib);
  if (!byPacks) {
    byPacks = new WeakMap();
    catalogs.set(bib, byPacks);
  }
  let catalog = byPacks.get(packs);
  if (!catalog) {
    catalog = new CitationCatalog(bib, packs);
    byPacks.set(packs, catalog);
  }
  return catalog;
}

/** The shape `writeup cite --json` prints for one result. */
export interface CiteResult {
  readonly key: string;
  readonly title: string | null;
  readonly authors: readonly string[];
  readonly year: number | null;
  readonly venue: string | null;
  /** `course:<id>` or `bib:<file>`. */
  readonly source: string;
}

/** A ranked candidate in the CLI's JSON shape. */
export function toCiteResult(r: RankedCandidate): CiteResult {
  const c = r.candidate;
  return {
    key: c.key,
    title: c.title ?? null,
    authors: [...c.authors],
    year: c.year ?? null,
    venue: c.venue ?? null,
    source: r.source.kind === 'bib' ? `bib:${r.source.file}` : `course:${r.source.courseId}`,
  };
}
