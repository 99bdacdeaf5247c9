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
export const parseTree: TreeParser = (text) => lazyRemark()(text) as unknown as MdNode;

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
  /** For a chunk that is not closed: what ends the open construct (a closing fence line, `-->`...), when known. */
  readonly until?: RegExp;
  /** Where the chunk starts in the offsets of `nodes` (non-zero for a piece cut out of a larger parse). */
  readonly base?: number;
}

/** Most merges of one chunk with those after it before the session parses the text whole instead. */
const MAX_MERGES = 8;

/**
 * A stretch of chunks none of which the cache holds goes to remark in groups of at most this many
 * characters and chunks: remark's fixed cost per parse (some 0.2 ms) paid once per 4 KB instead of
 * once per paragraph, while a group stays too short for remark's quadratic paths to matter.
 */
const GROUP_CHARS = 4096;
const GROUP_CHUNKS = 24;

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
 * Chunks the cache does not hold go to remark in groups of a few KB (see `grouped`), and the
 * group's tree is split back into its chunks' trees for the next read: a fresh read pays remark's
 * fixed cost per parse a dozen times for 10 pages instead of once per paragraph, and the first
 * edit after it still re-parses one paragraph.
 */
export class ChunkedTreeParser {
  private cache = new Map<string, ChunkTree>();
  last = { chunks: 0, parsed: 0, whole: false };

