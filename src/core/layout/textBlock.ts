/**
 * The page of the estimate under way: the style's constants, the text block of the writeup's
 * template profile (set by `useTextBlock` when an estimate starts) and the size switches.
 */
import type { FontSize } from '../model';
import { NEURIPS } from './neurips';

/** The style's constants: skips, fonts and float parameters. */
export const P = NEURIPS;

/**
 * The text block of the writeup being estimated (its template profile): set by `useTextBlock` at
 * the start of `estimatePages`, which runs to completion before another estimate starts.
 */
export let W: number = P.textWidth;
export let H: number = P.textHeight;

/** Body font width relative to Times: text is broken in a measure this much narrower. */
export let FONT = 1;

/** The style's baseline skip at `\normalsize`: captions, and tables and algorithms in floats (a float resets the size). */
export const LINE = P.baselineSkip;

/**
 * The leading of body text at `\normalsize` under the writeup's template: `LINE`, or the article
 * class's 12pt where a 2018-2021 submission loads lineno first (see `profile.ts`).
 */
export let BODY: number = LINE;

/** Sets the text block (pt), the body font's width relative to Times and the body's leading for the estimate starting now. */
export function useTextBlock(width: number, height: number, fontWidth: number, leading: number = LINE): void {
  W = width;
  H = height;
  FONT = fontWidth;
  BODY = leading;
}

/** How much of the style's shrinkable glue pages use on average (calibrated). */
export const SHRINK = 0.25;

/** Font size and leading of LaTeX's size switches in the NeurIPS style (it redefines them all). */
export const SIZES: Readonly<Record<FontSize, readonly [number, number]>> = {
  tiny: [5, 6],
  scriptsize: [7, 8],
  footnotesize: [9, 10],
  small: [9, 10],
  normalsize: [10, 11],
  large: [12, 14],
  Large: [14.4, 16],
  LARGE: [17.28, 20],
  huge: [20.74, 23],
  Huge: [24.88, 28],
};
