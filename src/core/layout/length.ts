import { texLength, type LengthFrame } from '../text/texLength';
import { NEURIPS } from './neurips';

/** Lengths of the NeurIPS page a writeup may name in a `\vspace` (natural sizes, in points). */
const REGISTERS: Readonly<Record<string, number>> = {
  baselineskip: NEURIPS.baselineSkip,
  normalbaselineskip: NEURIPS.baselineSkip,
  parskip: NEURIPS.parSkip,
  smallskipamount: 3,
  medskipamount: 6,
  bigskipamount: 12,
  topsep: NEURIPS.topSep,
  itemsep: NEURIPS.itemSep,
  parsep: NEURIPS.parSep,
  abovedisplayskip: NEURIPS.displaySkip,
  belowdisplayskip: NEURIPS.displaySkip,
  floatsep: NEURIPS.floatSep,
  textfloatsep: NEURIPS.textFloatSep,
  intextsep: NEURIPS.inTextSep,
  abovecaptionskip: NEURIPS.captionSkip,
  textheight: NEURIPS.textHeight,
  textwidth: NEURIPS.textWidth,
  linewidth: NEURIPS.textWidth,
  columnwidth: NEURIPS.textWidth,
  fill: 0,
  stretch: 0,
};

/** A `\\vspace` is measured in the body font, against the NeurIPS page's registers. */
const FRAME: LengthFrame = { em: NEURIPS.fontSize, ex: NEURIPS.ex, registers: REGISTERS };

/**
 * A TeX length as written in `\vspace{...}` or `\vskip` (`-1cm`, `0.5\baselineskip`, `\medskipamount`,
 * `2ex plus 1pt`) in points; its stretch and shrink are left out. 0 for what it cannot read (`\fill`).
 */
export function parseLength(spec: string): number {
  return clamp(texLength(spec, FRAME) ?? 0);
}

/** `value` of a unit (`pt`, `cm`, `em`) or of a length register (`\\baselineskip`) in points; 0 for what it cannot read. */
export function lengthIn(value: number, unit: string): number {
  const size = texLength(unit.startsWith('\\') ? unit : `1${unit}`, FRAME);
  return size === undefined || !Number.isFinite(value) ? 0 : clamp(value * size);
}

/** A space larger than a page is a page at most. */
function clamp(pt: number): number {
  return Math.max(-NEURIPS.textHeight, Math.min(NEURIPS.textHeight, pt));
}
