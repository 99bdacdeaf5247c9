import type { CoursePack, CoursePaper } from '../courses/types';
import type { TextEdit } from '../lint/rule';
import type { Writeup } from '../model/writeup';
import { LineIndex } from '../text/lineIndex';
import { familyOfDisplay } from './names';
import { basenameOf, bibliographyNames, dirnameOf } from '../text/paths';

const STOP_WORDS = new Set(
  'a an the on of in for and or to with without is are be as at by from via what how why when where which do does can its into towards toward beyond under over through about we our'.split(
    ' ',
  ),
);

/** Lower-case ASCII letters of a word (accents dropped): `Müller` -> `muller`. */
function ascii(word: string): string {
  return word
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ß/g, 'ss')
    .replace(/ø/gi, 'o')
    .replace(/ł/gi, 'l')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

/**
 * A readable key: first author's family name, year, first significant title word, e.g.
 * `bartlett2017spectrally`. A course paper's own key is used when it is a valid BibTeX key.
 */
export function bibKeyFor(paper: Pick<CoursePaper, 'key' | 'title' | 'authors' | 'year'>): string {
  if (/^[A-Za-z][\w:.+/-]*$/.test(paper.key)) return paper.key;
  const first = paper.authors[0];
  const family = first ? ascii(familyOfDisplay(first)) : 'anon';
  const word = paper.title.split(/[\s-]+/).map(ascii).find((w) => w.length > 0 && !STOP_WORDS.has(w)) ?? '';
  return `${family || 'anon'}${paper.year ?? ''}${word}`;
}

/** `base`, or `base` with the first free suffix a, b, ..., z, aa, ab... among `taken`. */
export function uniqueKey(base: string, taken: ReadonlySet<string> | ((key: string) => boolean)): string {
  const has = typeof taken === 'function' ? taken : (k: string) => taken.has(k);
  if (!has(base)) return base;
  for (let n = 0; ; n++) {
    let suffix = '';
    let i = n;
    do {
      suffix = String.fromCharCode(97 + (i % 26)) + suffix;
      i = Math.floor(i / 26) - 1;
    } while (i >= 0);
    if (!has(base + suffix)) return base + suffix;
  }
}

