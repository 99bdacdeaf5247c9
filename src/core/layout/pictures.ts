/*
 * Pictures drawn in TeX outside a float (TikZ, forest): their height from the drawing itself
 * where it is simple, so the estimate need not guess a quarter of a page.
 */
import { TEX_UNITS } from '../text/texLength';
import { lengthIn, parseLength } from './length';
import type { Pager } from './pager';
import type { Picture, PictureLength, TikzDrawing } from '../model';
import { H, P } from './textBlock';

/** TikZ's default unit: 1cm along x and y. */
const CM = TEX_UNITS.cm;
/** A one-line TikZ node: text height and depth plus `inner sep` (0.3333em) above and below. */
const NODE = 9 + 2 * 3.33;
/** The line width (0.4pt) sticks out of the bounding box by half on each side. */
const LINE_WIDTH = 0.4;
/** forest: distance between the levels of a tree of one-line nodes (measured on pdflatex). */
const FOREST_LEVEL = 26.9;

/**
 * Height in points of a picture as the reader read it, or undefined when the drawing is not simple
 * enough to size: a TikZ picture's bounding box from the y its paths reach (circles and ellipses by
 * their radius; nodes a text line tall), a forest tree from its levels.
 */
export function pictureHeight(picture: Picture): number | undefined {
  if (picture.levels !== undefined) return (picture.levels - 1) * FOREST_LEVEL + NODE;
  const tikz = picture.tikz;
  if (tikz === undefined) return undefined;
  const unit = yUnit(tikz);
  let low = Infinity;
  let high = -Infinity;
  for (const mark of tikz.marks) {
    const y = pointsOf(mark.y, unit);
    const reach = mark.radius !== undefined ? pointsOf(mark.radius, unit) : mark.text === true ? NODE / 2 : 0;
    low = Math.min(low, y - reach);
    high = Math.max(high, y + reach);
  }
  if (!Number.isFinite(low) || !Number.isFinite(high)) return undefined;
  return high - low + LINE_WIDTH;
}

/** Points per unit of y in a TikZ picture (`y=`, then `scale=` and `yscale=`). */
function yUnit(tikz: TikzDrawing): number {
  const y = tikz.yUnit;
  const unit = y === undefined ? CM : typeof y === 'number' ? CM * y : parseLength(y) || CM;
  return unit * tikz.scale * tikz.yscale;
}

/** A coordinate in points: a bare number is in the picture's unit, a dimension as written. */
function pointsOf(length: PictureLength, unit: number): number {
  return length.unit === undefined ? length.value * unit : lengthIn(length.value, length.unit);
}

/**
 * A picture outside a float, starting on line `from`, as the reader read it: in a `center` environment (a trivlist: `\topsep` and `\partopsep` above
 * and below, the lines around it a `\lineskip` apart from it) or a paragraph of its own. A drawing
 * it cannot size counts as a quarter of a page, said in `notes`.
 */
export function placePicture(pager: Pager, name: string, picture: Picture, from: number, notes: string[]): void {
  const height = pictureHeight(picture);
  if (height === undefined) {
    notes.push(`a ${name} outside a figure on line ${from + 1} is counted as a quarter of a page`);
    pager.glue(P.parSkip);
    pager.box(0.25 * H, 'figures', from);
    return;
  }
  const list = picture.centred ? P.topSep + P.parTopSep : 0;
  // The line above ends its depth (about 2pt) plus \lineskip (1pt) above the picture's top.
  pager.glue(P.parSkip + list + 3, 'figures');
  pager.box(height, 'figures', from);
  pager.glue(list, 'figures');
}
