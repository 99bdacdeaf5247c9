import type { FigureBlock, FigurePart } from '../model';
import { keyValues } from '../text/keyValues';
import { TEX_UNITS, texLength } from '../text/texLength';
import { countTextLines } from './lineBreak';
import { NEURIPS } from './neurips';
import { LETTER_PAPER } from './profile';
import type { ImageSize } from './types';

/*
 * The height of a LaTeX figure float: rows of boxes. Each part (a subfigure or minipage of width
 * w, or a bare image) holds its own images sized relative to w (`\linewidth` and `\textwidth`
 * inside a minipage are the minipage's width) and its own caption; parts sit side by side while they fit in the text
 * width, and a `\\`, `\par` or blank line starts a new row. Image sizes follow graphicx: `width=`,
 * `height=`, `scale=`, `keepaspectratio`, `angle=90`, `\resizebox`/`\scalebox`, else the natural
 * size (the host reads it: PNG/JPEG resolution, PDF page box, EPS bounding box).
 */

/** What sizing a figure needs from the page and the host. */
export interface FigureContext {
  /** Text width and height of the page (pt). */
  readonly width: number;
  readonly height: number;
  readonly baselineSkip: number;
  readonly captionSkip: number;
  /** Natural size of an image path (relative to the writeup) in bp, or undefined. */
  readonly imageSize: ((path: string) => ImageSize | undefined) | undefined;
  readonly graphicsPath: readonly string[];
  /** Height/width of an image whose size is unknown. */
  readonly defaultAspect: number;
  /** `\setkeys{Gin}{width=\maxwidth,...}` (pandoc's LaTeX): an image wider than the line is set at the line's width. */
  readonly capNatural: boolean;
  /** Where the estimate collects what it could not size. */
  readonly notes: string[];
}

/** What pdflatex tries, in order, for an image named without an extension (graphicx + epstopdf). */
const EXTENSIONS = ['.pdf', '.png', '.jpg', '.mps', '.jpeg', '.PDF', '.PNG', '.JPG', '.JPEG', '.eps'];
const HAS_EXTENSION = /\.(pdf|png|jpe?g|eps|ps|mps|jbig2|jb2)$/i;

/** The natural size of an image as graphicx finds it: as written, then in each `\graphicspath` folder, trying the extensions. */
export function findImage(path: string, ctx: Pick<FigureContext, 'imageSize' | 'graphicsPath'>): ImageSize | undefined {
  if (!ctx.imageSize || path === '') return undefined;
  const names = HAS_EXTENSION.test(path) ? [path] : EXTENSIONS.map((e) => path + e).concat(path);
  const dirs = ['', ...ctx.graphicsPath.map((d) => (d.endsWith('/') ? d : `${d}/`))];
  for (const dir of dirs) {
    for (const name of names) {
      const size = ctx.imageSize(dir + name);
      if (size && size.width > 0 && size.height > 0) return size;
    }
  }
  return undefined;
}

/** `\\paperwidth` and `\\paperheight`: the NeurIPS paper, US letter. */
const PAPER = { paperwidth: LETTER_PAPER[0], paperheight: LETTER_PAPER[1] };

/**
 * A length as written for an image or a box (`0.48\\linewidth`, `.5\\textwidth`, `6cm`, `3in`,
 * `0.3\\textheight`) in points, `\\linewidth` and `\\textwidth` being `line` (the box's width inside
 * a minipage); undefined when it cannot be read.
 */
export function boxLength(spec: string | undefined, line: number, ctx: Pick<FigureContext, 'width' | 'height'>): number | undefined {
  if (spec === undefined) return undefined;
  return texLength(spec, { line, em: NEURIPS.fontSize, ex: NEURIPS.ex, registers: { ...PAPER, textheight: ctx.height } });
}

/** `key=value` options of `\includegraphics` (a key alone is `true`). */
function optionsOf(spec: string | undefined): Map<string, string> {
  return new Map((spec === undefined ? [] : keyValues(spec)).map(([key, value]) => [key, value ?? 'true']));
}

interface Box {
  readonly width: number;
  readonly height: number;
}

