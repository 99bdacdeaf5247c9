import type { TexInline } from '../model/inline';
import type { Range } from '../model/range';
import type { Block, CaptionSetting, DisableDirective, Metadata, Origin, Section, Writeup, WriteupFormat } from '../model/writeup';
import { LineIndex } from '../text/lineIndex';

/** Metadata with nothing in it. */
export function emptyMetadata(): Metadata {
  return { authors: [], bibliography: [], disabledRules: [], keyRanges: {}, raw: {} };
}

/** A model with no content, the starting point of both readers and what they return on failure. */
export function emptyWriteup(text: string, file: string, format: WriteupFormat): Writeup {
  return {
    file,
    format,
    text,
    lineCount: new LineIndex(text).lineCount,
    metadata: emptyMetadata(),
    sections: [],
    blocks: [],
    citations: [],
    math: [],
    disableDirectives: [],
    includes: [],
    problems: [],
    codeRanges: [],
    footnotes: [],
  };
}

/** A heading as a reader found it, before its body is known. */
export interface HeadingInfo {
  readonly level: number;
  readonly title: string;
  /** LaTeX: the title as running-text pieces. */
  readonly titlePieces?: readonly TexInline[];
  readonly unnumbered: boolean;
  readonly range: Range;
  readonly titleRange: Range;
  /** Order key (an offset or a counter): blocks at or after it (and before the next heading) belong to it. */
  readonly offset: number;
  readonly origin?: Origin;
}

/** A block with its order key (offset or counter, as the headings'), so sections can collect their blocks. */
export interface PlacedBlock {
  readonly offset: number;
  readonly block: Block;
}

/**
 * Builds sections from headings (in document order) and blocks: each section runs from its
 * heading to the line before the next heading of any level, or to the end of the text.
 */
export function buildSections(headings: readonly HeadingInfo[], blocks: readonly PlacedBlock[], lines: LineIndex): Section[] {
  const sections: Section[] = [];
  let b = 0;
  while (b < blocks.length && headings[0] !== undefined && (blocks[b]?.offset ?? 0) < headings[0].offset) b++;
  for (let h = 0; h < headings.length; h++) {
    const heading = headings[h];
    if (!heading) continue;
    const next = headings[h + 1];
    const own: Block[] = [];
    while (b < blocks.length && (next === undefined || (blocks[b]?.offset ?? 0) < next.offset)) {
      const placed = blocks[b];
      if (placed) own.push(placed.block);
      b++;
    }
    let endLine: number;
    let endCharacter: number;
    if (next) {
      endLine = Math.max(heading.range.end.line, next.range.start.line - 1);
      endCharacter = endLine === next.range.start.line ? next.range.start.character : lines.lineEnd(endLine) - lines.lineStart(endLine);
    } else {
      endLine = lines.lineCount - 1;
      endCharacter = lines.lineEnd(endLine) - lines.lineStart(endLine);
    }
    const bodyEnd = { line: endLine, character: endCharacter };
    sections.push({
      level: heading.level,
      title: heading.title,
      ...(heading.titlePieces ? { titlePieces: heading.titlePieces } : {}),
      unnumbered: heading.unnumbered,
      range: heading.range,
      titleRange: heading.titleRange,
      bodyRange: { start: heading.range.start, end: comparePos(bodyEnd, heading.range.end) < 0 ? heading.range.end : bodyEnd },
      blocks: own,
      ...(heading.origin ? { origin: heading.origin } : {}),
    });
  }
  return sections;
}

function comparePos(a: Range['start'], b: Range['start']): number {
  return a.line === b.line ? a.character - b.character : a.line - b.line;
}

/**
 * Reads the rule list of a `writeup-disable-next-line` comment body (without the comment
 * markers); undefined when the comment is something else.
 */
export function parseDisableComment(body: string, commentEndLine: number): DisableDirective | undefined {
  const m = /^\s*writeup-disable-next-line\b(.*)$/s.exec(body);
  if (!m) return undefined;
  const rules = (m[1] ?? '')
    .split(/[\s,]+/)
    .map((r) => r.trim())
    .filter((r) => r.length > 0 && r !== '--');
  return { line: commentEndLine + 1, rules };
}

/**
 * Headings that start the references (`References:`, `Literature cited`) and the appendix: the one
 * list the readers, the page estimate, lint, the preview and the exact measure all go by.
 */
export const REFERENCES_TITLE = /^(?:references?|bibliography|works cited|literature cited)\s*:?$/i;
export const APPENDIX_TITLE = /^(appendix|appendices|supplementary materials?)\b/i;

/** True for a heading title (plain text, as the readers give it) that starts the references. */
export function isReferencesTitle(title: string): boolean {
  return REFERENCES_TITLE.test(title.replace(/\s+/g, ' ').trim());
}