  readonly parse: TreeParser = (text) => {
    const fine = cutPoints(flat(text));
    if (fine.length < 2) return this.whole(text);
    let parsed = 0;
    const used = new Map<string, ChunkTree>();
    const known = (chunk: string, defs: Definitions): boolean => {
      const key = `${defs.for(chunk)}\u0000${chunk}`;
      return used.has(key) || this.cache.has(key);
    };
    const tree = (chunk: string, defs: Definitions, pieces: readonly number[]): ChunkTree | undefined => {
      const trailer = defs.for(chunk);
      const key = `${trailer}\u0000${chunk}`;
      let t = used.get(key) ?? this.cache.get(key);
      if (!t) {
        parsed++;
        t = parseChunk(chunk, trailer);
        if (!t) return undefined;
        // A group's parse also answers for each of its chunks, read on their own next time, unless
        // a chunk may lean on a definition in another (one the text's definitions do not hold).
        if (pieces.length > 1 && t.definitions.every((d) => defs.lines.has(d))) for (const [piece, pt] of piecesOf(chunk, t, pieces)) used.set(`${defs.for(piece)}\u0000${piece}`, pt);
      }
      used.set(key, t);
      return t;
    };
    // The definitions of the last read first: they seldom change while typing.
    let defs = new Definitions(this.trailer);
    for (let attempt = 0; attempt < 2; attempt++) {
      const cuts = grouped(text, fine, (from, to) => known(text.slice(from, to), defs));
      const chunks: { start: number; tree: ChunkTree }[] = [];
      for (let i = 0; i < cuts.length; i++) {
        const start = cuts[i] as number;
        let end = cuts[i + 1] ?? text.length;
        let t = tree(text.slice(start, end), defs, finesIn(fine, start, end));
        // A fenced block with blank lines in it spans many cuts: the chunk runs on to the first cut
        // after what closes it (or one cut further when that is not known).
        let merges = 0;
        while (t && !t.closed && end < text.length) {
          if (++merges > MAX_MERGES) return this.whole(text);
          const close = closeAfter(text, end, t.until);
          i++;
          while (i + 1 < cuts.length && (cuts[i + 1] as number) < close) i++;
          end = cuts[i + 1] ?? text.length;
          t = tree(text.slice(start, end), defs, finesIn(fine, start, end));
        }
        if (!t) return this.whole(text);
        chunks.push({ start, tree: t });
      }
      const wanted = trailerOf(chunks.flatMap((c) => c.tree.definitions));
      if (wanted !== defs.trailer) {
        defs = new Definitions(wanted);
        continue;
      }
      this.cache = used;
      this.trailer = defs.trailer;
      this.last = { chunks: chunks.length, parsed, whole: false };
      const children: MdNode[] = [];
      for (const c of chunks) for (const n of c.tree.nodes) children.push(shifted(n, c.start - (c.tree.base ?? 0)));
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

/**
 * The cut points a read goes by: every cut of `fine` around chunks the cache holds (an edit
 * re-parses its own paragraph only), and, across a stretch of chunks none of which is known (a
 * fresh read, new definitions, pasted text), one cut per group of GROUP_CHARS / GROUP_CHUNKS.
 */
function grouped(text: string, fine: readonly number[], known: (from: number, to: number) => boolean): number[] {
  const cuts: number[] = [];
  let groupStart = -1;
  let count = 0;
  for (let i = 0; i < fine.length; i++) {
    const start = fine[i] as number;
    const end = fine[i + 1] ?? text.length;
    if (known(start, end)) {
      cuts.push(start);
      groupStart = -1;
      continue;
    }
    if (groupStart < 0 || count >= GROUP_CHUNKS || end - groupStart > GROUP_CHARS) {
      cuts.push(start);
      groupStart = start;
      count = 0;
    }
    count++;
  }
  return cuts;
}

/** The cuts of `fine` (ascending) in [start, end), relative to `start`: found by bisection, as a read asks once per chunk. */
function finesIn(fine: readonly number[], start: number, end: number): number[] {
  let lo = 0;
  let hi = fine.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((fine[mid] as number) < start) lo = mid + 1;
    else hi = mid;
  }
  const out: number[] = [];
  for (let i = lo; i < fine.length && (fine[i] as number) < end; i++) out.push((fine[i] as number) - start);
  return out;
}

/**
 * The trees of the chunks (cut at `pieces`, offsets in `chunk`) that `t`, the tree of the whole
 * of `chunk`, splits into cleanly: each piece's top-level nodes start and end inside it and the
 * last is closed. Remark's state at a cut is that at the start of a text (see ChunkedTreeParser),
 * so these are the trees the pieces parsed alone give. A node across a cut leaves its pieces out.
 */
function piecesOf(chunk: string, t: ChunkTree, pieces: readonly number[]): [string, ChunkTree][] {
  const out: [string, ChunkTree][] = [];
  let k = 0;
  let reached = 0;
  const nodes = t.nodes;
  for (let p = 0; p < pieces.length; p++) {
    const from = pieces[p] as number;
    const to = pieces[p + 1] ?? chunk.length;
    const own: MdNode[] = [];
    // A node of the pieces before that runs into this one.
    let clean = reached <= from;
    while (k < nodes.length && ((nodes[k] as MdNode).position?.start.offset ?? 0) < to) {
      const n = nodes[k] as MdNode;
      const end = n.position?.end.offset ?? 0;
      if ((n.position?.start.offset ?? 0) < from || end > to) clean = false;
      reached = Math.max(reached, end);
      own.push(n);
      k++;
    }
    const last = own[own.length - 1];
    if (!clean || !last) continue;
    const text = chunk.slice(from, to);
    if (p === pieces.length - 1 ? !t.closed : !closedBlock(last, chunk)) continue;
    const definitions: string[] = [];
    for (const n of own) definitionsIn(n, definitions);
    out.push([text, { nodes: own, definitions, closed: true, base: from }]);
  }
  return out;
}

/** A copy of `node` and its descendants with offsets moved by `by`. */
function shifted(node: MdNode, by: number): MdNode {
  const p = node.position;
  const copy: Record<string, unknown> = { ...node };
  if (p) copy.position = { start: { offset: (p.start.offset ?? 0) + by }, end: { offset: (p.end.offset ?? 0) + by } };
  if (node.children) copy.children = node.children.map((c) => shifted(c, by));
  return copy as unknown as MdNode;
}

/**
 * Every definition of a text, one trailer line each, sorted (see Definitions), a blank line between
 * them: a link definition on the line after a footnote's would be read as the footnote's text (a
 * lazy continuation), and the chunk then parsed whole.
 */
function trailerOf(definitions: readonly string[]): string {
  if (definitions.length === 0) return '';
  return `\n\n${[...new Set(definitions)].sort().join('\n\n')}\n`;
}

/** A link label as micromark matches it (normalizeIdentifier), or coarser: whitespace runs as one space, case folded. */
function labelKey(label: string): string {
  return label.replace(/[\t\n\r ]+/g, ' ').trim().toLowerCase().toUpperCase();
}

/** What may be a reference's label in a chunk: the text in each innermost pair of brackets. */
const BRACKETED = /\[((?:[^[\]\\]|\\[\s\S]){0,999})\]/g;

/**
 * The definitions of a text (the trailer lines of trailerOf), and for each chunk those it appends:
 * the ones a bracketed label in the chunk may refer to. Remark resolves a reference only against
 * a definition of its label, so the chunk reads as with all of them appended; appending all to
 * every chunk made a text with 1,000 footnotes take 10 s (every chunk parsed with 1,000 lines).
 */
class Definitions {
  readonly lines: ReadonlySet<string>;
  /** Trailer lines by label key: `^key` for a footnote, `key` for a link. */
  private readonly byLabel = new Map<string, string[]>();

  constructor(readonly trailer: string) {
    const lines = trailer === '' ? [] : trailer.trim().split('\n\n');
    this.lines = new Set(lines);
    for (const line of lines) {
      const m = /^\[(\^?)([\s\S]*)\]: [#x]$/.exec(line);
      if (!m) continue;
      const key = `${m[1] ?? ''}${labelKey(m[2] ?? '')}`;
      const list = this.byLabel.get(key);
      if (list) list.push(line);
      else this.byLabel.set(key, [line]);
    }
  }

  /** The trailer for `chunk`: the definitions its bracketed labels may name (a footnote's too), sorted as in the whole trailer. */
  for(chunk: string): string {
    if (this.byLabel.size === 0) return '';
    const picked = new Set<string>();
    for (const m of chunk.matchAll(BRACKETED)) {
      const inside = m[1] ?? '';
      for (const line of this.byLabel.get(labelKey(inside)) ?? []) picked.add(line);
      if (inside.startsWith('^')) for (const line of this.byLabel.get(`^${labelKey(inside.slice(1))}`) ?? []) picked.add(line);
    }
    return picked.size === 0 ? '' : `\n\n${[...picked].sort().join('\n\n')}\n`;
  }
}

/**
 * Offsets where a chunk may start: 0, then the start of each line that follows a blank line and
 * begins with `#`, a letter, `>` or `\`, past the front matter (a block quote there is a new one:
 * the blank line closed the one before). Every such line cuts, so a chunk is about a paragraph and
 * an edit re-parses little (a 10-page writeup's keystroke went from about 4.5 KB through remark to
 * under 1 KB), and cuts depend on the text around them only: they stay put when an edit elsewhere
 * moves them. Short chunks also keep remark off its quadratic paths (micromark splices each
 * container's end into the event list of the whole parse: 2,000 `> q` paragraphs in one parse take
 * seconds).
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
  const n = text.length;
  while (at < n) {
    // Line ends by a loop over the characters: optimised code calls out of line for every
    // `indexOf(c, from)`, some microseconds each, which made this 30 times slower once V8 optimised it.
    let end = at;
    let eol = 0;
    while (end < n && (eol = text.charCodeAt(end)) !== 10 && eol !== 13) end++;
    let first = at;
    while (first < end && (text.charCodeAt(first) === 32 || text.charCodeAt(first) === 9)) first++;
    const blank = first === end;
    if (previousBlank && !blank && at > 0) {
      const c = text.charCodeAt(at);
      if (c === 35 /* # */ || ((c | 32) >= 97 && (c | 32) <= 122) || c === 62 /* > */ || c === 92 /* \ */) cuts.push(at);
    }
    previousBlank = blank;
    at = end + (eol === 13 && text.charCodeAt(end + 1) === 10 ? 2 : 1);
  }
  return cuts;
}

