import { SPACE, charWidth, type Face } from './fonts';

/** A word (or unbreakable run) to set, with its width in points. */
export interface Word {
  readonly width: number;
  /** Characters, for hyphenation: words of 7 or more may break. */
  readonly chars: number;
}

const HYPHEN = 0.333;
/** Marks a character that ends a word in {@link LATIN1}. */
const BREAK = -1;
/** Widths in em of the codes 0-255 per face ({@link BREAK} for spaces), looked up once. */
const LATIN1: Readonly<Record<Face, Float64Array>> = { regular: latin1('regular'), bold: latin1('bold'), italic: latin1('italic') };

function latin1(face: Face): Float64Array {
  const widths = Float64Array.from({ length: 256 }, (_, code) => charWidth(String.fromCharCode(code), face));
  for (const space of [9, 10, 13, 32, 160]) widths[space] = BREAK;
  return widths;
}

/**
 * Greedy line breaking in a measure of `measure` points at `size` points: interword spaces may
 * shrink as TeX's do, and long words hyphenate when at least three characters fit on the line
 * (TeX's \sloppy layout rarely leaves more slack than that). Words are added one by one.
 */
export class LineBreaker {
  lines = 0;
  private used = 0;
  private spaces = 0;
  private readonly space: number;
  private readonly shrink: number;

  constructor(
    private readonly measure: number,
    private readonly size = 10,
  ) {
    this.space = SPACE.width * size;
    this.shrink = SPACE.shrink * size;
  }

  /** The last word ended in an explicit hyphen or dash: the next one joins it without a space, or starts a line. */
  private joined = false;

  /** Adds a word of `width` points and `chars` characters. */
  word(width: number, chars: number): void {
    const measure = this.measure;
    let w = width;
    if (this.lines === 0) {
      this.lines = 1;
      this.used = 0;
    }
    if (this.glued) {
      this.glued = false;
      this.used += w;
      return;
    }
    if (this.joined) {
      // After an explicit hyphen TeX may break at no cost: the part goes on this line if it fits.
      this.joined = false;
      if (this.used + w - this.shrink * this.spaces <= measure) {
        this.used += w;
        return;
      }
      this.lines++;
      this.used = 0;
    }
    if (this.used === 0) {
      while (w > measure) {
        this.lines++;
        w -= measure;
      }
      this.used = w;
      this.spaces = 0;
      return;
    }
    if (this.used + this.space + w - this.shrink * (this.spaces + 1) <= measure) {
      this.used += this.space + w;
      this.spaces++;
      return;
    }
    const room = measure - this.used - this.space + this.shrink * (this.spaces + 1) - HYPHEN * this.size;
    const perChar = w / Math.max(1, chars);
    if (chars >= 7 && room >= 3 * perChar && w - room >= 3 * perChar) w -= room;
    this.lines++;
    while (w > measure) {
      this.lines++;
      w -= measure;
    }
    this.used = w;
    this.spaces = 0;
  }

  /** Width in points taken on the last line so far (0 before the first word). */
  get lastLineWidth(): number {
    return this.used;
  }

  /** The next word follows the last one without a space (punctuation after a citation). */
  attach(): void {
    if (this.used > 0) this.glued = true;
  }

  /** The next word follows the last one without a space but may start a line (the parts of a URL). */
  joinNext(): void {
    if (this.lines > 0) this.joined = true;
  }

  /** The next word is glued to the last one: no break point between them. */
  private glued = false;

  /** Ends the line here (`\\`): the next word starts a new line. */
  breakLine(): void {
    this.joined = false;
    this.glued = false;
    if (this.lines === 0) return;
    this.lines++;
    this.used = 0;
    this.spaces = 0;
  }

  /**
   * Adds the words of plain text set in `face` (of `text` from `start` to `end`), measuring
   * characters without allocating. The end of the text ends a word. A long run set again is not
   * measured again: its words are kept (see {@link keptWords}).
   */
  text(text: string, face: Face = 'regular', start = 0, end = text.length): void {
    if (end - start >= KEEP_FROM && this.kept(text, face, start, end)) return;
    // Split into words once (scanWords, as a kept run is), into a buffer used again for every text.
    const room = 2 * (end - start) + 2;
    const ops = room <= scratch.length ? scratch : new Float64Array(room);
    this.replay(ops, 0, scanWords(text, face, start, end, ops, 0));
  }

