/**
 * One formatted reference read into a paper: APA ("Smith, J., & Lee, K. (2020). Title. Venue."),
 * Vancouver-like author-year ("Saxe AM, Ganguli S (2019) Title. Venue."), Nature ("Smith, J. &
 * Lee, K. Title. Venue 521, 436–444 (2015)."), ACM ("A and B. 2019. Title. In Venue."), IEEE, Chicago and MLA (authors, then the title in
 * quotes), "Authors. Title. Venue, Year.", "Title. Authors, Venue Year", and quoted titles with
 * the authors after them. Authors are kept as the page writes them.
 */
import type { CoursePaper } from '../types';

/** A paper without its key, as read from one reference. */
export type ReadPaper = Omit<CoursePaper, 'key'>;

const particles = new Set(['van', 'von', 'de', 'der', 'den', 'da', 'di', 'du', 'la', 'le', 'del', 'dos', 'bin', 'al']);
/** Initials: "J.", "J.-P.", "P. L." and, in Vancouver style, "AM" after the surname. */
const initial = /^(?:[A-Z]\.?|[A-Z]\.-?[A-Z]\.?|[A-Z]\.[A-Z]\.[A-Z]?\.?|[A-Z]{2,3})$/;
const yearRe = '((?:19|20)\\d{2})';

/** One name written "First Last", "F. Last", "Last" or with particles. */
function isName(name: string): boolean {
  const words = name.split(/\s+/).filter((w) => !initial.test(w));
  if (words.length === 0 || words.length > 3) return false;
  return words.every((w) => particles.has(w) || /^[A-ZÀ-ÖØ-Þ\p{Lu}][\p{L}'’-]*$/u.test(w));
}

/** A list of author names ("Peter L. Bartlett, Nick Harvey and Chris Liaw", "Ruiqi Gao et al."), or undefined. */
export function parseAuthors(text: string): { authors: string[]; etAl: boolean } | undefined {
  let t = text.trim().replace(/[.,;]+$/, '').trim();
  const etAl = /(?:^|\s|,)et\s+al\.?$/i.test(t);
  t = t.replace(/,?\s*et\s+al\.?$/i, '').trim();
  const names = t
    .split(/\s*,\s*(?:and\s+)?|\s+and\s+|\s*&\s*/)
    .map((n) => n.trim())
    .filter(Boolean);
  if (names.length === 0 || !names.every(isName)) return undefined;
  return { authors: names, etAl };
}

/** Chicago and MLA lists: the first name inverted ("Eldan, Ronen, and Ohad Shamir", "Neyshabur, Behnam, et al."). */
function parseInvertedAuthors(text: string): { authors: string[]; etAl: boolean } | undefined {
  let t = text.trim().replace(/[.,;]+$/, '').trim();
  const etAl = /,?\s*et\s+al\.?$/i.test(t);
  t = t.replace(/,?\s*et\s+al\.?$/i, '').trim();
  const m = /^([\p{Lu}][\p{L}'’-]+(?:\s+[\p{Lu}][\p{L}'’-]+)?),\s+([^,]+?)(?:(?:,\s*(?:and\s+)?|\s+and\s+)(.+))?$/u.exec(t);
  if (!m?.[1] || !m[2] || !isName(m[2])) return undefined;
  const rest = m[3] ? parseAuthors(m[3]) : { authors: [], etAl: false };
  if (!rest) return undefined;
  return { authors: [`${m[1]}, ${m[2]}`, ...rest.authors], etAl };
}

/** APA lists: "Zhang, C., Bengio, S., & Vinyals, O." (surname, initials). */
function parseApaAuthors(text: string): { authors: string[]; etAl: boolean } | undefined {
  const t = text.trim().replace(/,?\s*(?:&|\band\b)\s*/g, ', ').replace(/,?\s*\.\.\.\s*/g, ', ');
  const name = /\s*([\p{Lu}][\p{L}'’-]*(?:\s+(?:[\p{Lu}][\p{L}'’-]*|van|von|de|der|da|di|du|la|le))*),\s+((?:[\p{Lu}]\.\s?-?)+)\s*(?:,|$)/uy;
  const authors: string[] = [];
  let at = 0;
  while (at < t.length) {
    name.lastIndex = at;
    const m = name.exec(t);
    if (!m?.[1] || !m[2]) return undefined;
    authors.push(`${m[1]}, ${m[2].trim()}`);
    at = name.lastIndex;
  }
  return authors.length > 0 ? { authors, etAl: false } : undefined;
}

