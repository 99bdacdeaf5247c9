/*
 * Paragraph lines: text, inline math as unbreakable runs and citations as printed, broken
 * in a measure; and the height of the footnotes a block references.
 */
import type { Footnote, InlineSpans, MathNode, Range } from '../model';
import { citationSpans, findInlineMath } from '../readers/inlineSpans';
import { CITE_PLACEHOLDER, type CiteGroup } from './citations';
import { insideAny, type Context } from './context';
import type { Face } from './fonts';
import { LineBreaker } from './lineBreak';
import { inlineMathWidth } from './mathBox';
import { P, W } from './textBlock';
import type { EstimateBibliography } from './types';
import type { BibEntry } from '../bib/types';
import { citationNames } from '../text/citationNames';
import { surname } from '../text/surname';

/**
 * Lines of a paragraph: its text, its inline math as unbreakable runs, its citations as printed.
 * Math and citations of footnotes inside `range` are left out (they are set at the foot);
 * `size` is the font size (9pt for footnotes), `indent` a box before the first word.
 */
export function paragraphLines(text: string, range: Range, ctx: Context, measure: number, size = 10, indent = 0, file?: string, last?: { width: number }, inline?: InlineSpans, marks?: Marks): number {
  const b = marks !== undefined && marks.at.length > 0 ? new MarkingBreaker(measure, size, marks) : new LineBreaker(measure, size);
  const scale = size / 10;
  const notes = ctx.footnotesIn(range, file);
  if (indent > 0) b.word(indent - 0.25 * size, 1);
  const groups = ctx.citationGroupsIn(range, notes, file);
  let cited = 0;
  let pos = 0;
  const found = inline ? new Map(inline.math.map((s) => [s.node, s])) : undefined;
  // Markdown's citations as written (`[@a; @b]`): where the reader found them, else searched for here.
  const spans = ctx.latex || groups.length === 0 ? NO_SPANS : inline ? inline.citations : citationSpans(text, 0);
  for (const m of ctx.inlineMathIn(range, file)) {
    if (notes.length > 0 && insideAny(m.range, notes)) continue;
    // Where the reader found the math in the text (a paragraph), else searched for here (a footnote, an environment's text).
    const at = found ? found.get(m) : findInlineMath(text, m, pos);
    if (!at) continue;
    cited = setText(b, text, pos, at.before, ctx, groups, cited, scale, spans);
    setMath(b, m.tex, scale);
    pos = at.end;
  }
  cited = setText(b, text, pos, text.length, ctx, groups, cited, scale, spans);
  // Citations not set where they stood (in math) are set at the end.
  for (let i = cited; i < groups.length; i++) setCitation(b, ctx, groups[i] as CiteGroup, scale);
  if (last) last.width = b.lastLineWidth;
  if (b instanceof MarkingBreaker) b.close();
  return b.lines;
}

/** Offsets in a paragraph's text (`at`, in order) and, once it is set, the line (from 1) holding each. */
export interface Marks {
  readonly at: readonly number[];
  readonly lines: number[];
}

/**
 * A line breaker that notes which line holds each of `marks`: the line of the word a mark follows
 * (greedy breaking never moves a word once the next one is set). A mark that falls in math or a
 * citation is on the line where the text after it begins.
 */
class MarkingBreaker extends LineBreaker {
  constructor(
    measure: number,
    size: number,
    private readonly marks: Marks,
  ) {
    super(measure, size);
  }

  override text(text: string, face: Face = 'regular', start = 0, end = text.length): void {
    const { at, lines } = this.marks;
    let from = start;
    while (lines.length < at.length) {
      const mark = at[lines.length] as number;
      if (mark >= end) break;
      if (mark < from) {
        // In the math or citation set before this text.
        lines.push(Math.max(1, this.lines));
        continue;
      }
      // The word the mark follows ends at the next space.
      let cut = Math.max(from, mark);
      while (cut < end && text.charCodeAt(cut) !== 32 && text.charCodeAt(cut) !== 10) cut++;
      if (cut > from) super.text(text, face, from, cut);
      from = cut;
      lines.push(Math.max(1, this.lines));
    }
    if (from < end) super.text(text, face, from, end);
  }

  /** Marks after the last word are on the last line. */
  close(): void {
    while (this.marks.lines.length < this.marks.at.length) this.marks.lines.push(Math.max(1, this.lines));
  }
}

/** Inline math as an unbreakable run, long math broken after relations and operators. */
function setMath(b: LineBreaker, tex: string, scale: number): void {
  let w = inlineMathWidth(tex) * scale;
  while (w > 140 * scale) {
    b.word(120 * scale, 1);
    w -= 120 * scale;
  }
  b.word(w, 1);
}

