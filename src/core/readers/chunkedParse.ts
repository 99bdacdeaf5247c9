import { lazyRemark } from '../lazy/index';

/** The parts of an mdast node the reader looks at (remark's node types, loosely). */
export interface MdNode {
  readonly type: string;
  readonly position?: { readonly start: { readonly offset?: number }; readonly end: { readonly offset?: number } };
  readonly children?: readonly MdNode[];
  readonly value?: string;
  readonly alt?: string | null;
  readonly depth?: number;
  readonly ordered?: boolean | null;
  readonly lang?: string | null;
  readonly identifier?: string;
}

/** Remark's tree of the text it is given (offsets into that text). */
export type TreeParser = (text: string) => MdNode;

/** The whole text through remark at once. */
export const parseTree: TreeParser = (text) => lazyRemark().parse(text) as unknown as MdNode;

/**
 * `text` as one flat string. An edited text is often a rope of slices (V8 cons strings), on which
 * every `indexOf` pays again; converting to a number makes V8 flatten it once, in place.
 */
export function flat(text: string): string {
  void Number(text);
  return text;
}

/** Remark's tree of one chunk, offsets from the chunk's start. */
interface ChunkTree {
  /** The chunk's own top-level nodes (not the definitions appended to it). */
  readonly nodes: readonly MdNode[];
  /** `[label]: ...` and `[^label]: ...` definitions anywhere in the chunk, as written. */
  readonly definitions: readonly string[];
  /** False when the chunk ends inside a construct the next chunk's lines may still belong to. */
  readonly closed: boolean;
}

/** Most chunks merged into one before the session parses the text whole instead. */
const MAX_MERGES = 8;

/**
 * Remark (micromark) reads about 3 MB/s with the GFM and math extensions, a third of a second for
 * 100 pages, and it is quadratic in block quotes and list items. The text is cut at lines that
 * always start a new top-level block, and each chunk goes
 * to remark on its own; a chunk whose text (and the definitions it may refer to) did not change is
 * not parsed again. The cut lines: a heading or a line starting with a letter, after a blank line,
 * outside the front matter. Remark's state there is the same as at the start of a document except
 * for (a) a fenced code, math or raw HTML block still open, checked on the chunk before (it is
 * merged with the next) and (b) link and footnote definitions, which count wherever they stand:
 * each chunk is parsed with every definition of the text appended (remark resolves references
 * after reading all blocks, so the end is as good as anywhere), and the appended ones dropped.
 * Whenever that cannot be confirmed the text is parsed whole.
 */
export class ChunkedTreeParser {
  private cache = new Map<string, ChunkTree>();
  last = { chunks: 0, parsed: 0, whole: false };

  readonly parse: TreeParser = (text) => {
    const cuts = cutPoints(flat(text));
    if (cuts.length < 2) return this.whole(text);
    let parsed = 0;
    const used = new Map<string, ChunkTree>();
    const tree = (chunk: string, trailer: string): ChunkTree | undefined => {
      const key = `${trailer}\u0000${chunk}`;
      let t = used.get(key) ?? this.cache.get(key);
      if (!t) {
        parsed++;
        t = parseChunk(chunk, trailer);
        if (!t) return undefined;
      }
      used.set(key, t);
      return t;
    };
    // The trailer of the last read first: definitions seldom change while typing.
    let trailer = this.trailer;
    for (let attempt = 0; attempt < 2; attempt++) {
      const chunks: { start: number; tree: ChunkTree }[] = [];
      let merges = 0;
      for (let i = 0; i < cuts.length; i++) {
        const start = cuts[i] as number;
        let end = cuts[i + 1] ?? text.length;
        let t = tree(text.slice(start, end), trailer);
        while (t && !t.closed && end < text.length) {
          if (++merges > MAX_MERGES) return this.whole(text);
          i++;
          end = cuts[i + 1] ?? text.length;
          t = tree(text.slice(start, end), trailer);
        }
        if (!t) return this.whole(text);
        chunks.push({ start, tree: t });
      }
      const wanted = trailerOf(chunks.flatMap((c) => c.tree.definitions));
      if (wanted !== trailer) {
        trailer = wanted;
        continue;
      }
      this.cache = used;
      this.trailer = trailer;
      this.last = { chunks: chunks.length, parsed, whole: false };
      const children: MdNode[] = [];
      for (const c of chunks) for (const n of c.tree.nodes) children.push(shifted(n, c.start));
      return { type: 'root', children, position: { start: { offset: 0 }, end: { offset: text.length } } } as MdNode;
    }
    return this.whole(text);
  };

  private trailer = '';

  private whole(text: string): MdNode {
    this.cache = new Map();
    this.trailer = '';
    this.last = { chunks: 1, parsed: 1, whole: true };
    return parseTree(text);
  }
}

/** A copy of `node` and its descendants with offsets moved by `by`. */
function shifted(node: MdNode, by: number): MdNode {
  const p = node.position;
  const copy: Record<string, unknown> = { ...node };
  if (p) copy.position = { start: { offset: (p.start.offset ?? 0) + by }, end: { offset: (p.end.offset ?? 0) + by } };
  if (node.children) copy.children = node.children.map((c) => shifted(c, by));
  return copy as unknown as MdNode;
}

/** The text appended to every chunk so that its references resolve as in the whole text. */
function trailerOf(definitions: readonly string[]): string {
  if (definitions.length === 0) return '';
  return `\n\n${[...new Set(definitions)].sort().join('\n')}\n`;
}

