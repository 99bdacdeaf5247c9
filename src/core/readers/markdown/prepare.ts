import type { MdNode } from '../chunkedParse';
import { nextAfter, PandocInlineScanner, type ScannedMath, type Span } from '../pandocInline';
import { endOf, firstEndingAfter, mergeSpans, startOf } from './spans';

/*
 * The text made safe for remark before it parses (deep brackets and containers defused, math hidden,
 * very long lines shrunk) and the tree's offsets mapped back to the text afterwards.
 */

/** Bracket depth beyond which brackets are read as plain text. */
export const MAX_BRACKET_DEPTH = 32;

/**
 * Remark's link parsing is quadratic in bracket nesting (50k nested `[` take minutes). Brackets
 * nested deeper than any writeup needs become spaces (same length, so offsets hold).
 */
export function defuseBrackets(text: string): string {
  let depth = 0;
  let max = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 91) max = Math.max(max, ++depth);
    else if (c === 93 && depth > 0) depth--;
    else if (c === 10 && text.charCodeAt(i + 1) === 10) depth = 0;
  }
  if (max <= MAX_BRACKET_DEPTH) return text;
  const out = text.split('');
  depth = 0;
  for (let i = 0; i < out.length; i++) {
    const c = out[i];
    if (c === '[') {
      depth++;
      if (depth > MAX_BRACKET_DEPTH) out[i] = ' ';
    } else if (c === ']' && depth > 0) {
      if (depth > MAX_BRACKET_DEPTH) out[i] = ' ';
      depth--;
    } else if (c === '\n' && out[i + 1] === '\n') depth = 0;
  }
  return out.join('');
}

/** Block quote and list nesting on one line beyond which markers are read as plain text. */
export const MAX_CONTAINER_DEPTH = 32;
export const CONTAINER_MARKER = /^[ \t]{0,3}(?:>|(?:[-*+]|\d{1,9}[.)])(?=[ \t]|$))[ \t]?/;

/**
 * Remark is quadratic in container nesting: a line of 700 `- ` or `> ` markers takes half a
 * second. Markers past a depth no writeup reaches become spaces (same length, so offsets hold).
 */
export function defuseDeepContainers(text: string): string {
  if (!/(?:>[ \t]*|(?:[-*+]|\d[.)])[ \t]+){33}/.test(text)) return text;
  return text.replace(/[^\n]+/g, (line) => {
    let rest = line;
    for (let depth = 0; depth < MAX_CONTAINER_DEPTH; depth++) {
      const m = CONTAINER_MARKER.exec(rest);
      if (!m) return line;
      rest = rest.slice(m[0].length);
    }
    const kept = line.length - rest.length;
    let cut = 0;
    for (let m = CONTAINER_MARKER.exec(rest.slice(cut)); m && m[0].length > 0; m = CONTAINER_MARKER.exec(rest.slice(cut))) cut += m[0].length;
    return cut === 0 ? line : line.slice(0, kept) + ' '.repeat(cut) + rest.slice(cut);
  });
}

/**
 * Remark-math's rules are not pandoc's: `$$x` opening a line is a fence that runs to the end of
 * the file, `$$ {#eq:x}` does not close one, `+ c` inside display math starts a list. So math is
 * found first by pandoc's rules (PandocInlineScanner over the text outside likely code) and remark
 * gets each math span as `m` letters (line breaks kept): it sees plain paragraph text there, and
 * offsets are unchanged. The real scan later runs on the real text with remark's own code masks.
 */
export function hideMath(text: string, hidden: ScannedMath[]): string {
  if (!/[$\\]/.test(text)) return text;
  const pre = new PandocInlineScanner(text, likelyCode(text));
  pre.scan(0, text.length, true);
  if (pre.result.math.length === 0) return text;
  const out: string[] = [];
  let last = 0;
  for (const m of pre.result.math) {
    if (m.start < last) continue;
    hidden.push(m);
    out.push(text.slice(last, m.start), text.slice(m.start, m.end).replace(/[^\r\n]/g, 'm'));
    last = m.end;
  }
  out.push(text.slice(last));
  return out.join('');
}

