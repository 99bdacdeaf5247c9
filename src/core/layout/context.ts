/*
 * Per-writeup lookups the block handlers share: math, citation groups and footnotes inside a
 * range (of the main file or of an `\input` child), amsthm's theorems and the figure context.
 */
import type { Citation, Footnote, MathNode, Range, Writeup } from '../model';
import { comparePositions } from '../model';
import { captionStyles, type CaptionStyles } from './captions';
import { citationLabel, TEXTUAL_CITE, type CiteGroup } from './citations';
import type { FigureContext } from './figures';
import type { LayoutTuning } from './neurips';
import { H, LINE, P, W } from './textBlock';
import type { EstimateBibliography, EstimateOptions } from './types';

/** Per-writeup lookups shared by the block handlers. */
export class Context {
  private readonly inline: readonly MathNode[];
  private readonly display: readonly MathNode[];
  private readonly groups: readonly CiteGroup[];
  private readonly notes: readonly Footnote[];
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
      capNatural: this.capNatural,
      notes: this.estimateNotes,
    });
  }

  private readonly graphicsPath: readonly string[];
  private readonly capNatural: boolean;
  /** Width (pt) of a key where citations print as labels ("[3, 7]", "[Vas17]") rather than author and year. */
  readonly citationLabel: number | undefined;
  /** LaTeX plain text: each citation command stands there as the reader's placeholder. */
  readonly latex: boolean;

  /** Environments declared with `\\newtheorem` where amsthm sets them (it has its own skips), and whether amsthm's `proof` is there. */
  readonly amsthm: { readonly theorems: ReadonlySet<string>; readonly proof: boolean };

  /** How figures and tables set their captions (the `caption` package's settings). */
  readonly captions: CaptionStyles;

  /** Width (pt) of a run-in `\\paragraph` title and the 1em after it: the first line of the paragraph that follows begins with it. */
  runIn = 0;

  /** The bibliography's entries, when the host read them: Markdown's author-year citations are set from them. */
  readonly bibliography: EstimateBibliography | undefined;

  constructor(writeup: Writeup, bibliography?: EstimateBibliography) {
    this.bibliography = bibliography;
    this.captions = captionStyles(writeup.metadata.captionSetup ?? []);
    this.amsthm = amsthmOf(writeup);
    this.graphicsPath = writeup.metadata.graphicsPath ?? [];
    this.capNatural = writeup.format === 'latex' && writeup.metadata.imageMaxWidth === true;
    this.citationLabel = citationLabel(writeup);
    this.latex = writeup.format === 'latex';
    const lookups = lookupsOf(writeup);
    this.notes = lookups.notes;
    this.inline = lookups.inline;
    this.display = lookups.display;
    this.groups = lookups.groups;
    this.citations = writeup.citations;
    this.groupIds = lookups.groupIds;
    this.files = lookups.files;
    this.byRange = lookups.byRange;
  }

  displayMathIn(range: Range, file?: string): readonly MathNode[] {
    if (file !== undefined) return within(this.inFile(file).display, (m) => m.range, range);
    const at = this.at(range);
    return (at.display ??= within(this.display, (m) => m.range, range));
  }

  inlineMathIn(range: Range, file?: string): readonly MathNode[] {
    if (file !== undefined) return within(this.inFile(file).inline, (m) => m.range, range);
    const at = this.at(range);
    return (at.inline ??= within(this.inline, (m) => m.range, range));
  }

  /** Citation groups inside `range`, without those inside the `notes` standing there. */
  citationGroupsIn(range: Range, notes: readonly Footnote[] = NO_NOTES, file?: string): readonly CiteGroup[] {
    const at = file === undefined ? this.at(range) : undefined;
    if (at?.groups !== undefined && at.groups.notes === notes) return at.groups.groups;
    const all = within(file !== undefined ? this.inFile(file).groups : this.groups, (g) => g.range, range);
    const groups = notes.length > 0 ? all.filter((g) => !insideAny(g.range, notes)) : all;
    if (at !== undefined) at.groups = { notes, groups };
    return groups;
  }

  /** What was found inside `range` (of the main file) by an estimate of this writeup. */
  private at(range: Range): RangeLookups {
    let at = this.byRange.get(range);
    if (at === undefined) {
      at = {};
      this.byRange.set(range, at);
    }
    return at;
  }

  /**
   * Where each of `notes` (referenced in the paragraph at `range`, whose plain text is `length`
   * characters) puts its mark in that text: its place in the paragraph's source, without the notes'
   * own source, taken to the same share of the plain text. The estimate does not read the source,
   * so a paragraph written on several lines counts each line as long as its longest known one (at
   * least 80 characters).
   */
  markOffsets(range: Range, notes: readonly Footnote[], length: number): number[] {
    let width = Math.max(80, range.start.character, range.end.character);
    for (const n of notes) width = Math.max(width, n.range.start.character, n.range.end.character);
    const at = (p: Range['start']): number => (p.line - range.start.line) * width + p.character;
    const start = at(range.start);
    const cut = notes.map((n) => [at(n.range.start), at(n.range.end)] as const);
    const removed = (upTo: number): number => cut.reduce((sum, [a, b]) => sum + Math.max(0, Math.min(b, upTo) - a), 0);
    const end = at(range.end);
    const span = Math.max(1, end - start - removed(end));
    return cut.map(([a]) => Math.round(Math.min(length, Math.max(0, ((a - start - removed(a)) / span) * length))));
  }

  /** Footnotes referenced inside `range`. */
  footnotesIn(range: Range, file?: string): readonly Footnote[] {
    const notes = file !== undefined ? this.inFile(file).notes : this.notes;
    if (notes.length === 0) return NO_NOTES;
    if (file !== undefined) return within(notes, (n) => n.range, range);
    const at = this.at(range);
    return (at.notes ??= within(notes, (n) => n.range, range));
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

  private readonly files: Map<string, FileLookups>;
  private readonly byRange: Map<Range, RangeLookups>;
  private readonly citations: readonly Citation[];
  private readonly groupIds: ReadonlyMap<Citation, string>;
}

