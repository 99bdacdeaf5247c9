/**
 * A left-to-right scanner for what remark does not know in pandoc Markdown: citations
 * (`[@a; @b, p. 3]`, `@a`, `[-@a]`, `@{odd key}`), math by pandoc's `tex_math_dollars` rules
 * (`$x$`, `$$x$$`), and raw TeX math (`\(x\)`, `\[x\]`, `\begin{align}...\end{align}`).
 * It works on offsets of the whole document so ranges need no translation; regions it must not
 * look into (code spans, HTML, link destinations) are passed as masks.
 */

/** A half-open offset span. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

/** A citation found by the scanner, in offsets. */
export interface ScannedCitation {
  readonly key: string;
  readonly keyStart: number;
  readonly keyEnd: number;
  readonly groupStart: number;
  readonly groupEnd: number;
  readonly suppressAuthor: boolean;
  readonly inText: boolean;
  /** In a bracket group: the text before the key (`see` in `[see @a, p. 3]`). */
  readonly prefix?: string;
  /** In a bracket group: the text after the key and its comma (`p. 3`). */
  readonly locator?: string;
}

/** Math found by the scanner, in offsets. */
export interface ScannedMath {
  readonly start: number;
  readonly end: number;
  readonly contentStart: number;
  readonly contentEnd: number;
  readonly display: boolean;
  readonly delimiter: '$' | '$$' | '\\(' | '\\[' | 'env';
  readonly environment?: string;
}

/** Something unclosed, in offsets. */
export interface ScannedProblem {
  readonly code: 'unclosed-math' | 'unclosed-environment';
  readonly message: string;
  readonly start: number;
  readonly end: number;
}

/** Math environments recognised when written raw (Markdown) or in LaTeX. */
export const MATH_ENVIRONMENTS: ReadonlySet<string> = new Set(
  ['equation', 'align', 'gather', 'multline', 'flalign', 'alignat', 'eqnarray', 'math', 'displaymath'].flatMap((e) => [e, `${e}*`]),
);

/** Longest bracketed citation group looked at, in characters. */
const MAX_GROUP = 4000;
/** A character of a pandoc citation key (letters, digits, `_` and internal punctuation), as a RegExp class. */
export const PANDOC_KEY_CHARACTER = String.raw`[\p{L}\p{N}_:.#$%&+?<>~/-]`;
const KEY_PUNCT = new Set(':.#$%&-+?<>~/');
const WORD_RE = /[\p{L}\p{N}_]/u;
const ALNUM_RE = /[\p{L}\p{N}]/u;
const SPACE_RE = /\s/;

/** True for a letter, digit or `_` at `i` (pandoc's `regchar`). */
function isRegChar(text: string, i: number): boolean {
  const c = text[i];
  return c !== undefined && (c === '_' || WORD_RE.test(c) || isSurrogateLetter(text, i));
}

function isSurrogateLetter(text: string, i: number): boolean {
  const code = text.charCodeAt(i);
  if (code < 0xd800 || code > 0xdbff) return false;
  const cp = text.codePointAt(i);
  return cp !== undefined && WORD_RE.test(String.fromCodePoint(cp));
}

/**
 * End offset of a simple key starting at `i` (just after `@`), or -1.
 * A letter, digit or `_`, then letters, digits, `_` and internal punctuation.
 */
function simpleKeyEnd(text: string, i: number, limit: number): number {
  if (i >= limit || !isRegChar(text, i)) return -1;
  let j = i + 1;
  while (j < limit) {
    if (isRegChar(text, j)) {
      j++;
      continue;
    }
    const c = text[j] ?? '';
    if (KEY_PUNCT.has(c) && j + 1 < limit && (isRegChar(text, j + 1) || ((c === ':' || c === '/') && text[j + 1] === '/'))) {
      j++;
      continue;
    }
    break;
  }
  return j;
}

/** True when a citation may start at `i`: not right after a word (so `a@b.com` is no citation). */
function notAfterWord(text: string, i: number, regionStart: number): boolean {
  if (i <= regionStart) return true;
  const prev = text[i - 1] ?? '';
  if (ALNUM_RE.test(prev) || prev === '_') return false;
  const low = text.charCodeAt(i - 1);
  if (low >= 0xdc00 && low <= 0xdfff && i - 2 >= regionStart) {
    const cp = text.codePointAt(i - 2);
    if (cp !== undefined && ALNUM_RE.test(String.fromCodePoint(cp))) return false;
  }
  // Pandoc's words take in single dots: `x.@a` is text.
  if (prev === '.' && i - 2 >= regionStart && ALNUM_RE.test(text[i - 2] ?? '')) return false;
  return true;
}

