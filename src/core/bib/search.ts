import { lazyFuzzysort } from '../lazy/index';
import type { CoursePack, CoursePaper } from '../courses/types';
import { arxivOf, paperType } from './bibtex';
import { normalizeTitle } from './keys';
import { arxivOfEntry } from './published';
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

export { normalizeTitle } from './keys';

/** Splits text into lower-case words; letters and digits are separate words (`bartlett2017` -> two). */
export function wordsOf(text: string): string[] {
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .split(/[^a-z0-9]+|(?<=[a-z])(?=[0-9])|(?<=[0-9])(?=[a-z])/)
    .filter((w) => w.length > 0);
}

/**
 * A word in one spelling: British endings become American (`generalisation` -> `generalization`,
 * `analyse` -> `analyze`, `behaviour` -> `behavior`), so either spelling finds the other.
 */
export function spellingForm(word: string): string {
  if (word.length < 5) return word;
  return word
    .replace(/isation(s?)$/, 'ization$1')
    .replace(/is(e|ed|es|ing|er|ers)$/, 'iz$1')
    .replace(/ys(e|ed|es|ing)$/, 'yz$1')
    .replace(/([a-z]{3})our(s|ed|ing|hood|hoods|able)?$/, '$1or$2');
}

/** Words a candidate is also found by, beyond key, title, authors, year and venue. */
interface ExtraWords {
  /** Course topics, labels and aliases: the wordings of the course pages. */
  readonly phrases: readonly string[];
  /** The arXiv id, when known. */
  readonly arxiv?: string | undefined;
}

function makeCandidate(
  key: string,
  data: { title?: string | undefined; authors: readonly string[]; year?: number | undefined; venue?: string | undefined },
  entry: BibEntry | undefined,
  listings: readonly CourseListing[],
  extra: ExtraWords,
): CitationCandidate {
  const searchText = [key, data.title ?? '', data.authors.join(' '), data.year ?? '', ...extra.phrases].join(' ').replace(/\s+/g, ' ').trim();
  const arxiv = extra.arxiv ? ` ${extra.arxiv}` : '';
  return {
    key,
    ...(data.title !== undefined ? { title: data.title } : {}),
    authors: data.authors,
    ...(data.year !== undefined ? { year: data.year } : {}),
    ...(data.venue !== undefined ? { venue: data.venue } : {}),
    ...(entry ? { entry } : {}),
    listings,
    words: ` ${wordsOf(`${searchText} ${data.venue ?? ''}${arxiv}`).join(' ')}`,
    searchText,
    lower: searchText.toLowerCase(),
    prepared: lazyFuzzysort().prepare(searchText),
  };
}

