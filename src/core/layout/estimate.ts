import type { Block, Citation, FontSize, Footnote, ListBlock, MathNode, Position, Range, Section, Writeup } from '../model';
import { comparePositions } from '../model';
import { boxLength, figureBodyHeight, type FigureContext } from './figures';
import { profileOf } from './profile';
import { textWidth } from './fonts';
import { parseLength } from './length';
import { LineBreaker, countTextLines } from './lineBreak';
import { displayMathRowsHeight, displayMathWidth, inlineMathWidth } from './mathBox';
import { NEURIPS, TUNING, type LayoutTuning } from './neurips';
import type { EstimateOptions, PageBreak, PageBreakdown, PageEstimate } from './types';

type Category = keyof PageBreakdown;

const P = NEURIPS;
/**
 * The text block of the writeup being estimated (its template profile): set at the start of
 * `estimatePages`, which runs to completion before another estimate starts.
 */
let W: number = P.textWidth;
let H: number = P.textHeight;
/** Body font width relative to Times: text is broken in a measure this much narrower. */
let FONT = 1;
const LINE = P.baselineSkip;
/** Pictures drawn in TeX (the LaTeX reader's environment blocks without text). */
const PICTURES = new Set(['tikzpicture', 'forest', 'pgfpicture', 'picture', 'circuitikz']);
/** A forced break this close to a page end (in pages) makes the pages after it uncertain by one. */
const NEAR_BREAK = 0.12;
/** How much of the style's shrinkable glue pages use on average (calibrated). */
const SHRINK = 0.25;

/** A float waiting for room on a later page; `page` when it may go on a page of floats (`p`). */
interface PendingFloat {
  readonly height: number;
  readonly category: Category;
  readonly page: boolean;
  /** Queued before the content ended (references or appendix): content wherever it lands. */
  readonly content: boolean;
}

/** Where a float may go: `[h]` here in the text, `p` on a page of floats. */
interface FloatPlacement {
  readonly here: boolean;
  readonly page: boolean;
  /** float.sty's `[H]`: not a float, a box set here (on the next page when it does not fit). */
  readonly exactly?: boolean;
}

/** Fills pages from top to bottom, keeping floats, widows and orphans roughly as TeX does. */
class Pager {
  page = 0;
  y = 0;
  readonly used: Record<Category, number> = { title: 0, text: 0, math: 0, figures: 0, tables: 0, lists: 0, other: 0, references: 0 };
  readonly breaks: PageBreak[] = [];
  /** Width (pt) of the last line of the paragraph just set, while the next block may go on with it. */
  lastLine: number | undefined;
  private pending: PendingFloat[] = [];
  /**
   * Floats on this page as LaTeX's output routine counts them: the room of the top floats (with
   * their separations), how many, the kinds at the top, in the text (`[h]`) and at the bottom
   * (the first page's conference notice takes the bottom), and how many floats in all.
   */
  private topRoom = 0;
  private topCount = 0;
  private bottomTaken = true;
  private readonly kinds = { mid: new Set<Category>(), bottom: new Set<Category>() };
  private count = 1;
  /** Room of the top and bottom floats on this page (`\@colroom` is the page less this)... */
  private floats = 0;
  /** ...and of those LaTeX still counts: a longtable resets `\@colroom` and forgets the ones before it. */
  private counted = 0;
  /** Floats a longtable made LaTeX forget: the page stretches by as much at the next float (it comes out overfull). */
  private forgotten = 0;
  private overfull = 0;
  /** `\@textfloatsheight`: `[h]` floats in the text, which the text must leave room for. */
  private hereHeight = 0;
  /** How many floats the last page of floats holds (they share its spare room: 1fil above, 2fil between, 1fil below). */
  private lastFloatPage = 0;
  /** Whether the last page of floats held a content float. */
  private lastFloatPageContent = false;
  /** Floats queued from now on are content (until the references or appendix begin). */
  private contentOpen = true;
  /** Where the last content float ends, in pages (0: none placed after the content's end was reached). */
  contentFloatEnd = 0;
  private contentEnded = false;
  /** Forced page breaks near a page end: the source line and which way a small drift would move the pages after it. */
  readonly nearBreaks: { line: number; pages: -1 | 1 }[] = [];

  /** The references or appendix begin: later floats are not content; content floats placed from now on still count. */
  markContentEnd(): void {
    this.contentOpen = false;
    this.contentEnded = true;
  }

  /** A content float placed after the content's end ends at `y` on page `page`. */
  private contentFloatAt(page: number, y: number): void {
    if (this.contentEnded) this.contentFloatEnd = Math.max(this.contentFloatEnd, page + y / H);
  }

  /** Shrinkable glue on this page: \flushbottom pages shrink it before breaking. */
  private shrink = 0;
  /** Room taken by footnotes at the foot of this page (the first one brings `\skip\footins`). */
  private foot = 0;
  /** Footnote text that did not fit at the foot of the last page: TeX carries it over. */
  private footnoteCarry = 0;

  capacity(): number {
    return this.page === 0 ? H + P.firstPageExtra : H;
  }

  /** What fits on this page once its glue has shrunk. */
  room(): number {
    return this.capacity() + this.shrink - this.foot + this.overfull;
  }

  /** Records glue that may shrink by `pt` on this page (e.g. `\abovedisplayskip` minus 5pt). */
  shrinkable(pt: number): void {
    if (this.y > 0) this.shrink += pt;
  }

  /** Where the pager stands, in pages. */
  position(): number {
    return this.page + this.y / H;
  }

  /** Vertical glue: dropped at the top of a page and at its bottom. */
  glue(h: number, category: Category = 'text', shrink = 0): void {
    if (this.y === 0) return;
    this.shrink += shrink;
    // Glue at the bottom of a page is discarded at the break.
    const add = Math.max(0, Math.min(h, this.room() - this.y));
    this.y += add;
    this.used[category] += add;
  }

  /** Starts a page; `place` sets the waiting floats on it (not before a `\\clearpage` flushes them). */
  newPage(line: number, place = true): void {
    this.breaks.push({ page: this.page + 1, line });
    this.page++;
    this.y = 0;
    this.shrink = 0;
    this.topRoom = 0;
    this.topCount = 0;
    this.bottomTaken = false;
    this.kinds.mid.clear();
    this.kinds.bottom.clear();
    this.count = 0;
    this.floats = 0;
    this.counted = 0;
    this.forgotten = 0;
    this.overfull = 0;
    this.hereHeight = 0;
    this.foot = 0;
    if (this.footnoteCarry > 0) {
      const carry = this.footnoteCarry;
      this.footnoteCarry = 0;
      this.footnote(carry);
    }
    if (!place) return;
    // Waiting floats (`\@startcolumn`): a page of floats when they fill most of one...
    const fp = this.floatPage(P.floatPageFraction * H, true);
    if (fp !== undefined) {
      if (this.lastFloatPageContent) this.contentFloatAt(this.page, H - (H - fp) / (2 * Math.max(1, this.lastFloatPage)));
      this.used.other += Math.max(0, H - fp);
      this.y = H;
      this.newPage(line);
      return;
    }
    // ...else each at the top or bottom of this page while there is room, in order of kind.
    const waiting = this.pending;
    this.pending = [];
    for (const f of waiting) this.float(f.height, f.category, { here: false, page: f.page }, line, f.content);
  }