/** Remark's tree of `chunk` with `trailer` appended, or undefined when the trailer did not read as its definitions. */
function parseChunk(chunk: string, trailer: string): ChunkTree | undefined {
  const root = parseTree(chunk + trailer);
  const all = root.children ?? [];
  const own = all.filter((c) => (c.position?.start.offset ?? 0) < chunk.length);
  const appended = all.slice(own.length);
  const expected = trailer === '' ? 0 : trailer.trim().split('\n\n').length;
  if (appended.length !== expected || appended.some((c) => c.type !== 'definition' && c.type !== 'footnoteDefinition')) return undefined;
  if (own.some((c) => (c.position?.end.offset ?? 0) > chunk.length)) return undefined;
  const definitions: string[] = [];
  for (const n of own) definitionsIn(n, definitions);
  // A label over several lines would not survive the trailer's one line per definition.
  if (definitions.some((d) => /[\r\n]/.test(d))) return undefined;
  const lastNode = own[own.length - 1];
  if (!lastNode || closedBlock(lastNode, chunk)) return { nodes: own, definitions, closed: true };
  const until = closerOf(lastNode, chunk);
  return { nodes: own, definitions, closed: false, ...(until ? { until } : {}) };
}

/** Pushes onto `into` the trailer line of each link or footnote definition in `node`. */
function definitionsIn(node: MdNode, into: string[]): void {
  const label = (node as { label?: string }).label;
  if (node.type === 'definition' && label !== undefined) into.push(`[${label}]: #`);
  else if (node.type === 'footnoteDefinition' && label !== undefined) into.push(`[^${label}]: x`);
  for (const c of node.children ?? []) definitionsIn(c, into);
}

