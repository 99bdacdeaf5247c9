/*
 * Places one block of the body on the pager: paragraphs, displays, lists, figures, tables,
 * algorithms and code, environments, pictures, forced breaks and vertical space.
 */
import type { Block, ListBlock, ListEntry, ListSpacing, MathNode, Writeup } from '../model';
import { textWidth } from './fonts';
import { captionHeight } from './captions';
import type { Context } from './context';
import { boxLength, figureBodyHeight } from './figures';
import { parseLength } from './length';
import { countTextLines } from './lineBreak';
import { displayMathRowsHeight, displayMathWidth } from './mathBox';
import type { LayoutTuning } from './neurips';
import type { FloatPlacement, Pager } from './pager';
import { stripBraces } from '../readers/inlineSpans';
import { TEX_UNITS, texLength } from '../text/texLength';
import { footnoteHeight, itemLines, paragraphLines } from './paragraph';
import { placePicture } from './pictures';
import { BODY, FONT, H, LINE, P, SIZES, W } from './textBlock';
import type { EstimateOptions } from './types';

/** amsmath's multi-row displays: always the full display skips. */
const AMS_ROWS = /^(align|gather|multline|flalign|alignat|xalignat|eqnarray)/;

export function placeBlock(pager: Pager, block: Block, writeup: Writeup, ctx: Context, options: EstimateOptions, tuning: LayoutTuning): void {
  const from = block.range.start.line;
  const to = block.range.end.line;
  const lastLine = pager.lastLine;
  pager.lastLine = undefined;
  const runIn = ctx.runIn;
  ctx.runIn = 0;
  switch (block.type) {
    case 'paragraph': {
      const [size, leading] = block.size === undefined || block.size === 'normalsize' ? [10, BODY] : SIZES[block.size];
      const last = { width: 0 };
      const range = block.origin?.range ?? block.range;
      const file = block.origin?.file;
      // Each footnote goes to the foot of the page holding its mark's line.
      const notes = ctx.footnotesIn(range, file);
      const marks = notes.length > 0 ? { at: ctx.markOffsets(range, notes, block.text.length), lines: [] } : undefined;
      const n = paragraphLines(block.text, range, ctx, (W * tuning.fill) / FONT, size, runIn, file, last, block.inline, marks);
      if (n === 0) {
        for (const note of notes) pager.footnote(footnoteHeight(note, ctx));
        return;
      }
      // Text right after a display (no blank line) goes on with the same paragraph: no \parskip.
      if (block.continuesDisplay !== true) pager.glue(P.parSkip);
      pager.lines(n, leading, 'text', from, to, marks ? notes.map((note, i) => ({ line: Math.min(n, marks.lines[i] ?? n), height: footnoteHeight(note, ctx) })) : undefined);
      pager.lastLine = (last.width * FONT) / tuning.fill;
      return;
    }
    case 'math': {
      const standalone = block.standalone === true;
      if (standalone) pager.glue(P.parSkip, 'math');
      // TeX's short skips: the paragraph's last line ends (plus 2em) before the centred display begins.
      const width = standalone || lastLine === undefined ? undefined : displayMathWidth(block.math.tex, block.math.environment);
      const short = width !== undefined && lastLine !== undefined && lastLine + 20 < (W - width) / 2;
      const skips = short ? P.displayShortSkip.above + P.displayShortSkip.below : P.displaySkip * 2;
      // An equation that opens its paragraph follows an empty line: TeX takes the short skips' glue
      // there too (amsmath's align and friends keep the full skips).
      const shortGlue = short || (standalone && !AMS_ROWS.test(block.math.environment ?? ''));
      pager.shrinkable(shortGlue ? P.shrink.displayShortAbove + P.shrink.displayShortBelow : 2 * P.shrink.display, shortGlue ? P.stretch.displayShortAbove + P.stretch.displayShortBelow : 2 * P.stretch.display);
      const h = skips + heightOfDisplay(block.math) + (standalone ? tuning.standaloneDisplay : 0);
      pager.box(h, 'math', from, 0, standalone ? 2 : 1);
      return;
    }
    case 'list': {
      placeList(pager, block, writeup.format === 'markdown', from, to, ctx);
      return;
    }
    case 'figure': {
      if (writeup.format === 'latex' && block.parts !== undefined) {
        const body = figureBodyHeight(block, ctx.figures(options, tuning));
        pager.float(Math.min(body + captionWithSkip(block.caption, ctx), H), 'figures', placementOf(block.placement), from);
        return;
      }
      const size = options.imageSize?.(block.path);
      const natural = size ? size.width * TEX_UNITS.bp : undefined;
      const width = parseWidth(block.width, natural);
      const aspect = size && size.width > 0 ? size.height / size.width : tuning.defaultAspect;
      const h = Math.min(width * aspect, H) + captionWithSkip(block.caption, ctx);
      pager.float(h, 'figures', placementOf(block.placement), from);
      return;
    }
    case 'table': {
      const rules = 11.5;
      const cap = captionHeight(block.caption, 'Table 1:', ctx.captions.table);
      if (writeup.format === 'markdown') {
        // pandoc sets tables as longtables: in the text, 12pt above and below, rows may break.
        pager.glue(12, 'tables');
        pager.longtable();
        if (cap > 0) pager.box(cap + 4, 'tables', from, 2 * LINE);
        pager.box(rules / 2, 'tables', from);
        pager.lines(Math.max(1, block.rows), LINE, 'tables', from, to);
        pager.box(rules / 2, 'tables', to);
        pager.glue(12, 'tables');
      } else if (block.longtable === true) {
        placeLongtable(pager, block, cap > 0 ? cap + ctx.captions.table.skip : 0, from, to);
      } else {
        // Rows at the table's size (`\small` tables: 10pt rows), with the strut's depth at the rules.
        const [size, leading] = SIZES[block.size ?? 'normalsize'];
        // `\\arraystretch` stretches each row's strut, not the lines a wrapped cell adds.
        const body = ((block.lines ?? block.rows) * leading + block.rows * leading * ((block.stretch ?? 1) - 1) + rules) * tableScale(block, size);
        pager.float(body + cap + (cap > 0 ? ctx.captions.table.skip : 0), 'tables', placementOf(block.placement), from);
      }
      return;
    }
    case 'code': {
      if (block.float === true) {
        pager.float(algorithmHeight(block.lines, block.caption), 'other', placementOf(block.placement, true));
        return;
      }
      pager.glue(P.parSkip + P.topSep, 'other');
      const [size, leading] = SIZES[block.size ?? 'normalsize'];
      pager.lines(Math.max(1, block.lines + wrappedExtra(block.wrapping ?? [], size)), leading, 'other', from, to);
      pager.glue(P.topSep, 'other');
      return;
    }
    case 'environment': {
      if (block.name === 'abstract') return;
      if (block.picture !== undefined) {
        placePicture(pager, block.name, block.picture, from, ctx.estimateNotes);
        return;
      }
      const name = block.name.replace(/\*$/, '');
      const quote = /^(quote|quotation|verse)$/.test(name);
      const measure = quote ? W - 2 * P.listIndent : W;
      const label = /^(proof)$/.test(name) ? 'Proof.' : /^(center|minipage|flushleft|flushright)$/.test(name) ? '' : 'Theorem 1.';
      // Displays inside (a theorem's equation) are set as displays, not as words.
      let text = block.text;
      let displays = 0;
      let count = 0;
      for (const m of ctx.displayMathIn(block.origin?.range ?? block.range, block.origin?.file)) {
        for (const written of [m.tex, stripBraces(m.tex), m.tex.trim(), stripBraces(m.tex).trim()]) {
          if (written !== '' && text.includes(written)) {
            text = text.replace(written, ' ');
            break;
          }
        }
        displays += P.displaySkip * 2 + heightOfDisplay(m) + tuning.standaloneDisplay;
        count++;
      }
      const n = paragraphLines(`${label} ${text}`, block.origin?.range ?? block.range, ctx, (measure * tuning.fill) / FONT, 10, 0, block.origin?.file);
      if (n === 0) return;
      // A theorem-like environment is a trivlist: \topsep above and below, and the \parskip of its
      // paragraph above; amsthm's theorems cancel that \parskip, its proof has a 6pt \topsep.
      const skips = ctx.amsthm.theorems.has(name)
        ? { before: P.topSep, after: P.topSep, shrink: P.shrink.topSep, stretch: P.stretch.topSep }
        : name === 'proof' && ctx.amsthm.proof
          ? // amsthm's proof: \topsep 6pt plus 6pt (no shrink), and \partopsep (1pt minus 0.5pt).
            { before: P.amsthmProofSep + P.parTopSep + P.parSkip, after: P.amsthmProofSep + P.parTopSep, shrink: 0.5, stretch: 6.5 }
          : { before: P.parSkip + P.topSep, after: P.topSep, shrink: P.shrink.topSep, stretch: P.stretch.topSep };
      pager.glue(skips.before, 'text', skips.shrink, skips.stretch);
      pager.lines(n, BODY, 'text', from, to);
      if (displays > 0) {
        pager.shrinkable(2 * P.shrink.display * count, 2 * P.stretch.display * count);
        pager.box(displays, 'math', to);
      }
      pager.glue(skips.after, 'text', skips.shrink, skips.stretch);
      return;
    }
    case 'pagebreak': {
      pager.clearPage(to + 1, block.clear === true);
      return;
    }
    case 'space': {
      pager.space(parseLength(block.length), block.keep === true);
      return;
    }
  }
}