  /**
   * A page of waiting floats as LaTeX makes one (`\@tryfcolumn`): from the first float that can
   * start one, the later ones that still fit (`\@fpsep` between them), a float that does not fit
   * holding back the later ones of its kind; made when they fill more than `min`. Takes them off
   * the waiting list and returns their height, or undefined when no page is made.
   */
  private floatPage(min: number, needP: boolean): number | undefined {
    const failed = new Set<Category>();
    for (let i = 0; i < this.pending.length; i++) {
      const first = this.pending[i] as PendingFloat;
      if (failed.has(first.category) || (needP && !first.page)) {
        failed.add(first.category);
        continue;
      }
      const fail = new Set(failed);
      const taken = [i];
      let sum = Math.min(first.height, H);
      for (let j = i + 1; j < this.pending.length; j++) {
        const f = this.pending[j] as PendingFloat;
        const h = Math.min(f.height, H);
        if (fail.has(f.category) || (needP && !f.page) || sum + h + P.fpSep > H) {
          fail.add(f.category);
          continue;
        }
        taken.push(j);
        sum += h + P.fpSep;
      }
      if (sum > min) {
        for (const k of taken) this.used[(this.pending[k] as PendingFloat).category] += Math.min((this.pending[k] as PendingFloat).height, H);
        this.lastFloatPageContent = taken.some((k) => (this.pending[k] as PendingFloat).content);
        this.pending = this.pending.filter((_, k) => !taken.includes(k));
        this.lastFloatPage = taken.length;
        return sum;
      }
      failed.add(first.category);
    }
    return undefined;
  }

  /**
   * A pandoc table (a `longtable`) starts here: longtable resets `\@colroom` to the whole page, so
   * LaTeX forgets the floats already at the top or bottom of this page; at the next float the page
   * takes as much more text and comes out overfull.
   */
  longtable(): void {
    this.forgotten += this.counted;
    this.counted = 0;
  }

  /**
   * Vertical space asked for (`\vspace`): dropped at the top of a page unless `keep` (`\vspace*`),
   * a page break where it runs past the page; negative space takes room back.
   */
  space(h: number, keep: boolean): void {
    if (this.y === 0 && !keep) return;
    if (h >= 0) {
      const add = Math.min(h, Math.max(0, this.room() - this.y));
      this.y += add;
      this.used.other += add;
      return;
    }
    const back = Math.min(-h, this.y);
    this.y -= back;
    // The breakdown gives the room back from what fills the page.
    let left = back;
    for (const c of RECLAIM) {
      const take = Math.min(left, this.used[c]);
      this.used[c] -= take;
      left -= take;
    }
  }

  /**
   * Footnote text of `h` points at the foot of this page: the page holds that much less text, and
   * what follows goes on where the text is (the first note of a page also brings `\skip\footins`);
   * what does not fit goes to the foot of the next page, as TeX splits notes.
   */
  footnote(h: number): void {
    const skip = this.foot > 0 ? 0 : P.footnote.skip;
    const fit = Math.max(0, this.room() - this.y);
    const placed = Math.min(h + skip, fit);
    // A note that finds no room still marks the page as having notes (one \skip\footins a page).
    this.foot += Math.max(placed, 1e-9);
    this.used.text += placed;
    // What does not fit after the skip waits for the next page's foot.
    if (h + skip > fit + 0.01) this.footnoteCarry += h - Math.max(0, fit - skip);
  }

  /**
   * Ends the page (`\newpage`); `\clearpage` also sets every waiting float on pages of floats
   * of their own before the text goes on.
   */
  clearPage(line: number, flush: boolean): void {
    // A forced break just after a page began (or just before one ends): a small drift moves everything after it by a page.
    const fill = this.y / H;
    if (fill > 0 && fill < NEAR_BREAK) this.nearBreaks.push({ line, pages: -1 });
    else if (fill > 1 - NEAR_BREAK) this.nearBreaks.push({ line, pages: 1 });
    if (this.y > 0) {
      this.used.other += Math.max(0, this.capacity() - this.y - this.foot);
      this.newPage(line, !flush || this.pending.length === 0);
    }
    if (!flush) return;
    while (this.pending.length > 0) {
      const sum = this.floatPage(-Infinity, false) ?? 0;
      if (this.lastFloatPageContent) this.contentFloatAt(this.page, H - (H - sum) / (2 * Math.max(1, this.lastFloatPage)));
      this.used.other += Math.max(0, H - sum);
      this.y = H;
      this.newPage(line, false);
    }
  }

  /** An unbreakable box; `keep` more points must fit after it on the same page (headings). */
  box(h: number, category: Category, line: number, keep = 0): void {
    if (this.y > 0 && this.y + h + keep > this.room()) {
      this.used.other += Math.max(0, this.capacity() - this.y - this.foot);
      this.newPage(line);
    }
    this.y += h;
    this.used[category] += h;
  }

  /**
   * `n` lines of `lineHeight` from source lines `from`..`to`; never leaves a single line of a
   * paragraph alone at the bottom or top of a page (the style's club and widow penalties).
   */
  lines(n: number, lineHeight: number, category: Category, from: number, to: number): void {
    let left = n;
    while (left > 0) {
      const room = Math.floor((this.room() - this.y + 0.01) / lineHeight);
      if (room >= left) {
        this.y += left * lineHeight;
        this.used[category] += left * lineHeight;
        return;
      }
      let take = room;
      if (n >= 2 && left === n && take === 1) take = 0;
      if (left - take === 1 && take >= 2) take--;
      if (take <= 0 && this.y === 0) take = Math.max(1, room);
      this.y += take * lineHeight;
      this.used[category] += take * lineHeight;
      left -= take;
      this.used.other += Math.max(0, this.capacity() - this.y - this.foot);
      this.newPage(from + Math.floor(((to - from + 1) * (n - left)) / n));
    }
  }