/** Characters after which a chunk is cut at the next line that may start one, hash or not. */
const LONG_CHUNK = 4_096;

/**
 * Offsets where a chunk may start: 0, then the start of each line that follows a blank line and
 * begins with `#`, a letter, `>` or `\`, past the front matter (a block quote there is a new one:
 * the blank line closed the one before). Headings always cut; other lines cut when a
 * hash of their first characters says so (about one in sixteen), so cuts depend on the text around
 * them only and stay put when an edit elsewhere moves them, or when the chunk is past LONG_CHUNK
 * (micromark is quadratic in the block quotes and list items of one parse: it splices each
 * container's end into the event list of the whole document; 2,000 `> q` paragraphs take seconds).
 */
export function cutPoints(text: string): number[] {
  const cuts = [0];
  let at = 0;
  if (/^---[ \t]*(\r\n|\r|\n)/.test(text)) {
    const close = /(\r\n|\r|\n)(---|\.\.\.)[ \t]*(\r\n|\r|\n|$)/.exec(text);
    if (!close) return cuts;
    at = close.index + close[0].length;
  }
  let previousBlank = false;
  let cr = text.indexOf('\r');
  while (at < text.length) {
    // Line ends found with indexOf (native) rather than a loop over every character.
    let end = text.indexOf('\n', at);
    if (end < 0) end = text.length;
    if (cr >= 0 && cr < at) cr = text.indexOf('\r', at);
    if (cr >= 0 && cr < end) end = cr;
    let first = at;
    while (first < end && (text.charCodeAt(first) === 32 || text.charCodeAt(first) === 9)) first++;
    const blank = first === end;
    if (previousBlank && !blank && at > 0) {
      const c = text.charCodeAt(at);
      if (c === 35 /* # */) cuts.push(at);
      else if (((c | 32) >= 97 && (c | 32) <= 122) || c === 62 /* > */ || c === 92 /* \ */) {
        if ((lineHash(text, at, end) & 15) === 0 || at - (cuts[cuts.length - 1] as number) > LONG_CHUNK) cuts.push(at);
      }
    }
    previousBlank = blank;
    at = end + (text.charCodeAt(end) === 13 && text.charCodeAt(end + 1) === 10 ? 2 : 1);
  }
  return cuts;
}

function lineHash(text: string, start: number, end: number): number {
  let h = 2166136261;
  for (let i = start; i < Math.min(end, start + 24); i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return (h ^ (h >>> 15)) >>> 0;
}

/** Remark's tree of `chunk` with `trailer` appended, or undefined when the trailer did not read as its definitions. */
function parseChunk(chunk: string, trailer: string): ChunkTree | undefined {
  const root = parseTree(chunk + trailer);
  const all = root.children ?? [];
  const own = all.filter((c) => (c.position?.start.offset ?? 0) < chunk.length);
  const appended = all.slice(own.length);
  const expected = trailer === '' ? 0 : trailer.trim().split('\n').length;
  if (appended.length !== expected || appended.some((c) => c.type !== 'definition' && c.type !== 'footnoteDefinition')) return undefined;
  if (own.some((c) => (c.position?.end.offset ?? 0) > chunk.length)) return undefined;
  const definitions: string[] = [];
  const visit = (node: MdNode): void => {
    const label = (node as { label?: string }).label;
    if (node.type === 'definition' && label !== undefined) definitions.push(`[${label}]: #`);
    else if (node.type === 'footnoteDefinition' && label !== undefined) definitions.push(`[^${label}]: x`);
    for (const c of node.children ?? []) visit(c);
  };
  own.forEach(visit);
  // A label over several lines would not survive the trailer's one line per definition.
  if (definitions.some((d) => /[\r\n]/.test(d))) return undefined;
  const lastNode = own[own.length - 1];
  return { nodes: own, definitions, closed: !lastNode || closedBlock(lastNode, chunk) };
}

/** False for a fenced code block, `$$` math block or raw HTML block of a kind that runs past blank lines, left open. */
function closedBlock(node: MdNode, chunk: string): boolean {
  const source = chunk.slice(node.position?.start.offset ?? 0, node.position?.end.offset ?? 0);
  if (node.type === 'code' || node.type === 'math') {
    const open = /^[ \t]*(`{3,}|~{3,}|\${2,})/.exec(source);
    if (!open) return node.type === 'code';
    const lines = source.split(/\r\n|\r|\n/);
    const last = lines[lines.length - 1] ?? '';
    const fence = open[1] ?? '';
    const close = /^[ \t]*(`+|~+|\$+)[ \t]*$/.exec(last);
    return lines.length > 1 && close !== null && (close[1] ?? '')[0] === fence[0] && (close[1] ?? '').length >= fence.length;
  }
  if (node.type === 'html') {
    const s = source.trimStart();
    if (s.startsWith('<!--')) return s.indexOf('-->', 4) >= 0;
    if (s.startsWith('<?')) return s.indexOf('?>', 2) >= 0;
    if (s.startsWith('<![CDATA[')) return s.indexOf(']]>', 9) >= 0;
    if (/^<![A-Za-z]/.test(s)) return s.indexOf('>', 2) >= 0;
    const raw = /^<(script|pre|style|textarea)(?=[\s>]|$)/i.exec(s);
    if (raw) return new RegExp(`</${raw[1] ?? ''}>`, 'i').test(s);
  }
  return true;
}
