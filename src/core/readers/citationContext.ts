import type { Position, Range } from '../model/range';
import type { WriteupFormat } from '../model/writeup';
import { CITE_COMMANDS } from './latex/commands';
import { PANDOC_KEY_CHARACTER } from './pandocInline';

/*
 * The citation being typed at the cursor, for completion: the same grammar as the readers'
 * (pandoc's key characters, the LaTeX citation commands), read on the text as it stands mid-edit,
 * where a key is still unfinished and the model is a keystroke behind.
 */

/** Where the cursor is in a citation, and what has been typed of the key. */
export interface CitationContext {
  /** The part of the key typed so far (may be empty). */
  readonly prefix: string;
  /** The range of the typed prefix: what accepting an item replaces. */
  readonly range: Range;
  /** `pandoc` for `[@`, otherwise the LaTeX command, e.g. `citep`. */
  readonly command: string;
}

/** A pandoc key being typed after `@` (its characters as the reader's grammar has them), at the end of the text. */
const PANDOC_KEY_TAIL = new RegExp(`(?:^|[\\s;])-?@(${PANDOC_KEY_CHARACTER}*)$`, 'u');
/** The same in front matter's `nocite:` value, where keys follow commas or quotes. */
const NOCITE_KEY_TAIL = new RegExp(`(?:^|[\\s,;'"|])@(${PANDOC_KEY_CHARACTER}*)$`, 'u');
/** An open LaTeX citation command's braces at the end of the text: its name and what is typed inside. */
const LATEX_CITE = /\\([a-zA-Z]+)\*?\s*(?:\[[^\]\n]*\]\s*){0,2}\{([^{}\\%]*)$/;

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
      const m = NOCITE_KEY_TAIL.exec(before);
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
  // Only the commands the reader takes for citations (one list: latex/commands.ts).
  if (!m || !CITE_COMMANDS.has(m[1] ?? '')) return undefined;
  const command = m[1] ?? 'cite';
  const inside = m[2] ?? '';
  const prefix = (inside.split(',').pop() ?? '').replace(/^\s+/, '');
  if (/\s/.test(prefix) || prefix.length > position.character) return undefined;
  return { prefix, range: lineRange(position, prefix.length), command };
}

function lineRange(position: Position, length: number): Range {
  return { start: { line: position.line, character: position.character - length }, end: position };
}