/** Where the venue ends: volume, issue, pages, a year, a link. */
const venueStop = /\s*\((?:pp?\.|vol\.)|,\s*(?:vol\.|volume|pp\.|pages|no\.|article|\d)|\s+\d+\s*,\s*no\.|\s+\d+\s*,\s*\d+\s*[–-]|\s+\d+\s*\((?:19|20)\d{2}\)|\s+\d+\s*,\s*\d+\s*\(|\s+\d+\s*\(\d|\s*\((?:19|20)\d{2}\)|\.\s+\d|\.\s+(?:https?:|doi|arxiv|\[online\]|available)|\s+https?:|\s+doi:|\s+arxiv:|:\s*\d+[–-]\d+/i;

/** The venue at the start of `text` ("In Proc. X (ICLR), 2019, pp. 1-2." -> "Proc. X (ICLR)"). */
function venueAt(text: string): string | undefined {
  let v = text.replace(/^\s*(?:in:?\s+)/i, '');
  const stop = venueStop.exec(v);
  if (stop) v = v.slice(0, stop.index);
  v = v.replace(/[\s.,;:]+$/, '').trim();
  if (!v || /^(?:19|20)\d{2}$/.test(v) || !/^[\p{Lu}\d]/u.test(v) || v.split(/\s+/).length > 15) return undefined;
  return v;
}

/** The publication year in the text after a title: "(2019)", ", 2016.", ". 2016." but not page numbers. */
function yearAfter(text: string): number | undefined {
  const m = new RegExp(`(?:\\(|,\\s*|\\.\\s+|^\\s*|\\s)${yearRe}[a-z]?(?=\\)|[.,;:]|\\s*$)`).exec(text.replace(/pp\.\s*\d+[–-]\d+/g, ''));
  return m?.[1] ? Number(m[1]) : undefined;
}

/** Splits at sentence ends that are not initials ("Simon S. Du" stays whole); a `?` or `!` stays with its part. */
function segments(text: string): string[] {
  const out: string[] = [];
  let start = 0;
  for (const m of text.matchAll(/[.?!]\s+/g)) {
    const before = text.slice(start, m.index);
    if (m[0].startsWith('.') && /(?:^|[\s.-])[\p{Lu}]$/u.test(before)) continue;
    out.push(text.slice(start, m.index + (m[0].startsWith('.') ? 0 : 1)).trim());
    start = m.index + m[0].length;
  }
  out.push(text.slice(start).trim());
  return out.filter(Boolean);
}

const titleOk = (t: string) => t.split(/\s+/).length >= 2 && /^[\p{Lu}\d"“{]/u.test(t);
const stripTitle = (t: string) => t.replace(/^["“]|["”]$/g, '').replace(/[.,]$/, '').trim();

/** APA: `Authors (2020). Title. Venue, 12(3), 1-10.` */
function apa(text: string): ReadPaper | undefined {
  const m = new RegExp(`^(.+?)\\s*\\(${yearRe}[a-z]?(?:,\\s*[^)]*)?\\)\\.?\\s+(.+)$`).exec(text);
  if (!m?.[1] || !m[2] || !m[3]) return undefined;
  const who = parseApaAuthors(m[1]) ?? parseAuthors(m[1]);
  if (!who) return undefined;
  const [title, ...rest] = segments(m[3]);
  if (!title || !titleOk(title)) return undefined;
  const venue = venueAt(rest.join('. '));
  return { title: stripTitle(title), authors: who.authors, year: Number(m[2]), ...(venue ? { venue } : {}), ...(who.etAl ? { etAl: true } : {}) };
}

/** Nature: `LeCun, Y., Bengio, Y. & Hinton, G. Deep learning. Nature 521, 436–444 (2015).` */
function nature(text: string): ReadPaper | undefined {
  const m = /^((?:[\p{Lu}][\p{L}'’-]+(?:\s[\p{Lu}][\p{L}'’-]+)*,\s(?:[\p{Lu}]\.\s?-?)+,?\s(?:&\s|and\s)?)+)(?=[\p{Lu}\d])(.+)$/u.exec(text);
  if (!m?.[1] || !m[2]) return undefined;
  const who = parseApaAuthors(m[1].trim());
  if (!who) return undefined;
  const [title, ...rest] = segments(m[2]);
  const after = rest.join('. ');
  const year = new RegExp(`\\(${yearRe}\\)\\.?$`).exec(after)?.[1];
  if (!title || !titleOk(title) || !year) return undefined;
  const venue = venueAt(after);
  return { title: stripTitle(title), authors: who.authors, year: Number(year), ...(venue ? { venue } : {}) };
}

/** ACM: `A, B, and C. 2019. Title. In Venue. Pages.` */
function acm(text: string): ReadPaper | undefined {
  const m = new RegExp(`^(.+?)\\.\\s+${yearRe}[a-z]?\\.\\s+(.+)$`).exec(text);
  if (!m?.[1] || !m[2] || !m[3]) return undefined;
  const who = parseAuthors(m[1]);
  if (!who) return undefined;
  const [title, ...rest] = segments(m[3]);
  if (!title || !titleOk(title)) return undefined;
  const venue = venueAt(rest.join('. '));
  return { title: stripTitle(title), authors: who.authors, year: Number(m[2]), ...(venue ? { venue } : {}), ...(who.etAl ? { etAl: true } : {}) };
}

const quoted = /“([^”]+)”|"([^"]+?)''|"([^"]+)"|``([^']+?)''/g;

