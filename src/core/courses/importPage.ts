import { loadPack, type PackProblem } from './loader';
import type { CoursePack, CoursePaper, Deliverable, GroupSize, PageLimit } from './types';

/** The layouts a course page can be saved in. */
export type PageFormat = 'markdown' | 'html' | 'text';

export interface ImportOptions {
  /** File name, used to guess the format and in messages. */
  readonly file?: string;
  readonly format?: PageFormat;
  /** Pack id to use; otherwise made from the title. */
  readonly id?: string;
  /** Year for dates the page writes without one (otherwise the page's own year, if it has one). */
  readonly year?: number;
}

/** A draft pack and what the user still has to check or fill in. */
export interface ImportResult {
  readonly pack: CoursePack;
  /** One line each: what could not be read from the page and where to fill it in. */
  readonly todo: readonly string[];
  /** Schema problems of the draft (none when the draft validates). */
  readonly problems: readonly PackProblem[];
}

const monthNames = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const monthPattern = '(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)';
const numberWords: Record<string, number> = { one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, twelve: 12 };
const kindWords: readonly [string, RegExp][] = [
  ['proposal', /\bproposals?\b/i],
  ['report', /\b(?:final\s+)?(?:project\s+)?(?:reports?|write-?ups?|papers? due)\b/i],
  ['slides', /\bslides\b/i],
  ['presentation', /\b(?:presentations?|talks?)\b/i],
  ['poster', /\bposters?\b/i],
];

/** The format of a page from its name or content. */
export function guessPageFormat(text: string, file = ''): PageFormat {
  if (/\.html?$/i.test(file)) return 'html';
  if (/\.(md|markdown)$/i.test(file)) return 'markdown';
  if (/<(html|body|p|div|h[1-6]|ul|li|a)\b[^>]*>/i.test(text)) return 'html';
  if (/^#{1,6}\s|\]\(https?:/m.test(text)) return 'markdown';
  return 'text';
}

const entities: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', ldquo: '“', rdquo: '”', lsquo: '‘', rsquo: '’', ndash: '–', mdash: '—', hellip: '…',
};

/** Decodes the HTML entities a course page typically uses. */
function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name.startsWith('#x') || name.startsWith('#X')) return String.fromCodePoint(parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return String.fromCodePoint(Number(name.slice(1)));
    return entities[name.toLowerCase()] ?? whole;
  });
}

/**
 * Turns HTML into Markdown-like lines: headings become `#`, list items `- `, links `[text](href)`,
 * every other tag is dropped. Enough for reading a course page, not a general HTML converter.
 */