  /**
   * Sets a run of 24 or more characters from its kept words, if it was set before; returns false
   * the first time (the caller measures it). Apart from {@link text}, whose loop stays small.
   */
  private kept(text: string, face: Face, start: number, end: number): boolean {
    const kept = keptWords(text, face, start, end);
    if (kept.ops === undefined && kept.seen) {
      // Set a second time: its words are written down (the paragraph being typed in never is).
      const at = reserve(2 * (end - start) + 2);
      kept.ops = arena;
      kept.from = at;
      kept.to = written = scanWords(text, face, start, end, arena, at);
    }
    if (kept.ops !== undefined) {
      this.setKept(kept);
      return true;
    }
    kept.seen = true;
    return false;
  }

  /**
   * Sets a kept run: where it was last set in the same measure and size from the same state of
   * the line (the same paragraph estimated again), the lines it added and the state it left are
   * taken over; otherwise its words are set one by one and that outcome is kept.
   */
  private setKept(kept: Measured): void {
    const o = kept.outcome;
    const fresh = this.lines === 0;
    if (
      o !== undefined &&
      o.measure === this.measure &&
      o.size === this.size &&
      o.fresh === fresh &&
      o.used === this.used &&
      o.spaces === this.spaces &&
      o.joined === this.joined &&
      o.glued === this.glued
    ) {
      this.lines += o.lines;
      this.used = o.toUsed;
      this.spaces = o.toSpaces;
      this.joined = o.toJoined;
      this.glued = o.toGlued;
      return;
    }
    const lines = this.lines;
    const used = this.used;
    const spaces = this.spaces;
    const joined = this.joined;
    const glued = this.glued;
    this.replay(kept.ops as Float64Array, kept.from, kept.to);
    kept.outcome = {
      measure: this.measure,
      size: this.size,
      fresh,
      used,
      spaces,
      joined,
      glued,
      lines: this.lines - lines,
      toUsed: this.used,
      toSpaces: this.spaces,
      toJoined: this.joined,
      toGlued: this.glued,
    };
  }

  /** Sets the words {@link scanWords} wrote to `ops` from `from` to `to`, as {@link text} sets them. */
  private replay(ops: Float64Array, from: number, to: number): void {
    const size = this.size;
    for (let k = from; k < to; k += 2) {
      const chars = ops[k + 1] as number;
      if (chars > 0) this.word((ops[k] as number) * size, chars);
      else if (chars < 0) {
        this.word((ops[k] as number) * size, -chars);
        this.joined = true;
      } else this.breakLine();
    }
  }
}

/**
 * Writes the words {@link LineBreaker.text} sets for `text` from `start` to `end` in `face` to
 * `ops` from `at`, as pairs: a word's width in em and its characters, the characters negative
 * where TeX may break after the word's closing hyphen or dash, 0 and 0 for a forced line break.
 * Returns where the writing ended (at most `at + 2 * (end - start) + 2`).
 */
function scanWords(text: string, face: Face, start: number, end: number, ops: Float64Array, at: number): number {
  const table = LATIN1[face];
  let n = at;
  let w = 0;
  let chars = 0;
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x2028) {
      if (chars > 0) {
        ops[n++] = w;
        ops[n++] = chars;
      }
      w = 0;
      chars = 0;
      ops[n++] = 0;
      ops[n++] = 0;
      continue;
    }
    const cw = code < 256 ? (table[code] as number) : charWidth(text.charAt(i), face);
    if ((code === 45 || code === 0x2013 || code === 0x2014) && chars > 0 && i + 1 < end && isLetter(text.charCodeAt(i + 1))) {
      ops[n++] = w + cw;
      ops[n++] = -(chars + 1);
      w = 0;
      chars = 0;
      continue;
    }
    if (cw === BREAK) {
      if (chars > 0) {
        ops[n++] = w;
        ops[n++] = chars;
      }
      w = 0;
      chars = 0;
      continue;
    }
    w += cw;
    chars++;
  }
  if (chars > 0) {
    ops[n++] = w;
    ops[n++] = chars;
  }
  return n;
}

/** Where {@link LineBreaker.text} writes the words of a text it sets for the first time (a longer text gets its own). */
const scratch = new Float64Array(1 << 14);