/**
 * The pandoc citation at `i` (`@key`, `-@key`, `@{key}`), not right after a word: the one
 * citation-key grammar, used by this reader and by the markdown-it plugin for VS Code's own Markdown preview.
 * `regionStart` is where the text the citation may stand in begins (a word before it is not looked at).
 */
export function pandocCitationAt(
  text: string,
  i: number,
  regionStart = 0,
  limit = text.length,
): { key: string; keyStart: number; end: number; suppress: boolean } | undefined {
  const found = keyAt(text, i, regionStart, limit);
  return found && { key: found.key, keyStart: found.keyStart, end: found.end, suppress: found.suppress };
}

/** A key at `i` (`@` or `-@`), or undefined. */
function keyAt(
  text: string,
  i: number,
  regionStart: number,
  limit: number,
): { key: string; keyStart: number; keyEnd: number; end: number; suppress: boolean } | undefined {
  let at = i;
  let suppress = false;
  if (text[at] === '-') {
    suppress = true;
    at++;
  }
  if (text[at] !== '@' || !notAfterWord(text, i, regionStart)) return undefined;
  if (text[at + 1] === '{') {
    let depth = 0;
    for (let j = at + 1; j < Math.min(limit, at + 500); j++) {
      const c = text[j] ?? '';
      if (SPACE_RE.test(c)) return undefined;
      if (c === '{') depth++;
      else if (c === '}') {
        depth--;
        if (depth === 0) {
          if (j === at + 2) return undefined;
          return { key: text.slice(at + 2, j), keyStart: at + 2, keyEnd: j, end: j + 1, suppress };
        }
      }
    }
    return undefined;
  }
  const end = simpleKeyEnd(text, at + 1, limit);
  if (end < 0) return undefined;
  return { key: text.slice(at + 1, end), keyStart: at + 1, keyEnd: end, end, suppress };
}

/** Everything the scanner found. */
export interface ScanResult {
  readonly citations: ScannedCitation[];
  readonly math: ScannedMath[];
  readonly problems: ScannedProblem[];
}