/** A list's inline math and citation groups, taken in order by its items. */
export interface ListSpans {
  readonly math: readonly MathNode[];
  readonly groups: readonly CiteGroup[];
  nextMath: number;
  nextCite: number;
}

/**
 * Lines of one item of a list, set like a paragraph's: its inline math measured, its citations as
 * printed (the readers keep a list item's math as its TeX and its citations as written, or as the
 * LaTeX reader's placeholder). The items take the list's math and citations in order.
 */
export function itemLines(text: string, list: ListSpans, ctx: Context, measure: number): number {
  const b = new LineBreaker(measure);
  let pos = 0;
  while (list.nextMath < list.math.length) {
    const at = findInlineMath(text, list.math[list.nextMath] as MathNode, pos);
    if (!at) break;
    list.nextCite = setText(b, text, pos, at.before, ctx, list.groups, list.nextCite, 1);
    setMath(b, (list.math[list.nextMath] as MathNode).tex, 1);
    list.nextMath++;
    pos = at.end;
  }
  if (ctx.latex) {
    list.nextCite = setText(b, text, pos, text.length, ctx, list.groups, list.nextCite, 1);
    return b.lines;
  }
  for (const c of citationSpans(text, pos)) {
    b.text(text, 'regular', pos, c.start);
    setCitation(b, ctx, list.groups[list.nextCite++] ?? { range: NO_RANGE, keys: Math.max(1, c.keys), textual: text.charAt(c.start) === '@' }, 1);
    pos = c.end;
  }
  b.text(text, 'regular', pos);
  return b.lines;
}

const NO_RANGE: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

/**
 * A citation as printed: "(Author et al. 2021; Other 2020)", about 60pt and 45pt a further key;
 * a numeric one "[3, 17]", the brackets and about 12.5pt a key, "[VSP+17]" about 30pt (`\\citet`
 * still names the authors).
 */
function setCitation(b: LineBreaker, ctx: Context, group: CiteGroup, scale: number): void {
  const { keys, textual } = group;
  if (ctx.citationLabel !== undefined && !textual) {
    b.word((6.66 + ctx.citationLabel * keys + 5 * (keys - 1)) * scale, 3);
    return;
  }
  const label = ctx.latex ? undefined : authorYear(ctx, group);
  if (label !== undefined) {
    b.text(label);
    return;
  }
  b.word((40 + 45 * keys) * scale, 4);
  b.word(20 * scale, 2);
}

/**
 * Pandoc's author-year citation as printed (citeproc's Chicago author-date): "(Surname 2021; A and
 * B 2020; A, B, and C 2019; A et al. 2018)", a first author's initials where another entry's
 * first author shares the surname. Undefined when a key is not in the bibliography.
 */
function authorYear(ctx: Context, group: CiteGroup): string | undefined {
  const bib = ctx.bibliography;
  const names = group.names;
  if (bib === undefined || names === undefined || names.length === 0) return undefined;
  const cache = labelsOf(ctx, bib);
  const known = cache.groups.get(group);
  if (known !== undefined) return known ?? undefined;
  const parts: string[] = [];
  let printed: string | null = null;
  for (const key of names) {
    let label = cache.labels.get(key);
    if (label === undefined) {
      label = null;
      const entry = bib.get(key);
      if (entry !== undefined && entry.authors.length > 0) {
        const surnames = entry.authors.map(surname);
        const first = entry.authors[0] as string;
        const shared = (cache.firsts.get(surnames[0] as string)?.size ?? 0) > 1;
        const lead = shared ? `${initials(first)} ${surnames[0]}` : (surnames[0] as string);
        const who = citationNames([lead, ...surnames.slice(1)]);
        label = `${who} ${entry.year ?? 'n.d.'}`;
      }
      cache.labels.set(key, label);
    }
    if (label === null) {
      parts.length = 0;
      break;
    }
    parts.push(label);
  }
  if (parts.length > 0) printed = `(${parts.join('; ')})`;
  cache.groups.set(group, printed);
  return printed ?? undefined;
}

/**
 * A bibliography's first authors by surname, each key's "Author et al. 2021" and each citation
 * group's printed label (null when it cannot be set), for the entries it held when they were worked
 * out.
 */
interface Labels {
  readonly entries: readonly BibEntry[];
  readonly firsts: Map<string, Set<string>>;
  readonly labels: Map<string, string | null>;
  /** By citation group of a writeup model (its keys never change). */
  readonly groups: WeakMap<CiteGroup, string | null>;
}

/**
 * The labels of `bib` for this estimate: those of an earlier estimate while the bibliography holds
 * the very same entries (a .bib edited is parsed into new entries), else worked out afresh.
 */