/** Doubles in a block of {@link arena}. */
const ARENA = 1 << 16;
/**
 * Where the newer generation's kept runs' words are written, block by block (a typed array each
 * is slow to allocate and collect). A generation's blocks hold only its own runs, so they go with it.
 */
let arena = new Float64Array(ARENA);
/** Entries of {@link arena} written. */
let written = 0;

/** Where `room` entries may be written in {@link arena} (a new block when the current one is full). */
function reserve(room: number): number {
  if (arena.length - written < room) {
    arena = new Float64Array(Math.max(ARENA, room));
    written = 0;
  }
  return written;
}

/** A run of a text set before: its face and range, and its words once written down. */
interface Measured {
  readonly face: Face;
  readonly start: number;
  readonly end: number;
  /** Its words once written down: `ops` from `from` to `to` (see {@link scanWords}). */
  ops?: Float64Array;
  from: number;
  to: number;
  /** It has been set once. */
  seen: boolean;
  /** What setting it last did: in which measure and size, from which state of the line, to which. */
  outcome?: Outcome;
}

/** A run set from one state of the line to another (see {@link LineBreaker.setKept}). */
interface Outcome {
  readonly measure: number;
  readonly size: number;
  /** Set before any word (no line begun). */
  readonly fresh: boolean;
  readonly used: number;
  readonly spaces: number;
  readonly joined: boolean;
  readonly glued: boolean;
  /** Lines it added. */
  readonly lines: number;
  readonly toUsed: number;
  readonly toSpaces: number;
  readonly toJoined: boolean;
  readonly toGlued: boolean;
}

/** Runs shorter than this are measured each time (a lookup costs about as much). */
const KEEP_FROM = 24;
/** Characters of text the newer generation of kept runs holds before it becomes the older one. */
const GENERATION = 1 << 21;
/** Kept runs by their text, in two generations: a run used again moves to the newer one, the older one is dropped whole. */
let newer = new Map<string, Measured[]>();
let older = new Map<string, Measured[]>();
let newerChars = 0;

/**
 * The kept record of `text` from `start` to `end` in `face`. A paragraph's text is set again at
 * every estimate while the writeup is edited elsewhere, so a long run's words are kept, keyed by
 * the text itself with its range and face (and scaled to the size when set): a changed text is a
 * different key and is measured afresh. The kept runs are bounded (two generations of about 2M
 * characters of text).
 */
function keptWords(text: string, face: Face, start: number, end: number): Measured {
  let runs = newer.get(text);
  if (runs === undefined) {
    if (newerChars + text.length > GENERATION) {
      older = newer;
      newer = new Map();
      newerChars = 0;
      arena = new Float64Array(ARENA);
      written = 0;
    }
    runs = older.get(text) ?? [];
    older.delete(text);
    // Its words move into the newer generation's blocks.
    for (const m of runs) if (m.ops !== undefined) moveToArena(m);
    newer.set(text, runs);
    newerChars += text.length;
  }
  for (const m of runs) if (m.start === start && m.end === end && m.face === face) return m;
  const m: Measured = { face, start, end, from: 0, to: 0, seen: false };
  runs.push(m);
  return m;
}

function moveToArena(m: Measured): void {
  const ops = m.ops as Float64Array;
  const at = reserve(m.to - m.from);
  arena.set(ops.subarray(m.from, m.to), at);
  m.ops = arena;
  m.to = written = at + m.to - m.from;
  m.from = at;
}

/** Drops every kept run (tests compare a kept measure with a fresh one). */
export function forgetMeasuredWords(): void {
  newer = new Map();
  older = new Map();
  newerChars = 0;
}

/** An ASCII letter (a compound word goes on after its hyphen). */
function isLetter(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

/** Lines needed for `words` in a measure of `measure` points at `size` points. */
export function countLines(words: readonly Word[], measure: number, size = 10): number {
  const b = new LineBreaker(measure, size);
  for (const w of words) b.word(w.width, w.chars);
  return b.lines;
}

/** Lines needed for plain `text` in a measure of `measure` points at `size` points. */
export function countTextLines(text: string, measure: number, size = 10, face: Face = 'regular'): number {
  const b = new LineBreaker(measure, size);
  b.text(text, face);
  return b.lines;
}