  /**
   * A float (figure, table) placed as LaTeX's output routine does (`\@addtocurcol`): in the text
   * when it asks `[h]` and there is room; else at the top of this page (two at most, in 85% of it)
   * or at its bottom (one, in 40%), as long as the text on the page so far, or a tenth of the
   * page if there is less, still fits beside it; else it waits for a later page, and so does every
   * later float of its kind. Three floats a page at most.
   */
  float(h: number, category: Category, placement: FloatPlacement = { here: false, page: true }, line = 0, content = this.contentOpen): void {
    const height = Math.min(h, H);
    if (placement.exactly === true) {
      // `\intextsep` above and below, like an `[h]` float, but it never waits.
      this.glue(P.inTextSep, category);
      this.box(height, category, line);
      this.glue(P.inTextSep, category);
      return;
    }
    if (this.forgotten > 0) {
      // After a longtable LaTeX sets the page as if the floats it forgot took no room.
      this.overfull += this.forgotten;
      this.forgotten = 0;
    }
    const waiting = this.pending.some((f) => f.category === category);
    // `\@reqcolroom`: the text so far (with the notes) or `\textfraction` of the page, plus the float.
    const text = Math.max(this.y - this.floats + this.foot, P.textFraction * H + this.hereHeight);
    const colroom = this.capacity() - this.counted;
    if (!waiting && this.count < P.totalNumber && text + height < colroom) {
      if (placement.here && text + height + P.inTextSep < colroom && this.y + height + 2 * P.inTextSep <= this.room() && !this.kinds.bottom.has(category)) {
        // `[h]`: in the text where it stands, with `\intextsep` above and below.
        const add = height + (this.y > 0 ? 2 * P.inTextSep : P.inTextSep);
        this.y += add;
        this.used[category] += add;
        this.hereHeight += height + 2 * P.inTextSep;
        this.kinds.mid.add(category);
        this.count++;
        return;
      }
      const sep = this.topCount > 0 ? P.floatSep : P.textFloatSep;
      const top = this.topCount < P.topNumber && P.topFraction * H - this.topRoom > height && text + height + sep < colroom && !this.kinds.mid.has(category) && !this.kinds.bottom.has(category);
      if (top) {
        this.topRoom += height + sep;
        this.topCount++;
        if (content) this.contentFloatAt(this.page, this.topRoom - sep);
        this.put(height + sep, category);
        return;
      }
      if (!this.bottomTaken && P.bottomFraction * H > height && text + height + P.textFloatSep < colroom) {
        this.bottomTaken = true;
        this.kinds.bottom.add(category);
        if (content) this.contentFloatAt(this.page, this.capacity());
        this.put(height + P.textFloatSep, category);
        return;
      }
    }
    this.pending.push({ height, category, page: placement.page, content });
  }

  /** A float of `total` points (with its separation) at the top or bottom of this page. */
  private put(total: number, category: Category): void {
    this.count++;
    this.floats += total;
    this.counted += total;
    this.y += total;
    this.used[category] += total;
  }

  /**
   * Places what is still waiting at the end of the document: `\clearpage` puts the floats on
   * pages of their own, their spare room 1fil above, 2fil between and 1fil below them.
   */
  finish(line: number): void {
    for (;;) {
      if (this.foot > 0) {
        // The notes stand at the foot of the page: it reaches down to them.
        this.used.other += Math.max(0, this.capacity() - this.y - this.foot);
        this.y = Math.max(this.y, this.capacity());
      }
      if (this.footnoteCarry <= 0) break;
      this.newPage(line);
    }
    while (this.pending.length > 0) {
      this.used.other += Math.max(0, this.capacity() - this.y - this.foot);
      this.breaks.push({ page: this.page + 1, line });
      this.page++;
      const sum = this.floatPage(-Infinity, false) ?? 0;
      const n = Math.max(1, this.lastFloatPage);
      if (this.lastFloatPageContent) this.contentFloatAt(this.page, H - (H - sum) / (2 * n));
      this.y = this.pending.length > 0 ? H : H - (H - sum) / (2 * n);
      this.used.other += this.y - sum;
    }
  }
}

/**
 * How much `\\resizebox`/`\\scalebox`/`adjustbox` scale a table: to the asked width from its natural
 * width (each column as wide as its longest cell at about half an em a character, plus
 * `\\tabcolsep` on both sides), or by the asked scale; a fixed height sets it outright.
 */
function tableScale(block: Extract<Block, { type: 'table' }>, size: number): number {
  const r = block.resize;
  if (!r) return 1;
  if (r.scale !== undefined) return r.scale;
  const natural = (block.columnChars ?? []).reduce((w, n) => w + n * 0.5 * size + 12, 0);
  const width = r.width === undefined || r.width === '!' ? undefined : boxLength(r.width, W, { width: W, height: H });
  const height = r.height === undefined || r.height === '!' ? undefined : boxLength(r.height, W, { width: W, height: H });
  if (height !== undefined && width === undefined) return height / Math.max(1, block.rows * SIZES[block.size ?? 'normalsize'][1] + 11.5);
  if (width === undefined || natural <= 0) return 1;
  const scale = width / natural;
  return r.max === true ? Math.min(1, scale) : scale;
}

/** Font size and leading of LaTeX's size switches in the NeurIPS style (it redefines them all). */
const SIZES: Readonly<Record<FontSize, readonly [number, number]>> = {
  tiny: [5, 6],
  scriptsize: [7, 8],
  footnotesize: [9, 10],
  small: [9, 10],
  normalsize: [10, 11],
  large: [12, 14],
  Large: [14.4, 16],
  LARGE: [17.28, 20],
  huge: [20.74, 23],
  Huge: [24.88, 28],
};

/** Where negative space takes its room back from, in order. */
const RECLAIM: readonly Category[] = ['text', 'lists', 'math', 'other', 'tables', 'figures', 'title', 'references'];

/** An event of the body in source order: a heading or a block. */
type Item = { kind: 'heading'; section: Section; start: Position } | { kind: 'block'; block: Block; start: Position };

function itemsOf(writeup: Writeup): Item[] {
  const items: Item[] = [];
  for (const section of writeup.sections) items.push({ kind: 'heading', section, start: section.range.start });
  for (const block of writeup.blocks) items.push({ kind: 'block', block, start: block.range.start });
  items.sort((a, b) => comparePositions(a.start, b.start) || (a.kind === 'heading' ? -1 : 1));
  return items;
}

function inside(r: Range, outer: Range): boolean {
  return comparePositions(outer.start, r.start) <= 0 && comparePositions(r.end, outer.end) <= 0;
}

/**
 * Lines of a paragraph: its text, its inline math as unbreakable runs, its citations as printed.
 * Math and citations of footnotes inside `range` are left out (they are set at the foot);
 * `size` is the font size (9pt for footnotes), `indent` a box before the first word.
 */
function paragraphLines(text: string, range: Range, ctx: Context, measure: number, size = 10, indent = 0, file?: string, last?: { width: number }): number {
  const b = new LineBreaker(measure, size);
  const scale = size / 10;
  const notes = ctx.footnotesIn(range, file);
  if (indent > 0) b.word(indent - 0.25 * size, 1);
  let pos = 0;
  for (const m of ctx.inlineMathIn(range, file)) {
    if (notes.length > 0 && insideAny(m.range, notes)) continue;
    // Readers keep the TeX as written (Markdown) or without its braces (LaTeX).
    let written = m.tex;
    let j = text.indexOf(written, pos);
    if (j < 0) {
      written = stripBraces(m.tex);
      j = written === '' ? -1 : text.indexOf(written, pos);
    }
    if (j < 0) continue;
    // The text up to the math, without the `$` that opens it (and spaces after that).
    let k = j;
    while (k > pos && /\s/.test(text.charAt(k - 1))) k--;
    if (text.charCodeAt(k - 1) !== 36) k = j;
    while (k > pos && text.charCodeAt(k - 1) === 36) k--;
    b.text(text, 'regular', pos, k);
    let w = inlineMathWidth(m.tex) * scale;
    // Long inline math breaks after relations and operators.
    while (w > 140 * scale) {
      b.word(120 * scale, 1);
      w -= 120 * scale;
    }
    b.word(w, 1);
    pos = j + written.length;
    if (text.charAt(pos) === '$') pos++;
  }
  const groups = ctx.citationGroupsIn(range, notes, file);
  if (groups.length > 0) textWithoutCitations(b, text, pos);
  else b.text(text, 'regular', pos);
  // A citation prints as "(Author et al. 2021; Other 2020)": about 60pt and 45pt a further key;
  // a numeric one as "[3, 17]": the brackets and about 12.5pt a key, "[VSP+17]" about 30pt (`\\citet` still names the authors).
  for (const { keys, textual } of groups) {
    if (ctx.citationLabel !== undefined && !textual) {
      b.word((2 + ctx.citationLabel * keys) * scale, 3);
      continue;
    }
    b.word((40 + 45 * keys) * scale, 4);
    b.word(20 * scale, 2);
  }
  if (last) last.width = b.lastLineWidth;
  return b.lines;
}

