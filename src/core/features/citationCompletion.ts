import { authorYear } from '../bib/format';
import { citationCatalog, type CitationSource } from '../bib/search';
import type { CoursePack, CoursePaper } from '../courses/types';
import type { Position, Range } from '../model/range';
import type { BibItem, WriteupFormat } from '../model/writeup';
import { citationInfo, type CitationInfo, type CitationSources } from './citationShared';

/** Where the cursor is in a citation, and what has been typed of the key. */
export interface CitationContext {
  /** The part of the key typed so far (may be empty). */
  readonly prefix: string;
  /** The range of the typed prefix: what accepting an item replaces. */
  readonly range: Range;
  /** `pandoc` for `[@`, otherwise the LaTeX command, e.g. `citep`. */
  readonly command: string;
}

/** A completion item as plain data; the editor adapter converts it. */
export interface CitationCompletionItem {
  readonly key: string;
  /** The key, as shown in the list. */
  readonly label: string;
  /** "Bartlett et al., 2017 · Spectrally-normalized margin bounds..." */
  readonly detail: string;
  readonly documentation: CitationInfo;
  /** The typed prefix, then key, title, authors and year: typing any of them finds the paper. */
  readonly filterText: string;
  /** Zero-padded rank: the .bib and the file's course first, then by match quality. */
  readonly sortText: string;
  readonly range: Range;
  readonly insertText: string;
  readonly source: CitationSource;
  /** For a course paper not in the .bib: what to add to the bibliography when it is chosen. */
  readonly addToBib?: { readonly paper: CoursePaper; readonly pack: CoursePack };
}

export interface CitationCompletionList {
  readonly context: CitationContext;
  readonly items: readonly CitationCompletionItem[];
  /**
   * Always true: the ranking is ours (filterText starts with the typed prefix so the editor keeps
   * our order), so the editor must ask again on every keystroke instead of re-filtering.
   */
  readonly isIncomplete: boolean;
}