/** Where the first match of `until` at or after `from` ends; `from` when there is none or nothing to look for. */
function closeAfter(text: string, from: number, until: RegExp | undefined): number {
  if (!until) return from;
  const re = new RegExp(until.source, 'gm');
  re.lastIndex = from;
  const m = re.exec(text);
  return m ? m.index + m[0].length : from;
}

/** What closes the fenced code or math block, or the raw HTML block, that `node` leaves open. */
function closerOf(node: MdNode, chunk: string): RegExp | undefined {
  const source = chunk.slice(node.position?.start.offset ?? 0, node.position?.end.offset ?? 0);
  if (node.type === 'code' || node.type === 'math') {
    const fence = /^[ \t]*(`{3,}|~{3,}|\${2,})/.exec(source)?.[1];
    if (!fence) return undefined;
    return new RegExp(`^[ \\t]*\\${fence[0] ?? ''}{${fence.length},}[ \\t]*$`);
  }
  if (node.type === 'html') {
    const s = source.trimStart();
    const end = s.startsWith('<!--') ? '-->' : s.startsWith('<?') ? '?>' : s.startsWith('<![CDATA[') ? ']]>' : undefined;
    if (end) return new RegExp(end.replace(/[?\]]/g, '\\$&'));
    const raw = /^<(script|pre|style|textarea)(?=[\s>]|$)/i.exec(s);
    if (raw) return new RegExp(`</${raw[1] ?? ''}>`, 'i');
  }
  return undefined;
}

/** Containers whose last block may stand open inside them (a list item runs on over blank lines). */
const CONTAINERS = new Set(['list', 'listItem', 'blockquote', 'footnoteDefinition']);

/**
 * False for a fenced code block, `$$` math block or raw HTML block of a kind that runs past blank
 * lines, left open, itself or as the last block of a container that ends the chunk: there remark
 * ends it with the chunk, after the blank lines before the cut, where the whole text ends it (and
 * the list around it) before them.
 */
function closedBlock(outer: MdNode, chunk: string): boolean {
  let node = outer;
  while (CONTAINERS.has(node.type) && node.children && node.children.length > 0) node = node.children[node.children.length - 1] as MdNode;
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