/** A citation group: where it stands, its keys, and whether it names the authors in the text (`\\citet`). */
interface CiteGroup {
  readonly range: Range;
  keys: number;
  readonly textual: boolean;
}

/** Citation commands that print the authors' names even in a numeric style. */
const TEXTUAL_CITE = /^(citet|Citet|citeauthor|Citeauthor|citealt|textcite|Textcite)\*?$/;

/** BibTeX styles that only number their entries (natbib then falls back to numbers too). */
const NUMERIC_BST = /^(plain|unsrt|abbrv|ieeetr|ieeetran|ieee_fullname|acm|siam|splncs\d*|plainurl|unsrturl|abbrvurl|vancouver|naturemag|amsplain|elsarticle-num)$/i;

/**
 * Where a LaTeX writeup's citations print as labels, the width of one key's label (pt): an
 * `alpha`-style label ("[VSP+17]") or a number with its comma (natbib's `numbers` option, also
 * through `\PassOptionsToPackage` or `\setcitestyle`; biblatex with a numeric style, its
 * default; a numbering `\bibliographystyle`; the template's `nonatbib` with plain `\cite`).
 * Undefined for author and year.
 */
export function citationLabel(writeup: Writeup): number | undefined {
  if (writeup.format !== 'latex') return undefined;
  const style = /\\bibliographystyle\s*\{([^}]*)\}/.exec(writeup.text)?.[1]?.trim();
  if (style !== undefined && /^(alpha|amsalpha|alphaurl)$/i.test(style)) return 30;
  return numericCitations(writeup, style) ? 12.5 : undefined;
}

function numericCitations(writeup: Writeup, style: string | undefined): boolean {
  const pre = writeup.metadata.headerIncludes ?? '';
  if (/\\PassOptionsToPackage\s*\{[^}]*\bnumbers\b[^}]*\}\s*\{natbib\}/.test(pre)) return true;
  if (/\\usepackage\s*\[[^\]]*\bnumbers\b[^\]]*\]\s*\{natbib\}/.test(pre) || /\\setcitestyle\s*\{[^}]*\bnumbers\b/.test(pre)) return true;
  const biblatex = /\\usepackage\s*(?:\[([^\]]*)\])?\s*\{biblatex\}/.exec(pre);
  if (biblatex) return !/\b(?:cite)?style\s*=\s*(authoryear|authortitle|apa|chicago|mla|verbose)/.test(biblatex[1] ?? '');
  if (style !== undefined && NUMERIC_BST.test(style)) return true;
  const setup = writeup.metadata.pageSetup;
  return setup?.template?.options.includes('nonatbib') === true && !setup.packages.includes('natbib');
}

/** True when `r` lies inside the range of one of `notes` (where the note stands in the text). */
function insideAny(r: Range, notes: readonly Footnote[]): boolean {
  for (const n of notes) if (inside(r, n.range)) return true;
  return false;
}

/** Height of the footnotes referenced in `range`: each note's lines at 9pt on 10pt, from its strut to its depth. */
function footnotesHeight(range: Range, ctx: Context, file?: string): number {
  const notes = ctx.footnotesIn(range, file);
  if (notes.length === 0) return 0;
  const f = P.footnote;
  let h = 0;
  for (const note of notes) {
    const n = Math.max(1, paragraphLines(note.text, note.origin?.range ?? note.bodyRange, ctx, W, f.size, f.markBox, note.origin?.file));
    // Notes follow each other at the footnote leading: the strut (6.65pt) and depth (3pt) fit in it.
    h += n * f.leading;
  }
  return h - f.leading + f.sep + f.depth;
}

/** Lines of the source, found on demand (splitting a long writeup would cost more than the estimate). */
class SourceLines {
  private readonly starts: number[] = [0];

  constructor(private readonly text: string) {}

  get(line: number): string {
    if (line < 0) return '';
    while (this.starts.length <= line + 1) {
      const last = this.starts[this.starts.length - 1] as number;
      if (last > this.text.length) return '';
      const nl = this.text.indexOf('\n', last);
      this.starts.push(nl < 0 ? this.text.length + 1 : nl + 1);
    }
    const start = this.starts[line] as number;
    if (start > this.text.length) return '';
    return this.text.slice(start, (this.starts[line + 1] as number) - 1);
  }
}

/**
 * Where the float starting at `line` may go: `[h]` here, `p` on a page of floats (`tbp` when it
 * names nothing; `algorithm` floats are `htbp`).
 */
function placementAt(lines: SourceLines, line: number, algorithm = false): FloatPlacement {
  const source = lines.get(line);
  const m = /\\begin\{(?:figure|table|algorithm)\*?\}\s*\[([^\]]*)\]/.exec(source);
  if (m === null) return { here: algorithm && /\\begin\{algorithm\*?\}/.test(source), page: true };
  const spec = m[1] ?? '';
  return { here: /[hH]/.test(spec), page: /p/.test(spec) || !/[tb]/.test(spec), ...(spec.includes('H') ? { exactly: true } : {}) };
}

/** True when the line before `line` closes a display (`$$`, `\\]`, `\\end{equation}`, ...). */
function continuesDisplay(lines: SourceLines, line: number): boolean {
  return line > 0 && /(?:\$\$|\\\]|\\end\{(?:equation|align|gather|multline|eqnarray)\*?\})\s*$/.test(lines.get(line - 1));
}

/** TeX as the LaTeX reader leaves it in plain text: without braces. */
function stripBraces(tex: string): string {
  return tex.replace(/\\[{}]|[{}]/g, '');
}

/**
 * Sets `text` from `start` without its citations as they stand in a paragraph — `[@a; @b]`, `@a`,
 * `\\citep[..]{a,b}` — scanning for `@` and `\\cite` and setting the pieces between them where they
 * are (a regular expression over every paragraph, or new strings, cost more than the rest of the estimate).
 */