/** Text nodes over hidden math get their text back, with the math as its TeX (for plain text). */
export function restoreMathText(node: MdNode, text: string, hidden: readonly ScannedMath[]): void {
  if (node.type === 'text' && node.position) {
    const start = startOf(node);
    const end = endOf(node);
    const lo = firstEndingAfter(hidden, start);
    if (lo < hidden.length && (hidden[lo] as ScannedMath).start < end) {
      const parts: string[] = [];
      let at = start;
      for (let k = lo; k < hidden.length; k++) {
        const m = hidden[k] as ScannedMath;
        if (m.start >= end) break;
        parts.push(text.slice(at, Math.max(at, m.start)), text.slice(Math.max(start, m.contentStart), Math.min(end, m.contentEnd)));
        at = Math.min(end, m.end);
      }
      parts.push(text.slice(at, end));
      (node as { value?: string }).value = parts.join('');
    }
  }
  for (const child of node.children ?? []) restoreMathText(child, text, hidden);
}

/**
 * Spans that are probably code, comments or front matter, found without a parser: fenced and
 * indented code blocks, code spans, HTML comments. Only used to keep math hiding out of code.
 */
export function likelyCode(text: string): Span[] {
  const spans: Span[] = [];
  const fm = /^---[ \t]*\r?\n[\s\S]*?\r?\n(---|\.\.\.)[ \t]*(\r?\n|$)/.exec(text);
  if (fm) spans.push({ start: 0, end: fm[0].length });
  const lineRe = /[^\r\n]*(\r\n|\r|\n|$)/g;
  let fence: { char: string; length: number; start: number } | undefined;
  let previousBlank = true;
  let indentedStart = -1;
  for (let m = lineRe.exec(text); m && m[0].length > 0; m = lineRe.exec(text)) {
    const line = m[0].replace(/[\r\n]+$/, '');
    const at = m.index;
    if (fence) {
      const close = /^ {0,3}(`{3,}|~{3,})[ \t]*$/.exec(line);
      if (close && close[1]?.[0] === fence.char && (close[1]?.length ?? 0) >= fence.length) {
        spans.push({ start: fence.start, end: at + line.length });
        fence = undefined;
      }
      continue;
    }
    const open = /^ {0,3}(`{3,}|~{3,})/.exec(line);
    if (open && !(open[1]?.[0] === '`' && line.slice(open[0].length).includes('`'))) {
      fence = { char: open[1]?.[0] ?? '`', length: open[1]?.length ?? 3, start: at };
      continue;
    }
    const blank = line.trim() === '';
    if (/^( {4}|\t)/.test(line) && !blank && (previousBlank || indentedStart >= 0)) {
      if (indentedStart < 0) indentedStart = at;
    } else if (!blank && indentedStart >= 0) {
      spans.push({ start: indentedStart, end: at });
      indentedStart = -1;
    }
    previousBlank = blank;
  }
  if (fence) spans.push({ start: fence.start, end: text.length });
  if (indentedStart >= 0) spans.push({ start: indentedStart, end: text.length });
  // Code spans: a run of backticks up to the next run of the same length in the same paragraph.
  const blanks: number[] = [];
  const blankRe = /\n[ \t]*\r?\n/g;
  for (let m = blankRe.exec(text); m; m = blankRe.exec(text)) blanks.push(m.index);
  const closers = new Map<string, RegExp>();
  const ticks = /`+/g;
  for (let m = ticks.exec(text); m; m = ticks.exec(text)) {
    const run = m[0];
    const after = m.index + run.length;
    const limit = nextAfter(blanks, after) ?? text.length;
    let closeRe = closers.get(run);
    if (!closeRe) {
      closeRe = new RegExp(`(?<!\`)${run}(?!\`)`, 'g');
      closers.set(run, closeRe);
    }
    closeRe.lastIndex = after;
    const close = closeRe.exec(text);
    if (close && close.index < limit) {
      spans.push({ start: m.index, end: close.index + run.length });
      ticks.lastIndex = close.index + run.length;
    }
  }
  const comments = /<!--[\s\S]*?-->/g;
  for (let m = comments.exec(text); m; m = comments.exec(text)) spans.push({ start: m.index, end: m.index + m[0].length });
  return mergeSpans(spans);
}

/** Lines longer than this are not given to remark as they are (see shrinkLongLines). */
export const LONG_LINE = 20_000;

/**
 * Remark slows down more than linearly on long paragraphs (a 5 MB line takes minutes). Each line
 * longer than LONG_LINE is given to remark as a one-letter line; positions are mapped back, and the
 * pandoc scanner still reads the real line. Such a line loses only remark's inline markup
 * (code spans, links) inside it.
 */