/** Topics, labels and aliases of a paper's course listings (typing `tangent` or `kingma 15` finds it), and its arXiv id. */
function extraWords(listings: readonly CourseListing[], arxiv: string | undefined): ExtraWords {
  const phrases = new Set<string>();
  for (const { paper } of listings) {
    if (paper.topic) phrases.add(paper.topic);
    if (paper.label && paper.label !== paper.title) phrases.add(paper.label);
    for (const a of paper.aliases ?? []) phrases.add(a);
  }
  return { phrases: [...phrases], arxiv: arxiv ?? listings.map((l) => arxivOf(l.paper)).find(Boolean) };
}

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
        const listings = [...new Set(same)];
        fromBib.push(makeCandidate(entry.key, entry, entry, listings, extraWords(listings, arxivOfEntry(entry))));
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
      all.push(makeCandidate(p.key, p, undefined, same, extraWords(same, undefined)));
    }
    this.candidates = all;
    this.bibCount = fromBib.length;
    all.forEach((c, i) => {
      this.order.set(c, i);
      if (!this.byKey.has(c.key)) this.byKey.set(c.key, c);
    });
    // A key a pack used before still names its paper (unless something now has that key).
    for (const c of all) for (const l of c.listings) for (const k of l.paper.formerKeys ?? []) if (!this.byKey.has(k)) this.byKey.set(k, c);
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

  /** The candidate with this key (or, for a course paper, one of its former keys), if any. */
  find(key: string): CitationCandidate | undefined {
    return this.byKey.get(key);
  }

  /** Word index over the candidates, built on the first search. */
  private wordIndex: WordIndex | undefined;

  /**
   * Ranks candidates for `query` (words of a key, title, author or year; empty: everything).
   * Order: the .bib and the file's course first, then other courses. Within each, candidates where
   * every typed word starts a word of the paper ("spec marg" for "Spectrally-normalized margin
   * bounds") come first, then those matching with one typo or the other spelling in a word, then
   * scattered fuzzy matches; then match quality (a key starting with the
   * query first); on a tie, .bib entries before course papers, then the order of the files and packs.
   * With a limit, a group is only matched when the groups before it leave room: on a 10,000-entry
   * .bib a common word prefix never reaches the fuzzy matcher for the other entries.
   */
  search(query: string, options: SearchOptions = {}): RankedCandidate[] {
    const q = query.trim();
    const courseId = options.courseId;
    const limit = options.limit ?? Infinity;
    const tiers = this.tiers(courseId);
    const out: { c: CitationCandidate; score: number }[] = [];
    // An arXiv id is found with or without its prefix and version: `arXiv:1802.08760v2` finds 1802.08760.
    const queryWords = wordsOf(q.replace(/\barxiv:\s*(?=\d)/gi, '').replace(/(\d{4}\.\d{4,5})v\d+/gi, '$1'));
    const strong = q.length === 0 ? undefined : (this.wordIndex ??= new WordIndex(this.candidates)).allPrefixes(queryWords);
    let near: Uint8Array | undefined;
    for (const tier of tiers) {
      if (out.length >= limit) break;
      if (q.length === 0) {
        for (const i of tier) {
          if (out.length >= limit) break;
          out.push({ c: this.candidates[i] as CitationCandidate, score: 0 });
        }
        continue;
      }
      // Every typed word starts a word of the paper: what people mean when they type a title word.
      const words = strong ? tier.filter((i) => strong[i] === 1).map((i) => this.candidates[i] as CitationCandidate) : [];
      this.rankWordMatches(q, words, limit - out.length, out);
      if (out.length >= limit) break;
      // Then the same with one typo or the other spelling in a word (`generalisaton`, `behaviour`).
      near ??= (this.wordIndex ??= new WordIndex(this.candidates)).nearPrefixes(queryWords);
      const close = near ? tier.filter((i) => near?.[i] === 1 && strong?.[i] !== 1).map((i) => this.candidates[i] as CitationCandidate) : [];
      this.rankNearMatches(q, close, limit - out.length, out);
      if (out.length >= limit) break;
      // Scattered matches: `bartlet17` finds Bartlett 2017.
      const rest = tier.filter((i) => strong?.[i] !== 1 && near?.[i] !== 1).map((i) => this.candidates[i] as CitationCandidate);
      const fuzzy = lazyFuzzysort().go(q, rest, { key: 'prepared', threshold: 0.35, limit: limit - out.length });
      const scored = fuzzy.map((r) => ({ c: r.obj, score: r.score }));
      scored.sort((a, b) => this.compare(a, b));
      for (const x of scored) out.push(x);
    }
    return out.slice(0, limit).map((x) => this.place(x.c, x.score, courseId));
  }

  private readonly tierCache = new Map<string | undefined, readonly [readonly number[], readonly number[]]>();

  /** Candidate indices in tier 0 (the .bib and the course `courseId`) and tier 1 (other courses). */
  private tiers(courseId: string | undefined): readonly [readonly number[], readonly number[]] {
    let hit = this.tierCache.get(courseId);
    if (!hit) {
      const own: number[] = [];
      const other: number[] = [];
      this.candidates.forEach((c, i) => (c.entry || c.listings.some((l) => l.pack.id === courseId) ? own : other).push(i));
      hit = [own, other];
      this.tierCache.set(courseId, hit);
    }
    return hit;
  }

  /** On equal scores: .bib entries before course papers, then file and pack order. */
  private compare(a: { c: CitationCandidate; score: number }, b: { c: CitationCandidate; score: number }): number {
    return b.score - a.score || Number(Boolean(b.c.entry)) - Number(Boolean(a.c.entry)) || (this.order.get(a.c) ?? 0) - (this.order.get(b.c) ?? 0);
  }

  /** Appends the best `room` of `close` (matches with a typo or the other spelling) to `out`, scored below word matches. */
  private rankNearMatches(q: string, close: readonly CitationCandidate[], room: number, out: { c: CitationCandidate; score: number }[]): void {
    if (close.length === 0 || room <= 0) return;
    const scored = close.map((c) => ({ c, score: 0.5 + 0.4 * (lazyFuzzysort().single(q, c.prepared)?.score ?? 0) }));
    scored.sort((a, b) => this.compare(a, b));
    for (const x of scored.slice(0, room)) out.push(x);
  }

  /**
   * Appends the best `room` of `words` (candidates matching every typed word at a word start) to
   * `out`, scored 1 + the fuzzy score, + 0.3 when the key starts with the query.
   */
  private rankWordMatches(q: string, words: readonly CitationCandidate[], room: number, out: { c: CitationCandidate; score: number }[]): void {
    if (words.length === 0 || room <= 0) return;
    const qLower = q.toLowerCase();
    const keyed: { c: CitationCandidate; score: number }[] = [];
    const others: CitationCandidate[] = [];
    for (const c of words) {
      if (c.lower.startsWith(qLower)) keyed.push({ c, score: 1.3 + (lazyFuzzysort().single(q, c.prepared)?.score ?? 0) });
      else others.push(c);
    }
    const best = lazyFuzzysort().go(q, others, { key: 'prepared', limit: room });
    const scored = [...keyed, ...best.map((r) => ({ c: r.obj, score: 1 + r.score }))];
    if (best.length < room && best.length < others.length) {
      // The fuzzy matcher wants the letters in order; "2017 bartlett" still matches by words.
      const seen = new Set(best.map((r) => r.obj));
      for (const c of others) if (!seen.has(c)) scored.push({ c, score: 1 });
    }
    scored.sort((a, b) => this.compare(a, b));
    for (const x of scored.slice(0, room)) out.push(x);
  }
}