export function htmlToLines(html: string): string {
  return decodeEntities(
    html
      .replace(/<!--[\s\S]*?-->/g, '')
      // Line breaks in HTML source are spaces; structure comes from the tags.
      .replace(/<pre\b[\s\S]*?<\/pre\s*>/gi, (m) => m.replace(/\n/g, '<br>'))
      .replace(/\s+/g, ' ')
      .replace(/<(script|style|head|nav|footer)\b[\s\S]*?<\/\1\s*>/gi, (m, tag: string) => (tag.toLowerCase() === 'head' ? titleOf(m) : ''))
      .replace(/<h([1-6])\b[^>]*>/gi, (_, n: string) => `\n${'#'.repeat(Number(n))} `)
      .replace(/<li\b[^>]*>/gi, '\n- ')
      .replace(/<a\b[^>]*?href\s*=\s*("([^"]*)"|'([^']*)')[^>]*>([\s\S]*?)<\/a\s*>/gi, (_, _q, d: string | undefined, s: string | undefined, inner: string) => `[${inner.replace(/<[^>]+>/g, '').trim()}](${d ?? s ?? ''})`)
      .replace(/<(br|hr)\b[^>]*>/gi, '\n')
      .replace(/<\/(p|div|h[1-6]|li|tr|table|ul|ol|section|article|dd|dt|blockquote)\s*>/gi, '\n')
      .replace(/<(p|div|tr|dd|dt|blockquote)\b[^>]*>/gi, '\n')
      .replace(/<(strong|b)\b[^>]*>([\s\S]*?)<\/\1\s*>/gi, '**$2**')
      .replace(/<[^>]+>/g, ''),
  )
    .split('\n')
    .map((l) => l.replace(/[ \t\u00a0]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n');
}

/** `<title>` of an HTML head, as a level-1 heading line. */
function titleOf(head: string): string {
  const m = /<title\b[^>]*>([\s\S]*?)<\/title>/i.exec(head);
  return m?.[1] ? `\n# ${m[1].trim()}\n` : '';
}

/** A date found in text, with its position. */
interface FoundDate {
  readonly index: number;
  readonly text: string;
  readonly month: number;
  readonly day: number;
  readonly year?: number;
  readonly endDay?: number;
}

const iso = (y: number, m: number, d: number): string => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
const monthIndex = (name: string): number => monthNames.indexOf(name.slice(0, 3).toLowerCase()) + 1;

/**
 * Every date in `text`: `2021-05-19`, `Oct 14, 2024`, `Mon, Oct. 14`, `April 9th`, `June 24-26`,
 * `1 June 2020`, `24.06.2020`, `6/1/2020` (month first).
 */
export function findDates(text: string): FoundDate[] {
  const found: FoundDate[] = [];
  const taken: [number, number][] = [];
  const add = (m: RegExpExecArray, date: Omit<FoundDate, 'index' | 'text'>) => {
    const start = m.index;
    const end = start + m[0].length;
    if (taken.some(([a, b]) => start < b && end > a)) return;
    if (date.month < 1 || date.month > 12 || date.day < 1 || date.day > 31) return;
    taken.push([start, end]);
    found.push({ index: start, text: m[0].trim(), ...date });
  };
  const run = (re: RegExp, f: (m: RegExpExecArray) => Omit<FoundDate, 'index' | 'text'> | undefined) => {
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const date = f(m);
      if (date) add(m, date);
    }
  };
  run(/\b(\d{4})-(\d{2})-(\d{2})\b/g, (m) => ({ year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) }));
  run(new RegExp(`\\b${monthPattern}\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b(?:\\s*[-–]\\s*(\\d{1,2})\\b)?(?:,?\\s+(\\d{4})\\b)?`, 'g'), (m) => ({
    month: monthIndex(m[1] ?? ''),
    day: Number(m[2]),
    ...(m[3] ? { endDay: Number(m[3]) } : {}),
    ...(m[4] ? { year: Number(m[4]) } : {}),
  }));
  run(new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?(?:\\s*[-–]\\s*(\\d{1,2}))?\\.?\\s+(?:of\\s+)?${monthPattern}\\.?(?:,?\\s+(\\d{4})\\b)?`, 'g'), (m) => ({
    month: monthIndex(m[3] ?? ''),
    day: Number(m[1]),
    ...(m[2] ? { endDay: Number(m[2]) } : {}),
    ...(m[4] ? { year: Number(m[4]) } : {}),
  }));
  run(/\b(\d{1,2})\.(\d{1,2})\.(\d{4})\b/g, (m) => ({ day: Number(m[1]), month: Number(m[2]), year: Number(m[3]) }));
  run(/\b(\d{1,2})\/(\d{1,2})\/(\d{4})\b/g, (m) => ({ month: Number(m[1]), day: Number(m[2]), year: Number(m[3]) }));
  return found.sort((a, b) => a.index - b.index);
}

/** Reads `5`, `five` or `one-` as a number. */
function count(word: string | undefined): number | undefined {
  if (!word) return undefined;
  const w = word.toLowerCase().replace(/-$/, '');
  return /^\d+$/.test(w) ? Number(w) : numberWords[w];
}

const num = '(\\d+|one|two|three|four|five|six|seven|eight|nine|ten|twelve)';

/** Page limits in one sentence: "5 pages for individuals and 8 for teams", "at most 4 pages", "one-page". */
export function findPageLimit(sentence: string): Omit<PageLimit, 'source'> | undefined {
  const s = sentence.replace(/\*\*/g, '');
  let individual: number | undefined;
  let team: number | undefined;
  const pair =
    new RegExp(`${num}\\s*pages?\\s*(?:\\()?(?:for\\s+)?(?:an?\\s+)?(?:individuals?|individual\\s+projects?|single\\s+authors?|one\\s+person)\\)?\\s*(?:,|and|/|;)?\\s*${num}\\s*(?:pages?)?\\s*(?:\\()?(?:for\\s+)?(?:teams?|groups?|team\\s+projects?|pairs?)`, 'i').exec(s) ??
    undefined;
  if (pair) {
    individual = count(pair[1]);
    team = count(pair[2]);
  } else {
    const teamFirst = new RegExp(`${num}\\s*pages?\\s*(?:for\\s+)?(?:teams?|groups?)\\s*(?:,|and|/)?\\s*${num}\\s*(?:pages?)?\\s*(?:for\\s+)?(?:individuals?)`, 'i').exec(s);
    if (teamFirst) {
      team = count(teamFirst[1]);
      individual = count(teamFirst[2]);
    } else {
      const single =
        new RegExp(`(?:at most|up to|no more than|maximum of|max(?:imum)?\\.?|limited to|limit of|not exceed(?:ing)?)\\s+${num}\\s*pages?`, 'i').exec(s) ??
        new RegExp(`\\b${num}[- ]page\\b`, 'i').exec(s) ??
        new RegExp(`\\b${num}\\s+pages?\\s+(?:long|max(?:imum)?|or less|or fewer)`, 'i').exec(s);
      if (single) individual = team = count(single[1]);
    }
  }
  if (individual === undefined && team === undefined) return undefined;
  const style = /neur ?ips|nips/i.test(s) ? { style: 'neurips' as const } : {};
  const refs = /(excluding|not including|without|do not count|don't count|not count)[^.]*references|references[^.]*(do not|don't|not) count|plus references|\+\s*references/i.test(s)
    ? { referencesCount: false }
    : /(including|include)[^.]*references|references count/i.test(s)
      ? { referencesCount: true }
      : {};
  return { ...(individual !== undefined ? { individual } : {}), ...(team !== undefined ? { team } : {}), ...style, ...refs };
}

/** Group sizes: "groups of 1-4", "teams of two to three", "groups of up to four ... or alone". */
export function findGroupSize(sentence: string): Omit<GroupSize, 'source'> | undefined {
  const s = sentence.replace(/\*\*/g, '');
  const range = new RegExp(`(?:groups?|teams?)\\s+of\\s+(?:size\\s+)?${num}\\s*(?:-|–|to)\\s*${num}`, 'i').exec(s);
  if (range) {
    const min = count(range[1]);
    const max = count(range[2]);
    return { ...(min !== undefined ? { min } : {}), ...(max !== undefined ? { max } : {}) };
  }
  const upTo = new RegExp(`(?:groups?|teams?)\\s+of\\s+(?:up to|at most|no more than)\\s+${num}`, 'i').exec(s);
  if (upTo) {
    const max = count(upTo[1]);
    const alone = /\balone\b|\bindividual(ly)?\b|\bby yourself\b|\bon your own\b/i.test(s);
    return { ...(alone ? { min: 1 } : {}), ...(max !== undefined ? { max } : {}) };
  }
  if (/individually or in pairs/i.test(s)) return { min: 1, max: 2 };
  const exact = new RegExp(`(?:groups?|teams?)\\s+of\\s+${num}\\b(?!\\s*(?:-|–|to))`, 'i').exec(s);
  if (exact) {
    const n = count(exact[1]);
    if (n !== undefined) return { min: n, max: n };
  }
  return undefined;
}

const abbreviation = /(?:\b(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Dr|Prof|Mr|Ms|Mrs|vs|approx|al|e\.g|i\.e|cf|No|Vol|Sec|Fig)|\b[A-Z])\.$/;

/** Splits text into sentences, keeping line structure (a line never joins the next). */
function sentences(lines: readonly string[]): string[] {
  return lines.flatMap((line) => {
    const out: string[] = [];
    for (const piece of line.split(/(?<=[.!?])\s+(?=[A-Z(“"*])/)) {
      const last = out.length - 1;
      if (last >= 0 && abbreviation.test(out[last] ?? '')) out[last] = `${out[last]} ${piece}`;
      else out.push(piece);
    }
    return out.map((s) => s.trim()).filter(Boolean);
  });
}

/** The sentence without parentheticals, except short ones like `(proposal)` that label a date. */
function withoutAsides(sentence: string): string {
  return sentence.replace(/\(([^()]*)\)/g, (whole, inner: string) => (inner.trim().split(/\s+/).length <= 2 ? whole : ' '.repeat(whole.length)));
}

/** Strips list markers, emphasis and time slots from a line. */
function clean(line: string): string {
  return line
    .replace(/^\s*(?:[-*+•]|\d+[.)]|\(\d+\))\s+/, '')
    .replace(/^\s*(?:[-*+•]|\(\d+\))\s+/, '')
    .replace(/\*\*|__/g, '')
    .replace(/^\d{1,2}:\d{2}\s*[-–]\s*\d{1,2}:\d{2}:?\s*/, '')
    .trim();
}

const particles = new Set(['van', 'von', 'de', 'der', 'den', 'da', 'di', 'du', 'la', 'le', 'del', 'dos', 'bin', 'al']);

/** A list of author names ("Peter L. Bartlett, Nick Harvey and Chris Liaw", "Ruiqi Gao et al."), or undefined. */
export function parseAuthors(text: string): { authors: string[]; etAl: boolean } | undefined {
  let t = text.trim().replace(/[.,;]+$/, '').trim();
  const etAl = /\s+et\s+al\.?$/i.test(t);
  t = t.replace(/,?\s+et\s+al\.?$/i, '');
  const names = t
    .split(/\s*,\s*(?:and\s+)?|\s+and\s+|\s*&\s*/)
    .map((n) => n.trim())
    .filter(Boolean);
  if (names.length === 0) return undefined;
  for (const name of names) {
    const tokens = name.split(/\s+/);
    const words = tokens.filter((w) => !/^[A-Z]\.?$/.test(w) && !/^[A-Z]\.[A-Z]\.?$/.test(w));
    if (words.length === 0 || words.length > 3) return undefined;
    for (const w of words) {
      if (particles.has(w)) continue;
      if (!/^[A-ZÀ-ÖØ-Þ][\p{L}'’-]*$/u.test(w)) return undefined;
    }
  }
  return { authors: names, etAl };
}

/** `, Venue Year` at the end of a citation line: a short capitalised phrase and a year. */
const venuePattern = /[,.]\s+\(?([A-Z][\w&'-]*(?:\s+(?:[A-Z][\w&'-]*|of|on|in|for|and|&))*?)[,\s]+((?:19|20)\d{2})\)?\.?\s*$/;

/** One paper from a line like "Title. Authors, Venue Year" or "Title, Authors, Venue Year". */
function paperFromCitationLine(line: string): Omit<CoursePaper, 'key'> | undefined {
  const venue = venuePattern.exec(line);
  if (!venue || venue[1] === undefined || venue[2] === undefined) return undefined;
  const body = line.slice(0, venue.index).trim();
  const candidates: number[] = [];
  for (const re of [/[.?!]\s+/g, /,\s+/g]) {
    for (let m = re.exec(body); m; m = re.exec(body)) {
      // "Simon S. Du": a period after an initial does not end the title.
      if (!m[0].startsWith(',') && /(?:^|[\s.])[A-Z]$/.test(body.slice(0, m.index))) continue;
      candidates.push(m.index + (m[0].startsWith(',') ? 0 : 1));
    }
  }
  for (const at of candidates) {
    const title = body.slice(0, at).replace(/[.,]$/, '').trim();
    const rest = body.slice(at).replace(/^[.,?!\s]+/, '');
    if (title.split(/\s+/).length < 3) continue;
    const parsed = parseAuthors(rest);
    if (parsed) {
      return {
        title: /[?!]$/.test(body.slice(0, at + 1).trim()) ? body.slice(0, at + 1).trim() : title,
        authors: parsed.authors,
        year: Number(venue[2]),
        venue: venue[1],
        ...(parsed.etAl ? { etAl: true } : {}),
      };
    }
  }
  return undefined;
}

/**
 * Quoted titles with the authors after them: `“Title”, A, B, C.`, `"Title" by A and B`,
 * `"Title" (A, 2017)`; a link right after the title is kept as its URL.
 */
function papersFromQuotedTitles(line: string): Omit<CoursePaper, 'key'>[] {
  const quotes = [...line.matchAll(/“([^”]+)”|"([^"]+?)''|"([^"]+)"|(?:``|'')([^']+?)''/g)];
  const out: Omit<CoursePaper, 'key'>[] = [];
  quotes.forEach((q, i) => {
    const title = (q[1] ?? q[2] ?? q[3] ?? q[4] ?? '').trim().replace(/[,.]$/, '');
    if (title.split(/\s+/).length < 3 || !/^[A-Z0-9]/.test(title)) return;
    const after = line.slice((q.index ?? 0) + q[0].length, quotes[i + 1]?.index ?? line.length);
    let year: number | undefined;
    let venue: string | undefined;
    let authorText: string;
    const paren = /^\s*,?\s*\(([^()]*)\)/.exec(after);
    if (paren?.[1] !== undefined) {
      const y = /,?\s*((?:19|20)\d{2})\s*$/.exec(paren[1]);
      if (y?.[1]) year = Number(y[1]);
      authorText = y ? paren[1].slice(0, y.index) : paren[1];
    } else {
      const by = /^\s*,?\s*(?:by\s+)?(.*?)(?=\s+in\s+https?:|\s+https?:|\s*\.\s|\s*\.$|\s+(?:and|about|together|in)\s+[a-z]|$)/.exec(after);
      authorText = by?.[1] ?? '';
      const v = /,?\s*((?:NeurIPS|NIPS|ICML|ICLR|COLT|arXiv|AISTATS|CVPR|JMLR))\s+((?:19|20)\d{2})\s*$/.exec(authorText);
      if (v) {
        venue = v[1];
        year = Number(v[2]);
        authorText = authorText.slice(0, v.index);
      }
    }
    const parsed = authorText.trim() ? parseAuthors(authorText) : undefined;
    const url = /https?:\/\/[^\s)\]]+[^\s)\].,]/.exec(after)?.[0];
    const doi = url ? /\/(10\.\d{4,9}\/[^\s/]+)$/.exec(url)?.[1] : undefined;
    out.push({
      title,
      authors: parsed?.authors ?? [],
      ...(year !== undefined ? { year } : {}),
      ...(venue !== undefined ? { venue } : {}),
      ...(doi ? { doi } : {}),
      ...(url ? { url } : {}),
      ...(parsed?.etAl ? { etAl: true } : {}),
    });
  });
  return out;
}

/** arXiv id in a link or `arXiv:1234.56789`. */
function arxivIds(line: string): { id: string; index: number; label?: string; url?: string }[] {
  const out: { id: string; index: number; label?: string; url?: string }[] = [];
  const link = /\[([^\]]*)\]\((https?:\/\/arxiv\.org\/(?:abs|pdf)\/(\d{4}\.\d{4,5}(?:v\d+)?)(?:\.pdf)?)\)/g;
  for (let m = link.exec(line); m; m = link.exec(line)) {
    out.push({ id: m[3] ?? '', index: m.index, ...(m[1]?.trim() ? { label: m[1].trim() } : {}), url: m[2] ?? '' });
  }
  const bare = /(?<!\()\bhttps?:\/\/arxiv\.org\/(?:abs|pdf)\/(\d{4}\.\d{4,5}(?:v\d+)?)(?:\.pdf)?|\barXiv:\s?(\d{4}\.\d{4,5}(?:v\d+)?)/gi;
  for (let m = bare.exec(line); m; m = bare.exec(line)) {
    const id = m[1] ?? m[2] ?? '';
    if (out.some((o) => o.id === id)) continue;
    out.push({ id, index: m.index, ...(m[1] ? { url: m[0] } : {}) });
  }
  return out;
}

const stopWords = new Set(['a', 'an', 'the', 'on', 'of', 'in', 'for', 'to', 'and', 'with', 'via', 'is', 'are', 'can', 'do', 'does', 'why', 'how', 'what', 'when', 'towards', 'toward']);

/** `bartlett2017spectrally`: first author's last name, year, first significant title word. */
export function citationKey(paper: Pick<CoursePaper, 'title' | 'authors' | 'year' | 'arxiv'>): string {
  const ascii = (s: string) => s.normalize('NFKD').replace(/[^\w]/g, '').toLowerCase();
  const first = paper.authors[0];
  const last = first ? ascii(first.split(/\s+/).filter((w) => !/^[A-Z]\.?$/.test(w)).pop() ?? first) : '';
  const word = paper.title.split(/[\s:,.?!-]+/).map(ascii).find((w) => w.length > 0 && !stopWords.has(w)) ?? '';
  if (!last && paper.arxiv) return `arxiv${paper.arxiv.replace(/v\d+$/, '')}`;
  const key = `${last}${paper.year ?? ''}${word}`;
  return key || 'paper';
}

/** Headings (Markdown `#` or a line that is only bold text) give papers their topic. */
function headingOf(line: string): string | undefined {
  const h = /^#{1,6}\s+(.*?)\s*#*$/.exec(line);
  if (h?.[1]) return h[1].replace(/\*\*/g, '').trim();
  const bold = /^(?:[-*+]\s+)?\*\*([^*]+)\*\*:?\s*$/.exec(line.trim());
  return bold?.[1]?.trim();
}

/** A pack id from a title: lowercase words joined by '-', at most about 40 characters. */
const slug = (s: string): string => {
  const words = s.toLowerCase().normalize('NFKD').replace(/[^a-z0-9.]+/g, ' ').trim().split(/\s+/);
  let id = '';
  for (const w of words) {
    if (id && id.length + w.length + 1 > 40) break;
    id = id ? `${id}-${w}` : w;
  }
  return id.replace(/^[-.]+|[-.]+$/g, '') || 'imported-course';
};

/**
 * Reads a course page (Markdown, HTML or plain text) into a draft course pack: title, term,
 * instructor, deliverables with due dates, page limits and group sizes, and the papers it lists.
 * Never throws; what it cannot find is listed in `todo`.
 */
export function importCoursePage(input: string, options: ImportOptions = {}): ImportResult {
  const format = options.format ?? guessPageFormat(input, options.file);
  const text = format === 'html' ? htmlToLines(input) : input.replace(/\r\n?/g, '\n');
  const lines = text.split('\n').map((l) => l.trimEnd());
  const todo: string[] = [];

  const titleLine = lines.map((l) => /^#\s+(.*)$/.exec(l)?.[1]).find(Boolean) ?? lines.map((l) => l.trim()).find((l) => l.length > 0 && !/^---$/.test(l)) ?? '';
  const title = titleLine.replace(/\*\*/g, '').trim() || 'Imported course';
  const term = /\b(Spring|Fall|Autumn|Winter|Summer)\s+((?:19|20)\d{2})\b/i.exec(text);
  const instructor = /^\s*(?:\*\*)?(?:Instructors?|Lecturers?|Professor|Taught by)(?:\*\*)?\s*:?\s*(?:\*\*)?\s*(.+)$/im.exec(text);
  const dates = findDates(text);
  const explicitYears = dates.map((d) => d.year).filter((y): y is number => y !== undefined);
  const pageYear = options.year ?? (term?.[2] ? Number(term[2]) : mostCommon(explicitYears));

  type Draft = { -readonly [K in keyof Deliverable]?: Deliverable[K] } & { kind: string };
  const deliverables = new Map<string, { d: Draft; dateText?: string }>();
  let groupSize: GroupSize | undefined;
  const unassigned: string[] = [];
  for (const sentence of sentences(lines.map(clean))) {
    const group = findGroupSize(sentence);
    if (group && !groupSize) groupSize = { ...group, source: sentence };
    const main = withoutAsides(sentence);
    const kinds = kindWords
      .map(([kind, re]) => ({ kind, index: re.exec(main)?.index }))
      .filter((k): k is { kind: string; index: number } => k.index !== undefined)
      .sort((a, b) => a.index - b.index);
    const limit = findPageLimit(sentence);
    const sentenceDates = findDates(sentence);
    if (kinds.length === 0) {
      if (sentenceDates.length > 0 && /\bdue\b|deadline/i.test(sentence)) unassigned.push(sentence);
      continue;
    }
    if (sentenceDates.length === 0 && !limit) continue;
    // Pair dates and kinds: one date for all kinds, or each date with the nearest kind.
    const pairs = new Map<string, FoundDate>();
    if (sentenceDates.length === 1 && sentenceDates[0]) {
      for (const k of kinds) pairs.set(k.kind, sentenceDates[0]);
    } else {
      for (const date of sentenceDates) {
        const nearest = [...kinds].sort((a, b) => Math.abs(a.index - date.index) - Math.abs(b.index - date.index))[0];
        if (nearest && !pairs.has(nearest.kind)) pairs.set(nearest.kind, date);
        else if (/\bdue\b|deadline/i.test(sentence)) unassigned.push(`${date.text} (in: ${sentence})`);
      }
    }
    for (const k of kinds) {
      const entry = deliverables.get(k.kind) ?? { d: { kind: k.kind } };
      const date = pairs.get(k.kind);
      if (date && entry.d.due === undefined && entry.dateText === undefined) {
        const year = date.year ?? pageYear;
        if (year !== undefined) {
          entry.d.due = iso(year, date.month, date.day);
          if (date.endDay !== undefined) entry.d.dueEnd = iso(year, date.month, date.endDay);
        } else {
          entry.dateText = date.text;
        }
        entry.d.notes = [...(entry.d.notes ?? []), sentence];
      }
      if (limit && !entry.d.pageLimit && (kinds.length === 1 || k === kinds[0])) {
        entry.d.pageLimit = { ...limit, source: sentence };
        if (!date) entry.d.notes = [...(entry.d.notes ?? []), sentence];
      }
      if (/\bPDF\b/.test(sentence) && !entry.d.format) entry.d.format = 'PDF';
      if (date || limit) deliverables.set(k.kind, entry);
    }
  }

  const built: Deliverable[] = [];
  for (const { d, dateText } of deliverables.values()) {
    const index = built.length;
    if (dateText) todo.push(`deliverables[${index}] (${d.kind}): the page says '${dateText}' without a year; set "due" as YYYY-MM-DD (or pass --year)`);
    else if (!d.due) todo.push(`deliverables[${index}] (${d.kind}): no due date found; add "due" (YYYY-MM-DD)`);
    built.push({ ...d, ...(groupSize ? { groupSize } : {}) } as Deliverable);
  }
  if (built.length === 0) todo.push('no deliverables found: add proposal/report entries with "due" dates to "deliverables"');
  for (const u of unassigned) todo.push(`a date with no deliverable next to it: ${u}`);

  const papers = findPapers(lines);
  if (papers.some((p) => p.titleUnverified)) todo.push('papers marked "titleUnverified": the page gives only a link or phrase; check their titles and authors');
  if (!term) todo.push('no term found (e.g. "Spring 2021"): set "term"');
  todo.push('no institution on record: set "institution" if you want it shown');

  const pack: CoursePack = {
    id: options.id ?? slug(title),
    title,
    ...(instructor?.[1] ? { instructor: instructor[1].replace(/\*\*/g, '').trim() } : {}),
    ...(term ? { term: `${cap(term[1] ?? '')} ${term[2] ?? ''}` } : {}),
    ...(options.file ? { sources: [options.file.split(/[\\/]/).pop() ?? options.file] } : {}),
    deliverables: built,
    papers,
  };
  const { problems } = loadPack(JSON.stringify(pack), options.file ?? 'imported.json');
  for (const p of problems) todo.push(`${p.pointer || '/'}: ${p.message}`);
  return { pack, todo, problems };
}

const cap = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1).toLowerCase();

function mostCommon(values: readonly number[]): number | undefined {
  const counts = new Map<number, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0]?.[0];
}

/** Every paper the page lists, under the heading it appears under. */
function findPapers(lines: readonly string[]): CoursePaper[] {
  const papers: CoursePaper[] = [];
  const keys = new Set<string>();
  let topic: string | undefined;
  const push = (paper: Omit<CoursePaper, 'key'>) => {
    const title = paper.title.toLowerCase();
    if (papers.some((p) => p.title.toLowerCase() === title || (paper.arxiv && p.arxiv === paper.arxiv))) return;
    let key = citationKey(paper);
    for (let n = 2; keys.has(key); n++) key = `${citationKey(paper)}${String.fromCharCode(95 + n)}`;
    keys.add(key);
    papers.push({ key, ...paper, ...(topic && paper.topic === undefined ? { topic } : {}) });
  };
  for (const raw of lines) {
    const heading = headingOf(raw);
    if (heading) {
      topic = heading;
      continue;
    }
    const line = clean(raw);
    if (!line) continue;
    const ids = arxivIds(line);
    const plain = line.replace(/\[([^\]]*)\]\((https?:[^)]+)\)/g, '$1');
    const cited = paperFromCitationLine(plain);
    const found = cited ? [cited] : papersFromQuotedTitles(plain);
    if (found.length === 1 && found[0]) {
      const first = ids[0];
      push({ ...found[0], ...(first ? { arxiv: first.id, url: first.url ?? `https://arxiv.org/abs/${first.id}` } : {}) });
      if (ids.length <= 1) continue;
    } else if (found.length > 1) {
      found.forEach(push);
    }
    // "Title (arXiv:1812.11118)": the rest of the line is the title as the page writes it.
    const rest = ids.length === 1 && !ids[0]?.label ? plain.replace(/\(?\s*(?:arXiv:\s?\S+|https?:\/\/arxiv\.org\/\S+)\s*\)?/gi, '').replace(/[\s.,:;-]+$/, '').trim() : '';
    for (const id of ids) {
      const label = id.label;
      const words = rest.split(/\s+/).length;
      const title = words >= 3 && words <= 25 && !/[.?!]\s/.test(rest) ? rest : undefined;
      push({
        title: label ?? title ?? `arXiv:${id.id}`,
        authors: [],
        arxiv: id.id,
        url: id.url ?? `https://arxiv.org/abs/${id.id}`,
        ...(label ? { label } : {}),
        ...(title && !label ? {} : { titleUnverified: true }),
      });
    }
  }
  return papers;
}