export function shrinkLongLines(text: string, indents: readonly Span[] = []): { text: string; spans: Span[]; toOriginal: (offset: number) => number } {
  const spans: Span[] = [];
  const blank = new Set(indents);
  let nextIndent = 0;
  // Line ends found with indexOf (native) rather than a loop over every character.
  let cr = text.indexOf('\r');
  for (let lineStart = 0; lineStart <= text.length; ) {
    let end = text.indexOf('\n', lineStart);
    if (end < 0) end = text.length;
    if (cr >= 0 && cr < lineStart) cr = text.indexOf('\r', lineStart);
    if (cr >= 0 && cr < end) end = cr;
    if (end - lineStart > LONG_LINE) spans.push({ start: lineStart, end });
    else {
      // Indentation no container needs (see deepIndents) goes to remark as one space.
      while (nextIndent < indents.length && (indents[nextIndent] as Span).start < lineStart) nextIndent++;
      const indent = indents[nextIndent];
      if (indent && indent.start < end) spans.push(indent);
    }
    lineStart = end + 1;
  }
  if (spans.length === 0) return { text, spans, toOriginal: (o) => o };
  const parts: string[] = [];
  const shrunkStarts: number[] = [];
  const deltas: number[] = [];
  let last = 0;
  let delta = 0;
  for (const span of spans) {
    parts.push(text.slice(last, span.start), blank.has(span) ? ' ' : 'x');
    shrunkStarts.push(span.start - delta);
    delta += span.end - span.start - 1;
    deltas.push(delta);
    last = span.end;
  }
  parts.push(text.slice(last));
  const toOriginal = (m: number): number => {
    let lo = 0;
    let hi = shrunkStarts.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if ((shrunkStarts[mid] ?? 0) <= m) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    if (found < 0) return m;
    const start = shrunkStarts[found] ?? 0;
    if (m === start) return (spans[found] as Span).start;
    return m + (deltas[found] ?? 0);
  };
  return { text: parts.join(''), spans, toOriginal };
}

/** Maps every node's offsets (the readers only use offsets) back to the original text. */
export function remapPositions(node: MdNode, toOriginal: (offset: number) => number, text: string): void {
  const position = node.position as { start: { offset?: number }; end: { offset?: number } } | undefined;
  if (position && position.start.offset !== undefined && position.end.offset !== undefined) {
    const length = position.end.offset - position.start.offset;
    position.start.offset = toOriginal(position.start.offset);
    position.end.offset = toOriginal(position.end.offset);
    // A text that held a shrunk line gets the line back. Front matter and code keep their fences
    // out of the value: only the shrunk lines in it are given back.
    if (typeof node.value === 'string' && position.end.offset - position.start.offset !== length) {
      const slice = text.slice(position.start.offset, position.end.offset);
      const inner = node.type === 'yaml' ? 1 : node.type === 'code' ? (/^[ \t]{0,3}(`{3,}|~{3,})/.test(slice) ? 1 : 0) : undefined;
      (node as { value?: string }).value = inner === undefined ? slice : restoreLongLines(node.value, slice, inner);
    }
  }
  for (const child of node.children ?? []) remapPositions(child, toOriginal, text);
}

/** `value`, whose lines are the lines of `slice` from line `first` on, with each shrunk line (`x`) given back. */
function restoreLongLines(value: string, slice: string, first: number): string {
  const source = slice.split(/\r\n|\r|\n/);
  const parts = value.split(/(\r\n|\r|\n)/);
  for (let i = 0; i < parts.length; i += 2) {
    const line = source[first + i / 2];
    if (parts[i] === 'x' && line !== undefined && line.length > LONG_LINE) parts[i] = line;
  }
  return parts.join('');
}

/**
 * pandoc ends YAML front matter at its first `---` or `...` line, remark-frontmatter only at a `---`
 * line: a `...` line that ends it is handed to remark as `---` (the same length: offsets stay).
 */
export function dotsEndFrontMatter(text: string): string {
  if (!text.startsWith('---') || !/^---[ \t]*(\r\n|\r|\n)/.test(text)) return text;
  const close = /(\r\n|\r|\n)(---|\.\.\.)[ \t]*(\r\n|\r|\n|$)/.exec(text);
  if (!close || close[2] !== '...') return text;
  const at = close.index + (close[1] ?? '').length;
  return `${text.slice(0, at)}---${text.slice(at + 3)}`;
}