function textWithoutCitations(b: LineBreaker, text: string, start: number): void {
  let pos = start;
  // Next occurrences, searched again only once passed (a search per `@` made long text quadratic).
  let cite = -2;
  let bracketClose = -2;
  for (;;) {
    const at = text.indexOf('@', pos);
    if (cite !== -1 && cite < pos) cite = text.indexOf('\\cite', pos);
    if (at < 0 && cite < 0) break;
    if (cite >= 0 && (at < 0 || cite < at)) {
      // \cite...[..]{keys}: up to the closing brace.
      const close = text.indexOf('}', cite);
      b.text(text, 'regular', pos, cite);
      pos = close < 0 ? text.length : close + 1;
      continue;
    }
    // The last `[` and `]` between here and the `@` (one before `pos` never opens a group).
    let open = -1;
    let shut = -1;
    for (let i = pos; i <= at; i++) {
      const c = text.charCodeAt(i);
      if (c === 91) open = i;
      else if (c === 93) shut = i;
    }
    if (open >= pos && open > shut) {
      // [@a; @b, p. 3]: the whole bracket.
      if (bracketClose !== -1 && bracketClose < at) bracketClose = text.indexOf(']', at);
      const close = bracketClose;
      b.text(text, 'regular', pos, open);
      pos = close < 0 ? text.length : close + 1;
      continue;
    }
    // In-text @key: the key's characters.
    let end = at + 1;
    while (end < text.length && KEY_CHAR.test(text.charAt(end))) end++;
    b.text(text, 'regular', pos, at);
    pos = end;
  }
  b.text(text, 'regular', pos);
}

const KEY_CHAR = /[\w:.#$%&+?<>~/-]/;

/** Per-writeup lookups shared by the block handlers. */
class Context {
  private readonly inline: MathNode[];
  private readonly display: MathNode[];
  private readonly groups: CiteGroup[];
  private readonly notes: Footnote[];
  /** What the estimate could not size, for the user. */
  readonly estimateNotes: string[] = [];
  private figureContext: FigureContext | undefined;

  figures(options: EstimateOptions, tuning: LayoutTuning): FigureContext {
    return (this.figureContext ??= {
      width: W,
      height: H,
      baselineSkip: LINE,
      captionSkip: P.captionSkip,
      imageSize: options.imageSize,
      graphicsPath: this.graphicsPath,
      defaultAspect: tuning.defaultAspect,
      capNatural: /\\setkeys\s*\{Gin\}\s*\{[^}]*\\maxwidth/.test(this.preamble),
      notes: this.estimateNotes,
    });
  }

  private readonly graphicsPath: readonly string[];
  private readonly preamble: string;
  /** Width (pt) of a key where citations print as labels ("[3, 7]", "[Vas17]") rather than author and year. */
  readonly citationLabel: number | undefined;

  /** Environments declared with `\\newtheorem` where amsthm sets them (it has its own skips), and whether amsthm's `proof` is there. */
  readonly amsthm: { readonly theorems: ReadonlySet<string>; readonly proof: boolean };

  constructor(writeup: Writeup) {
    this.amsthm = amsthmOf(writeup);
    this.graphicsPath = writeup.metadata.graphicsPath ?? [];
    this.preamble = writeup.format === 'latex' ? (writeup.metadata.headerIncludes ?? '') : '';
    this.citationLabel = citationLabel(writeup);
    this.notes = [...(writeup.footnotes ?? [])].sort((a, b) => comparePositions(a.range.start, b.range.start));
    this.inline = writeup.math.filter((m) => !m.display).sort((a, b) => comparePositions(a.range.start, b.range.start));
    this.display = writeup.math.filter((m) => m.display).sort((a, b) => comparePositions(a.range.start, b.range.start));
    const byGroup = new Map<string, CiteGroup>();
    this.citations = writeup.citations;
    let lastIncluded: Citation | undefined;
    let groupCount = 0;
    for (const c of writeup.citations) {
      const id = `${c.groupRange.start.line}:${c.groupRange.start.character}`;
      if (c.origin) {
        // Keys of one group in an included file: the same \cite command, keys a comma apart on one line.
        const o = c.origin;
        const lo = lastIncluded?.origin;
        const same = lastIncluded !== undefined && lo !== undefined && lo.file === o.file && lastIncluded.command === c.command && lo.range.end.line === o.range.start.line && o.range.start.character - lo.range.end.character <= 3;
        if (!same) groupCount++;
        this.groupIds.set(c, String(groupCount));
        lastIncluded = c;
        continue;
      }
      const g = byGroup.get(id);
      if (g) g.keys++;
      else byGroup.set(id, { range: c.groupRange, keys: 1, textual: TEXTUAL_CITE.test(c.command) });
    }
    this.groups = [...byGroup.values()].sort((a, b) => comparePositions(a.range.start, b.range.start));
  }

  displayMathIn(range: Range, file?: string): MathNode[] {
    return within(file !== undefined ? this.inFile(file).display : this.display, (m) => m.range, range);
  }

  inlineMathIn(range: Range, file?: string): MathNode[] {
    return within(file !== undefined ? this.inFile(file).inline : this.inline, (m) => m.range, range);
  }

  /** Citation groups inside `range`, without those inside the `notes` standing there. */
  citationGroupsIn(range: Range, notes: readonly Footnote[] = NO_NOTES, file?: string): readonly CiteGroup[] {
    const groups = within(file !== undefined ? this.inFile(file).groups : this.groups, (g) => g.range, range);
    return notes.length > 0 ? groups.filter((g) => !insideAny(g.range, notes)) : groups;
  }

  /** Footnotes referenced inside `range`. */
  footnotesIn(range: Range, file?: string): readonly Footnote[] {
    const notes = file !== undefined ? this.inFile(file).notes : this.notes;
    return notes.length === 0 ? NO_NOTES : within(notes, (n) => n.range, range);
  }

  /**
   * What an `\\input` file holds, at its own ranges: everything read from it points at the
   * `\\input` command in the main file, so a lookup by that range would find the whole file's
   * math and citations for each of its paragraphs.
   */
  private inFile(file: string): FileLookups {
    let f = this.files.get(file);
    if (f) return f;
    const at = <T extends { range: Range; origin?: { file: string; range: Range } }>(xs: readonly T[]): T[] =>
      xs.filter((x) => x.origin?.file === file).map((x) => ({ ...x, range: (x.origin as { range: Range }).range })).sort((a, b) => comparePositions(a.range.start, b.range.start));
    const groups = new Map<string, CiteGroup>();
    for (const c of this.citations) {
      if (c.origin?.file !== file) continue;
      // The group stands where its first key does.
      const r = c.origin.range;
      const id = `${this.groupIds.get(c) ?? ''}`;
      const g = groups.get(id);
      if (g) g.keys++;
      else groups.set(id, { range: r, keys: 1, textual: TEXTUAL_CITE.test(c.command) });
    }
    f = { inline: at(this.inline), display: at(this.display), notes: at(this.notes), groups: [...groups.values()].sort((a, b) => comparePositions(a.range.start, b.range.start)) };
    this.files.set(file, f);
    return f;
  }

  private readonly files = new Map<string, FileLookups>();
  private readonly citations: readonly Citation[];
  private readonly groupIds = new Map<Citation, string>();
}

interface FileLookups {
  readonly inline: MathNode[];
  readonly display: MathNode[];
  readonly notes: Footnote[];
  readonly groups: CiteGroup[];
}

const NO_NOTES: readonly Footnote[] = [];

/** The items of `sorted` (by start) whose range lies inside `outer`, by binary search. */
function within<T>(sorted: readonly T[], rangeOf: (t: T) => Range, outer: Range): T[] {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (comparePositions(rangeOf(sorted[mid] as T).start, outer.start) < 0) lo = mid + 1;
    else hi = mid;
  }
  const out: T[] = [];
  for (let i = lo; i < sorted.length; i++) {
    const r = rangeOf(sorted[i] as T);
    if (comparePositions(r.start, outer.end) > 0) break;
    if (inside(r, outer)) out.push(sorted[i] as T);
  }
  return out;
}