/** A writeup's math, footnotes and citation groups sorted by where they stand, and its `\\input` files' (filled as asked). */
interface Lookups {
  readonly inline: readonly MathNode[];
  readonly display: readonly MathNode[];
  readonly notes: readonly Footnote[];
  readonly groups: readonly CiteGroup[];
  readonly groupIds: ReadonlyMap<Citation, string>;
  readonly files: Map<string, FileLookups>;
  /** By the range of a block or note of the model (of the main file): what lies inside it, as asked. */
  readonly byRange: Map<Range, RangeLookups>;
}

/** The math, footnotes and citation groups (with the notes left out of them) inside one range. */
interface RangeLookups {
  inline?: readonly MathNode[];
  display?: readonly MathNode[];
  notes?: readonly Footnote[];
  groups?: { readonly notes: readonly Footnote[]; readonly groups: readonly CiteGroup[] };
}

/**
 * The sorted lookups of each writeup model, worked out by its first estimate (the readers make a
 * new model for every text and never change one, so another estimate of the same model finds them
 * as they were).
 */
const LOOKUPS = new WeakMap<Writeup, Lookups>();

function lookupsOf(writeup: Writeup): Lookups {
  const hit = LOOKUPS.get(writeup);
  if (hit) return hit;
  const groupIds = new Map<Citation, string>();
  const byGroup = new Map<string, CiteGroup>();
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
      groupIds.set(c, String(groupCount));
      lastIncluded = c;
      continue;
    }
    const g = byGroup.get(id);
    if (g) {
      g.keys++;
      g.names?.push(c.key);
    } else byGroup.set(id, { range: c.groupRange, keys: 1, textual: TEXTUAL_CITE.test(c.command), names: [c.key] });
  }
  const lookups: Lookups = {
    notes: [...(writeup.footnotes ?? [])].sort((a, b) => comparePositions(a.range.start, b.range.start)),
    inline: writeup.math.filter((m) => !m.display).sort((a, b) => comparePositions(a.range.start, b.range.start)),
    display: writeup.math.filter((m) => m.display).sort((a, b) => comparePositions(a.range.start, b.range.start)),
    groups: [...byGroup.values()].sort((a, b) => comparePositions(a.range.start, b.range.start)),
    groupIds,
    files: new Map(),
    byRange: new Map(),
  };
  LOOKUPS.set(writeup, lookups);
  return lookups;
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

function inside(r: Range, outer: Range): boolean {
  return comparePositions(outer.start, r.start) <= 0 && comparePositions(r.end, outer.end) <= 0;
}

/** True when `r` lies inside the range of one of `notes` (where the note stands in the text). */
export function insideAny(r: Range, notes: readonly Footnote[]): boolean {
  for (const n of notes) if (inside(r, n.range)) return true;
  return false;
}

/** The theorem-like environments amsthm sets: a LaTeX writeup whose preamble loads it. */
function amsthmOf(writeup: Writeup): Context['amsthm'] {
  const setup = writeup.format === 'latex' ? writeup.metadata.theorems : undefined;
  if (!setup?.amsthm) return { theorems: new Set(), proof: false };
  return { theorems: new Set(setup.names), proof: true };
}