/** Escapes the characters BibTeX/LaTeX treat specially in a plain-text value (braces dropped). */
function escapeValue(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[{}]/g, '')
    .replace(/\\/g, '\\textbackslash ')
    .replace(/([&%$#_])/g, '\\$1');
}

/** A URL is written as is, braces removed so the value stays balanced. */
function escapeUrl(url: string): string {
  return url.replace(/[{}\s]/g, '');
}

/** "Bartlett, Peter L." from "Peter L. Bartlett"; a single name stays as it is. */
function bibtexName(display: string): string {
  const words = display.trim().split(/\s+/);
  if (words.length <= 1) return display.trim();
  return `${words[words.length - 1] ?? ''}, ${words.slice(0, -1).join(' ')}`;
}

const JOURNAL = /\b(journal|annals|transactions|letters|review|proceedings of the national|magazine|communications)\b/i;
const ARXIV = /arxiv\.org\/(?:abs|pdf)\/([^\s?#]+?)(?:v\d+)?(?:\.pdf)?(?:[?#].*)?$/i;

/**
 * A complete BibTeX entry for a course paper: `@inproceedings` for conferences, `@article` for
 * journals, `@misc` with `eprint`/`archivePrefix` or `url` when only a link is known.
 */
export function bibtexForPaper(paper: CoursePaper, key: string, pack?: CoursePack): string {
  const arxiv = paper.arxiv ?? ARXIV.exec(paper.url ?? '')?.[1];
  const venue = paper.venue && !/^arxiv$/i.test(paper.venue.trim()) ? paper.venue : undefined;
  const type = venue === undefined ? 'misc' : JOURNAL.test(venue) ? 'article' : 'inproceedings';
  const authors = paper.authors.map(bibtexName);
  if (paper.etAl) authors.push('others');
  const fields: [string, string][] = [];
  if (authors.length > 0) fields.push(['author', authors.map(escapeValue).join(' and ')]);
  fields.push(['title', escapeValue(paper.title)]);
  if (venue !== undefined) fields.push([type === 'article' ? 'journal' : 'booktitle', escapeValue(venue)]);
  if (paper.year !== undefined) fields.push(['year', String(paper.year)]);
  if (arxiv) {
    fields.push(['eprint', escapeUrl(arxiv)]);
    fields.push(['archivePrefix', 'arXiv']);
  }
  if (paper.doi) fields.push(['doi', escapeUrl(paper.doi)]);
  const url = paper.url ?? (arxiv ? `https://arxiv.org/abs/${arxiv}` : undefined);
  if (url) fields.push(['url', escapeUrl(url)]);
  const notes: string[] = [];
  if (pack) notes.push(`Listed by ${pack.shortName ?? pack.id}${paper.topic ? ` (${paper.topic})` : ''}`);
  if (paper.titleUnverified) notes.push('title taken from the course page: check it');
  if (notes.length > 0) fields.push(['note', escapeValue(notes.join('; '))]);
  const width = Math.max(...fields.map(([name]) => name.length));
  const body = fields.map(([name, value]) => `  ${name.padEnd(width)} = {${value}}`).join(',\n');
  return `@${type}{${key},\n${body}\n}\n`;
}

/**
 * An edit that appends `entryText` at the end of a .bib file, leaving everything already there
 * byte for byte as it was: only a line break and a blank line are added before the entry.
 * `bibText` undefined means the file does not exist yet.
 */
export function appendEntryEdit(bibText: string | undefined, entryText: string, file: string): TextEdit {
  const text = bibText ?? '';
  const end = new LineIndex(text).positionAt(text.length);
  const newline = /\r\n/.test(text) ? '\r\n' : '\n';
  let prefix = '';
  if (text.trim().length > 0) prefix = text.endsWith('\n') ? (/\n\s*\n\s*$/.test(text) ? '' : newline) : newline + newline;
  else if (text.length > 0 && !text.endsWith('\n')) prefix = newline;
  const body = newline === '\n' ? entryText : entryText.replace(/\n/g, '\r\n');
  return { file, range: { start: end, end }, newText: prefix + body };
}

/** Everything needed to add a course paper to a writeup's bibliography. */
export interface AddPaperPlan {
  /** The key the entry gets (and the writeup should cite). */
  readonly key: string;
  /** The BibTeX entry. */
  readonly entryText: string;
  /** The .bib file it goes to. */
  readonly bibFile: string;
  /** True when the .bib file does not exist yet and must be created. */
  readonly createBibFile: boolean;
  /** The append to the .bib, then (when needed) the front matter `bibliography:` line. */
  readonly edits: readonly TextEdit[];
}

/**
 * Plans adding `paper` to `bibFile` (text `bibText`, undefined when missing): a unique key, the
 * entry, the append edit, and a `bibliography:` line in the front matter when a Markdown writeup
 * names no bibliography and the file is not already the default `references.bib` beside it.
 */
export function planAddPaper(
  writeup: Pick<Writeup, 'file' | 'text' | 'format' | 'metadata'>,
  bibFile: string,
  bibText: string | undefined,
  paper: CoursePaper,
  pack?: CoursePack,
): AddPaperPlan {
  const existing = new Set<string>();
  if (bibText) for (const m of bibText.matchAll(/@\s*[A-Za-z]+\s*[{(]\s*([^,\s{}()]+)/g)) if (m[1]) existing.add(m[1]);
  const key = uniqueKey(bibKeyFor(paper), existing);
  const entryText = bibtexForPaper(paper, key, pack);
  const edits: TextEdit[] = [appendEntryEdit(bibText, entryText, bibFile)];
  const frontMatter = frontMatterEdit(writeup, bibFile);
  if (frontMatter) edits.push(frontMatter);
  return { key, entryText, bibFile, createBibFile: bibText === undefined, edits };
}

/** Adds `bibliography: <name>` to a Markdown writeup that names none (creating the front matter if needed). */
export function frontMatterEdit(writeup: Pick<Writeup, 'file' | 'text' | 'format' | 'metadata'>, bibFile: string): TextEdit | undefined {
  if (writeup.format !== 'markdown' || bibliographyNames(writeup).length > 0) return undefined;
  const dir = dirnameOf(writeup.file);
  const bibDir = dirnameOf(bibFile);
  const name = dir !== undefined && dir === bibDir ? basenameOf(bibFile) : bibFile;
  const line = `bibliography: ${name}`;
  const text = writeup.text;
  const lines = new LineIndex(text);
  if (/^---[ \t]*\r?\n/.test(text)) {
    // Insert before the closing `---`/`...` of the front matter.
    for (let l = 1; l < lines.lineCount; l++) {
      if (/^(---|\.\.\.)[ \t]*$/.test(lines.lineText(l))) {
        const at = { line: l, character: 0 };
        return { range: { start: at, end: at }, newText: `${line}\n` };
      }
    }
  }
  const at = { line: 0, character: 0 };
  return { range: { start: at, end: at }, newText: `---\n${line}\n---\n\n` };
}
