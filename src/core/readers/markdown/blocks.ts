import type { Range } from '../../model/range';
import type { Block, ListEntry, MathNode } from '../../model/writeup';
import type { LineIndex } from '../../text/lineIndex';
import type { MdNode } from '../chunkedParse';
import type { ScannedMath } from '../pandocInline';
import { type HeadingInfo, lineBeforeFacts, withoutRawSpaces } from '../common';
import { type PandocAttributes, readAttributes } from './attributes';
import { closingBracket, endOf, startOf } from './spans';

/* The model's headings and blocks, one per top-level node of the tree. */

export function toMathNode(m: ScannedMath, text: string, lines: LineIndex): MathNode {
  return {
    tex: text.slice(m.contentStart, m.contentEnd),
    display: m.display,
    range: lines.rangeAt(m.start, m.end),
    contentRange: lines.rangeAt(m.contentStart, m.contentEnd),
    delimiter: m.delimiter,
    ...(m.environment ? { environment: m.environment } : {}),
  };
}

/** `text` without pandoc's inline notes `^[...]` (their text is set at the foot of the page). */
export function withoutInlineNotes(text: string): string {
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

/** Plain text of a node: markup removed, math as its TeX. */
export function plain(node: MdNode): string {
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

/** Where pandoc attributes may end a heading (`{#id .unnumbered}`, `{-}`): attributes.ts reads them. */
export const ATTRIBUTES = /[ \t]*\{([^{}]*)\}[ \t]*$/;

export function readHeading(node: MdNode, text: string, lines: LineIndex): HeadingInfo {
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
  const brace = attrs ? contentStart + attrs.index + attrs[0].indexOf('{') : -1;
  const read = attrs ? readAttributes(text, brace, contentEnd) : undefined;
  // The block ends the heading (only spaces after it), as pandoc reads heading attributes.
  if (attrs && read && text.slice(read.end, contentEnd).trim() === '') {
    contentEnd = contentStart + attrs.index;
    unnumbered = read.attributes.classes.includes('unnumbered');
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
export function isFenceOnly(source: string): boolean {
  return source.split(/\r?\n|\r/).every((l) => /^\s*:{3,}/.test(l));
}

export const PAGE_BREAK = /^\\(newpage|clearpage|pagebreak)\s*$/;

/**
 * The lines of a paragraph that are layout, not text: pandoc fenced-div lines (`::: {.remark}`,
 * `:::`) and page-break commands, each with its line end, as offsets into `text`.
 */
export function layoutLines(text: string, start: number, end: number): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  if (!/^[ \t]*(:::|\\(newpage|clearpage|pagebreak))/m.test(text.slice(start, end))) return out;
  let at = start;
  while (at < end) {
    const lineEnd = text.indexOf('\n', at);
    const stop = lineEnd < 0 || lineEnd >= end ? end : lineEnd;
    const line = text.slice(at, stop).replace(/\r$/, '');
    if (/^\s*:{3,}/.test(line) || PAGE_BREAK.test(line.trim())) out.push({ start: at, end: stop < end ? stop + 1 : stop });
    at = stop + 1;
  }
  return out;
}

/** The model block of one top-level node, or undefined for what takes no room (definitions, comments). */
export function readBlock(
  node: MdNode,
  text: string,
  lines: LineIndex,
  mathByStart: ReadonlyMap<number, MathNode>,
  next: MdNode | undefined,
): Block | undefined {
  const range = lines.rangeAt(startOf(node), endOf(node));
  // Raw LaTeX and `$$` displays: whether the line before is blank or closes a display.
  const before = (): ReturnType<typeof lineBeforeFacts> => lineBeforeFacts(range.start.line > 0 ? lines.lineText(range.start.line - 1) : undefined);
  switch (node.type) {
    case 'paragraph': {
      const source = text.slice(startOf(node), endOf(node)).trim();
      const pageBreak = PAGE_BREAK.exec(source);
      if (pageBreak) return { type: 'pagebreak', range, ...(pageBreak[1] === 'clearpage' ? { clear: true } : {}) };
      const figure = readFigure(node, range);
      if (figure) return figure;
      const lead = startOf(node) + (text.slice(startOf(node), endOf(node)).length - text.slice(startOf(node), endOf(node)).trimStart().length);
      const only = mathByStart.get(lead);
      // Display math alone in its paragraph (a pandoc-crossref `{#eq:x}` after it allowed) is a math block.
      const whole = text.slice(startOf(node), endOf(node));
      const body = (whole.includes('{#') ? whole.replace(/\s*\{#[^{}]*\}\s*$/, '') : whole).trimEnd();
      if (only && only.display && lines.offsetAt(only.range.end) >= startOf(node) + body.length) {
        return { type: 'math', range, math: only, ...(before().standalone ? { standalone: true } : {}) };
      }
      return { type: 'paragraph', range, text: plain(node).trim(), ...(before().continuesDisplay ? { continuesDisplay: true } : {}) };
    }
    case 'math': {
      const m = mathByStart.get(startOf(node));
      return m ? { type: 'math', range, math: m, ...(before().standalone ? { standalone: true } : {}) } : { type: 'code', range, lines: (node.value ?? '').split('\n').length, language: 'math' };
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
export function listEntries(list: MdNode, depth: number, out: ListEntry[]): ListEntry[] {
  for (const item of list.children ?? []) {
    const own = (item.children ?? []).filter((c) => c.type !== 'list');
    out.push({ depth, text: own.map(plain).join(' ').replace(/\s+/g, ' ').trim() });
    for (const c of item.children ?? []) if (c.type === 'list') listEntries(c, depth + 1, out);
  }
  return out;
}

/** Pandoc's implicit figure: an image alone in its paragraph (its attribute block is the image's: readers/markdown/images.ts). */
export function readFigure(node: MdNode, range: Range): Block | undefined {
  const kids = (node.children ?? []).filter((c) => !(c.type === 'text' && (c.value ?? '').trim() === ''));
  const image = kids[0];
  if (kids.length !== 1 || !image || image.type !== 'image') return undefined;
  const { url, attributes } = image as MdNode & { url?: string; attributes?: PandocAttributes };
  const width = attributes?.values['width'];
  return {
    type: 'figure',
    range,
    path: url ?? '',
    ...(width !== undefined ? { width } : {}),
    ...(image.alt ? { caption: image.alt } : {}),
  };
}