/** The theorem-like environments amsthm sets: a LaTeX writeup whose preamble loads it. */
function amsthmOf(writeup: Writeup): Context['amsthm'] {
  const theorems = new Set<string>();
  if (writeup.format !== 'latex') return { theorems, proof: false };
  const begin = writeup.text.indexOf('\\begin{document}');
  const preamble = writeup.text.slice(0, begin < 0 ? Math.min(writeup.text.length, 20000) : begin);
  if (!/\\usepackage(?:\[[^\]]*\])?\{[^}]*\bamsthm\b[^}]*\}/.test(preamble)) return { theorems, proof: false };
  for (const m of preamble.matchAll(/\\newtheorem\*?\s*\{([^}]+)\}/g)) theorems.add((m[1] ?? '').trim());
  return { theorems, proof: true };
}

/** Parses a requested width (`0.5\linewidth`, `50%`, `3in`, `8cm`) into points. */
export function parseWidth(spec: string | undefined, natural: number | undefined): number {
  if (spec === undefined || spec.trim() === '') return Math.min(natural ?? W, W);
  const s = spec.replace(/\s+/g, '');
  const rel = /^([0-9.]*)\\(linewidth|textwidth|columnwidth|hsize)$/.exec(s);
  if (rel) return W * (rel[1] === '' || rel[1] === undefined ? 1 : Number(rel[1]) || 1);
  const m = /^([0-9.]+)(%|in|cm|mm|pt|bp|px|em)?$/.exec(s);
  if (!m) return W;
  const v = Number(m[1]);
  switch (m[2]) {
    case '%': return (W * v) / 100;
    case 'in': return v * 72.27;
    case 'cm': return (v * 72.27) / 2.54;
    case 'mm': return (v * 72.27) / 25.4;
    case 'px': return (v * 72.27) / 96;
    case 'em': return v * 10;
    case undefined: return v <= 1 ? v * W : v;
    default: return v * (m[2] === 'bp' ? 1.00375 : 1);
  }
}

function captionLines(caption: string | undefined, label: string): number {
  if (caption === undefined || caption.trim() === '') return 0;
  return countTextLines(`${label} ${caption}`, W);
}

function heightOfDisplay(math: MathNode): number {
  return displayMathRowsHeight(math.tex, math.environment).height;
}

/**
 * Estimates how many NeurIPS pages a writeup takes when compiled (pandoc for Markdown,
 * pdflatex for LaTeX), without compiling: content pages (up to the references or appendix),
 * total pages, where each page ends, and what takes the room.
 */
export function estimatePages(writeup: Writeup, options: EstimateOptions = {}): PageEstimate {
  const tuning: LayoutTuning = TUNING[writeup.format];
  const { profile, notes: profileNotes } = profileOf(writeup);
  W = profile.textWidth;
  H = profile.textHeight;
  FONT = profile.fontWidth;
  const pager = new Pager();
  const ctx = new Context(writeup);
  ctx.estimateNotes.push(...profileNotes);
  const lines = new SourceLines(writeup.text);
  const items = itemsOf(writeup);
  const refs = writeup.referencesStart?.start;
  const appendix = writeup.appendixStart?.start;
  const contentEnd = refs && appendix ? (comparePositions(refs, appendix) <= 0 ? refs : appendix) : (refs ?? appendix);
  let contentPages: number | undefined;
  let refsPlaced = false;

  const abstractBlock = writeup.blocks.find((b) => b.type === 'environment' && b.name === 'abstract');
  titleBlock(pager, writeup, abstractBlock?.type === 'environment' ? abstractBlock.text : writeup.metadata.abstract);

  const placeReferences = (line: number, withHeading: boolean): void => {
    refsPlaced = true;
    const keys = new Set(writeup.citations.map((c) => c.key)).size;
    if (keys === 0) return;
    if (withHeading) heading(pager, 1, 'References', line, 'references');
    for (let i = 0; i < keys; i++) {
      if (i > 0) pager.glue(tuning.refGap, 'references');
      const n = Math.max(1, Math.round(tuning.refLines));
      const frac = tuning.refLines / n;
      pager.lines(n, LINE * frac, 'references', line, line);
    }
  };

  for (const item of items) {
    const line = item.start.line;
    if (contentPages === undefined && contentEnd && comparePositions(item.start, contentEnd) >= 0) {
      const isRefs = refs !== undefined && comparePositions(contentEnd, refs) === 0;
      const before = item.kind === 'heading' ? P.parSkip + P.headings[0].before * P.ex : 0;
      contentPages = pager.position() + (pager.y > 0 ? before / H : 0);
      pager.markContentEnd();
      if (isRefs && item.kind !== 'heading') placeReferences(line, true);
    }
    if (item.kind === 'heading') {
      const s = item.section;
      const isRefsHeading = refs !== undefined && comparePositions(s.range.start, refs) === 0;
      heading(pager, s.level, s.title, line, isRefsHeading ? 'references' : 'text');
      if (isRefsHeading) placeReferences(line, false);
      continue;
    }
    placeBlock(pager, item.block, writeup, ctx, options, tuning, lines);
    if (!isFloat(item.block, writeup.format)) {
      const notes = footnotesHeight(item.block.origin?.range ?? item.block.range, ctx, item.block.origin?.file);
      if (notes > 0) pager.footnote(notes);
    }
  }
  if (contentPages === undefined && contentEnd) {
    contentPages = pager.position() + (pager.y > 0 ? (P.parSkip + P.headings[0].before * P.ex) / H : 0);
    pager.markContentEnd();
    if (refs !== undefined && !refsPlaced) placeReferences(refs.line, true);
  }
  if (!refsPlaced && writeup.format === 'markdown' && writeup.citations.length > 0) {
    if (contentPages === undefined) {
      contentPages = pager.position();
      pager.markContentEnd();
    }
    placeReferences(writeup.lineCount, false);
  }
  pager.finish(writeup.lineCount);
  const totalPages = pager.position();
  // Content ends where its last item ends: a content float LaTeX sets after the references heading counts.
  if (contentPages !== undefined) contentPages = Math.max(contentPages, pager.contentFloatEnd);
  const content = Math.min(contentPages ?? totalPages, totalPages);
  let low = content;
  let high = content;
  for (const b of pager.nearBreaks) {
    if (contentEnd !== undefined && b.line > contentEnd.line + 1) continue;
    if (b.pages < 0) low = Math.min(low, content - 1);
    else high = Math.max(high, content + 1);
    ctx.estimateNotes.push(`the forced page break on line ${b.line} falls ${b.pages < 0 ? 'just after' : 'just before'} a page end: a small drift moves the content after it by a page (${b.pages < 0 ? 'one page less' : 'one page more'} is as likely)`);
  }
  return {
    // The skip before a references/appendix heading with nothing after it is not a page of content.
    contentPages: content,
    ...(low !== content || high !== content ? { contentRange: [Math.max(0, low), high] as const } : {}),
    totalPages,
    pageBreaks: clampBreaks(pager.breaks, writeup.lineCount),
    breakdown: breakdownOf(pager, totalPages),
    ...(ctx.estimateNotes.length > 0 ? { notes: [...new Set(ctx.estimateNotes)] } : {}),
    style: options.style ?? 'neurips',
  };
}