/** Letters and digits a typo may drop in, double or put in place of another. */
const TYPO_ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';

/**
 * What a word typed with one slip may have been meant as: every string one deletion, insertion,
 * substitution or swap of neighbours away (Damerau distance 1). Only for words of 4 to 24
 * characters.
 */
export function oneEditVariants(word: string): Set<string> {
  const out = new Set<string>();
  // Short words would match nearly everything; very long ones are pasted, not typed.
  if (word.length < 4 || word.length > 24) return out;
  for (let i = 0; i <= word.length; i++) {
    const head = word.slice(0, i);
    const tail = word.slice(i);
    if (i < word.length) out.add(head + tail.slice(1));
    if (i < word.length - 1) out.add(head + (tail[1] ?? '') + (tail[0] ?? '') + tail.slice(2));
    for (const c of TYPO_ALPHABET) {
      out.add(head + c + tail);
      if (i < word.length) out.add(head + c + tail.slice(1));
    }
  }
  out.delete(word);
  return out;
}

/**
 * The words of every candidate, sorted, each with the candidates holding it: the candidates where
 * every query word starts some word come from a binary search per query word. Typos and spelling
 * variants are looked up the same way, one binary search per variant of a query word.
 */
class WordIndex {
  private readonly sorted: string[];
  private readonly postings: Int32Array[];

