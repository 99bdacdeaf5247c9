/**
 * The papers a course page lists: reference lines in the common citation styles, tables with
 * title/authors/venue/year columns, BibTeX pasted into the page, and bare arXiv, DOI and
 * OpenReview links with a title next to them. Each paper under the heading it appears under,
 * deduplicated by title or identifier, with a stable citation key.
 */
import { schemeKey } from '../../bib/keys';
import { parseBib } from '../../bib/parse';
import type { CoursePaper } from '../types';
import { parseAuthors, quotedTitlesThenAuthors, type ReadPaper, readReference } from './citations';
import type { PageLine } from './text';

/** Papers found and the page lines they came from (which hold no deliverables). */
export interface PapersFound {
  readonly papers: CoursePaper[];
  readonly lines: ReadonlySet<number>;
  /** What the reader could not read and left out, one line each. */
  readonly todo: string[];
}

interface Link {
  readonly text?: string;
  readonly url: string;
  readonly index: number;
}

/** The scheme's key (bib/keys.ts: `bartlett2017spectrally`); an arXiv id's key for a paper without authors. */
export function citationKey(paper: Pick<CoursePaper, 'title' | 'authors' | 'year' | 'arxiv'>): string {
  if (paper.arxiv && schemeKey({ title: '', authors: paper.authors }) === '') return `arxiv${paper.arxiv.replace(/v\d+$/, '')}`;
  return schemeKey(paper) || 'paper';
}

const arxivUrl = /^https?:\/\/(?:www\.)?arxiv\.org\/(?:abs|pdf)\/(\d{4}\.\d{4,5}(?:v\d+)?)(?:\.pdf)?\/?$/i;
const doiUrl = /^https?:\/\/(?:dx\.)?doi\.org\/(10\.\d{4,9}\/\S+)$/i;
const openReviewUrl = /^https?:\/\/openreview\.net\/(?:forum|pdf)\?id=([\w-]+)/i;
const doiText = /\bdoi:\s*(10\.\d{4,9}\/[^\s,;)\]]+[^\s,;)\].])/i;
const arxivText = /\barXiv:\s?(\d{4}\.\d{4,5}(?:v\d+)?)/i;

/** Links on a line: `[text](url)`, `<url>`, bare URLs; and the line's text without the addresses. */
function linksOf(line: string): { links: Link[]; plain: string } {
  const links: Link[] = [];
  let plain = line.replace(/\[([^\]]*)\]\((https?:[^)\s]+)\)/g, (_, text: string, url: string, index: number) => {
    links.push({ text: text.trim(), url, index });
    return text;
  });
  plain = plain.replace(/<(https?:[^>\s]+)>|(?<![(\w])(https?:\/\/[^\s)\]>]+[^\s)\]>.,;])/g, (_, a: string | undefined, b: string | undefined, index: number) => {
    links.push({ url: a ?? b ?? '', index });
    return ' ';
  });
  plain = plain.replace(/\[Online\]\.?\s*Available:?\s*/gi, ' ').replace(/\s{2,}/g, ' ').trim();
  return { links: links.sort((x, y) => x.index - y.index), plain };
}

/** Identifiers on a line: arXiv id, DOI, and the address a reader would follow. */
function idsOf(links: readonly Link[], text: string): Pick<CoursePaper, 'arxiv' | 'doi' | 'url'> {
  let arxiv: string | undefined;
  let doi: string | undefined;
  let url: string | undefined;
  for (const l of links) {
    const a = arxivUrl.exec(l.url)?.[1];
    const d = doiUrl.exec(l.url)?.[1];
    if (a) arxiv ??= a;
    if (d) doi ??= decodeURIComponent(d);
    if (a || d || openReviewUrl.test(l.url) || !url) url ??= l.url;
  }
  const written = arxivText.exec(text)?.[1];
  arxiv ??= written;
  if (written && !url) url = `https://arxiv.org/abs/${written}`;
  doi ??= doiText.exec(text)?.[1];
  return { ...(arxiv ? { arxiv } : {}), ...(doi ? { doi } : {}), ...(url ? { url } : {}) };
}