/** Where the scan has something to do: a backslash, a dollar, a bracket, an at sign (or `-@`). */
const CANDIDATE = /[\\$[@]|-@/g;

/** Scans regions of pandoc Markdown for citations and math. */
export class PandocInlineScanner {
  readonly result: ScanResult = { citations: [], math: [], problems: [] };
  /** Offsets before this were consumed by math that ran past an earlier region (a raw environment). */
  private consumedUntil = 0;
  private maskIndex = 0;
  /** The first CANDIDATE at or after `candidateFrom` (the text's length for none). */
  private candidate = -1;
  private candidateFrom = 0;

  /**
   * @param text the whole document
   * @param masks sorted, non-overlapping spans never looked into (code spans, HTML, URLs)
   */
  constructor(
    private readonly text: string,
    private readonly masks: readonly Span[],
  ) {}

  /** The end of the mask covering `i`, or -1. Calls must come with non-decreasing `i`. */
  private maskEnd(i: number): number {
    while (this.maskIndex < this.masks.length && (this.masks[this.maskIndex]?.end ?? 0) <= i) this.maskIndex++;
    const m = this.masks[this.maskIndex];
    return m && m.start <= i ? m.end : -1;
  }

  /** The end of the mask covering `i`, or -1, for look-aheads (binary search). */
  private maskEndAnywhere(i: number): number {
    let lo = 0;
    let hi = this.masks.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const m = this.masks[mid];
      if (!m) break;
      if (i < m.start) hi = mid - 1;
      else if (i >= m.end) lo = mid + 1;
      else return m.end;
    }
    return -1;
  }

  /**
   * For look-aheads: where text that cannot hold a citation ends when it starts at `i` (a mask, or a
   * backslash and the character it escapes), or -1 when `text[i]` is to be looked at.
   */
  private inertEnd(i: number): number {
    const m = this.maskEndAnywhere(i);
    if (m >= 0) return m;
    return this.text[i] === '\\' ? i + 2 : -1;
  }

  /** True while scanning a paragraph: pandoc's paragraph may go on where remark saw a new block. */
  private spill = false;
  private spaceDollars?: number[];
  private blankLines?: number[];
  private dollarPairs?: number[];
  private dollarClosers?: number[];
  private readonly closeCache = new Map<string, number[]>();

  /** Offset of the next blank line's start (a paragraph break inside a region). */
  private nextBlankLine(i: number): number {
    if (!this.blankLines) {
      const starts: number[] = [];
      const re = /\n[ \t\r]*(?=\n|$)/g;
      for (let m = re.exec(this.text); m; m = re.exec(this.text)) starts.push(m.index + 1);
      this.blankLines = starts;
    }
    return nextAfter(this.blankLines, i) ?? this.text.length;
  }

  /** Next `$` after whitespace (pandoc gives up inline math there) at or after `i`. */
  private nextSpaceDollar(i: number): number | undefined {
    if (!this.spaceDollars) {
      const at: number[] = [];
      const text = this.text;
      for (let j = text.indexOf('$'); j >= 0; j = text.indexOf('$', j + 1)) {
        if (SPACE_RE.test(text[j - 1] ?? '')) at.push(j);
      }
      this.spaceDollars = at;
    }
    return nextAfter(this.spaceDollars, i);
  }

  /** Next `$$` at or after `i`, pairing dollars left to right. */
  private nextDollarPair(i: number): number | undefined {
    if (!this.dollarPairs) {
      const at: number[] = [];
      for (let j = this.text.indexOf('$$'); j >= 0; j = this.text.indexOf('$$', j + 2)) {
        if (!isEscaped(this.text, j)) at.push(j);
      }
      this.dollarPairs = at;
    }
    return nextAfter(this.dollarPairs, i);
  }

  /** Next `$` that can close inline math: after a non-space, not before a digit, not escaped. */
  private nextDollarCloser(i: number): number | undefined {
    if (!this.dollarClosers) {
      const at: number[] = [];
      const text = this.text;
      for (let j = text.indexOf('$'); j >= 0; j = text.indexOf('$', j + 1)) {
        const before = text[j - 1] ?? ' ';
        const after = text[j + 1] ?? '';
        if (!SPACE_RE.test(before) && !/[0-9]/.test(after) && !isEscaped(text, j)) at.push(j);
      }
      this.dollarClosers = at;
    }
    return nextAfter(this.dollarClosers, i);
  }

  /** Next occurrence of a fixed closing string at or after `i`. */
  private nextClose(close: string, i: number): number | undefined {
    let at = this.closeCache.get(close);
    if (!at) {
      at = [];
      for (let j = this.text.indexOf(close); j >= 0; j = this.text.indexOf(close, j + close.length)) at.push(j);
      this.closeCache.set(close, at);
    }
    return nextAfter(at, i);
  }

  /**
   * The first CANDIDATE at or after `i`: the characters between are plain text the scan steps over
   * (one regular-expression search instead of a test per character). Kept for the next call, so
   * regions in document order search the text once.
   */
  private nextCandidate(i: number): number {
    if (this.candidate < i || this.candidateFrom > i) {
      CANDIDATE.lastIndex = i;
      const m = CANDIDATE.exec(this.text);
      this.candidate = m ? m.index : this.text.length;
      this.candidateFrom = i;
    }
    return this.candidate;
  }

  /** Scans one region (a paragraph, heading, table cell or math block). Regions come in document order. */
  scan(start: number, end: number, spill = false): void {
    this.spill = spill;
    let i = Math.max(start, this.consumedUntil);
    const text = this.text;
    while (i < end) {
      i = this.nextCandidate(i);
      if (i >= end) break;
      const m = this.maskEnd(i);
      if (m >= 0) {
        i = m;
        continue;
      }
      const c = text[i];
      if (c === '\\') {
        i = this.backslash(i, end, true);
        continue;
      }
      if (c === '$') {
        i = this.dollar(i, end);
        continue;
      }
      if (c === '[') {
        const found = this.bracketGroup(i, end);
        if (found > 0) {
          i = found;
          continue;
        }
        i++;
        continue;
      }
      if (c === '@' || (c === '-' && text[i + 1] === '@')) {
        const k = keyAt(text, i, start, end);
        if (k) {
          this.result.citations.push({
            key: k.key,
            keyStart: k.keyStart,
            keyEnd: k.keyEnd,
            groupStart: i,
            groupEnd: k.end,
            suppressAuthor: k.suppress,
            inText: true,
          });
          i = k.end;
          continue;
        }
      }
      i++;
    }
  }

  /** Math opened by the backslash at `i` (`\\(`, `\\[`, and with `environments` a raw `\\begin{align}`); returns where scanning goes on. */
  private backslash(i: number, end: number, environments: boolean): number {
    const text = this.text;
    const next = text[i + 1];
    if (next === '(' || next === '[') {
      const found = this.rawDelimited(i, end, next === '(' ? '\\)' : '\\]');
      if (found > 0) return found;
    } else if (environments && text.startsWith('\\begin{', i)) {
      const found = this.rawEnvironment(i, end);
      if (found > 0) return found;
    }
    return i + 2;
  }

  /** `$...$` or `$$...$$` at `i`; returns where scanning goes on. */
  private dollar(i: number, end: number): number {
    const text = this.text;
    const blank = this.nextBlankLine(i);
    const stop = this.spill ? blank : Math.min(end, blank);
    if (text[i + 1] === '$') {
      // Display: anything up to the next `$$` without a blank line.
      const j = this.nextDollarPair(i + 2);
      if (j !== undefined && j + 2 <= stop) {
        this.result.math.push({ start: i, end: j + 2, contentStart: i + 2, contentEnd: j, display: true, delimiter: '$$' });
        this.consumedUntil = Math.max(this.consumedUntil, j + 2);
        return j + 2;
      }
      this.result.problems.push({ code: 'unclosed-math', message: 'Unclosed display math: `$$` has no closing `$$`.', start: i, end: i + 2 });
      return i + 2;
    }
    const first = text[i + 1] ?? '';
    if (first === '' || SPACE_RE.test(first)) return i + 1;
    const j = this.nextDollarCloser(i + 2);
    const giveUp = this.nextSpaceDollar(i + 2);
    if (j !== undefined && j < stop && (giveUp === undefined || giveUp > j)) {
      this.result.math.push({ start: i, end: j + 1, contentStart: i + 1, contentEnd: j, display: false, delimiter: '$' });
      this.consumedUntil = Math.max(this.consumedUntil, j + 1);
      return j + 1;
    }
    // `$5` is money, not math; a `$` before a letter or backslash with no closing `$` is likely a typo.
    if (/[A-Za-z\\{^_]/.test(first)) {
      this.result.problems.push({ code: 'unclosed-math', message: 'Unclosed inline math: `$` has no closing `$`.', start: i, end: i + 1 });
    }
    return i + 1;
  }

  /** `\(...\)` or `\[...\]` at `i`; returns the end or -1. */
  private rawDelimited(i: number, end: number, close: string): number {
    const text = this.text;
    const at = this.nextClose(close, i + 2) ?? -1;
    const open = text.slice(i, i + 2) as '\\(' | '\\[';
    if (at < 0 || at + 2 > end) {
      this.result.problems.push({ code: 'unclosed-math', message: `Unclosed math: \`${open}\` has no closing \`${close}\`.`, start: i, end: i + 2 });
      return i + 2;
    }
    this.result.math.push({ start: i, end: at + 2, contentStart: i + 2, contentEnd: at, display: open === '\\[', delimiter: open });
    return at + 2;
  }

  /** A raw math environment at `i`; may run past the region (blank lines inside). Returns the end or -1. */
  private rawEnvironment(i: number, _end: number): number {
    const text = this.text;
    const m = /^\\begin\{([A-Za-z]+\*?)\}/.exec(text.slice(i, i + 40));
    if (!m || !MATH_ENVIRONMENTS.has(m[1] ?? '')) return -1;
    const name = m[1] ?? '';
    const closing = `\\end{${name}}`;
    const at = this.nextClose(closing, i + m[0].length) ?? -1;
    if (at < 0) {
      this.result.problems.push({
        code: 'unclosed-environment',
        message: `Unclosed environment: \`\\begin{${name}}\` has no \`${closing}\`.`,
        start: i,
        end: i + m[0].length,
      });
      return i + m[0].length;
    }
    const stop = at + closing.length;
    this.result.math.push({
      start: i,
      end: stop,
      contentStart: i + m[0].length,
      contentEnd: at,
      display: true,
      delimiter: 'env',
      environment: name,
    });
    this.consumedUntil = Math.max(this.consumedUntil, stop);
    return stop;
  }

  /** A bracketed citation group at `i`; returns its end, or -1 when the brackets hold no citation list. */
  private bracketGroup(i: number, end: number): number {
    const text = this.text;
    let depth = 0;
    let close = -1;
    const parts: Array<[number, number]> = [];
    let partStart = i + 1;
    // A citation group is short: a long bracket (or 50k nested ones) is not looked into.
    const limit = Math.min(end, i + MAX_GROUP);
    for (let j = i; j < limit; j++) {
      const skip = this.inertEnd(j);
      if (skip >= 0) {
        j = skip - 1;
        continue;
      }
      const c = text[j];
      if (c === '[') depth++;
      else if (c === ']') {
        depth--;
        if (depth === 0) {
          close = j;
          break;
        }
      } else if (c === ';' && depth === 1) {
        parts.push([partStart, j]);
        partStart = j + 1;
      } else if (c === '\n' && isBlankFrom(text, j + 1)) break;
    }
    if (close < 0) return -1;
    parts.push([partStart, close]);
    // Pandoc: `[...](url)` and `[...][ref]` are links, not citations.
    const found: ScannedCitation[] = [];
    const nested: Array<[number, number]> = [];
    const prefixes: Array<[number, number]> = [];
    for (const [ps, pe] of parts) {
      let hit: ReturnType<typeof keyAt>;
      let j = ps;
      // A key inside nested brackets is its own group (`[see [@a]]`), not this one's.
      let inner = 0;
      for (; j < pe; j++) {
        const skip = this.inertEnd(j);
        if (skip >= 0) {
          j = skip - 1;
          continue;
        }
        const c = text[j];
        if (c === '[') inner++;
        else if (c === ']') inner = Math.max(0, inner - 1);
        else if (inner === 0 && (c === '@' || (c === '-' && text[j + 1] === '@'))) {
          hit = keyAt(text, j, ps, pe);
          if (hit) break;
        }
      }
      if (!hit) return -1;
      prefixes.push([ps, j]);
      const prefix = text.slice(ps, j).trim();
      const locator = text.slice(hit.end, pe).replace(/^\s*,?\s*/, '').trim();
      found.push({
        ...(prefix ? { prefix } : {}),
        ...(locator ? { locator } : {}),
        key: hit.key,
        keyStart: hit.keyStart,
        keyEnd: hit.keyEnd,
        groupStart: i,
        groupEnd: close + 1,
        suppressAuthor: hit.suppress,
        inText: false,
      });
      nested.push([hit.end, pe]);
    }
    this.result.citations.push(...found);
    // Prefixes and suffixes are text: math in them is math (`[for $p = 2$ see @a]`).
    prefixes.forEach(([s, e], k) => {
      this.mathOnly(s, e);
      const [after, pe] = nested[k] ?? [e, e];
      this.mathOnly(after, pe);
    });
    // Keys in a suffix are in-text citations nested in the group, as pandoc reads them.
    for (const [s, e] of nested) this.inTextOnly(s, e);
    return close + 1;
  }

  /** Math (only) between two offsets of a citation group's prefix or suffix. */
  private mathOnly(start: number, end: number): void {
    const text = this.text;
    let j = start;
    while (j < end) {
      const m = this.maskEndAnywhere(j);
      if (m >= 0) {
        j = m;
        continue;
      }
      const c = text[j];
      if (c === '\\') j = this.backslash(j, end, false);
      else j = c === '$' ? this.dollar(j, end) : j + 1;
    }
  }

  /** In-text citations (only) between two offsets. */
  private inTextOnly(start: number, end: number): void {
    const text = this.text;
    for (let j = start; j < end; j++) {
      const skip = this.inertEnd(j);
      if (skip >= 0) {
        j = skip - 1;
        continue;
      }
      if (text[j] === '@' || (text[j] === '-' && text[j + 1] === '@')) {
        const k = keyAt(text, j, start - 1, end);
        if (k && notAfterWord(text, j, start)) {
          this.result.citations.push({
            key: k.key,
            keyStart: k.keyStart,
            keyEnd: k.keyEnd,
            groupStart: j,
            groupEnd: k.end,
            suppressAuthor: k.suppress,
            inText: true,
          });
          j = k.end - 1;
        }
      }
    }
  }
}

/** True when the line starting at `i` is blank (or the text ends). */
function isBlankFrom(text: string, i: number): boolean {
  for (let j = i; j < text.length; j++) {
    const c = text[j];
    if (c === '\n') return true;
    if (c !== ' ' && c !== '\t' && c !== '\r') return false;
  }
  return true;
}

/** True when the character at `i` follows an odd number of backslashes. */
function isEscaped(text: string, i: number): boolean {
  let n = 0;
  for (let j = i - 1; j >= 0 && text[j] === '\\'; j--) n++;
  return n % 2 === 1;
}

/** The first value in sorted `values` that is >= `x` (binary search). */
export function nextAfter(values: readonly number[], x: number): number | undefined {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((values[mid] ?? 0) < x) lo = mid + 1;
    else hi = mid;
  }
  return values[lo];
}
