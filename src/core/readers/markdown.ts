import type { Range } from '../model/range';
import { ChunkedTreeParser, type MdNode, parseTree, type TreeParser } from './chunkedParse';
import type { Block, Citation, DisableDirective, Footnote, ListEntry, MathNode, Metadata, ReaderProblem, Writeup } from '../model/writeup';
import { LineIndex } from '../text/lineIndex';
import { defuseDeepLists, defuseUnclosedBrackets } from './deepLists';
import { readFrontMatter } from './frontMatter';
import type { ReadOptions } from './options';
import { nextAfter, PandocInlineScanner, type ScannedMath, type Span } from './pandocInline';
import {
  APPENDIX_TITLE,
  buildSections,
  emptyMetadata,
  findRawSpaces,
  type HeadingInfo,
  type PlacedBlock,
  parseDisableComment,
  REFERENCES_TITLE,
  withoutRawSpaces,
} from './shared';

const startOf = (n: MdNode): number => n.position?.start.offset ?? 0;
const endOf = (n: MdNode): number => n.position?.end.offset ?? 0;

/** Node types whose source text is scanned for citations and math. */
const REGION_TYPES = new Set(['paragraph', 'heading', 'tableCell', 'math']);

/**
 * Reads pandoc Markdown into the model: YAML front matter, headings with pandoc attributes,
 * blocks, pandoc citations and math (including raw `\(...\)`, `\[...\]` and math environments).
 */