/** Characters of a pandoc citation key (letters, digits, `_` and internal punctuation). */
const PANDOC_KEY_TAIL = /(?:^|[\s;])-?@([\p{L}\p{N}_:.#$%&+?<>~/-]*)$/u;
const LATEX_CITE = /\\(?:[a-zA-Z]*[cC]ite[a-zA-Z]*|nocite)\*?\s*(?:\[[^\]\n]*\]\s*){0,2}\{([^{}\\%]*)$/;

/**
 * Lines of `text` up to and including `line` (only as many as needed), with the offset each starts
 * at. Line ends are `\n`, `\r\n` or a lone `\r`, as everywhere else (LineIndex).
 */
function linesUpTo(text: string, line: number): { lines: string[]; starts: number[] } {
  const lines: string[] = [];
  const starts: number[] = [];
  let start = 0;
  for (let l = 0; l <= line; l++) {
    let end = start;
    while (end < text.length && text.charCodeAt(end) !== 10 && text.charCodeAt(end) !== 13) end++;
    lines.push(text.slice(start, end));
    starts.push(start);
    if (end >= text.length) break;
    start = end + (text.charCodeAt(end) === 13 && text.charCodeAt(end + 1) === 10 ? 2 : 1);
  }
  return { lines, starts };
}

/** True when the Markdown line `line` is inside front matter, a fenced code block or `$$` math. */
function inMarkdownBlock(lines: readonly string[], line: number): boolean {
  let l = 0;
  if (/^---\s*$/.test(lines[0] ?? '')) {
    for (l = 1; l < lines.length; l++) if (/^(---|\.\.\.)\s*$/.test(lines[l] ?? '')) break;
    if (line <= l) return true;
    l++;
  }
  let fence: { char: string; length: number } | undefined;
  let displayMath = false;
  for (; l < line; l++) {
    const text = lines[l] ?? '';
    if (fence) {
      const close = /^ {0,3}(`{3,}|~{3,})\s*$/.exec(text);
      if (close?.[1] && close[1][0] === fence.char && close[1].length >= fence.length) fence = undefined;
      continue;
    }
    const open = /^ {0,3}(`{3,}|~{3,})/.exec(text);
    if (open?.[1] && !displayMath) {
      fence = { char: open[1][0] ?? '`', length: open[1].length };
      continue;
    }
    const dollars = (text.replace(/\\\$/g, '').match(/\$\$/g) ?? []).length;
    if (dollars % 2 === 1) displayMath = !displayMath;
  }
  return fence !== undefined || displayMath;
}

/** True when Markdown line `line` is in the value of the front matter's `nocite:` key. */
function inNociteValue(lines: readonly string[], line: number): boolean {
  if (line === 0 || !/^---\s*$/.test(lines[0] ?? '')) return false;
  for (let l = 1; l < line; l++) if (/^(---|\.\.\.)\s*$/.test(lines[l] ?? '')) return false;
  // The key the line belongs to: the nearest line above (or this one) that starts at column 0.
  for (let l = line; l >= 1; l--) {
    const text = lines[l] ?? '';
    if (/^\S/.test(text)) return /^nocite\s*:/.test(text);
  }
  return false;
}

/** True when `character` on a Markdown line is inside a code span or inline/display math. */
function inMarkdownSpan(text: string, character: number): boolean {
  let math: '$' | '$$' | undefined;
  for (let i = 0; i < character; i++) {
    const c = text[i];
    if (c === '\\') {
      i++;
      continue;
    }
    if (c === '`' && !math) {
      let n = 1;
      while (text[i + n] === '`') n++;
      const run = '`'.repeat(n);
      let close = text.indexOf(run, i + n);
      while (close >= 0 && text[close + n] === '`') close = text.indexOf(run, close + n + 1);
      if (close < 0) {
        i += n - 1;
        continue;
      }
      if (close + n > character) return true;
      i = close + n - 1;
      continue;
    }
    if (c === '$') {
      const double = text[i + 1] === '$';
      if (math === undefined) {
        // Pandoc: an opening `$` is followed by a non-space.
        if (double || (text[i + 1] !== undefined && !/\s/.test(text[i + 1] ?? ''))) math = double ? '$$' : '$';
      } else if ((math === '$$') === double) math = undefined;
      if (double) i++;
    }
  }
  return math !== undefined;
}

/** True when `character` on a LaTeX line is in a `%` comment or inline math. */
function inLatexCommentOrMath(text: string, character: number): boolean {
  let dollars = 0;
  let paren = false;
  for (let i = 0; i < character; i++) {
    const c = text[i];
    if (c === '\\') {
      const next = text[i + 1];
      if (next === '(' || next === '[') paren = true;
      if (next === ')' || next === ']') paren = false;
      i++;
      continue;
    }
    if (c === '%') return true;
    if (c === '$') dollars++;
  }
  return dollars % 2 === 1 || paren;
}

/**
 * The citation being typed at `position`, or undefined when the cursor is not in one.
 * Markdown: after `[@`, `[-@`, or `@` after a space or `;` inside brackets; never in code, math,
 * front matter or an e-mail address. LaTeX: inside the braces of `\cite`, `\citep`, `\citet`,
 * `\citeauthor`, `\citeyear`, `\nocite`, `\citealp`... (optional arguments allowed), after `{` or a comma.
 */
export function citationContextAt(text: string, format: WriteupFormat, position: Position): CitationContext | undefined {
  const { lines, starts } = linesUpTo(text, position.line);
  const line = lines[position.line];
  if (line === undefined || position.character > line.length) return undefined;
  const before = line.slice(0, position.character);
  if (format === 'markdown') {
    if (inNociteValue(lines, position.line)) {
      // Pandoc's `nocite: '@a, @b'` in the front matter cites keys too.
      const m = /(?:^|[\s,;'"|])@([\p{L}\p{N}_:.#$%&+?<>~/-]*)$/u.exec(before);
      if (!m) return undefined;
      const prefix = m[1] ?? '';
      return { prefix, range: lineRange(position, prefix.length), command: 'nocite' };
    }
    if (inMarkdownBlock(lines, position.line) || inMarkdownSpan(line, position.character)) return undefined;
    // The innermost `[` still open before the cursor on this line.
    let depth = 0;
    let open = -1;
    for (let i = before.length - 1; i >= 0; i--) {
      const c = before[i];
      if (i > 0 && before[i - 1] === '\\') continue;
      if (c === ']') depth++;
      else if (c === '[') {
        if (depth === 0) {
          open = i;
          break;
        }
        depth--;
      }
    }
    if (open < 0) return undefined;
    const m = PANDOC_KEY_TAIL.exec(before.slice(open + 1));
    if (!m) return undefined;
    const prefix = m[1] ?? '';
    return { prefix, range: lineRange(position, prefix.length), command: 'pandoc' };
  }
  if (inLatexCommentOrMath(line, position.character)) return undefined;
  // Keys may continue over lines: look back a little, beyond this line.
  const offsetInText = (starts[position.line] ?? 0) + position.character;
  const window = text.slice(Math.max(0, offsetInText - 400), offsetInText);
  const m = LATEX_CITE.exec(window);
  if (!m) return undefined;
  const command = /\\([a-zA-Z]+)/.exec(m[0])?.[1] ?? 'cite';
  const inside = m[1] ?? '';
  const prefix = (inside.split(',').pop() ?? '').replace(/^\s+/, '');
  if (/\s/.test(prefix) || prefix.length > position.character) return undefined;
  return { prefix, range: lineRange(position, prefix.length), command };
}

function lineRange(position: Position, length: number): Range {
  return { start: { line: position.line, character: position.character - length }, end: position };
}

/**
 * Completion of citation keys from the writeup's .bib and the course packs.
 * Items are ranked by the shared ranking (src/core/bib/search.ts), the same as `writeup cite`.
 */
export class CitationCompletionProvider {
  constructor(private readonly options: { readonly limit?: number } = {}) {}

  /** Items for `position` in `document`, or undefined when the cursor is not in a citation. */
  provide(
    document: { readonly text: string; readonly format: WriteupFormat; readonly file?: string; readonly bibItems?: readonly BibItem[] },
    position: Position,
    sources: CitationSources,
  ): CitationCompletionList | undefined {
    const context = citationContextAt(document.text, document.format, position);
    if (!context) return undefined;
    const limit = this.options.limit ?? 100;
    const catalog = citationCatalog(sources.bib, sources.packs);
    const ranked = catalog.search(context.prefix, { limit, ...(sources.courseId !== undefined ? { courseId: sources.courseId } : {}) });
    const items: CitationCompletionItem[] = [];
    // Keys the document defines itself (`\bibitem`) come first when the typed text is in them.
    const typed = context.prefix.toLowerCase();
    for (const b of document.bibItems ?? []) {
      if (sources.bib.has(b.key) || !(b.key.toLowerCase().includes(typed) || b.text.toLowerCase().includes(typed))) continue;
      const reference = b.text || b.key;
      items.push({
        key: b.key,
        label: b.key,
        detail: `${b.label ? `${b.label} · ` : ''}${reference}`,
        documentation: { key: b.key, reference, source: 'thebibliography of this document', links: [], data: { key: b.key, authors: [] } },
        filterText: `${context.prefix} ${b.key} ${reference}`,
        sortText: String(items.length).padStart(5, '0'),
        range: context.range,
        insertText: b.key,
        source: { kind: 'bib', file: b.origin?.file ?? document.file ?? '' },
      });
    }
    for (const r of ranked.slice(0, limit)) {
      const c = r.candidate;
      const info = citationInfo(c, r.source, sources.courseId);
      const title = c.title ?? '';
      const listing = r.listing;
      items.push({
        key: c.key,
        label: c.key,
        detail: title ? `${authorYear(c)} · ${title}` : authorYear(c),
        documentation: info,
        filterText: `${context.prefix} ${c.searchText}`,
        sortText: String(items.length).padStart(5, '0'),
        range: context.range,
        insertText: c.key,
        source: r.source,
        ...(c.entry === undefined && listing ? { addToBib: { paper: listing.paper, pack: listing.pack } } : {}),
      });
    }
    return { context, items, isIncomplete: true };
  }
}
