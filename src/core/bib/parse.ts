import type { Position, Range } from '../model/range';
import type { ReaderProblem } from '../model/writeup';
import { LineIndex } from '../text/lineIndex';
import { texToUnicode } from '../readers/latex/runningText';
import { parseNames } from './names';
import type { BibEntry, BibFile } from './types';

/**
 * A tolerant BibTeX reader. It keeps the range of every entry and of its key, turns a broken
 * entry into a problem at its line and goes on with the next one, so good entries are never
 * lost. It is several times faster than citation-js on large files (bench `bib-index-10k`
 * beside `bib-index-10k-citationjs`), which it replaces for indexing; citation-js stays for
 * formatting references (see format.ts).
 */

/** Problem codes a .bib file can have. */
export const BIB_PROBLEM = {
  syntax: 'bib-syntax',
  unclosed: 'bib-unclosed-entry',
  duplicateKey: 'bib-duplicate-key',
  missingField: 'bib-missing-field',
  undefinedString: 'bib-undefined-string',
} as const;

/** Fields kept verbatim (no LaTeX conversion): identifiers and addresses. */
const VERBATIM = new Set(['url', 'doi', 'eprint', 'file', 'pdf', 'isbn', 'issn', 'arxivid', 'archiveprefix', 'primaryclass']);

const MONTHS: Readonly<Record<string, string>> = {
  jan: 'January',
  feb: 'February',
  mar: 'March',
  apr: 'April',
  may: 'May',
  jun: 'June',
  jul: 'July',
  aug: 'August',
  sep: 'September',
  oct: 'October',
  nov: 'November',
  dec: 'December',
};

