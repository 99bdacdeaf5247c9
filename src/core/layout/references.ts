/*
 * The reference list as the document's bibliography style sets it: each cited entry's text built
 * from its .bib fields the way the style prints them (names in full or as initials, a long author
 * list truncated where the style does it, the fields it prints), broken into lines at the
 * references font with the list's label indent or hanging indent. Where the entries are unknown
 * the list takes an average length per key (and the estimate says so).
 */
import type { BibEntry } from '../bib/types';
import { splitDisplayName } from '../bib/names';
import { toPlain } from '../readers/latex/runningText';
import type { Writeup } from '../model';
import { citationLabel } from './citations';
import { textWidth, type Face } from './fonts';
import { LineBreaker } from './lineBreak';
import { P } from './textBlock';

/** How a style prints names and which fields it adds, and how its list is indented. */
export interface ReferenceStyle {
  /** `F. M. Last` instead of the names as written. */
  readonly initials: boolean;
  /** More names than this print as the first `etAlFirst` and "et al." (undefined: every name). */
  readonly etAlMin?: number;
  readonly etAlFirst?: number;
  /** The first author written family name first (`Last, First`), as Chicago does. */
  readonly familyFirst?: boolean;
  /** Prints DOI, URL, ISBN/ISSN and eprint (natbib's styles, biblatex, CSL); the classic styles do not. */
  readonly links: boolean;
  /** Prints an arXiv eprint (`arXiv: 2301.01234`) as biblatex does; BibTeX's natbib styles leave it out. */
  readonly eprint?: boolean;
  /** Hanging indent of an entry without a label (pt): natbib's `\\bibhang` 1em, pandoc's `\\cslhangindent` 1.5em. */
  readonly hang?: number;
  /** The label in front of each entry (`[12]`, `[VSP+17]`), or none (author and year: a hanging indent). */
  readonly label: 'number' | 'alpha' | 'none';
}

/** An entry's text in pieces of one face each (titles and venues may be italic, URLs typewriter). */
export type EntryText = readonly (readonly [text: string, face: Face | 'mono'])[];

/** BibTeX styles that print names as initials. */
const INITIALS_BST = /^(abbrv|abbrvnat|abbrvurl|ieeetr|ieeetran|ieee|acm|siam|splncs\d*|vancouver|amsplain|amsalpha|naturemag|elsarticle-num)$/i;
/** BibTeX styles that print DOI and URL (natbib's, the ACL and the URL variants). */
const LINKS_BST = /(nat|url|acl_natbib|ieeetran|elsarticle-.*)$/i;

/**
 * The style the references are set in: the `\bibliographystyle` (natbib's when none is named, as
 * the NeurIPS template loads natbib), biblatex's standard styles (three names at most, then "et
 * al."), or pandoc's default CSL style (Chicago author-date) for Markdown.
 */
export function referenceStyleOf(writeup: Writeup): ReferenceStyle {
  if (writeup.format === 'markdown') return { initials: false, etAlMin: 11, etAlFirst: 7, familyFirst: true, links: true, label: 'none', hang: 15 };
  const biblatex = writeup.metadata.citationPackage?.biblatex;
  const numbered = citationLabel(writeup);
  if (biblatex) {
    const max = /\bmax(?:bib)?names\s*=\s*(\d+)/.exec(biblatex.join(','))?.[1];
    const min = /\bmin(?:bib)?names\s*=\s*(\d+)/.exec(biblatex.join(','))?.[1];
    return { initials: /\bgiveninits\s*=\s*true\b|\bfirstinits\b/.test(biblatex.join(',')), etAlMin: Number(max ?? 3) + 1, etAlFirst: Number(min ?? 1), links: true, eprint: true, label: numbered === undefined ? 'none' : 'number' };
  }
  const bst = writeup.metadata.bibliographyStyle ?? 'plainnat';
  return {
    initials: INITIALS_BST.test(bst),
    links: LINKS_BST.test(bst),
    label: /alpha/i.test(bst) ? 'alpha' : numbered === undefined ? 'none' : 'number',
  };
}

/** LaTeX left in a field (commands, braces, math, ties) as the printed text reads: the readers' one TeX-to-text. */
function plain(value: string | undefined): string {
  return value === undefined ? '' : toPlain(value).replace(/\s+/g, ' ').trim();
}

