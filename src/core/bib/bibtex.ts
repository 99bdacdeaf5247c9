import type { CoursePaper } from '../courses/types';
import type { TextEdit } from '../lint/rule';
import type { Writeup } from '../model/writeup';
import { LineIndex } from '../text/lineIndex';
import { keysInBibText, bibKeyFor, uniqueKey } from './keys';
import { bibtexName } from './names';
import { basenameOf, bibliographyNames, dirnameOf } from '../text/paths';

/** Escapes the characters BibTeX/LaTeX treat specially in a plain-text value (braces dropped). */
function escapeValue(text: string): string {
  return escapeSpecials(text.replace(/\s+/g, ' ').trim());
}

/** `\`, `&`, `%`, `$`, `#`, `_` escaped, braces dropped; spacing kept. */
function escapeSpecials(text: string): string {
  return text
    .replace(/[{}]/g, '')
    .replace(/\\/g, '\\textbackslash ')
    .replace(/([&%$#_])/g, '\\$1');
}

/** A URL is written as is, braces removed so the value stays balanced. */
function escapeUrl(url: string): string {
  return url.replace(/[{}\s]/g, '');
}

/**
 * A title with its capitals protected from styles that lower-case titles: a capitalised word
 * becomes `{P}rotected`, an acronym or mixed-case word `{ReLU}`; `$...$` math is kept as written.
 */
export function protectTitle(title: string): string {
  const parts = title.replace(/\s+/g, ' ').trim().split(/(\$[^$]*\$)/);
  return parts
    .map((part, i) => {
      if (i % 2 === 1) return part.replace(/[{}]/g, '');
      return escapeSpecials(part).replace(/(?<![\\\p{L}])[\p{L}\p{N}]+/gu, (word) => {
        const capitals = word.match(/\p{Lu}/gu)?.length ?? 0;
        if (capitals === 0) return word;
        if (capitals === 1 && /^\p{Lu}/u.test(word)) return `{${word[0] ?? ''}}${word.slice(1)}`;
        return `{${word}}`;
      });
    })
    .join('');
}

const JOURNAL = /\b(journal|annals|transactions|letters|review|proceedings of the national|magazine|communications|acta|bulletin|foundations and trends)\b/i;
const ARXIV = /arxiv\.org\/(?:abs|pdf)\/([^\s?#]+?)(?:v\d+)?(?:\.pdf)?(?:[?#].*)?$/i;

/** The field a paper's venue goes in, per entry type (BibTeX's required field where there is one). */
const VENUE_FIELD: Readonly<Record<string, string>> = {
  article: 'journal',
  inproceedings: 'booktitle',
  techreport: 'institution',
  phdthesis: 'school',
  book: 'publisher',
  misc: 'howpublished',
};

/** The arXiv id of a paper, from its `arxiv` field or an arxiv.org link; the version dropped. */
export function arxivOf(paper: Pick<CoursePaper, 'arxiv' | 'url'>): string | undefined {
  const id = paper.arxiv ?? ARXIV.exec(paper.url ?? '')?.[1];
  return id?.replace(/v\d+$/, '');
}

/** The BibTeX type of a paper: its `type`, else `misc` without a venue (or with `arXiv`), `article` for journals, else `inproceedings`. */
export function paperType(paper: Pick<CoursePaper, 'type' | 'venue'>): NonNullable<CoursePaper['type']> {
  if (paper.type) return paper.type;
  const venue = paper.venue?.trim();
  if (!venue || /^arxiv\b/i.test(venue)) return 'misc';
  return JOURNAL.test(venue) ? 'article' : 'inproceedings';
}

/**
 * A complete BibTeX entry for a course paper, for its type: `@inproceedings` with `booktitle`,
 * `@article` with `journal` (and volume, number, pages where known), `@misc` for a preprint
 * (`howpublished` naming it); authors as `Last, First and ...`, the title's capitals protected,
 * `eprint`/`archivePrefix` for arXiv, `doi`, `url`. Unconfirmed facts get a `note` saying so.
 */
export function bibtexForPaper(paper: CoursePaper, key: string): string {
  const arxiv = arxivOf(paper);
  const type = paperType(paper);
  const venue = paper.venue && !/^arxiv\b/i.test(paper.venue.trim()) ? paper.venue : undefined;
  const authors = paper.authors.filter((a) => a.trim().length > 0).map(bibtexName);
  if (paper.etAl) authors.push('others');
  const fields: [string, string][] = [];
  if (authors.length > 0) fields.push(['author', authors.map(escapeValue).join(' and ')]);
  fields.push(['title', protectTitle(paper.title)]);
  if (venue !== undefined) {
    // A book's venue is its publisher, unless the publisher is given: then it names the series.
    fields.push([type === 'book' && paper.publisher ? 'series' : (VENUE_FIELD[type] ?? 'howpublished'), escapeValue(venue)]);
  } else if (type === 'misc' && arxiv) {
    fields.push(['howpublished', `arXiv preprint arXiv:${escapeValue(arxiv)}`]);
  }
  if (paper.volume) fields.push(['volume', escapeValue(paper.volume)]);
  if (paper.number) fields.push(['number', escapeValue(paper.number)]);
  if (paper.pages) fields.push(['pages', escapeValue(paper.pages).replace(/\s*[-\u2013\u2014]+\s*/g, '--')]);
  if (paper.publisher) fields.push(['publisher', escapeValue(paper.publisher)]);
  if (paper.year !== undefined) fields.push(['year', String(paper.year)]);
  if (arxiv) {
    fields.push(['eprint', escapeUrl(arxiv)]);
    fields.push(['archivePrefix', 'arXiv']);
    // Old-style ids name their archive: `math.PR/0601001`.
    const primary = /^([a-z-]+(?:\.[A-Z]{2})?)\//.exec(arxiv)?.[1];
    if (primary) fields.push(['primaryClass', primary]);
  }
  if (paper.doi) fields.push(['doi', escapeUrl(paper.doi)]);
  const url = paper.url ?? (arxiv ? `https://arxiv.org/abs/${arxiv}` : paper.doi ? `https://doi.org/${paper.doi}` : undefined);
  if (url) fields.push(['url', escapeUrl(url)]);
  const check = [...new Set([...(paper.titleUnverified ? ['title'] : []), ...(paper.unverified ?? [])])];
  if (check.length > 0) fields.push(['note', escapeValue(`to check: ${check.join(', ')} not confirmed in a public source`)]);
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
): AddPaperPlan {
  const key = uniqueKey(bibKeyFor(paper), keysInBibText(bibText));
  const entryText = bibtexForPaper(paper, key);
  const edits: TextEdit[] = [appendEntryEdit(bibText, entryText, bibFile)];
  const frontMatter = frontMatterEdit(writeup, bibFile);
  if (frontMatter) edits.push(frontMatter);
  return { key, entryText, bibFile, createBibFile: bibText === undefined, edits };
}

/**
 * Adds `bibliography: <name>` to a Markdown writeup that names none: before the line that closes the
 * front matter the reader found (`---` or `...`), or in a new front matter at the top. The new
 * lines end as the file's lines do (`text` is read for that only).
 */
export function frontMatterEdit(writeup: Pick<Writeup, 'file' | 'text' | 'format' | 'metadata'>, bibFile: string): TextEdit | undefined {
  if (writeup.format !== 'markdown' || bibliographyNames(writeup).length > 0) return undefined;
  const dir = dirnameOf(writeup.file);
  const bibDir = dirnameOf(bibFile);
  const name = dir !== undefined && dir === bibDir ? basenameOf(bibFile) : bibFile;
  const eol = lineEndOf(writeup.text);
  const line = `bibliography: ${name}${eol}`;
  const frontMatter = writeup.metadata.range;
  if (frontMatter !== undefined && frontMatter.end.line > frontMatter.start.line) {
    const at = { line: frontMatter.end.line, character: 0 };
    return { range: { start: at, end: at }, newText: line };
  }
  const at = { line: 0, character: 0 };
  return { range: { start: at, end: at }, newText: `---${eol}${line}---${eol}${eol}` };
}

/** How the lines of `text` end: its first line break, `\n` when it has none. */
function lineEndOf(text: string): string {
  const m = /\r\n|\r|\n/.exec(text);
  return m ? m[0] : '\n';
}