/** IEEE, Chicago, MLA: authors, then `"Title,"` in quotes, then the venue and year. */
function authorsThenQuotedTitle(text: string): ReadPaper | undefined {
  const q = new RegExp(quoted.source).exec(text);
  if (!q) return undefined;
  const before = text.slice(0, q.index).replace(/[\s,.:]+$/, '');
  if (!before) return undefined;
  const who = parseInvertedAuthors(before) ?? parseAuthors(before);
  if (!who) return undefined;
  const title = stripTitle(q[1] ?? q[2] ?? q[3] ?? q[4] ?? '');
  if (!titleOk(title) || title.split(/\s+/).length < 3) return undefined;
  const after = text.slice(q.index + q[0].length).replace(/^[\s,.]+/, '');
  const venue = venueAt(after);
  const year = yearAfter(after);
  // A formatted reference gives its year; without one, the words before the quote are prose.
  if (year === undefined) return undefined;
  return { title, authors: who.authors, ...(year !== undefined ? { year } : {}), ...(venue ? { venue } : {}), ...(who.etAl ? { etAl: true } : {}) };
}

/** `Authors. Title. Venue, Year.` */
function authorsTitleVenue(text: string): ReadPaper | undefined {
  const parts = segments(text);
  if (parts.length < 3) return undefined;
  const who = parseAuthors(parts[0] ?? '');
  if (!who) return undefined;
  const last = parts.at(-1) ?? '';
  const vy = new RegExp(`^(.+?),?\\s+${yearRe}\\.?$`).exec(last);
  if (!vy?.[1] || !vy[2]) return undefined;
  const title = parts.slice(1, -1).join('. ');
  if (!titleOk(title)) return undefined;
  // "Deep Double Descent. Preetum Nakkiran. ICLR 2020.": a short title reads as a name too.
  if (parts.length === 3 && !/,|\band\b|&/.test(parts[0] ?? '') && parseAuthors(title)) return undefined;
  const venue = venueAt(vy[1]);
  return { title: stripTitle(title), authors: who.authors, year: Number(vy[2]), ...(venue ? { venue } : {}), ...(who.etAl ? { etAl: true } : {}) };
}

/** `, Venue Year` at the end of a citation line: a short capitalised phrase and a year. */
const venueYearAtEnd = /(?:[,.]\s+|\s+(?=\())\(?([A-Z][\w&'-]*(?:\s+(?:[A-Z][\w&'-]*|of|on|in|for|and|&))*?)[,\s]+((?:19|20)\d{2})\)?\.?\s*$/;

/** `Title. Authors, Venue Year` or `Title, Authors, Venue Year`. */
function titleThenAuthors(line: string): ReadPaper | undefined {
  const venue = venueYearAtEnd.exec(line);
  if (!venue?.[1] || !venue[2]) return undefined;
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
 * `"Title" (A, 2017)`; several on one line are several papers.
 */
export function quotedTitlesThenAuthors(line: string): ReadPaper[] {
  const quotes = [...line.matchAll(quoted)];
  const out: ReadPaper[] = [];
  quotes.forEach((q, i) => {
    const title = (q[1] ?? q[2] ?? q[3] ?? q[4] ?? '').trim().replace(/[,.]$/, '');
    if (title.split(/\s+/).length < 3 || !/^[A-Z0-9]/.test(title)) return;
    const after = line.slice(q.index + q[0].length, quotes[i + 1]?.index ?? line.length);
    let year: number | undefined;
    let venue: string | undefined;
    let authorText: string;
    const paren = /^\s*,?\s*\(([^()]*)\)/.exec(after);
    if (paren?.[1] !== undefined) {
      const y = /,?\s*((?:19|20)\d{2})\s*$/.exec(paren[1]);
      if (y?.[1]) year = Number(y[1]);
      authorText = y ? paren[1].slice(0, y.index) : paren[1];
    } else {
      const by = /^\s*,?\s*(?:by\s+)?(.*?)(?=\s+in\s+https?:|\s+https?:|\s*\.\s|\s*\.$|\s+(?:and|about|together|in|for|to)\s+[a-z]|$)/.exec(after);
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

/** The papers one reference line holds, trying the styles from the most to the least specific. */
export function readReference(text: string): ReadPaper[] {
  // One space between words: runs of white space would make the styles' patterns slow.
  const t = text.replace(/\s+/g, ' ').trim();
  if (!t) return [];
  for (const style of [apa, acm, nature, authorsThenQuotedTitle, authorsTitleVenue, titleThenAuthors]) {
    const paper = style(t);
    if (paper) return [paper];
  }
  return quotedTitlesThenAuthors(t);
}