function labelsOf(ctx: Context, bib: EstimateBibliography): Labels {
  const checked = CHECKED.get(ctx);
  if (checked !== undefined) return checked;
  const entries = [...bib.entries()];
  let cache = LABELS.get(bib);
  if (cache === undefined || cache.entries.length !== entries.length || cache.entries.some((e, i) => e !== entries[i])) {
    // Each first author's surname and the distinct first authors bearing it.
    const firsts = new Map<string, Set<string>>();
    for (const e of entries) {
      const first = e.authors[0];
      if (first === undefined) continue;
      const key = surname(first);
      const set = firsts.get(key) ?? new Set<string>();
      set.add(first);
      firsts.set(key, set);
    }
    cache = { entries, firsts, labels: new Map(), groups: new WeakMap() };
    LABELS.set(bib, cache);
  }
  CHECKED.set(ctx, cache);
  return cache;
}

/** Each bibliography's labels (see labelsOf). */
const LABELS = new WeakMap<EstimateBibliography, Labels>();
/** The labels an estimate checked against its bibliography's entries. */
const CHECKED = new WeakMap<Context, Labels>();

function initials(name: string): string {
  return name.trim().split(/\s+/).slice(0, -1).map((w) => `${w.charAt(0)}.`).join(' ');
}

/**
 * Sets `text` from `from` to `to`. LaTeX plain text holds the reader's placeholder where each
 * citation command stood: the next of `groups` (from `cited`) is set there. Returns how many are set.
 */
function setText(b: LineBreaker, text: string, from: number, to: number, ctx: Context, groups: readonly CiteGroup[], cited: number, scale: number, spans: readonly Span[] = NO_SPANS): number {
  if (!ctx.latex) return setMarkdownText(b, text, from, to, ctx, groups, cited, scale, spans);
  if (cited >= groups.length) {
    b.text(text, 'regular', from, to);
    return cited;
  }
  let p = from;
  let n = cited;
  for (let at = text.indexOf(CITE_PLACEHOLDER, p); at >= 0 && at < to && n < groups.length; at = text.indexOf(CITE_PLACEHOLDER, p)) {
    b.text(text, 'regular', p, at);
    setCitation(b, ctx, groups[n++] as CiteGroup, scale);
    p = at + CITE_PLACEHOLDER.length;
    // Punctuation right after the citation stays with it.
    const c = text.charCodeAt(p);
    if (p < to && c !== 32 && c !== 10 && c !== 9 && c !== 13) b.attach();
  }
  b.text(text, 'regular', p, to);
  return n;
}

interface Span {
  readonly start: number;
  readonly end: number;
}

const NO_SPANS: readonly Span[] = [];

/**
 * Sets Markdown `text` from `from` to `to`: each citation as written (of `spans`) is set as printed
 * where it stands, the next of `groups` (from `cited`), punctuation after it kept with it. Returns
 * how many are set.
 */
function setMarkdownText(b: LineBreaker, text: string, from: number, to: number, ctx: Context, groups: readonly CiteGroup[], cited: number, scale: number, spans: readonly Span[]): number {
  let p = from;
  let n = cited;
  for (const c of spans) {
    if (c.start < p) continue;
    if (c.start >= to) break;
    b.text(text, 'regular', p, c.start);
    if (n < groups.length) setCitation(b, ctx, groups[n++] as CiteGroup, scale);
    p = Math.min(c.end, to);
    const next = text.charCodeAt(p);
    if (p < to && next !== 32 && next !== 10 && next !== 9 && next !== 13) b.attach();
  }
  b.text(text, 'regular', p, to);
  return n;
}

/** Height of the footnotes referenced in `range`: each note's lines at 9pt on 10pt, from its strut to its depth. */
export function footnotesHeight(range: Range, ctx: Context, file?: string): number {
  const notes = ctx.footnotesIn(range, file);
  if (notes.length === 0) return 0;
  const f = P.footnote;
  // Notes follow each other at the footnote leading: the strut (6.65pt) and depth (3pt) fit in it.
  return notes.reduce((h, note) => h + noteLines(note, ctx) * f.leading, 0) - f.leading + f.sep + f.depth;
}

/** Height of one footnote at the foot of a page, as TeX counts an insertion: its lines from the strut to the depth. */
export function footnoteHeight(note: Footnote, ctx: Context): number {
  const f = P.footnote;
  return (noteLines(note, ctx) - 1) * f.leading + f.sep + f.depth;
}

function noteLines(note: Footnote, ctx: Context): number {
  const f = P.footnote;
  return Math.max(1, paragraphLines(note.text, note.origin?.range ?? note.bodyRange, ctx, W, f.size, f.markBox, note.origin?.file));
}