  constructor(private readonly candidates: readonly CitationCandidate[]) {
    const byWord = new Map<string, number[]>();
    const add = (w: string, i: number) => {
      const list = byWord.get(w);
      if (!list) byWord.set(w, [i]);
      else if (list[list.length - 1] !== i) list.push(i);
    };
    candidates.forEach((c, i) => {
      for (const w of c.words.split(' ')) {
        if (!w) continue;
        add(w, i);
        // The other spelling of the word is indexed too: `generalisation` is found by `generalization`.
        const form = spellingForm(w);
        if (form !== w) add(form, i);
      }
    });
    this.sorted = [...byWord.keys()].sort();
    this.postings = this.sorted.map((w) => Int32Array.from(byWord.get(w) ?? []));
  }

  /** Index of the first sorted word >= `w`. */
  private lowerBound(w: string): number {
    let lo = 0;
    let hi = this.sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((this.sorted[mid] as string) < w) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Marks in `count` the candidates holding a word that starts with `prefix`, for query word number `j`. */
  private markPrefix(prefix: string, j: number, count: Uint16Array): void {
    for (let k = this.lowerBound(prefix); k < this.sorted.length && (this.sorted[k] as string).startsWith(prefix); k++) {
      for (const i of this.postings[k] as Int32Array) if (count[i] === j) count[i] = j + 1;
    }
  }

  /** Per candidate, 1 when every one of `words` starts a word of it (undefined for no words). */
  allPrefixes(words: readonly string[]): Uint8Array | undefined {
    if (words.length === 0) return undefined;
    const n = this.candidates.length;
    const count = new Uint16Array(n);
    words.forEach((w, j) => this.markPrefix(w, j, count));
    const all = new Uint8Array(n);
    for (let i = 0; i < n; i++) all[i] = count[i] === words.length ? 1 : 0;
    return all;
  }

  /**
   * Per candidate, 1 when every one of `words` starts a word of it as typed, in its other spelling
   * (`-ise`/`-ize`, `-our`/`-or`, `-yse`/`-yze`) or with one typo (a letter dropped, doubled,
   * swapped or wrong). A superset of {@link allPrefixes}.
   */
  nearPrefixes(words: readonly string[]): Uint8Array | undefined {
    if (words.length === 0) return undefined;
    const n = this.candidates.length;
    const count = new Uint16Array(n);
    words.forEach((w, j) => {
      const forms = new Set([w, spellingForm(w)]);
      for (const f of [...forms]) for (const v of oneEditVariants(f)) forms.add(v);
      for (const f of forms) this.markPrefix(f, j, count);
    });
    const near = new Uint8Array(n);
    for (let i = 0; i < n; i++) near[i] = count[i] === words.length ? 1 : 0;
    return near;
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
  /** Full names, "First Last", where known. */
  readonly authors: readonly string[];
  readonly year: number | null;
  readonly venue: string | null;
  readonly arxiv: string | null;
  readonly doi: string | null;
  readonly url: string | null;
  /** BibTeX entry type (`inproceedings`, `article`, `misc`...). */
  readonly type: string | null;
  /** For a course paper: where its facts were confirmed. */
  readonly metadataSource: string | null;
  /** `course:<id>` or `bib:<file>`. */
  readonly source: string;
}

/** A ranked candidate in the CLI's JSON shape. */
export function toCiteResult(r: RankedCandidate): CiteResult {
  const c = r.candidate;
  const paper = (r.listing ?? c.listings[0])?.paper;
  const fields = c.entry?.fields;
  return {
    key: c.key,
    title: c.title ?? null,
    authors: [...c.authors],
    year: c.year ?? null,
    venue: c.venue ?? null,
    arxiv: (c.entry ? arxivOfEntry(c.entry) : paper && arxivOf(paper)) ?? null,
    doi: (c.entry ? fields?.doi : paper?.doi) ?? null,
    url: (c.entry ? fields?.url : paper?.url ?? (paper && arxivOf(paper) ? `https://arxiv.org/abs/${arxivOf(paper) ?? ''}` : undefined)) ?? null,
    type: (c.entry ? c.entry.type : paper && paperType(paper)) ?? null,
    metadataSource: (c.entry ? undefined : paper?.metadataSource) ?? null,
    source: r.source.kind === 'bib' ? `bib:${r.source.file}` : `course:${r.source.courseId}`,
  };
}