/**
 * A LaTeX `longtable`: `\\LTpre` and `\\LTpost` (`\\bigskipamount`, 12pt) around it, its caption
 * row, then its rows at the table's size, breaking across pages; each later page repeats the
 * rows above `\\endhead`. It resets `\\@colroom` as pandoc's longtables do.
 */
function placeLongtable(pager: Pager, block: Extract<Block, { type: 'table' }>, caption: number, from: number, to: number): void {
  const rows = Math.max(1, block.lines ?? block.rows);
  // `\\arraystretch` stretches each row's strut, not the lines a wrapped cell adds: spread over the lines.
  const leading = (SIZES[block.size ?? 'normalsize'][1] * (rows + block.rows * ((block.stretch ?? 1) - 1))) / rows;
  const rules = 11.5;
  pager.glue(P.parSkip + LT_SKIP, 'tables');
  pager.longtable();
  if (caption > 0) pager.box(caption, 'tables', from, 2 * leading);
  pager.box(rules / 2, 'tables', from);
  const head = block.headRows ?? 0;
  let repeated = 0;
  if (head > 0 && head * 2 < H / leading) {
    // The rows that fit on this page, then a page's worth less the repeated head on each later page.
    let left = rows - Math.max(0, Math.floor((pager.room() - pager.y) / leading));
    while (left > 0) {
      repeated += head;
      left -= Math.floor(H / leading) - head;
    }
  }
  pager.lines(rows + repeated, leading, 'tables', from, to);
  pager.box(rules / 2, 'tables', to);
  pager.glue(LT_SKIP, 'tables');
}

