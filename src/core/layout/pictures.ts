/*
 * Pictures drawn in TeX outside a float (TikZ, forest): their height from the drawing itself
 * where it is simple, so the estimate need not guess a quarter of a page.
 */
import { parseLength } from './length';
import type { Pager } from './pager';
import type { EnvironmentBlock } from '../model';
import { H, P } from './textBlock';

/** TikZ's default unit: 1cm along x and y. */
const CM = 72.27 / 2.54;
/** A one-line TikZ node: text height and depth plus `inner sep` (0.3333em) above and below. */
const NODE = 9 + 2 * 3.33;
/** The line width (0.4pt) sticks out of the bounding box by half on each side. */
const LINE_WIDTH = 0.4;
/** forest: distance between the levels of a tree of one-line nodes (measured on pdflatex). */
const FOREST_LEVEL = 26.9;
/**
 * What a drawing does that this reading cannot size: relative and polar coordinates, loops, plots,
 * trees of `child`, matrices, pics, `calc`, arcs and curves, plots of data, nodes placed above or below others.
 */
const NOT_SIMPLE = /\+\+?\s*\(|\\foreach|\bplot\b|\bchild\b|\\matrix|\\pic\b|\(\s*\$|\(\s*[-\d.]+\s*:|\barc\b|\bcontrols\b|\\includegraphics|\\begin\{axis\}|\b(?:above|below)(?:\s+(?:left|right))?\s*=|\b(?:above|below) of\b/;

/**
 * Height in points of a picture environment from its source (`\begin{tikzpicture}` to its
 * `\end`), or undefined when the drawing is not simple enough to size: a TikZ picture's bounding
 * box from its absolute coordinates (`scale=`, `yscale=` and `y=` applied; circles and ellipses
 * by their radius; nodes a text line tall), a forest tree from its depth.
 */
export function pictureHeight(source: string, name: string): number | undefined {
  if (name === 'forest') return forestHeight(source);
  if (name !== 'tikzpicture') return undefined;
  const open = /^\\begin\{tikzpicture\}\s*(?:\[([^\]]*)\])?/.exec(source);
  if (open === null) return undefined;
  const body = source.slice(open[0].length).replace(/\\end\{tikzpicture\}\s*$/, '').replace(/(^|[^\\])%.*$/gm, '$1');
  if (NOT_SIMPLE.test(body)) return undefined;
  const unit = yUnit(open[1] ?? '');
  let low = Infinity;
  let high = -Infinity;
  const extend = (y0: number, y1: number): void => {
    low = Math.min(low, y0);
    high = Math.max(high, y1);
  };
  for (const command of body.split(';')) {
    // A node sits centred on its coordinate (`at (x,y)`, or where the path stands), one text line tall.
    let last: number | undefined;
    const nodes = /\bnode\b|\\node\b|\\coordinate\b/.test(command);
    for (const m of command.matchAll(/\(\s*([-+]?[\d.]+)\s*([a-z]{2})?\s*,\s*([-+]?[\d.]+)\s*([a-z]{2})?\s*\)|\b(circle|ellipse)\s*(?:\[[^\]]*?radius\s*=\s*([\d.]+)\s*([a-z]{2})?[^\]]*\]|\(\s*([\d.]+)\s*([a-z]{2})?\s*(?:and\s*([\d.]+)\s*([a-z]{2})?\s*)?\))/g)) {
      if (m[5] !== undefined) {
        // circle (r), circle [radius=r], ellipse (a and b): around the last point.
        if (last === undefined) continue;
        const r = lengthOf(m[10] ?? m[8] ?? m[6] ?? '0', m[11] ?? m[9] ?? m[7], unit);
        extend(last - r, last + r);
        continue;
      }
      last = lengthOf(m[3] ?? '0', m[4], unit);
      extend(last, last);
    }
    if (nodes) {
      const at = last ?? (/\\node\b/.test(command) ? 0 : undefined);
      if (at !== undefined && /\{[^}]*\S[^}]*\}\s*$/.test(command.trim())) extend(at - NODE / 2, at + NODE / 2);
      else if (at !== undefined) extend(at, at);
    }
  }
  if (!Number.isFinite(low) || !Number.isFinite(high)) return undefined;
  return high - low + LINE_WIDTH;
}

/** Points per unit of y in a TikZ picture's options (`scale=`, `yscale=`, `y=`). */
function yUnit(options: string): number {
  let unit = CM;
  const y = /(?:^|,)\s*y\s*=\s*([^,]+)/.exec(options);
  if (y) unit = /^[\d.]+$/.test((y[1] ?? '').trim()) ? CM * Number(y[1]) : parseLength(y[1] ?? '') || CM;
  const scale = /(?:^|,)\s*scale\s*=\s*([\d.]+)/.exec(options);
  const yscale = /(?:^|,)\s*yscale\s*=\s*([\d.]+)/.exec(options);
  return unit * (scale ? Number(scale[1]) || 1 : 1) * (yscale ? Number(yscale[1]) || 1 : 1);
}

/** A coordinate in points: a bare number is in the picture's unit, a dimension as written. */
function lengthOf(value: string, dimension: string | undefined, unit: number): number {
  const v = Number(value);
  if (!Number.isFinite(v)) return 0;
  return dimension === undefined ? v * unit : parseLength(`${value}${dimension}`);
}

/** A forest tree growing down: its levels (the depth of its brackets, outside braces), one node tall each. */
function forestHeight(source: string): number | undefined {
  let depth = 0;
  let deepest = 0;
  let braces = 0;
  const body = source.replace(/^\\begin\{forest\}/, '').replace(/(^|[^\\])%.*$/gm, '$1');
  // A tree growing sideways is as tall as its widest level: not read here.
  if (/\bgrow'?\s*=\s*(?!\s*(?:south|270|-90)\b)/.test(body)) return undefined;
  for (const c of body) {
    if (c === '{') braces++;
    else if (c === '}') braces = Math.max(0, braces - 1);
    else if (braces > 0) continue;
    else if (c === '[') deepest = Math.max(deepest, ++depth);
    else if (c === ']') depth = Math.max(0, depth - 1);
  }
  if (deepest === 0) return undefined;
  return (deepest - 1) * FOREST_LEVEL + NODE;
}

/**
 * A picture outside a float, starting on line `from`, as the reader found it (its source from
 * `\begin` to `\end`): in a `center` environment (a trivlist: `\topsep` and `\partopsep` above
 * and below, the lines around it a `\lineskip` apart from it) or a paragraph of its own. A drawing
 * it cannot size counts as a quarter of a page, said in `notes`.
 */
export function placePicture(pager: Pager, name: string, picture: EnvironmentBlock['picture'], from: number, notes: string[]): void {
  const height = picture === undefined ? undefined : pictureHeight(picture.source, name);
  if (height === undefined) {
    notes.push(`a ${name} outside a figure on line ${from + 1} is counted as a quarter of a page`);
    pager.glue(P.parSkip);
    pager.box(0.25 * H, 'figures', from);
    return;
  }
  const list = picture?.centred === true ? P.topSep + P.parTopSep : 0;
  // The line above ends its depth (about 2pt) plus \lineskip (1pt) above the picture's top.
  pager.glue(P.parSkip + list + 3, 'figures');
  pager.box(height, 'figures', from);
  pager.glue(list, 'figures');
}
