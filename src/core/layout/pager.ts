/*
 * The pager: fills pages from top to bottom as TeX's page builder and LaTeX's output routine
 * do, keeping floats, footnotes, widows, orphans and forced breaks; it records what takes the room.
 */
import type { PageBreak, PageBreakdown } from './types';
import { BODY, H, P } from './textBlock';

export type Category = keyof PageBreakdown;

/** A forced break this close to a page end (in pages) makes the pages after it uncertain by one. */
const NEAR_BREAK = 0.12;
/**
 * TeX sets a page's first baseline `\topskip` (10pt) below its top, not a whole line's leading below,
 * and the last line's depth hangs below the block (`\maxdepth`): a page holds the leading less 10pt more.
 */
const TOPSKIP = 10;

/** A footnote whose mark stands on line `line` (from 1) of a paragraph, and its height at the foot. */
export interface LineNote {
  readonly line: number;
  readonly height: number;
}

const NO_LINE_NOTES: readonly LineNote[] = [];

/** A float waiting for room on a later page; `page` when it may go on a page of floats (`p`). */
interface PendingFloat {
  readonly height: number;
  readonly category: Category;
  readonly page: boolean;
  /** Queued before the content ended (references or appendix): content wherever it lands. */
  readonly content: boolean;
}

/** Where a float may go: `[h]` here in the text, `p` on a page of floats. */
export interface FloatPlacement {
  readonly here: boolean;
  readonly page: boolean;
  /** float.sty's `[H]`: not a float, a box set here (on the next page when it does not fit). */
  readonly exactly?: boolean;
}

/** Fills pages from top to bottom, keeping floats, widows and orphans roughly as TeX does. */
export class Pager {
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

  /** How much the glue on this page may shrink and stretch (the page builder's `\pageshrink`, `\pagestretch`). */
  private shrink = 0;
  private stretch = 0;
  /** Room taken by footnotes at the foot of this page (the first one brings `\skip\footins`). */
  private foot = 0;
  /** Footnote text that did not fit at the foot of the last page: TeX carries it over. */
  private footnoteCarry = 0;

  capacity(): number {
    return this.page === 0 ? H + P.firstPageExtra : H;
  }

  /** The page's goal: the natural height its content may take (the text block less the notes, plus the first line's gain). */
  private goal(): number {
    return this.capacity() - this.foot + this.overfull + BODY - TOPSKIP;
  }

  /** What fits on this page once all its glue has shrunk. */
  room(): number {
    return this.goal() + this.shrink;
  }

  /**
   * Whether `h` more points go on this page, as TeX's page builder decides on a `\flushbottom`
   * page: what fits at its natural height does; what fits only once the page's glue shrinks does
   * when that costs no more than breaking before it and stretching the page to the bottom
   * (badness 100·r³ of the shrink or stretch ratio r; a page that cannot stretch that far is as bad
   * as TeX's badness goes, and the later break wins a tie).
   */
  takes(h: number): boolean {
    const goal = this.goal();
    const over = this.y + h - goal;
    if (over <= 0.01) return true;
    if (over > this.shrink + 0.01) return false;
    const short = goal - this.y;
    const before = short <= 0.01 ? 0 : this.stretch > 0 ? Math.min(10000, 100 * (short / this.stretch) ** 3) : 10000;
    return 100 * (over / this.shrink) ** 3 <= before;
  }

  /** Records glue on this page that may shrink by `shrink` and stretch by `stretch` points (e.g. `\abovedisplayskip` plus 2pt minus 5pt). */
  shrinkable(shrink: number, stretch = 0): void {
    if (this.y > 0) {
      this.shrink += shrink;
      this.stretch += stretch;
    }
  }

  /** Where the last display heading ended and the skip below it, while nothing has followed it. */
  private headingEnd: { page: number; y: number; skip: number } | undefined;

  /** A display heading ended here with `skip` below it. */
  headingEnded(skip: number): void {
    this.headingEnd = { page: this.page, y: this.y, skip };
  }

  /** The skip below a heading that ends right where the pager stands (0 when something followed it). */
  afterHeading(): number {
    const h = this.headingEnd;
    return h !== undefined && h.page === this.page && Math.abs(h.y - this.y) < 1e-6 && this.y > 0 ? h.skip : 0;
  }

  /** Where the pager stands, in pages. */
  position(): number {
    return this.page + this.y / H;
  }