/** One name as the style prints it. */
function nameOf(display: string, style: ReferenceStyle, first: boolean): string {
  if (display === 'others') return 'others';
  const { given, family, suffix } = splitDisplayName(display);
  const givenText = style.initials
    ? given
        .split(/\s+/)
        .filter(Boolean)
        .map((w) => `${w[0] ?? ''}.`)
        .join(' ')
    : given;
  if (!givenText) return plain(family);
  if (first && style.familyFirst) return plain(`${family}, ${givenText}${suffix ? `, ${suffix}` : ''}`);
  return plain(`${givenText} ${family}${suffix ? ` ${suffix}` : ''}`);
}

/** The author (or editor) list: "A", "A and B", "A, B, and C", "A et al." where the style truncates. */
export function namesText(names: readonly string[], style: ReferenceStyle): string {
  let list = names;
  let etAl = list[list.length - 1] === 'others';
  if (etAl) list = list.slice(0, -1);
  if (style.etAlMin !== undefined && list.length >= style.etAlMin) {
    list = list.slice(0, style.etAlFirst ?? 1);
    etAl = true;
  }
  const printed = list.map((n, i) => nameOf(n, style, i === 0));
  if (etAl) return printed.length === 1 ? `${printed[0] ?? ''} et al.` : `${printed.join(', ')}, et al.`;
  if (printed.length <= 1) return printed[0] ?? '';
  if (printed.length === 2) return `${printed[0] ?? ''} and ${printed[1] ?? ''}`;
  return `${printed.slice(0, -1).join(', ')}, and ${printed[printed.length - 1] ?? ''}`;
}

/**
 * An entry's printed text in the style: names, title, where it appeared (italic), volume, number,
 * pages, publisher and place, date, note, and the links the style prints. The words each entry
 * type adds ("In", "pages", "PhD thesis", "editors") are included; their order varies a little
 * between styles, their length does not.
 */
export function entryText(entry: BibEntry, style: ReferenceStyle): EntryText {
  const key = printKey(style);
  const kept = printed.get(entry);
  if (kept?.key === key) return kept.text;
  const text = buildEntryText(entry, style);
  printed.set(entry, { key, text });
  return text;
}

/**
 * Each entry's text as last printed, with the style's choices that made it: the entries of a .bib
 * are immutable and a changed .bib is read into new ones, so the reference list is not rebuilt at
 * every estimate while the writeup is edited.
 */
const printed = new WeakMap<BibEntry, { readonly key: string; readonly text: EntryText }>();

/** What of a style the entry's text depends on (not its label or indent). */
function printKey(style: ReferenceStyle): string {
  return `${style.initials ? 1 : 0}${style.familyFirst === true ? 1 : 0}${style.links ? 1 : 0}${style.eprint === true ? 1 : 0} ${style.etAlMin ?? ''} ${style.etAlFirst ?? ''}`;
}

function buildEntryText(entry: BibEntry, style: ReferenceStyle): EntryText {
  const f = entry.fields;
  const out: [string, Face | 'mono'][] = [];
  const add = (text: string, face: Face | 'mono' = 'regular'): void => {
    if (text.trim() !== '') out.push([text, face]);
  };
  const type = entry.type.toLowerCase();
  const authors = entry.authors;
  if (f.author !== undefined && authors.length > 0) add(`${namesText(authors, style)}.`);
  else if (f.editor !== undefined && authors.length > 0) add(`${namesText(authors, style)}, ${authors.length > 1 ? 'editors' : 'editor'}.`);
  const bookLike = /^(book|proceedings|manual)$/.test(type);
  add(`${plain(f.title)}.`, bookLike ? 'italic' : 'regular');
  const container = plain(f.journal ?? f.journaltitle ?? f.booktitle);
  if (container) {
    if (f.journal === undefined && f.journaltitle === undefined) add('In');
    if (f.editor !== undefined && f.author !== undefined) add(`${namesText(f.editor.split(/\s+and\s+/), style)}, editors,`);
    add(`${container},`, 'italic');
  }
  const detail: string[] = [];
  if (f.volume) detail.push(f.number ? `${plain(f.volume)}(${plain(f.number)})` : plain(f.volume));
  else if (f.number && type !== 'techreport') detail.push(`number ${plain(f.number)}`);
  if (f.series) detail.push(plain(f.series));
  if (f.pages) detail.push(`${container && type === 'article' ? '' : 'pages '}${plain(f.pages)}`);
  if (type === 'techreport') detail.push(`Technical Report ${plain(f.number)}`.trim());
  if (type === 'phdthesis') detail.push('PhD thesis');
  if (type === 'mastersthesis') detail.push("Master's thesis");
  for (const field of ['howpublished', 'school', 'institution', 'organization', 'publisher', 'address', 'edition'] as const) {
    const v = plain(f[field]);
    if (v && !(field === 'howpublished' && /^\\?url/i.test(f[field] ?? ''))) detail.push(field === 'edition' ? `${v} edition` : v);
  }
  const date = [plain(f.month), plain(f.year ?? f.date)].filter(Boolean).join(' ');
  if (date) detail.push(date);
  if (detail.length > 0) add(`${detail.join(', ')}.`);
  if (f.note) add(`${plain(f.note)}.`);
  if (style.links) {
    if (f.isbn) add(`ISBN ${plain(f.isbn)}.`);
    if (f.issn) add(`ISSN ${plain(f.issn)}.`);
    if (f.doi) {
      add('doi:');
      add(`${plain(f.doi)}.`, 'mono');
    }
    if (style.eprint && f.eprint && /arxiv/i.test(f.archiveprefix ?? f.eprinttype ?? '')) add(`arXiv:${plain(f.eprint)}.`);
    const url = f.url ?? /\\url\s*\{([^}]*)\}/.exec(f.howpublished ?? '')?.[1];
    if (url) {
      add('URL');
      add(`${url.trim()}.`, 'mono');
    }
  }
  return out;
}