/** longtable's `\\LTpre`/`\\LTpost`: `\\bigskipamount`. */
const LT_SKIP = 12;

/** Fixed-width code: a character is 0.6em (listings' `basewidth`, Courier's advance). */
const CODE_CHAR = 0.6;
/** listings' `breakindent` (and about fvextra's): a wrapped line's continuation is indented this much. */
const BREAK_INDENT = 20;

/**
 * The lines `breaklines` adds: each long line wraps at a space where the measure (less its own
 * indent, and `breakindent` after the first piece) is full, or mid-word when a word is longer.
 */
function wrappedExtra(long: readonly string[], size: number): number {
  const char = CODE_CHAR * size;
  let extra = 0;
  for (const line of long) {
    const expanded = line.replace(/\t/g, '    ');
    const indent = expanded.length - expanded.trimStart().length;
    let room = Math.max(8, Math.floor(W / char) - indent);
    let used = 0;
    for (const word of expanded.trim().split(/ +/)) {
      let w = word.length;
      const need = used === 0 ? w : used + 1 + w;
      if (need <= room) {
        used = need;
        continue;
      }
      if (used > 0) {
        extra++;
        room = Math.max(8, Math.floor((W - BREAK_INDENT) / char) - indent);
      }
      while (w > room) {
        extra++;
        w -= room;
      }
      used = w;
    }
  }
  return extra;
}

