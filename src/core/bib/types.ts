import type { Range } from '../model/range';
import type { ReaderProblem } from '../model/writeup';

/** One entry of a .bib file. */
export interface BibEntry {
  readonly key: string;
  /** Entry type in lower case, e.g. `article`, `inproceedings`, `misc`. */
  readonly type: string;
  /** Field values with braces and LaTeX accents resolved to Unicode where possible; `author` and `editor` as "First Last and First Last". */
  readonly fields: Readonly<Record<string, string>>;
  readonly title?: string;
  /** Author names as "First Last". */
  readonly authors: readonly string[];
  readonly year?: number;
  readonly venue?: string;
  /** The .bib file it comes from. */
  readonly file: string;
  /** Range of the whole entry in its file. */
  readonly range: Range;
  /** Range of the key in its file. */
  readonly keyRange: Range;
}

/** A parsed .bib file: good entries, and problems for the broken ones. */
export interface BibFile {
  readonly file: string;
  readonly entries: readonly BibEntry[];
  readonly problems: readonly ReaderProblem[];
  /** The text it was parsed from (to append to it without touching what is there). */
  readonly text?: string;
}

/** Lookup over the entries of one or more .bib files. */
export interface BibIndex {
  readonly files: readonly BibFile[];
  get(key: string): BibEntry | undefined;
  has(key: string): boolean;
  readonly size: number;
  entries(): Iterable<BibEntry>;
}