/** Width in em of a typewriter character (Courier in the Times templates; the URL and DOI font). */
const MONO = 0.6;
/** Where `\url` may break a line: after these characters. */
const URL_BREAK = /(?<=[/.\-_?&=#:])/;

/**
 * Lines an entry takes: its pieces broken at `size` points in `measure` points, the first line
 * `firstExtra` points wider (a hanging indent gives the first line the room the others lose).
 */
export function entryLines(text: EntryText, measure: number, size: number, firstExtra = 0): number {
  const b = new LineBreaker(measure, size);
  if (firstExtra > 0) {
    b.word(-firstExtra, 0);
    b.joinNext();
  }
  for (const [piece, face] of text) {
    if (face !== 'mono') {
      b.text(piece, face);
      continue;
    }
    // A URL breaks after its slashes and dots, with no space between the parts.
    piece.split(URL_BREAK).forEach((part, i) => {
      if (i > 0) b.joinNext();
      b.word(part.length * MONO * size, 0);
    });
  }
  return Math.max(1, b.lines);
}

/** Width (pt at `size`) of the widest label of `count` entries, and the label separation after it. */
export function labelIndent(style: ReferenceStyle, count: number, size: number): number {
  if (style.label === 'none') return 0;
  const widest = style.label === 'alpha' ? '[ABC+20]' : `[${'0'.repeat(String(Math.max(1, count)).length)}]`;
  // `\labelsep` 0.5em in the article class.
  return textWidth(widest) * size + 0.5 * size;
}

/**
 * Space between two entries (pt): natbib's `\\bibsep`, the article class's `\\itemsep` plus
 * `\\parsep` when natbib is loaded (8pt at 10pt, 9pt at 11pt, 10pt at 12pt; the templates load it
 * before setting their own lists; natbib sets no `\\parsep`); without natbib (`nonatbib`,
 * biblatex) the style's list skips. A style may change `\\itemsep` in the list it writes.
 */
export function entryGap(writeup: Writeup): number {
  const setup = writeup.metadata.pageSetup;
  const natbib = writeup.metadata.citationPackage?.biblatex === undefined && (setup?.template?.options.includes('nonatbib') !== true || setup.packages.includes('natbib'));
  // The CVPR styles (`ieee_fullname`, `ieee`) write `\\itemsep=-1pt` into the list they make.
  const itemSep = /^ieee(_fullname)?$/i.test(writeup.metadata.bibliographyStyle ?? '') ? -1 : undefined;
  if (!natbib) return (itemSep ?? P.itemSep) + P.parSep;
  if (itemSep !== undefined) return itemSep;
  const size = setup?.classOptions.find((o) => /^1[12]pt$/.test(o));
  return size === '11pt' ? 9 : size === '12pt' ? 10 : 8;
}

/** The author-and-year lists' `\bibhang` (natbib: 1em at the body size). */
export const BIB_HANG = 10;

/** Font size of the list: the size switch in effect where it begins (`\\small` before `\\bibliography`), else natbib's `\\bibfont`, else the body's. */
export function referencesSize(writeup: Writeup): 'normalsize' | 'small' | 'footnotesize' | 'scriptsize' {
  if (writeup.referencesStart === undefined || writeup.format !== 'latex') return 'normalsize';
  const size = writeup.referencesSize;
  if (size === 'small' || size === 'footnotesize' || size === 'scriptsize') return size;
  return writeup.metadata.bibFont ?? 'normalsize';
}