/** Where an entry begins: `@type{` or `@type(` at the start of a line. */
const ENTRY_START = /^[ \t]*@[ \t]*[A-Za-z][\w-]*[ \t]*[{(]/gm;

class BibSyntaxError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

const isSpace = (c: number): boolean => c === 32 || c === 9 || c === 10 || c === 13 || c === 12;
/** Characters that end a key or a field name. */
const isNameStop = (c: number): boolean =>
  isSpace(c) || c === 44 /* , */ || c === 123 /* { */ || c === 125 /* } */ || c === 61 /* = */ || c === 40 || c === 41 || c === 34 /* " */ || c === 35; /* # */

/** Line starts of a text with `\n` line ends only, found with indexOf (a .bib can be megabytes). */
class LfLines {
  private readonly starts: number[] = [0];

  constructor(text: string) {
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
  }

  /** The line of the last answer: offsets asked for mostly grow, so the next is usually near. */
  private line = 0;

  positionAt(offset: number): Position {
    const starts = this.starts;
    let line = this.line;
    if ((starts[line] ?? 0) <= offset) {
      for (let k = 0; k < 8 && line + 1 < starts.length && (starts[line + 1] ?? 0) <= offset; k++) line++;
      if (line + 1 >= starts.length || (starts[line + 1] ?? 0) > offset) {
        this.line = line;
        return { line, character: offset - (starts[line] ?? 0) };
      }
    }
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    this.line = lo;
    return { line: lo, character: offset - (starts[lo] ?? 0) };
  }
}

class Scanner {
  pos = 0;
  readonly macros = new Map<string, string>(Object.entries(MONTHS));
  readonly problems: ReaderProblem[] = [];
  readonly lines: { positionAt(offset: number): Position };

  constructor(readonly text: string) {
    this.lines = text.includes('\r') ? new LineIndex(text) : new LfLines(text);
  }

  range(start: number, end: number): Range {
    return { start: this.lines.positionAt(start), end: this.lines.positionAt(end) };
  }

  skipSpace(): void {
    const t = this.text;
    while (this.pos < t.length && isSpace(t.charCodeAt(this.pos))) this.pos++;
  }

  readName(): string {
    const t = this.text;
    const start = this.pos;
    while (this.pos < t.length && !isNameStop(t.charCodeAt(this.pos))) this.pos++;
    return t.slice(start, this.pos);
  }

  /** Reads `{...}` with nested braces; `pos` is on the `{`. Returns the inside. */
  readBraced(): string {
    const t = this.text;
    const start = this.pos;
    let depth = 0;
    for (let i = this.pos; i < t.length; i++) {
      const c = t.charCodeAt(i);
      if (c === 123) depth++;
      else if (c === 125) {
        depth--;
        if (depth === 0) {
          this.pos = i + 1;
          return t.slice(start + 1, i);
        }
      }
    }
    throw new BibSyntaxError('a brace is never closed', start);
  }

  /** Reads `"..."` (a quote inside braces does not end it); `pos` is on the quote. */
  readQuoted(): string {
    const t = this.text;
    const start = this.pos;
    let depth = 0;
    for (let i = this.pos + 1; i < t.length; i++) {
      const c = t.charCodeAt(i);
      if (c === 123) depth++;
      else if (c === 125) depth = Math.max(0, depth - 1);
      else if (c === 34 && depth === 0) {
        this.pos = i + 1;
        return t.slice(start + 1, i);
      }
    }
    throw new BibSyntaxError('a quote is never closed', start);
  }

  /** Reads a value: pieces (`{..}`, `".."`, numbers, macros) joined by `#`. */
  readValue(): string {
    let value = '';
    for (;;) {
      this.skipSpace();
      const c = this.text.charCodeAt(this.pos);
      if (c === 123) value += this.readBraced();
      else if (c === 34) value += this.readQuoted();
      else {
        const start = this.pos;
        const name = this.readName();
        if (name.length === 0) {
          throw new BibSyntaxError(this.pos >= this.text.length ? 'the file ends inside the entry' : 'a value is missing', start);
        }
        if (/^\d+$/.test(name)) value += name;
        else {
          const macro = this.macros.get(name.toLowerCase());
          if (macro === undefined) {
            this.problems.push({
              code: BIB_PROBLEM.undefinedString,
              message: `Unknown @string '${name}': define it with @string{${name} = {...}} or put the value in braces.`,
              range: this.range(start, this.pos),
              severity: 'warning',
            });
            value += name;
          } else value += macro;
        }
      }
      this.skipSpace();
      if (this.text.charCodeAt(this.pos) !== 35) return value;
      this.pos++;
    }
  }
}

/** Offset of the line break (`\n`, `\r\n` or a lone `\r`) ending the line at `offset`, or -1 on the last line. */
function lineEndAt(text: string, offset: number): number {
  LINE_BREAK.lastIndex = offset;
  return LINE_BREAK.exec(text)?.index ?? -1;
}
const LINE_BREAK = /[\r\n]/g;

/** Start offset of the next entry that begins on a line after `offset`, or the end. */
function nextEntryStart(text: string, offset: number): number {
  const lineEnd = lineEndAt(text, offset);
  if (lineEnd < 0) return text.length;
  ENTRY_START.lastIndex = lineEnd + 1;
  const m = ENTRY_START.exec(text);
  if (!m) return text.length;
  return m.index + m[0].indexOf('@');
}

/**
 * Tells whether an `@` sits after a `%` on its line. It looks back a little; on a longer line it
 * reads forward from where it last stopped (offsets only grow while a file is read), so a long line
 * full of `@` is not read again for each of them.
 */
class LineComments {
  private scanned = 0;
  private inComment = false;

  constructor(private readonly text: string) {}

  at(offset: number): boolean {
    const t = this.text;
    const stop = offset >= this.scanned ? Math.max(0, offset - 256) : 0;
    for (let i = offset - 1; i >= stop; i--) {
      const c = t.charCodeAt(i);
      if (c === 10 || c === 13) return false;
      if (c === 37) return true;
    }
    if (stop === 0) return false;
    for (let i = this.scanned; i < offset; i++) {
      const c = t.charCodeAt(i);
      if (c === 10 || c === 13) this.inComment = false;
      else if (c === 37) this.inComment = true;
    }
    this.scanned = offset;
    return this.inComment;
  }
}

/** Characters of an entry type after its first letter: letters, digits, `_` and `-`. */
const isTypeChar = (c: number): boolean => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 || c === 45;

function firstYear(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const m = /\d{4}/.exec(value);
  return m ? Number(m[0]) : undefined;
}

/** The venue a reader would name: journal, proceedings, arXiv, publisher... */
function venueOf(fields: Readonly<Record<string, string>>): string | undefined {
  const arxiv = (fields.archiveprefix ?? fields.eprinttype ?? '').toLowerCase() === 'arxiv' ? 'arXiv' : undefined;
  return (
    fields.journal ??
    fields.journaltitle ??
    fields.booktitle ??
    fields.school ??
    fields.institution ??
    arxiv ??
    fields.publisher ??
    fields.howpublished ??
    fields.organization
  );
}

interface RawEntry {
  readonly type: string;
  readonly key: string;
  readonly start: number;
  readonly end: number;
  readonly keyStart: number;
  readonly headerEnd: number;
  /** Field values, converted (the first of a repeated field wins). */
  readonly fields: Record<string, string>;
  /** The raw `author` (else `editor`) value, for splitting names before conversion. */
  readonly author: string | undefined;
  readonly editor: string | undefined;
  /** Set when the next entry starts before this one's closing delimiter. */
  readonly unclosed?: boolean;
}

/** Parses one entry's body after `@type{`; throws a BibSyntaxError when it is broken beyond use. */
function readEntry(s: Scanner, type: string, start: number, close: number): RawEntry {
  const t = s.text;
  s.skipSpace();
  const keyStart = s.pos;
  const key = s.readName();
  if (key.length === 0) throw new BibSyntaxError('the entry has no key', keyStart);
  const headerEnd = s.pos;
  const fields: Record<string, string> = {};
  let author: string | undefined;
  let editor: string | undefined;
  for (;;) {
    s.skipSpace();
    const c = t.charCodeAt(s.pos);
    if (s.pos >= t.length) throw new BibSyntaxError('the file ends inside the entry', s.pos);
    if (c === close) {
      s.pos++;
      return { type, key, start, end: s.pos, keyStart, headerEnd, fields, author, editor };
    }
    if (c === 44) {
      s.pos++;
      continue;
    }
    if (c === 64 /* @ */) {
      // The next entry begins: keep this one (its fields are read) and say it is not closed.
      let end = s.pos;
      while (end > start && isSpace(t.charCodeAt(end - 1))) end--;
      return { type, key, start, end, keyStart, headerEnd, fields, author, editor, unclosed: true };
    }
    const nameStart = s.pos;
    const name = s.readName().toLowerCase();
    if (name.length === 0) throw new BibSyntaxError(`unexpected '${t[s.pos] ?? ''}'`, s.pos);
    s.skipSpace();
    if (t.charCodeAt(s.pos) !== 61) throw new BibSyntaxError(`expected '=' after '${name}'`, nameStart);
    s.pos++;
    const value = s.readValue();
    if (!Object.hasOwn(fields, name)) {
      // Names are converted one part at a time when they are split (see toEntry).
      if (name === 'author') author = value;
      else if (name === 'editor') editor = value;
      else fields[name] = VERBATIM.has(name) ? value.trim() : texToUnicode(value);
    }
    const after = t.charCodeAt(s.pos);
    if (after !== 44 && after !== close && after !== 64) {
      throw new BibSyntaxError(`expected ',' or '${String.fromCharCode(close)}' after the value of '${name}'`, s.pos);
    }
  }
}

/**
 * An entry as read: its ranges are worked out from offsets when first asked for (hover, go to
 * definition, a warning), not for each of the thousands of entries of a big .bib at every read.
 */
class ReadEntry implements BibEntry {
  declare title?: string;
  declare year?: number;
  declare venue?: string;
  private rangeCache: Range | undefined;
  private keyRangeCache: Range | undefined;

  constructor(
    readonly key: string,
    readonly type: string,
    readonly fields: Readonly<Record<string, string>>,
    readonly authors: readonly string[],
    readonly file: string,
    private readonly scanner: Scanner,
    private readonly offsets: readonly [start: number, end: number, keyStart: number],
  ) {}

  get range(): Range {
    return (this.rangeCache ??= this.scanner.range(this.offsets[0], this.offsets[1]));
  }

  get keyRange(): Range {
    return (this.keyRangeCache ??= this.scanner.range(this.offsets[2], this.offsets[2] + this.key.length));
  }

  /** The plain record (ranges included), for JSON and for comparing entries. */
  toJSON(): BibEntry {
    return {
      key: this.key,
      type: this.type,
      fields: this.fields,
      ...(this.title !== undefined ? { title: this.title } : {}),
      authors: this.authors,
      ...(this.year !== undefined ? { year: this.year } : {}),
      ...(this.venue !== undefined ? { venue: this.venue } : {}),
      file: this.file,
      range: this.range,
      keyRange: this.keyRange,
    };
  }
}

function toEntry(s: Scanner, r: RawEntry, file: string): BibEntry {
  const fields = r.fields;
  const authors = r.author === undefined ? undefined : parseNames(r.author).map((p) => p.display);
  const editors = r.editor === undefined ? undefined : parseNames(r.editor).map((p) => p.display);
  if (authors) fields.author = authors.join(' and ');
  if (editors) fields.editor = editors.join(' and ');
  const entry = new ReadEntry(r.key, r.type, fields, authors ?? editors ?? [], file, s, [r.start, r.end, r.keyStart]);
  // Optional properties are set only when present (exactOptionalPropertyTypes).
  if (fields.title !== undefined) entry.title = fields.title;
  const year = firstYear(fields.year ?? fields.date);
  if (year !== undefined) entry.year = year;
  const venue = venueOf(fields);
  if (venue !== undefined) entry.venue = venue;
  return entry;
}

/**
 * Parses a .bib file. Never throws: a broken entry becomes an error at its line and the entries
 * around it are still returned; duplicate keys and entries without title, author or year get warnings.
 */
export function parseBib(text: string, file: string): BibFile {
  const s = new Scanner(text);
  const entries: BibEntry[] = [];
  const seen = new Map<string, BibEntry>();
  const t = text;
  const comments = new LineComments(t);
  while (s.pos < t.length) {
    const at = t.indexOf('@', s.pos);
    if (at < 0) break;
    if (comments.at(at)) {
      s.pos = at + 1;
      continue;
    }
    s.pos = at + 1;
    s.skipSpace();
    // The type is a word: text between entries (`[@a[@a...`) must not be read to its end at every `@`.
    const typeStart = s.pos;
    while (s.pos < t.length && isTypeChar(t.charCodeAt(s.pos))) s.pos++;
    const type = t.slice(typeStart, s.pos).toLowerCase();
    s.skipSpace();
    const open = t.charCodeAt(s.pos);
    if (type.length === 0 || !/^[a-z]/.test(type) || (open !== 123 && open !== 40)) {
      // Text between entries is a comment in BibTeX, `@` included (e.g. an e-mail address).
      s.pos = at + 1;
      continue;
    }
    const close = open === 123 ? 125 : 41;
    try {
      if (type === 'comment') {
        if (open === 123) s.readBraced();
        else s.pos = nextEntryStart(t, at);
        continue;
      }
      s.pos++;
      if (type === 'preamble') {
        s.readValue();
        if (t.charCodeAt(s.pos) !== close) throw new BibSyntaxError(`expected '${String.fromCharCode(close)}' after @preamble`, s.pos);
        s.pos++;
        continue;
      }
      if (type === 'string') {
        s.skipSpace();
        const name = s.readName().toLowerCase();
        s.skipSpace();
        if (name.length === 0 || t.charCodeAt(s.pos) !== 61) throw new BibSyntaxError("expected '@string{name = value}'", s.pos);
        s.pos++;
        const value = s.readValue();
        if (t.charCodeAt(s.pos) !== close) throw new BibSyntaxError(`expected '${String.fromCharCode(close)}' after @string`, s.pos);
        s.pos++;
        s.macros.set(name, value);
        continue;
      }
      const raw = readEntry(s, type, at, close);
      if (raw.unclosed) {
        s.problems.push({
          code: BIB_PROBLEM.unclosed,
          message: `Entry '${raw.key}' is not closed with '${String.fromCharCode(close)}' before the next entry: check its braces.`,
          range: s.range(raw.keyStart, raw.headerEnd),
          severity: 'error',
        });
      }
      addEntry(toEntry(s, raw, file));
    } catch (error) {
      const offset = error instanceof BibSyntaxError ? error.offset : s.pos;
      const message = error instanceof Error ? error.message : String(error);
      const resume = nextEntryStart(t, at);
      const headerLineEnd = lineEndAt(t, at);
      const headerEnd = Math.min(headerLineEnd < 0 ? t.length : headerLineEnd, resume);
      const keyMatch = /^@\s*[\w-]+\s*[{(]\s*([^,\s{}()]*)/.exec(t.slice(at, headerEnd));
      const key = keyMatch?.[1] ?? '';
      const line = s.lines.positionAt(offset).line + 1;
      s.problems.push({
        code: BIB_PROBLEM.syntax,
        message: `${key ? `Entry '${key}'` : `@${type}`} is broken and was skipped: ${message} (line ${line}).`,
        range: s.range(at, headerEnd),
        severity: 'error',
      });
      s.pos = resume;
    }
  }

  function addEntry(entry: BibEntry): void {
    const first = seen.get(entry.key);
    if (first) {
      s.problems.push({
        code: BIB_PROBLEM.duplicateKey,
        message: `Duplicate key '${entry.key}': the entry at line ${first.range.start.line + 1} has the same key; citations use the first one.`,
        range: entry.keyRange,
        severity: 'warning',
      });
    } else seen.set(entry.key, entry);
    const missing: string[] = [];
    if (entry.title === undefined || entry.title === '') missing.push('title');
    if (entry.authors.length === 0) missing.push('author');
    if (entry.year === undefined) missing.push('year');
    if (missing.length > 0) {
      s.problems.push({
        code: BIB_PROBLEM.missingField,
        message: `Entry '${entry.key}' has no ${missing.join(', ')}.`,
        range: entry.keyRange,
        severity: 'warning',
      });
    }
    entries.push(entry);
  }

  s.problems.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  return { file, entries, problems: s.problems, text };
}