/** A phrase that reads like a title rather than words to the reader ("A survey we like", "see here"). */
function titleLike(s: string): boolean {
  const words = s.split(/\s+/).length;
  return words >= 3 && words <= 30 && !/[.!]\s/.test(s) && !/\b(?:we|our|you|your|see|here|also|click|link|slides|video|blog|this|these)\b/i.test(s);
}

/** A link given without a reference: its label or the words next to it as the title. */
function linkedPaper(link: Link, rest: string, previous: string | undefined): ReadPaper | undefined {
  const arxiv = arxivUrl.exec(link.url)?.[1];
  const doi = doiUrl.exec(link.url)?.[1];
  const openReview = openReviewUrl.exec(link.url)?.[1];
  if (!arxiv && !doi && !openReview) return undefined;
  const ids = { ...(arxiv ? { arxiv } : {}), ...(doi ? { doi } : {}), url: link.url };
  const named = (phrase: string | undefined): ReadPaper | undefined => {
    if (!phrase) return undefined;
    if (/^\p{Lu}|^\d/u.test(phrase) && titleLike(phrase)) return { title: phrase, authors: [], ...ids };
    return { title: phrase, authors: [], ...ids, label: phrase, titleUnverified: true };
  };
  const label = link.text && !/^(?:arxiv|pdf|link|paper|openreview|doi|here|html|abs)$/i.test(link.text) && !/^https?:/.test(link.text) ? link.text : undefined;
  const fallback = { title: arxiv ? `arXiv:${arxiv}` : doi ? `doi:${doi}` : `OpenReview:${openReview ?? ''}`, authors: [], ...ids, titleUnverified: true };
  const near = rest.replace(/[\s.,:;()—–-]+$/g, '').replace(/^[\s.,:;()—–-]+/, '').trim();
  if (label) return named(label);
  if (near && near.split(/\s+/).length <= 30 && !/[.?!]\s/.test(near)) {
    if (titleLike(near) || /^\p{Ll}/u.test(near)) return named(near) ?? fallback;
    return { ...fallback, label: near };
  }
  if (!near && previous && /^\p{Lu}/u.test(previous) && titleLike(previous)) return { title: previous, authors: [], ...ids };
  return fallback;
}

/** Which column of a table holds what, from its header; undefined when it is not a list of papers. */
function paperColumns(header: readonly string[] | undefined): Record<'title' | 'authors' | 'venue' | 'year' | 'link', number> | undefined {
  if (!header) return undefined;
  const find = (re: RegExp) => header.findIndex((h) => re.test(h.replace(/\*\*/g, '')));
  const cols = {
    title: find(/^(?:title|paper|papers|reading|article|publication)s?$/i),
    authors: find(/^(?:authors?|by|who)$/i),
    venue: find(/^(?:venue|conference|journal|published(?: in)?|where)$/i),
    year: find(/^(?:year|date)$/i),
    link: find(/^(?:links?|url|pdf|arxiv|doi|openreview)$/i),
  };
  return cols.title >= 0 && (cols.authors >= 0 || cols.venue >= 0 || cols.year >= 0) ? cols : undefined;
}

/** One row of a paper table. */
function tableRowPaper(cells: readonly string[], cols: NonNullable<ReturnType<typeof paperColumns>>, todo: string[]): ReadPaper | undefined {
  const cell = (i: number) => (i >= 0 ? (cells[i] ?? '').trim() : '');
  const { links, plain: title } = linksOf(cell(cols.title));
  if (!title) return undefined;
  const link = linksOf(cell(cols.link)).links;
  const who = parseAuthors(cell(cols.authors));
  if (!who && cell(cols.authors)) todo.push(`paper '${title}': the authors cell '${cell(cols.authors)}' could not be read as names; add "authors"`);
  // "NeurIPS 2019" in a venue column with no year column gives both.
  const venueYear = cols.year < 0 ? /^(.*?)[\s,]+((?:19|20)\d{2})$/.exec(cell(cols.venue)) : null;
  const year = venueYear?.[2] ?? /\b((?:19|20)\d{2})\b/.exec(cell(cols.year))?.[1];
  const venue = venueYear?.[1] ?? cell(cols.venue);
  return {
    title: title.replace(/[.]$/, ''),
    authors: who?.authors ?? [],
    ...(who?.etAl ? { etAl: true } : {}),
    ...(year ? { year: Number(year) } : {}),
    ...(venue ? { venue } : {}),
    ...idsOf([...links, ...link], cells.join(' ')),
  };
}