export function readMarkdown(original: string, options: ReadOptions, parse: TreeParser = new ChunkedTreeParser().parse): Writeup {
  const lines = new LineIndex(original);
  const deep = defuseDeepLists(defuseDeepContainers(defuseBrackets(defuseUnclosedBrackets(original))));
  const text = deep.text;
  const hidden: ScannedMath[] = [];
  const shrunk = shrinkLongLines(hideMath(text, hidden), deep.indents);
  // Micromark drops a leading byte order mark and counts offsets without it.
  const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  // A session's chunked parse (readers/incremental) serves only text whose offsets are the text's own.
  const root = (shrunk.spans.length > 0 || bom ? parseTree : parse)(bom ? shrunk.text.slice(1) : shrunk.text);
  if (shrunk.spans.length > 0 || bom) remapPositions(root, (o) => shrunk.toOriginal(o + bom), text);
  if (hidden.length > 0) restoreMathText(root, text, hidden);
  const collected = collect(root, text);
  const masks = mergeSpans(collected.masks);
  const scanner = new PandocInlineScanner(text, masks);
  for (const region of collected.regions) scanner.scan(region.start, region.end, region.spill === true);
  const { citations: scannedCitations, math: scannedMath, problems: scannedProblems } = scanner.result;

  const problems: ReaderProblem[] = scannedProblems.map((p) => ({
    code: p.code,
    message: p.message,
    range: lines.rangeAt(p.start, p.end),
    severity: p.code === 'unclosed-math' && p.end - p.start === 1 ? 'warning' : 'error',
  }));

  let metadata: Metadata = emptyMetadata();
  const yaml = root.children?.find((c) => c.type === 'yaml');
  if (yaml) {
    const start = startOf(yaml);
    const firstBreak = text.indexOf('\n', start);
    const contentStart = firstBreak < 0 ? endOf(yaml) : firstBreak + 1;
    const result = readFrontMatter(yaml.value ?? '', contentStart, lines.rangeAt(start, endOf(yaml)), lines);
    metadata = result.metadata;
    problems.push(...result.problems);
  }
  const nocite = yaml && metadata.raw['nocite'] !== undefined ? nociteKeys(text, startOf(yaml), endOf(yaml)) : undefined;

  const math: MathNode[] = scannedMath.map((m) => toMathNode(m, text, lines));
  const mathByStart = new Map<number, MathNode>(scannedMath.map((m, i) => [m.start, math[i] as MathNode]));
  const citations: Citation[] = scannedCitations.map((c) => ({
    key: c.key,
    range: lines.rangeAt(c.keyStart, c.keyEnd),
    groupRange: lines.rangeAt(c.groupStart, c.groupEnd),
    command: 'pandoc',
    ...(c.suppressAuthor ? { suppressAuthor: true } : {}),
    ...(c.inText ? { inText: true } : {}),
  }));
  // Pandoc's `nocite:` keys are cited without appearing in the text (they come first: the front matter does).
  citations.unshift(
    ...(nocite?.keys ?? []).map((k): Citation => {
      const range = lines.rangeAt(k.start, k.end);
      return { key: k.key, range, groupRange: range, command: 'nocite' };
    }),
  );

  const headings: HeadingInfo[] = [];
  const placed: PlacedBlock[] = [];
  // Raw vertical space, found in one pass (a search per paragraph would scan the rest of the text each time).
  const rawSpaces = text.includes('\\') ? findRawSpaces(text, 0, text.length).filter((f) => !insideSpans(masks, f.start)) : [];
  let nextSpace = 0;
  let referencesStart: Range | undefined;
  let appendixStart: Range | undefined;
  const children = root.children ?? [];
  for (let i = 0; i < children.length; i++) {
    const node = children[i] as MdNode;
    if (node.type === 'heading') {
      const heading = readHeading(node, text, lines);
      headings.push(heading);
      if (!referencesStart && REFERENCES_TITLE.test(heading.title.trim())) referencesStart = heading.range;
      if (!appendixStart && APPENDIX_TITLE.test(heading.title.trim())) appendixStart = heading.range;
      continue;
    }
    if (node.type === 'paragraph') {
      const source = text.slice(startOf(node), endOf(node));
      if (isFenceOnly(source)) {
        if (!referencesStart && /\{\s*#refs\b/.test(source)) referencesStart = lines.rangeAt(startOf(node), endOf(node));
        continue;
      }
    }
    const next = children[i + 1];
    const block = readBlock(node, text, lines, mathByStart, next);
    // Raw `\vspace{..}` in a paragraph is vertical space (pandoc passes it to LaTeX), not words.
    while (nextSpace < rawSpaces.length && (rawSpaces[nextSpace] as { start: number }).start < startOf(node)) nextSpace++;
    const spaces: typeof rawSpaces = [];
    if (node.type === 'paragraph') {
      for (; nextSpace < rawSpaces.length && (rawSpaces[nextSpace] as { end: number }).end <= endOf(node); nextSpace++) spaces.push(rawSpaces[nextSpace] as (typeof rawSpaces)[number]);
    }
    if (block && !(spaces.length > 0 && block.type === 'paragraph' && block.text === '')) {
      placed.push({ offset: startOf(node), block });
      if (block.type === 'table' && block.caption !== undefined) i++;
    }
    for (const f of spaces) placed.push({ offset: f.start, block: { type: 'space', range: lines.rangeAt(f.start, f.end), length: f.length, ...(f.keep ? { keep: true } : {}) } });
  }

  return {
    file: options.file,
    format: 'markdown',
    text: original,
    lineCount: lines.lineCount,
    metadata,
    sections: buildSections(headings, placed, lines),
    blocks: placed.map((p) => p.block),
    citations,
    ...(nocite?.all ? { citesAll: true } : {}),
    math,
    ...(referencesStart ? { referencesStart } : {}),
    ...(appendixStart ? { appendixStart } : {}),
    disableDirectives: collected.directives(text, lines),
    includes: [],
    problems,
    codeRanges: collected.code.map((s) => lines.rangeAt(s.start, s.end)),
    footnotes: footnotesOf(text, collected, masks, lines),
  };
}

/**
 * The `@key`s of the front matter's `nocite:` value (between `start` and `end`), in order; `all`
 * when it has `@*`. The value runs to the next key at the start of a line.
 */
function nociteKeys(text: string, start: number, end: number): { keys: { key: string; start: number; end: number }[]; all: boolean } {
  const keys: { key: string; start: number; end: number }[] = [];
  let all = false;
  const head = /^nocite[ \t]*:/m.exec(text.slice(start, end));
  if (!head) return { keys, all };
  const from = start + head.index + head[0].length;
  const next = /\n(?=[^\s#-]|---|\.\.\.)/.exec(text.slice(from, end));
  const to = next ? from + next.index : end;
  const re = /(?<![\p{L}\p{N}_.])@(\*|\{[^{}\n]*\}|[\p{L}\p{N}_][\p{L}\p{N}_:.#$%&+?<>~/-]*)/gu;
  const value = text.slice(from, to);
  for (let m = re.exec(value); m; m = re.exec(value)) {
    let key = m[1] ?? '';
    if (key === '*') {
      all = true;
      continue;
    }
    let keyStart = from + m.index + 1;
    if (key.startsWith('{')) {
      key = key.slice(1, -1);
      keyStart++;
    } else key = key.replace(/[.:#$%&+?<>~/-]+$/, '');
    if (key) keys.push({ key, start: keyStart, end: keyStart + key.length });
  }
  return { keys, all };
}

/** Index of the first of the sorted, non-overlapping `spans` that ends after `offset` (or their count). */
function firstEndingAfter(spans: readonly { readonly end: number }[], offset: number): number {
  let lo = 0;
  let hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((spans[mid] as { end: number }).end <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** True when `offset` lies inside one of the sorted, merged `spans`. */
function insideSpans(spans: readonly Span[], offset: number): boolean {
  const s = spans[firstEndingAfter(spans, offset)];
  return s !== undefined && s.start <= offset;
}

/** The offset of the `]` closing the `[` at `open`, skipping escapes; -1 before `limit`. */
function closingBracket(text: string, open: number, limit: number): number {
  let depth = 0;
  for (let j = open; j < limit; j++) {
    const c = text.charCodeAt(j);
    if (c === 92 /* \ */) j++;
    else if (c === 91 /* [ */) depth++;
    else if (c === 93 /* ] */ && --depth === 0) return j;
  }
  return -1;
}

/**
 * The footnotes in reading order: pandoc's inline `^[...]` (found in paragraph text outside code)
 * and `[^id]` references with the text of their `[^id]: ...` definitions.
 */
function footnotesOf(text: string, collected: ReturnType<typeof collect>, masks: readonly Span[], lines: LineIndex): Footnote[] {
  const found: { start: number; end: number; bodyStart: number; bodyEnd: number; text: string }[] = [];
  // Each `^[` of the text once, matched to the paragraph it stands in (regions are in document order).
  let r = 0;
  const regions = collected.regions;
  for (let at = text.indexOf('^['); at >= 0; at = text.indexOf('^[', at + 2)) {
    while (r < regions.length && (regions[r] as Span).end <= at) r++;
    const region = regions[r];
    if (!region || region.start > at || region.spill !== true) continue;
    if (text.charCodeAt(at - 1) === 92 || insideSpans(masks, at)) continue;
    const close = closingBracket(text, at + 1, region.end);
    if (close < 0) continue;
    found.push({ start: at, end: close + 1, bodyStart: at + 2, bodyEnd: close, text: text.slice(at + 2, close).replace(/[*`]/g, '').replace(/\s+/g, ' ').trim() });
    at = close - 1;
  }
  for (const ref of collected.footnoteRefs) {
    const def = collected.footnoteDefs.get(ref.id);
    if (def) found.push({ start: ref.start, end: ref.end, bodyStart: def.start, bodyEnd: def.end, text: def.text });
  }
  found.sort((a, b) => a.start - b.start);
  return found.map((f) => ({ range: lines.rangeAt(f.start, f.end), bodyRange: lines.rangeAt(f.bodyStart, f.bodyEnd), text: f.text }));
}

/** `text` without pandoc's inline notes `^[...]` (their text is set at the foot of the page). */
function withoutInlineNotes(text: string): string {
  let at = text.indexOf('^[');
  if (at < 0) return text;
  const parts: string[] = [];
  let last = 0;
  for (; at >= 0; at = text.indexOf('^[', last)) {
    const close = closingBracket(text, at + 1, text.length);
    if (close < 0) break;
    parts.push(text.slice(last, at));
    last = close + 1;
  }
  parts.push(text.slice(last));
  return parts.join('');
}

/** Bracket depth beyond which brackets are read as plain text. */
const MAX_BRACKET_DEPTH = 32;

/**
 * Remark's link parsing is quadratic in bracket nesting (50k nested `[` take minutes). Brackets
 * nested deeper than any writeup needs become spaces (same length, so offsets hold).
 */
function defuseBrackets(text: string): string {
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
const MAX_CONTAINER_DEPTH = 32;
const CONTAINER_MARKER = /^[ \t]{0,3}(?:>|[-*+]|\d{1,9}[.)])(?=[ \t]|$)[ \t]?/;

/**
 * Remark is quadratic in container nesting: a line of 700 `- ` or `> ` markers takes half a
 * second. Markers past a depth no writeup reaches become spaces (same length, so offsets hold).
 */
function defuseDeepContainers(text: string): string {
  if (!/(?:(?:>|[-*+]|\d[.)])[ \t]+){33}/.test(text)) return text;
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
function hideMath(text: string, hidden: ScannedMath[]): string {
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
function restoreMathText(node: MdNode, text: string, hidden: readonly ScannedMath[]): void {
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
function likelyCode(text: string): Span[] {
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
const LONG_LINE = 20_000;

/**
 * Remark slows down more than linearly on long paragraphs (a 5 MB line takes minutes). Each line
 * longer than LONG_LINE is given to remark as a one-letter line; positions are mapped back, and the
 * pandoc scanner still reads the real line. Such a line loses only remark's inline markup
 * (code spans, links) inside it.
 */
function shrinkLongLines(text: string, indents: readonly Span[] = []): { text: string; spans: Span[]; toOriginal: (offset: number) => number } {
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
function remapPositions(node: MdNode, toOriginal: (offset: number) => number, text: string): void {
  const position = node.position as { start: { offset?: number }; end: { offset?: number } } | undefined;
  if (position && position.start.offset !== undefined && position.end.offset !== undefined) {
    const length = position.end.offset - position.start.offset;
    position.start.offset = toOriginal(position.start.offset);
    position.end.offset = toOriginal(position.end.offset);
    // A text that held a shrunk line gets the line back.
    if (typeof node.value === 'string' && position.end.offset - position.start.offset !== length) {
      (node as { value?: string }).value = text.slice(position.start.offset, position.end.offset);
    }
  }
  for (const child of node.children ?? []) remapPositions(child, toOriginal, text);
}

/** What one walk over the tree gathers. */
function collect(root: MdNode, text: string) {
  const masks: Span[] = [];
  const code: Span[] = [];
  const regions: Array<Span & { spill?: boolean }> = [];
  const comments: Span[] = [];
  const footnoteRefs: { start: number; end: number; id: string }[] = [];
  const footnoteDefs = new Map<string, Span & { text: string }>();
  const visit = (node: MdNode, inRegion: boolean): void => {
    const start = startOf(node);
    const end = endOf(node);
    switch (node.type) {
      case 'code':
        code.push({ start, end });
        return;
      case 'inlineCode':
        code.push({ start, end });
        masks.push({ start, end });
        return;
      case 'html': {
        const value = node.value ?? '';
        if (value.startsWith('<!--')) comments.push({ start, end });
        // Pandoc reads Markdown inside block-level HTML (`<div>`), not in comments, `<pre>` or scripts.
        if (!inRegion && /^<[A-Za-z]/.test(value) && !/^<(pre|script|style|textarea)\b/i.test(value)) {
          regions.push({ start, end });
          return;
        }
        masks.push({ start, end });
        return;
      }
      case 'yaml':
      case 'definition':
        masks.push({ start, end });
        return;
      case 'footnoteReference':
        footnoteRefs.push({ start, end, id: node.identifier ?? '' });
        return;
      case 'footnoteDefinition':
        if (!footnoteDefs.has(node.identifier ?? '')) footnoteDefs.set(node.identifier ?? '', { start, end, text: plain(node).replace(/\s+/g, ' ').trim() });
        break;
      case 'image': {
        // `![alt](url)`: pandoc reads the alt text (the figure's caption) as inlines, citations included.
        const close = text[start] === '!' && text[start + 1] === '[' ? closingBracket(text, start + 1, end) : -1;
        masks.push(close < 0 ? { start, end } : { start: close, end });
        return;
      }
      case 'link':
      case 'linkReference': {
        const last = node.children?.[node.children.length - 1];
        // `[text](url)`: the text is read, the destination is not; bare URLs and e-mail addresses not at all.
        if (last && text[start] === '[') {
          masks.push({ start: endOf(last), end });
        } else if (!last) {
          masks.push({ start, end });
        } else {
          masks.push({ start, end });
          return;
        }
        break;
      }
      default:
        break;
    }
    const isRegion = !inRegion && REGION_TYPES.has(node.type);
    if (isRegion) regions.push({ start, end, spill: node.type === 'paragraph' || node.type === 'math' });
    for (const child of node.children ?? []) visit(child, inRegion || isRegion);
  };
  visit(root, false);
  return {
    masks,
    code,
    regions,
    footnoteRefs,
    footnoteDefs,
    directives(text: string, lines: LineIndex): DisableDirective[] {
      const out: DisableDirective[] = [];
      for (const c of comments) {
        const m = /^<!--([\s\S]*?)-->/.exec(text.slice(c.start, c.end));
        const directive = m ? parseDisableComment(m[1] ?? '', lines.positionAt(c.start + m[0].length).line) : undefined;
        if (directive) out.push(directive);
      }
      return out;
    },
  };
}

/** Sorts spans and merges overlapping ones (a link inside a masked region, say). */
function mergeSpans(spans: Span[]): Span[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  const out: Span[] = [];
  for (const s of sorted) {
    const last = out[out.length - 1];
    if (last && s.start < last.end) out[out.length - 1] = { start: last.start, end: Math.max(last.end, s.end) };
    else if (s.end > s.start) out.push(s);
  }
  return out;
}

function toMathNode(m: ScannedMath, text: string, lines: LineIndex): MathNode {
  return {
    tex: text.slice(m.contentStart, m.contentEnd),
    display: m.display,
    range: lines.rangeAt(m.start, m.end),
    contentRange: lines.rangeAt(m.contentStart, m.contentEnd),
    delimiter: m.delimiter,
    ...(m.environment ? { environment: m.environment } : {}),
  };
}

/** Plain text of a node: markup removed, math as its TeX. */
function plain(node: MdNode): string {
  switch (node.type) {
    case 'text':
    case 'inlineCode':
    case 'inlineMath':
    case 'math':
    case 'code':
      return node.value ?? '';
    case 'break':
      return '\n';
    case 'html':
    case 'footnoteReference':
      return '';
    case 'paragraph':
      // Code spans keep a `^[` of theirs: it opens no note.
      return withoutRawSpaces(withoutInlineNotes((node.children ?? []).map((c) => (c.type === 'inlineCode' ? (c.value ?? '').replace(/\^\[/g, '^ [') : plain(c))).join('')));
    case 'image':
      return node.alt ?? '';
    default:
      return (node.children ?? []).map(plain).join(node.type === 'list' || node.type === 'listItem' ? ' ' : '');
  }
}

/** Pandoc attributes at the end of a heading: `{#id .unnumbered}` or `{-}`. */
const ATTRIBUTES = /[ \t]*\{([^{}]*)\}[ \t]*$/;

function readHeading(node: MdNode, text: string, lines: LineIndex): HeadingInfo {
  const start = startOf(node);
  const end = endOf(node);
  const source = text.slice(start, end);
  let contentStart: number;
  let contentEnd = end;
  const atx = /^ {0,3}#{1,6}[ \t]*/.exec(source);
  if (atx) {
    contentStart = start + atx[0].length;
    const closing = /[ \t]+#+[ \t]*$|^#+[ \t]*$/.exec(text.slice(contentStart, end));
    if (closing) contentEnd = contentStart + closing.index;
  } else {
    // Setext: the text lines, without the underline.
    const lastBreak = source.search(/\r?\n[ \t]*[=-]+[ \t]*$/);
    if (lastBreak >= 0) contentEnd = start + lastBreak;
    const lead = /^[ \t]*/.exec(source);
    contentStart = start + (lead ? lead[0].length : 0);
  }
  let title = plain(node).trim();
  let unnumbered = false;
  const content = text.slice(contentStart, contentEnd);
  const attrs = ATTRIBUTES.exec(content);
  if (attrs && /^\s*([#.][\w:.-]+|-|[\w-]+=("[^"]*"|\S+))(\s+([#.][\w:.-]+|-|[\w-]+=("[^"]*"|\S+)))*\s*$/.test(attrs[1] ?? '')) {
    contentEnd = contentStart + attrs.index;
    const words = (attrs[1] ?? '').split(/\s+/);
    unnumbered = words.includes('.unnumbered') || words.includes('-');
    title = title.replace(/\s*\{[^{}]*\}\s*$/, '').trim();
  }
  while (contentEnd > contentStart && /\s/.test(text[contentEnd - 1] ?? '')) contentEnd--;
  return {
    level: node.depth ?? 1,
    title,
    unnumbered,
    range: lines.rangeAt(start, end),
    titleRange: lines.rangeAt(contentStart, contentEnd),
    offset: start,
  };
}

/** True when every line of a paragraph is a pandoc fenced-div line (`:::` ...). */
function isFenceOnly(source: string): boolean {
  return source.split(/\r?\n|\r/).every((l) => /^\s*:{3,}/.test(l));
}

const PAGE_BREAK = /^\\(newpage|clearpage|pagebreak)\s*$/;

/** The model block of one top-level node, or undefined for what takes no room (definitions, comments). */
function readBlock(
  node: MdNode,
  text: string,
  lines: LineIndex,
  mathByStart: ReadonlyMap<number, MathNode>,
  next: MdNode | undefined,
): Block | undefined {
  const range = lines.rangeAt(startOf(node), endOf(node));
  switch (node.type) {
    case 'paragraph': {
      const source = text.slice(startOf(node), endOf(node)).trim();
      if (PAGE_BREAK.test(source)) return { type: 'pagebreak', range };
      const figure = readFigure(node, range);
      if (figure) return figure;
      const lead = startOf(node) + (text.slice(startOf(node), endOf(node)).length - text.slice(startOf(node), endOf(node)).trimStart().length);
      const only = mathByStart.get(lead);
      // Display math alone in its paragraph (a pandoc-crossref `{#eq:x}` after it allowed) is a math block.
      const whole = text.slice(startOf(node), endOf(node));
      const body = (whole.includes('{#') ? whole.replace(/\s*\{#[^{}]*\}\s*$/, '') : whole).trimEnd();
      if (only && only.display && lines.offsetAt(only.range.end) >= startOf(node) + body.length) {
        return { type: 'math', range, math: only };
      }
      return { type: 'paragraph', range, text: plain(node).replace(/\{[^{}]*width=[^{}]*\}/g, '').trim() };
    }
    case 'math': {
      const m = mathByStart.get(startOf(node));
      return m ? { type: 'math', range, math: m } : { type: 'code', range, lines: (node.value ?? '').split('\n').length, language: 'math' };
    }
    case 'list':
      return {
        type: 'list',
        range,
        ordered: node.ordered === true,
        items: (node.children ?? []).map((item) => plain(item).replace(/\s+/g, ' ').trim()),
        entries: listEntries(node, 1, []),
      };
    case 'table': {
      const rows = node.children ?? [];
      const columns = rows.reduce((n, r) => Math.max(n, r.children?.length ?? 0), 0);
      const captionSource = next?.type === 'paragraph' ? text.slice(startOf(next), endOf(next)) : '';
      const caption = /^\s*(Table)?:\s+/.test(captionSource) ? plain(next as MdNode).replace(/^\s*(Table)?:\s+/, '').trim() : undefined;
      return { type: 'table', range, rows: rows.length, columns, ...(caption !== undefined ? { caption } : {}) };
    }
    case 'code':
      return { type: 'code', range, lines: (node.value ?? '').split('\n').length, ...(node.lang ? { language: node.lang } : {}) };
    case 'blockquote':
      return { type: 'environment', range, name: 'quote', text: plain(node).trim() };
    default:
      // Footnote definitions are set at the foot of the page (Writeup.footnotes), not here.
      return undefined;
  }
}

/** Every item of a list at every depth, each with only its own text. */
function listEntries(list: MdNode, depth: number, out: ListEntry[]): ListEntry[] {
  for (const item of list.children ?? []) {
    const own = (item.children ?? []).filter((c) => c.type !== 'list');
    out.push({ depth, text: own.map(plain).join(' ').replace(/\s+/g, ' ').trim() });
    for (const c of item.children ?? []) if (c.type === 'list') listEntries(c, depth + 1, out);
  }
  return out;
}

/** Pandoc's implicit figure: an image alone in its paragraph, maybe followed by `{width=...}`. */
function readFigure(node: MdNode, range: Range): Block | undefined {
  const kids = (node.children ?? []).filter((c) => !(c.type === 'text' && (c.value ?? '').trim() === ''));
  const image = kids[0];
  if (!image || image.type !== 'image') return undefined;
  let attributes = '';
  if (kids.length === 2) {
    const after = kids[1];
    if (!after || after.type !== 'text' || !/^\{[^{}]*\}\s*$/.test((after.value ?? '').trim())) return undefined;
    attributes = after.value ?? '';
  } else if (kids.length > 2) return undefined;
  const width = /\bwidth\s*=\s*"?([^\s"}]+)"?/.exec(attributes)?.[1];
  const url = (image as MdNode & { url?: string }).url ?? '';
  return {
    type: 'figure',
    range,
    path: url,
    ...(width !== undefined ? { width } : {}),
    ...(image.alt ? { caption: image.alt } : {}),
  };
}
