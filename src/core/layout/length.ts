import { NEURIPS } from './neurips';

/** Points per unit of a TeX length (1in = 72.27pt; `em` and `ex` of the 10pt text font). */
const UNITS: Readonly<Record<string, number>> = {
  pt: 1,
  bp: 72.27 / 72,
  px: 72.27 / 72,
  in: 72.27,
  cm: 72.27 / 2.54,
  mm: 72.27 / 25.4,
  pc: 12,
  dd: 1238 / 1157,
  cc: (12 * 1238) / 1157,
  sp: 1 / 65536,
  em: NEURIPS.fontSize,
  ex: NEURIPS.ex,
};

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

const LENGTH = /^([+-]?)(\d*\.?\d*)(?:([a-z]{2})|\\([A-Za-z@]+))$/;

/**
 * A TeX length as written in `\vspace{...}` or `\vskip` (`-1cm`, `0.5\baselineskip`, `\medskipamount`,
 * `2ex plus 1pt`) in points; its stretch and shrink are left out. 0 for what it cannot read (`\fill`).
 */
export function parseLength(spec: string): number {
  const natural = spec.replace(/\s+/g, '').replace(/(plus|minus).*$/, '');
  const m = LENGTH.exec(natural);
  if (!m) return 0;
  const factor = m[2] === '' || m[2] === undefined ? 1 : Number(m[2]);
  return lengthIn((m[1] === '-' ? -1 : 1) * factor, m[3] ?? `\\${m[4] ?? ''}`);
}

/** `value` of a unit (`pt`, `cm`, `em`) or of a length register (`\\baselineskip`) in points; 0 for what it cannot read. */
export function lengthIn(value: number, unit: string): number {
  const size = unit.startsWith('\\') ? REGISTERS[unit.slice(1)] : UNITS[unit];
  if (size === undefined || !Number.isFinite(value)) return 0;
  // A space larger than a page is a page at most.
  return Math.max(-NEURIPS.textHeight, Math.min(NEURIPS.textHeight, value * size));
}