/** BibTeX entries pasted into the page, read by the project's .bib reader. */
function bibtexPapers(text: string): { papers: ReadPaper[]; keys: string[]; lines: Set<number> } {
  const lines = new Set<number>();
  const chunks: string[] = [];
  const start = /^[ \t]*@(article|inproceedings|incollection|misc|book|inbook|phdthesis|mastersthesis|techreport|unpublished|online|conference|proceedings|report|thesis)\s*\{/gim;
  for (const m of text.matchAll(start)) {
    let depth = 0;
    let end = -1;
    for (let i = m.index + m[0].length - 1; i < text.length; i++) {
      if (text[i] === '{') depth++;
      else if (text[i] === '}' && --depth === 0) {
        end = i + 1;
        break;
      }
    }
    if (end < 0) continue;
    chunks.push(text.slice(m.index, end));
    const first = text.slice(0, m.index).split('\n').length - 1;
    const last = first + text.slice(m.index, end).split('\n').length - 1;
    for (let l = first; l <= last; l++) lines.add(l);
  }
  if (chunks.length === 0) return { papers: [], keys: [], lines };
  const bib = parseBib(chunks.join('\n\n'), 'page');
  const papers: ReadPaper[] = [];
  const keys: string[] = [];
  for (const e of bib.entries) {
    if (!e.title) continue;
    const eprint = (e.fields.archiveprefix ?? e.fields.eprinttype ?? '').toLowerCase() === 'arxiv' ? e.fields.eprint : undefined;
    const arxiv = e.fields.arxivid ?? eprint ?? (e.fields.url ? arxivUrl.exec(e.fields.url)?.[1] : undefined);
    papers.push({
      title: e.title,
      authors: [...e.authors],
      ...(e.year !== undefined ? { year: e.year } : {}),
      ...(e.venue ? { venue: e.venue } : {}),
      ...(arxiv ? { arxiv } : {}),
      ...(e.fields.doi ? { doi: e.fields.doi } : {}),
      ...(e.fields.url ? { url: e.fields.url } : arxiv ? { url: `https://arxiv.org/abs/${arxiv}` } : {}),
    });
    keys.push(e.key);
  }
  return { papers, keys, lines };
}

/** Whether a link stands at the start or the end of its line (a title on its other side), not inside a sentence. */
function atEdge(line: string, link: Link & { written?: string }): boolean {
  const written = link.written ?? link.url;
  const at = line.indexOf(written);
  if (at < 0) return true;
  let start = at;
  let end = at + written.length;
  // A Markdown link `[label](url)` or an autolink `<url>` spans its brackets.
  const md = line.lastIndexOf('[', at);
  if (md >= 0 && line.slice(at - 2, at) === '](') start = md;
  if (line[end] === ')' || line[end] === '>') end++;
  if (line[start - 1] === '<') start--;
  const word = /[\p{L}\p{N}]/u;
  return !word.test(line.slice(0, start).replace(/(?:arxiv|doi)\s*:?\s*$/i, '')) || !word.test(line.slice(end));
}

const norm = (t: string) => t.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

/** Every paper the page lists, under the heading it appears under. */
export function findPapers(lines: readonly PageLine[], text: string): PapersFound {
  const papers: CoursePaper[] = [];
  const todo: string[] = [];
  const used = new Set<number>();
  const keys = new Set<string>();
  const push = (paper: ReadPaper, topic: string | undefined, givenKey?: string) => {
    const same = papers.findIndex(
      (p) =>
        norm(p.title) === norm(paper.title) ||
        (paper.arxiv && p.arxiv?.replace(/v\d+$/, '') === paper.arxiv.replace(/v\d+$/, '')) ||
        (paper.doi && p.doi?.toLowerCase() === paper.doi.toLowerCase()),
    );
    if (same >= 0) {
      // The same paper listed twice: keep the first, fill in what it lacks.
      const first = papers[same] as CoursePaper & Record<string, unknown>;
      const more = Object.fromEntries(Object.entries(paper).filter(([k, v]) => first[k] === undefined && v !== undefined && k !== 'label' && k !== 'titleUnverified'));
      papers[same] = { ...first, ...more, ...(first.authors.length === 0 && paper.authors.length > 0 ? { authors: paper.authors } : {}) };
      return;
    }
    const base = givenKey && /^[A-Za-z0-9_][A-Za-z0-9_:.-]*$/.test(givenKey) ? givenKey : citationKey(paper);
    let key = base;
    for (let n = 2; keys.has(key); n++) key = `${base}${String.fromCharCode(95 + n)}`;
    keys.add(key);
    papers.push({ key, ...paper, ...(topic && paper.topic === undefined ? { topic } : {}) });
  };

  const bib = bibtexPapers(text);
  const bibTopic = lines.find((l) => bib.lines.has(l.line))?.section;
  bib.papers.forEach((p, i) => push(p, bibTopic, bib.keys[i]));
  for (const l of bib.lines) used.add(l);

  let previous: string | undefined;
  for (const line of lines) {
    if (line.code || line.heading || !line.text || used.has(line.line)) {
      if (line.heading || !line.text) previous = undefined;
      continue;
    }
    const topic = line.section;
    const cols = paperColumns(line.table?.header);
    if (line.table && cols) {
      const paper = tableRowPaper(line.table.cells, cols, todo);
      if (paper) {
        push(paper, topic);
        used.add(line.line);
      }
      continue;
    }
    const { links, plain } = linksOf(line.table ? line.table.cells.join(' | ') : line.text);
    // Identifiers written at the end of a reference are not part of its venue or year.
    const reference = plain.replace(new RegExp(`[\\s.,;]*(?:${arxivText.source}|${doiText.source})[\\s.]*$`, 'i'), '.').replace(/\.\.$/, '.');
    let found = line.table ? [] : readReference(reference);
    // Several quoted titles on a line: each takes the address written after it.
    if (found.length > 1) found = quotedTitlesThenAuthors(line.text.replace(/\[([^\]]*)\]\((https?:[^)]+)\)/g, '$1'));
    if (found.length === 1 && found[0]) {
      push({ ...found[0], ...idsOf(links, line.text) }, topic);
      used.add(line.line);
      previous = undefined;
      continue;
    }
    for (const p of found) push(p, topic);
    if (found.length > 0) used.add(line.line);
    // Links with no reference around them; `arXiv:1234.5678` and `doi:10...` written as text count too.
    const textIds = [...plain.matchAll(new RegExp(arxivText.source, 'gi'))].map((m) => ({ url: `https://arxiv.org/abs/${m[1] ?? ''}`, index: m.index, written: m[0] }));
    const doiIds = [...plain.matchAll(new RegExp(doiText.source, 'gi'))].map((m) => ({ url: `https://doi.org/${m[1] ?? ''}`, index: m.index, written: m[0] }));
    const candidates: Link[] = [...links, ...textIds, ...doiIds].filter((l) => !found.length || arxivUrl.test(l.url));
    const paperLinks = candidates.filter((l) => arxivUrl.test(l.url) || doiUrl.test(l.url) || openReviewUrl.test(l.url));
    let rest = plain;
    for (const t of [...textIds, ...doiIds]) rest = rest.replace(t.written, ' ');
    if (found.length === 0 && paperLinks.length === 1 && paperLinks[0]?.text) rest = rest.replace(paperLinks[0].text, ' ');
    rest = rest.replace(/\s{2,}/g, ' ').trim();
    for (const link of paperLinks) {
      if (found.length > 0 && !arxivUrl.test(link.url)) continue;
      // Words on both sides of the link are a sentence that mentions it, not its title.
      const paper = linkedPaper(link, paperLinks.length === 1 && atEdge(line.text, link) ? rest : '', previous);
      if (!paper) continue;
      // `doi:` written as text gives the DOI, not an address the page links to.
      const fromText = [...textIds, ...doiIds].some((t) => t === link);
      const isDoiText = fromText && doiUrl.test(link.url);
      const { url: _url, ...withoutUrl } = paper;
      push(isDoiText ? { ...withoutUrl } : paper, topic);
      // A line that is only a link and a title holds no deliverable; a sentence with a link still may.
      if (rest.split(/\s+/).length <= 30 && !/\d{1,2}\b|\bdue\b/i.test(rest)) used.add(line.line);
    }
    previous = line.table || paperLinks.length > 0 || found.length > 0 ? undefined : line.text;
  }
  return { papers, lines: used, todo };
}