  /** Vertical glue: dropped at the top of a page and at its bottom. */
  glue(h: number, category: Category = 'text', shrink = 0, stretch = 0): void {
    if (this.y === 0) return;
    this.shrink += shrink;
    this.stretch += stretch;
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
    this.stretch = 0;
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
    if (skip > 0) this.shrinkable(P.shrink.footins, P.stretch.footins);
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
  box(h: number, category: Category, line: number, keep = 0, carry = 0): void {
    const tail = this.tail;
    this.tail = undefined;
    if (this.y > 0 && !this.takes(h + keep)) {
      // A display cannot open a page: the paragraph's last lines go with it (\predisplaypenalty, and
      // NeurIPS's \widowpenalty and \clubpenalty of 10000), unless that would empty the page.
      let moved = 0;
      let between = 0;
      if (carry > 0 && tail !== undefined && tail.page === this.page) {
        moved = tail.taken - carry < 2 && tail.first ? tail.taken : Math.min(carry, tail.taken);
        between = this.y - tail.end;
        if (this.y - between - moved * tail.lineHeight <= 0.01) moved = 0;
      }
      const lifted = moved > 0 && tail !== undefined ? moved * tail.lineHeight + between : 0;
      if (lifted > 0 && tail !== undefined) {
        this.y -= lifted;
        this.used[tail.category] -= moved * tail.lineHeight;
      }
      this.used.other += Math.max(0, this.capacity() - this.y - this.foot);
      this.newPage(line);
      if (lifted > 0 && tail !== undefined) {
        this.y += lifted;
        this.used[tail.category] += moved * tail.lineHeight;
      }
    }
    this.y += h;
    this.used[category] += h;
  }

  /** The last lines set on this page: how many, whether their paragraph began here, and where they end. */
  private tail: { page: number; taken: number; first: boolean; end: number; lineHeight: number; category: Category } | undefined;

  /**
   * `n` lines of `lineHeight` from source lines `from`..`to`; never leaves a single line of a
   * paragraph alone at the bottom or top of a page (the style's club and widow penalties). Each of
   * `notes` (in order) is a footnote whose mark stands on line `line` (from 1): as TeX does with an
   * insertion, its text goes to the foot of the page that line is set on, and the lines after it
   * on that page have that much less room.
   */
  lines(n: number, lineHeight: number, category: Category, from: number, to: number, notes: readonly LineNote[] = NO_LINE_NOTES): void {
    let left = n;
    let next = 0;
    while (left > 0) {
      const done = n - left;
      const room = this.linesFitting(left, lineHeight, notes, next, done);
      if (room >= left) {
        this.setLines(left, lineHeight, category, notes, next, done);
        this.tail = { page: this.page, taken: left, first: left === n, end: this.y, lineHeight, category };
        return;
      }
      let take = room;
      if (n >= 2 && left === n && take === 1) take = 0;
      if (left - take === 1 && take >= 2) take--;
      if (take <= 0 && this.y === 0) take = Math.max(1, room);
      next = this.setLines(take, lineHeight, category, notes, next, done);
      left -= take;
      this.used.other += Math.max(0, this.capacity() - this.y - this.foot);
      this.newPage(from + Math.floor(((to - from + 1) * (n - left)) / n));
    }
  }

  /**
   * How many of `left` lines go on this page, the first being line `done + 1` of its paragraph: what
   * fits at the natural height, or once the glue shrinks (where TeX would rather shrink than
   * stretch), with the notes from `notes[next]` on taking their room as their marks' lines are set
   * (a note that does not fit is split, and fills the page).
   */
  private linesFitting(left: number, lineHeight: number, notes: readonly LineNote[], next: number, done: number): number {
    let room = Math.max(0, Math.floor((this.goal() - this.y + 0.01) / lineHeight));
    while (room < left && this.takes((room + 1) * lineHeight)) room++;
    if (next >= notes.length || (notes[next] as LineNote).line > done + Math.min(room, left)) return room;
    let extra = 0;
    let skip = this.foot > 0 ? 0 : P.footnote.skip;
    let i = next;
    let r = 0;
    while (r < left && this.takes((r + 1) * lineHeight + extra)) {
      r++;
      for (; i < notes.length && (notes[i] as LineNote).line <= done + r; i++) {
        extra += Math.min((notes[i] as LineNote).height + skip, Math.max(0, this.room() - this.y - r * lineHeight - extra));
        skip = 0;
      }
    }
    return r;
  }

  /** Sets `k` lines of a paragraph after its first `done`, each note from `notes[next]` at the foot after its mark's line; returns the next note. */
  private setLines(k: number, lineHeight: number, category: Category, notes: readonly LineNote[], next: number, done: number): number {
    let set = 0;
    let i = next;
    for (; i < notes.length && (notes[i] as LineNote).line <= done + k; i++) {
      const upTo = Math.max(set, (notes[i] as LineNote).line - done);
      this.y += (upTo - set) * lineHeight;
      this.used[category] += (upTo - set) * lineHeight;
      set = upTo;
      this.footnote((notes[i] as LineNote).height);
    }
    this.y += (k - set) * lineHeight;
    this.used[category] += (k - set) * lineHeight;
    return i;
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
        this.shrinkable(2 * P.shrink.inTextSep, 2 * P.stretch.inTextSep);
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

/** Where negative space takes its room back from, in order. */
const RECLAIM: readonly Category[] = ['text', 'lists', 'math', 'other', 'tables', 'figures', 'title', 'references'];