/** Floats set their footnotes nowhere (LaTeX loses them), so the foot of the page ignores them. */
function isFloat(block: Block, format: Writeup['format']): boolean {
  return block.type === 'figure' || (block.type === 'table' && format === 'latex') || (block.type === 'code' && block.float === true);
}

/** Page breaks on lines of the document, in order (a break after the last line names the last line). */
function clampBreaks(breaks: readonly PageBreak[], lineCount: number): PageBreak[] {
  const last = Math.max(0, lineCount - 1);
  let previous = 0;
  return breaks.map((b) => {
    previous = Math.max(previous, Math.min(Math.max(0, b.line), last));
    return { page: b.page, line: previous };
  });
}

function breakdownOf(pager: Pager, totalPages: number): PageBreakdown {
  const u = pager.used;
  const b = { title: u.title / H, text: u.text / H, math: u.math / H, figures: u.figures / H, tables: u.tables / H, lists: u.lists / H, references: u.references / H };
  const known = b.title + b.text + b.math + b.figures + b.tables + b.lists + b.references;
  return { ...b, other: Math.max(0, totalPages - known) };
}

function heading(pager: Pager, level: number, title: string, line: number, category: Category): void {
  const spec = P.headings[Math.min(Math.max(level, 1), 3) - 1] ?? P.headings[2];
  if (level >= 4) {
    // \paragraph: a run-in bold heading, part of the paragraph that follows.
    pager.glue(P.parSkip + 1.5 * P.ex, category);
    return;
  }
  pager.glue(P.parSkip + spec.before * P.ex, category, 0.2 * P.ex * SHRINK);
  const n = Math.max(1, countTextLines(`0.0 ${title}`, W, spec.size, 'bold'));
  pager.box(n * spec.leading, category, line, spec.after * P.ex + 2 * LINE);
  pager.glue(spec.after * P.ex, category, (level === 1 ? 0.2 * P.ex : 0) * SHRINK);
}

function titleBlock(pager: Pager, writeup: Writeup, abstract: string | undefined): void {
  const { title, authors } = writeup.metadata;
  const t = P.title;
  const template = writeup.metadata.pageSetup?.template;
  // NeurIPS without `final` or `preprint` is a submission: an anonymous block instead of the authors.
  const anonymous = writeup.format === 'latex' && template !== undefined && /^(neurips|nips)/i.test(template.name) && !template.options.some((o) => /^(final|preprint)$/.test(o));
  if (title !== undefined && title.trim() !== '') {
    const titleLines = Math.max(1, countTextLines(title, W, t.titleSize, 'bold'));
    let h = t.rules + titleLines * t.titleLeading;
    // Authors: one tabular each (name in bold), side by side while they fit (`\AND` starts a row), each starting with a 24pt strut.
    const rowsOfAuthors: number[] = [];
    let used = 0;
    for (const a of anonymous ? [] : authors) {
      const rows = a.lines ?? 1 + (a.affiliation ? a.affiliation.split(/\n|\\\\/).length : 0) + (a.email ? 1 : 0);
      // The widest line: a multi-line block's affiliation lines were joined with ", ".
      const affiliation = a.lines !== undefined ? (a.affiliation ?? '').split(', ') : [a.affiliation ?? ''];
      const width = Math.max(textWidth(a.name, 'bold'), ...affiliation.map((l) => textWidth(l)), (a.email ?? '').length * 0.525) * 10 + 2 * t.tabColSep;
      if (rowsOfAuthors.length === 0 || used + width > W || a.newRow === true) {
        rowsOfAuthors.push(rows);
        used = width;
      } else {
        rowsOfAuthors[rowsOfAuthors.length - 1] = Math.max(rowsOfAuthors[rowsOfAuthors.length - 1] ?? 0, rows);
        used += width + 10;
      }
    }
    // The anonymous block has four lines; with no \author at all the tabular still holds its strut.
    if (anonymous) rowsOfAuthors.push(4);
    else if (rowsOfAuthors.length === 0 && writeup.format === 'latex') rowsOfAuthors.push(1);
    for (const rows of rowsOfAuthors) h += t.authorStrut + (rows - 1) * t.authorRow + 3.3;
    h += t.afterAuthors;
    pager.y += h;
    pager.used.title += h;
  }
  if (abstract !== undefined && abstract.trim() !== '') {
    const n = countTextLines(abstract, (W - 2 * t.abstractMargin) / FONT);
    const h = t.abstractBefore + t.abstractHeading + 0.5 * P.ex + P.topSep + n * LINE + P.topSep + P.ex;
    pager.y += h;
    pager.used.title += h;
  }
  // `\thanks` notes stand at the foot of the first page (not in a submission).
  const f = P.footnote;
  const thanks = anonymous ? [] : authors.flatMap((a) => a.thanks ?? []);
  if (thanks.length > 0) pager.footnote(thanks.reduce((h, note) => h + Math.max(1, countTextLines(note, W - f.markBox, f.size)) * f.leading, 0) - f.leading + f.sep + f.depth);
}