/** A figure's caption below it with `\\abovecaptionskip` (part of `\\@makecaption`: no caption, no skip). */
function captionWithSkip(caption: string | undefined, ctx: Context): number {
  const h = captionHeight(caption, 'Figure 1:', ctx.captions.figure);
  return h > 0 ? h + ctx.captions.figure.skip : 0;
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

/**
 * Where a float with the placement `spec` (as the reader found it) may go: `[h]` here, `p` on a
 * page of floats (`tbp` when it names nothing; `algorithm` floats are `htbp`).
 */
function placementOf(spec: string | undefined, algorithm = false): FloatPlacement {
  if (spec === undefined) return { here: algorithm, page: true };
  // `[h]` alone becomes `[ht]` when the float does not fit here (LaTeX warns so): never a page of floats.
  return { here: /[hH]/.test(spec), page: /p/.test(spec) || (!/[tb]/.test(spec) && !/^\s*h\s*!?\s*$/.test(spec)), ...(spec.includes('H') ? { exactly: true } : {}) };
}

/** Pixels as pandoc reads them: at its `--dpi`, 96 by default (`300px` and a bare `300` are 3.125in). */
const PANDOC_PX = 72.27 / 96;

/** Parses a requested Markdown image width (`50%`, `3in`, `8cm`, `300px`, `300`, `0.5\\linewidth`) into points, as pandoc writes it for LaTeX. */
export function parseWidth(spec: string | undefined, natural: number | undefined): number {
  if (spec === undefined || spec.trim() === '') return Math.min(natural ?? W, W);
  const s = spec.trim();
  const percent = /^(\d*\.?\d+)\s*%$/.exec(s);
  if (percent) return (W * Number(percent[1])) / 100;
  if (/^\d*\.?\d+$/.test(s)) return Number(s) * PANDOC_PX;
  return texLength(s.replace(/inch$/, 'in'), { line: W, em: P.fontSize, ex: P.ex, px: PANDOC_PX }) ?? W;
}

function heightOfDisplay(math: MathNode): number {
  return displayMathRowsHeight(math.tex, math.environment).height;
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
 * A list with its nested lists: each item set in its level's measure; `\\topsep` around the list and
 * around each nested list, `\\itemsep` + `\\parsep` between items (pandoc's tight lists drop
 * `\\itemsep`), the skips of the item's own level, or what enumitem sets for that list (`nosep`,
 * `itemsep=`, `leftmargin=`...: a length it sets has no stretch or shrink).
 */
function placeList(pager: Pager, block: ListBlock, tight: boolean, from: number, to: number, ctx: Context): void {
  const range = block.origin?.range ?? block.range;
  const spans = { math: ctx.inlineMathIn(range, block.origin?.file), groups: ctx.citationGroupsIn(range, undefined, block.origin?.file), nextMath: 0, nextCite: 0 };
  const entries: readonly ListEntry[] = block.entries ?? block.items.map((text) => ({ depth: 1, text }));
  const s = P.shrink;
  // The spacing of the list open at each depth: the block's own, a nested list's on its entries.
  const open: (ListSpacing | undefined)[] = [undefined, block.spacing];
  const topSep = (depth: number): { skip: number; shrink: number; stretch: number } => {
    const own = open[depth]?.topSep;
    if (own !== undefined) return { skip: own, shrink: 0, stretch: 0 };
    return depth === 1 ? { skip: P.topSep, shrink: s.topSep, stretch: P.stretch.topSep } : { skip: listLevel(depth).topSep, shrink: s.parSep, stretch: P.stretch.parSep };
  };
  const gap = (depth: number): number => (open[depth]?.parSep ?? listLevel(depth).parSep) + (tight ? 0 : (open[depth]?.itemSep ?? listLevel(depth).itemSep));
  const gapSet = (depth: number): boolean => open[depth]?.parSep !== undefined && (tight || open[depth]?.itemSep !== undefined);
  const margin = (depth: number): number => {
    const own = open[depth];
    if (own?.leftMargin !== undefined) return own.leftMargin;
    if (own?.widestLabel !== undefined) return textWidth(own.widestLabel.text, own.widestLabel.bold === true ? 'bold' : 'regular') * P.fontSize + 0.5 * P.fontSize;
    return listLevel(depth).indent;
  };
  const first = topSep(1);
  pager.glue(P.parSkip + first.skip, 'lists', first.shrink, first.stretch);
  let previous = 1;
  let indent = margin(1);
  const indents = [0, indent];
  entries.forEach((entry, i) => {
    const depth = Math.max(1, entry.depth);
    if (depth > previous) {
      for (let d = previous + 1; d <= depth; d++) {
        open[d] = d === depth ? entry.spacing : undefined;
        indents[d] = (indents[d - 1] ?? 0) + margin(d);
      }
    }
    indent = indents[depth] ?? listIndent(depth);
    if (i > 0) {
      // A nested list opens with its \topsep; where it closes, its \topsep and the next \itemsep merge (\addvspace).
      if (depth > previous) {
        const t = topSep(depth);
        pager.glue(t.skip, 'lists', t.shrink, t.stretch);
      } else {
        const item = depth === 1 && !tight ? { shrink: s.itemGap, stretch: P.stretch.itemGap } : { shrink: s.parSep, stretch: P.stretch.parSep };
        const glue = gapSet(depth) ? { shrink: 0, stretch: 0 } : item;
        const skip = depth < previous ? Math.max(topSep(previous).skip, gap(depth)) : gap(depth);
        pager.glue(skip, 'lists', glue.shrink, glue.stretch);
      }
    }
    // A measure of at least a quarter of the line, however deep the margins (enumitem's may be anything).
    const n = Math.max(1, itemLines(entry.text, spans, ctx, Math.max(W / 4, W - indent) / FONT));
    const span = Math.max(0, to - from);
    const at = from + Math.floor((span * i) / Math.max(1, entries.length));
    pager.lines(n, BODY, 'lists', at, at);
    // Paragraphs inside the item: \\parsep before each; a `center` inside it: the list's \\topsep above and below.
    const inner = (entry.paragraphs ?? 0) * (open[depth]?.parSep ?? listLevel(depth).parSep) + (entry.displays ?? 0) * 2 * topSep(depth).skip;
    if (inner > 0) pager.glue(inner, 'lists', (entry.displays ?? 0) * 2 * topSep(depth).shrink, (entry.displays ?? 0) * 2 * topSep(depth).stretch);
    previous = depth;
  });
  const last = topSep(1);
  pager.glue(last.skip, 'lists', last.shrink, last.stretch);
}

/** Height of an `algorithm` float: its ruled frame, caption ("Algorithm 1: ...") and one line a step. */
export function algorithmHeight(steps: number, caption: string | undefined): number {
  const a = P.algorithm;
  const captionLines = Math.max(1, countTextLines(`Algorithm 1 ${caption ?? ''}`, W));
  return a.frame + captionLines * LINE + 2 * a.stepsSep + Math.max(1, steps) * LINE;
}