/** The size of one image in a line `line` wide. */
export function imageBox(part: FigurePart, line: number, ctx: FigureContext): Box {
  const o = optionsOf(part.options);
  const found = findImage(part.path, ctx);
  if (!found && part.path !== '') ctx.notes.push(`image not found or not readable: ${part.path} (sized as ${ctx.defaultAspect} of its width)`);
  let nw = found ? found.width * TEX_UNITS.bp : undefined;
  let nh = found ? found.height * TEX_UNITS.bp : undefined;
  const angle = Number(o.get('angle') ?? 0);
  if (nw !== undefined && nh !== undefined && Math.abs(Math.abs(angle) % 180 - 90) < 1) [nw, nh] = [nh, nw];
  const aspect = nw !== undefined && nh !== undefined && nw > 0 ? nh / nw : ctx.defaultAspect;
  let w = boxLength(o.get('width'), line, ctx);
  let h = boxLength(o.get('height') ?? o.get('totalheight'), line, ctx);
  const scale = Number(o.get('scale'));
  if (w !== undefined && h !== undefined) {
    if (o.has('keepaspectratio')) {
      // The largest size inside w x h that keeps the ratio.
      if (h / w > aspect) h = w * aspect;
      else w = h / aspect;
    }
  } else if (w !== undefined) h = w * aspect;
  else if (h !== undefined) w = h / aspect;
  else if (Number.isFinite(scale) && scale > 0 && nw !== undefined) {
    w = nw * scale;
    h = w * aspect;
  } else {
    w = nw ?? line;
    h = w * aspect;
    if (ctx.capNatural && w > line) {
      w = line;
      h = w * aspect;
    }
    if (ctx.capNatural && h > ctx.height) {
      h = ctx.height;
      w = h / aspect;
    }
  }
  const r = part.resize;
  if (r) {
    if (r.scale !== undefined) {
      w *= r.scale;
      h *= r.scale;
    } else {
      const rw = r.width === '!' ? undefined : boxLength(r.width, line, ctx);
      const rh = r.height === '!' ? undefined : boxLength(r.height, line, ctx);
      if (rw !== undefined && rh !== undefined) [w, h] = [rw, rh];
      else if (rw !== undefined) [w, h] = [rw, (rw * h) / Math.max(w, 1e-6)];
      else if (rh !== undefined) [w, h] = [(rh * w) / Math.max(h, 1e-6), rh];
    }
  }
  return { width: w, height: h };
}

/** Lines `width` wide the items take when set side by side while they fit; each row as tall as its tallest item. */
function rows(items: readonly (Box & { newRow: boolean })[], width: number, gap: number): number {
  let total = 0;
  let rowWidth = 0;
  let rowHeight = 0;
  let n = 0;
  for (const item of items) {
    if (n > 0 && (item.newRow || rowWidth + item.width > width + 2)) {
      total += rowHeight + gap;
      rowWidth = 0;
      rowHeight = 0;
      n = 0;
    }
    // The spaces between the boxes shrink (or the line comes out a little overfull): boxes that add up to the width share a row.
    rowWidth += item.width;
    rowHeight = Math.max(rowHeight, item.height);
    n++;
  }
  return total + rowHeight;
}

/** Height of the figure's body (its images in rows of boxes with their subcaptions), without its own caption. */
export function figureBodyHeight(block: FigureBlock, ctx: FigureContext): number {
  const parts = block.parts ?? [{ path: block.path, ...(block.width !== undefined ? { options: `width=${block.width}` } : {}) }];
  const W = ctx.width;
  const items: (Box & { newRow: boolean })[] = [];
  let i = 0;
  while (i < parts.length) {
    const part = parts[i] as FigurePart;
    // A caption of the figure's own between its images: a row of its own, with \\abovecaptionskip.
    if (part.captionBefore !== undefined) items.push({ width: W, height: countTextLines(`Figure 1: ${part.captionBefore}`, W) * ctx.baselineSkip + ctx.captionSkip, newRow: true });
    if (part.box === undefined) {
      items.push({ ...imageBox(part, W, ctx), newRow: part.newRow === true });
      i++;
      continue;
    }
    // A box: its images sized in its width, in rows, then its caption.
    const box = part.box;
    const declared = boxLength(part.boxWidth, W, ctx);
    const inner: (Box & { newRow: boolean })[] = [];
    const line = declared ?? W;
    while (i < parts.length && (parts[i] as FigurePart).box === box) {
      inner.push({ ...imageBox(parts[i] as FigurePart, line, ctx), newRow: false });
      i++;
    }
    const width = declared ?? Math.max(...inner.map((b) => b.width));
    // A subcaption, even an empty one ("(a)"), is a line or more below its box.
    const caption = part.caption !== undefined ? countTextLines(`(a) ${part.caption}`, width) * ctx.baselineSkip + 4 : 0;
    items.push({ width, height: rows(inner, width, 1) + caption, newRow: part.newRow === true });
  }
  return Math.min(rows(items, W, 2), ctx.height);
}