/** A TeX dimension without braces, as `\\vskip` takes it: `-0.5\\baselineskip plus 1pt`. */
export const VSKIP_LENGTH = /^\s*(-?\s*(?:[0-9]*\.?[0-9]+\s*)?(?:\\[A-Za-z@]+|[a-z]{2}))(?:\s+(?:plus|minus)\s+-?[0-9.]*\s*(?:\\[A-Za-z@]+|fil+|[a-z]{2}))*/;

/** Raw LaTeX vertical space in pandoc Markdown: `\\vspace{..}`, `\\vspace*{..}`, `\\vskip ..`, `\\medskip`. */
const RAW_SPACE = /\\(?:vspace(\*?)\s*\{([^{}]*)\}|vskip(?![A-Za-z@])|(smallskip|medskip|bigskip)(?![A-Za-z@]))/y;

/** A vertical space command found in text, in offsets. */
export interface FoundSpace {
  readonly start: number;
  readonly end: number;
  readonly length: string;
  readonly keep: boolean;
}

/** The vertical space commands in `text` from `start` to `end` (looked for at each backslash only). */
export function findRawSpaces(text: string, start: number, end: number): FoundSpace[] {
  const out: FoundSpace[] = [];
  for (let at = text.indexOf('\\', start); at >= 0 && at < end; at = text.indexOf('\\', at + 1)) {
    RAW_SPACE.lastIndex = at;
    const m = RAW_SPACE.exec(text);
    if (!m) continue;
    let stop = at + m[0].length;
    let length: string;
    if (m[3] !== undefined) length = `\\${m[3]}amount`;
    else if (m[2] !== undefined) length = m[2].trim();
    else {
      const dim = VSKIP_LENGTH.exec(text.slice(stop, Math.min(end, stop + 120)));
      if (!dim) continue;
      stop += dim[0].length;
      length = (dim[1] ?? '').replace(/\s+/g, '');
    }
    if (stop > end) break;
    if (length !== '') out.push({ start: at, end: stop, length, keep: m[1] === '*' });
    at = stop - 1;
  }
  return out;
}

/** `text` without its raw vertical space commands. */
export function withoutRawSpaces(text: string): string {
  if (!text.includes('\\')) return text;
  const found = findRawSpaces(text, 0, text.length);
  if (found.length === 0) return text;
  const parts: string[] = [];
  let last = 0;
  for (const f of found) {
    parts.push(text.slice(last, f.start));
    last = f.end;
  }
  parts.push(text.slice(last));
  return parts.join('');
}

/** A line that ends by closing a display: `$$`, `\]`, `\end{equation}` (align, gather, multline, eqnarray; starred too). */
const DISPLAY_END = /(?:\$\$|\\\]|\\end\{(?:equation|align|gather|multline|eqnarray)\*?\})\s*$/;

/**
 * What the line before a block says of it: `standalone` when that line is blank or there is none (a
 * display then opens a paragraph of its own), `continuesDisplay` when it closes a display (text
 * then goes on with the display's paragraph). `before` is undefined at the first line.
 */
export function lineBeforeFacts(before: string | undefined): { standalone: boolean; continuesDisplay: boolean } {
  if (before === undefined) return { standalone: true, continuesDisplay: false };
  return { standalone: before.trim() === '', continuesDisplay: DISPLAY_END.test(before) };
}

/**
 * The line before the one holding `offset` in `text` (a line ends at `\n`, `\r\n` or a lone `\r`),
 * or undefined when `offset` is on the first line.
 */
export function lineBefore(text: string, offset: number): string | undefined {
  let start = offset;
  while (start > 0 && text.charCodeAt(start - 1) !== 10 && text.charCodeAt(start - 1) !== 13) start--;
  if (start === 0) return undefined;
  // The previous line ends before its line break (`\r\n` counts as one).
  let end = start - 1;
  if (text.charCodeAt(end) === 10 && end > 0 && text.charCodeAt(end - 1) === 13) end--;
  let begin = end;
  while (begin > 0 && text.charCodeAt(begin - 1) !== 10 && text.charCodeAt(begin - 1) !== 13) begin--;
  return text.slice(begin, end);
}

const CAPTION_SETUP = /\\usepackage\s*\[([^\]]*)\]\s*\{caption\}|\\captionsetup\s*(?:\[([^\]]*)\])?\s*\{((?:[^{}]|\{[^{}]*\})*)\}/g;

/** The caption package's settings a preamble (or pandoc's `header-includes`) writes, in order (see Metadata.captionSetup). */
export function captionSetupOf(preamble: string): { captionSetup?: CaptionSetting[] } {
  if (!preamble.includes('caption')) return {};
  const settings: CaptionSetting[] = [];
  for (const m of preamble.matchAll(CAPTION_SETUP)) {
    const kind = (m[2] ?? '').trim();
    if (kind !== '' && kind !== 'figure' && kind !== 'table') continue;
    settings.push({ ...(kind !== '' ? { kind } : {}), options: m[1] ?? m[3] ?? '' });
  }
  return settings.length > 0 ? { captionSetup: settings } : {};
}
