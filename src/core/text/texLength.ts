/*
 * TeX lengths (`-1cm`, `0.48\linewidth`, `2ex plus 1pt`, `\medskipamount`) in points: the one
 * reading of a length that the LaTeX reader (column widths), the page model (images, boxes,
 * `\vspace`, geometry) and Markdown figure widths share. 1in = 72.27pt, TeX's own point.
 */

/**
 * Points per unit of a TeX length, TeX's own table (The TeXbook, ch. 10). `px` is pdfTeX's
 * `\pdfpxdimen`, which TeX Live leaves at the engine's default of 1bp (72 dpi): pdfTeX
 * 3.141592653-2.6-1.40.24 (TeX Live 2022) here prints `\the\pdfpxdimen` as 1.00375pt and `1px` as
 * 1.00375pt. `em` and `ex` belong to the font in use and are given by the caller.
 */
export const TEX_UNITS = {
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
} as const;

/** Points per unit, looked up by a unit's name as written. */
const UNITS: Readonly<Record<string, number>> = TEX_UNITS;

/** What a length is measured against where it stands. */
export interface LengthFrame {
  /** `\linewidth`, `\textwidth`, `\columnwidth` and `\hsize` (a minipage sets all four to its own width). */
  readonly line?: number;
  /** `1em` and `1ex` of the font in use (pt). */
  readonly em: number;
  readonly ex: number;
  /** Other registers the caller knows (`baselineskip`, `textheight`...), in points, by name without the backslash. */
  readonly registers?: Readonly<Record<string, number>>;
  /** The size of `px` when it is not pdfTeX's (pandoc reads `px` at its `--dpi`, 96 by default). */
  readonly px?: number;
}

/** Registers every frame knows: LaTeX's `\p@` (1pt) and `\z@` (0pt). */
const BASE: Readonly<Record<string, number>> = { 'p@': 1, 'z@': 0 };

/** Signs, a decimal (TeX takes `,` as well as `.`), a unit or a register, then any stretch and shrink. */
const LENGTH = /^((?:[+-]\s*)*)(\d*(?:[.,]\d*)?)\s*(?:(?:true)?([A-Za-z]{2})(?=$|[^A-Za-z]|plus|minus)|\\([A-Za-z@]+))\s*(?:(?:plus|minus).*)?$/s;

/**
 * `spec` in points, its stretch and shrink left out; undefined when it is not a length this
 * frame can size (an unknown register, `\fill`, an expression).
 */
export function texLength(spec: string, frame: LengthFrame): number | undefined {
  const m = LENGTH.exec(spec.trim());
  if (!m) return undefined;
  const negative = ((m[1] ?? '').match(/-/g) ?? []).length % 2 === 1;
  const digits = (m[2] ?? '').replace(',', '.');
  if (m[3] !== undefined && (digits === '' || digits === '.')) return undefined;
  const factor = digits === '' || digits === '.' ? 1 : Number(digits);
  const size = m[3] !== undefined ? unitSize(m[3].toLowerCase(), frame) : registerSize(m[4] ?? '', frame);
  if (size === undefined || !Number.isFinite(factor)) return undefined;
  const value = (negative ? -1 : 1) * factor * size;
  return Number.isFinite(value) ? value : undefined;
}

function unitSize(unit: string, frame: LengthFrame): number | undefined {
  if (unit === 'em') return frame.em;
  if (unit === 'ex') return frame.ex;
  if (unit === 'px' && frame.px !== undefined) return frame.px;
  return UNITS[unit];
}

function registerSize(name: string, frame: LengthFrame): number | undefined {
  if (frame.line !== undefined && /^(linewidth|textwidth|columnwidth|hsize)$/.test(name)) return frame.line;
  return frame.registers?.[name] ?? BASE[name];
}