function placeBlock(pager: Pager, block: Block, writeup: Writeup, ctx: Context, options: EstimateOptions, tuning: LayoutTuning, lines: SourceLines): void {
  const from = block.range.start.line;
  const to = block.range.end.line;
  const lastLine = pager.lastLine;
  pager.lastLine = undefined;
  switch (block.type) {
    case 'paragraph': {
      const [size, leading] = SIZES[block.size ?? 'normalsize'];
      const last = { width: 0 };
      const n = paragraphLines(block.text, block.origin?.range ?? block.range, ctx, (W * tuning.fill) / FONT, size, 0, block.origin?.file, last);
      if (n === 0) return;
      // Text right after a display (no blank line) goes on with the same paragraph: no \parskip.
      if (!continuesDisplay(lines, from)) pager.glue(P.parSkip);
      pager.lines(n, leading, 'text', from, to);
      pager.lastLine = (last.width * FONT) / tuning.fill;
      return;
    }
    case 'math': {
      const standalone = from === 0 || lines.get(from - 1).trim() === '';
      if (standalone) pager.glue(P.parSkip, 'math');
      pager.shrinkable(10 * SHRINK);
      // TeX's short skips: the paragraph's last line ends (plus 2em) before the centred display begins.
      const width = standalone || lastLine === undefined ? undefined : displayMathWidth(block.math.tex, block.math.environment);
      const short = width !== undefined && lastLine !== undefined && lastLine + 20 < (W - width) / 2;
      const skips = short ? P.displayShortSkip.above + P.displayShortSkip.below : P.displaySkip * 2;
      const h = skips + heightOfDisplay(block.math) + (standalone ? tuning.standaloneDisplay : 0);
      pager.box(h, 'math', from);
      return;
    }
    case 'list': {
      placeList(pager, block, writeup.format === 'markdown', from, to);
      return;
    }
    case 'figure': {
      if (writeup.format === 'latex' && block.parts !== undefined) {
        const body = figureBodyHeight(block, ctx.figures(options, tuning));
        pager.float(Math.min(body + P.captionSkip + captionLines(block.caption, 'Figure 1:') * LINE, H), 'figures', placementAt(lines, from), from);
        return;
      }
      const size = options.imageSize?.(block.path);
      const natural = size ? size.width * 1.00375 : undefined;
      const width = parseWidth(block.width, natural);
      const aspect = size && size.width > 0 ? size.height / size.width : tuning.defaultAspect;
      const h = Math.min(width * aspect, H) + P.captionSkip + captionLines(block.caption, 'Figure 1:') * LINE;
      pager.float(h, 'figures', placementAt(lines, from), from);
      return;
    }
    case 'table': {
      const rules = 11.5;
      const cap = captionLines(block.caption, 'Table 1:') * LINE;
      if (writeup.format === 'markdown') {
        // pandoc sets tables as longtables: in the text, 12pt above and below, rows may break.
        pager.glue(12, 'tables');
        pager.longtable();
        if (cap > 0) pager.box(cap + 4, 'tables', from, 2 * LINE);
        pager.box(rules / 2, 'tables', from);
        pager.lines(Math.max(1, block.rows), LINE, 'tables', from, to);
        pager.box(rules / 2, 'tables', to);
        pager.glue(12, 'tables');
      } else {
        // Rows at the table's size (`\small` tables: 10pt rows), with the strut's depth at the rules.
        const [size, leading] = SIZES[block.size ?? 'normalsize'];
        const body = ((block.lines ?? block.rows) * leading + rules) * tableScale(block, size);
        pager.float(body + cap + (cap > 0 ? P.captionSkip : 0), 'tables', placementAt(lines, from), from);
      }
      return;
    }
    case 'code': {
      if (block.float === true) {
        pager.float(algorithmHeight(block.lines, block.caption), 'other', placementAt(lines, from, true));
        return;
      }
      pager.glue(P.parSkip + P.topSep, 'other');
      pager.lines(Math.max(1, block.lines), SIZES[block.size ?? 'normalsize'][1], 'other', from, to);
      pager.glue(P.topSep, 'other');
      return;
    }
    case 'environment': {
      if (block.name === 'abstract') return;
      if (PICTURES.has(block.name)) {
        // Its size is the drawing's: a quarter of a page, said in the notes.
        ctx.estimateNotes.push(`a ${block.name} outside a figure on line ${from + 1} is counted as a quarter of a page`);
        pager.glue(P.parSkip);
        pager.box(0.25 * H, 'figures', from);
        return;
      }
      const name = block.name.replace(/\*$/, '');
      const quote = /^(quote|quotation|verse)$/.test(name);
      const measure = quote ? W - 2 * P.listIndent : W;
      const label = /^(proof)$/.test(name) ? 'Proof.' : /^(center|minipage|flushleft|flushright)$/.test(name) ? '' : 'Theorem 1.';
      // Displays inside (a theorem's equation) are set as displays, not as words.
      let text = block.text;
      let displays = 0;
      for (const m of ctx.displayMathIn(block.origin?.range ?? block.range, block.origin?.file)) {
        for (const written of [m.tex, stripBraces(m.tex), m.tex.trim(), stripBraces(m.tex).trim()]) {
          if (written !== '' && text.includes(written)) {
            text = text.replace(written, ' ');
            break;
          }
        }
        displays += P.displaySkip * 2 + heightOfDisplay(m) + tuning.standaloneDisplay;
      }
      const n = paragraphLines(`${label} ${text}`, block.origin?.range ?? block.range, ctx, (measure * tuning.fill) / FONT, 10, 0, block.origin?.file);
      if (n === 0) return;
      // A theorem-like environment is a trivlist: \topsep above and below, and the \parskip of its
      // paragraph above; amsthm's theorems cancel that \parskip, its proof has a 6pt \topsep.
      const skips = ctx.amsthm.theorems.has(name)
        ? { before: P.topSep, after: P.topSep, shrink: 2 }
        : name === 'proof' && ctx.amsthm.proof
          ? { before: P.amsthmProofSep + P.parTopSep + P.parSkip, after: P.amsthmProofSep + P.parTopSep, shrink: 0.5 }
          : { before: P.parSkip + P.topSep, after: P.topSep, shrink: 2 };
      pager.glue(skips.before, 'text', skips.shrink * SHRINK);
      pager.lines(n, LINE, 'text', from, to);
      if (displays > 0) {
        pager.shrinkable(10 * SHRINK);
        pager.box(displays, 'math', to);
      }
      pager.glue(skips.after, 'text', skips.shrink * SHRINK);
      return;
    }
    case 'pagebreak': {
      pager.clearPage(to + 1, /\\clearpage|\\cleardoublepage/.test(lines.get(from)));
      return;
    }
    case 'space': {
      pager.space(parseLength(block.length), block.keep === true);
      return;
    }
  }
}

/** The list level of `depth` (1 = the outer list); deeper than five keeps the fifth. */
function listLevel(depth: number): (typeof P.listLevels)[number] {
  return P.listLevels[Math.min(Math.max(depth, 1), P.listLevels.length) - 1] ?? P.listLevels[0];
}

/** Text indent of a list item at `depth`: the left margins of its level and the levels around it. */
export function listIndent(depth: number): number {
  let indent = 0;
  for (let d = 1; d <= Math.min(Math.max(depth, 1), 8); d++) indent += listLevel(d).indent;
  return indent;
}

/**
 * A list with its nested lists: each item set in its level's measure; `\topsep` around the list and
 * around each nested list, `\itemsep` + `\parsep` between items (pandoc's tight lists drop
 * `\itemsep`), the skips of the item's own level.
 */
function placeList(pager: Pager, block: ListBlock, tight: boolean, from: number, to: number): void {
  const entries = block.entries ?? block.items.map((text) => ({ depth: 1, text }));
  const gap = (depth: number): number => listLevel(depth).parSep + (tight ? 0 : listLevel(depth).itemSep);
  pager.glue(P.parSkip + P.topSep, 'lists', 2 * SHRINK);
  let previous = 1;
  entries.forEach((entry, i) => {
    const depth = Math.max(1, entry.depth);
    if (i > 0) {
      // A nested list opens with its \topsep; where it closes, its \topsep and the next \itemsep merge (\addvspace).
      const skip = depth > previous ? listLevel(depth).topSep : depth < previous ? Math.max(listLevel(previous).topSep, gap(depth)) : gap(depth);
      pager.glue(skip, 'lists', (depth === 1 ? (tight ? 0.5 : 1) : 0.5) * SHRINK);
    }
    const n = Math.max(1, countTextLines(entry.text, (W - listIndent(depth)) / FONT));
    const span = Math.max(0, to - from);
    const at = from + Math.floor((span * i) / Math.max(1, entries.length));
    pager.lines(n, LINE, 'lists', at, at);
    previous = depth;
  });
  pager.glue(P.topSep, 'lists', 2 * SHRINK);
}

/** Height of an `algorithm` float: its ruled frame, caption ("Algorithm 1: ...") and one line a step. */
export function algorithmHeight(steps: number, caption: string | undefined): number {
  const a = P.algorithm;
  const captionLines = Math.max(1, countTextLines(`Algorithm 1 ${caption ?? ''}`, W));
  return a.frame + captionLines * LINE + 2 * a.stepsSep + Math.max(1, steps) * LINE;
}
