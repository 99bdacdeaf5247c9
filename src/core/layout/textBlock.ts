/**
 * The page of the estimate under way: the style's constants, the text block of the writeup's
 * template profile (set by `useTextBlock` when an estimate starts) and the size switches.
 */
import type { FontSize } from '../model';
import { NEURIPS, type PageStyle } from './neurips';

/** The style's constants: skips, fonts and float parameters (the profile's, set by `useTextBlock`). */
export let P: PageStyle = NEURIPS;

/**
 * The text block of the writeup being estimated (its template profile): set by `useTextBlock` at
 * the start of `estimatePages`, which runs to completion before another estimate starts.
 */
export let W: number = P.textWidth;
export let H: number = P.textHeight;

/** Body font width relative to Times: text is broken in a measure this much narrower. */
export let FONT = 1;

/** The style's baseline skip at `\normalsize`: captions, and tables and algorithms in floats (a float resets the size). */
export let LINE: number = P.baselineSkip;

/**
 * The leading of body text at `\normalsize` under the writeup's template: `LINE`, or the article
 * class's 12pt where a 2018-2021 submission loads lineno first (see `profile.ts`).
 */
export let BODY: number = LINE;

/**
 * Sets the text block (pt), the body font's width relative to Times, the body's leading and the
 * style's constants and sizes (the template profile's) for the estimate starting now.
 */
export function useTextBlock(
  width: number,
  height: number,
  fontWidth: number,
  leading?: number,
  style: PageStyle = NEURIPS,
  sizes: 'neurips' | 'article' = 'neurips',
): void {
  W = width;
  H = height;
  FONT = fontWidth;
  P = style;
  LINE = style.baselineSkip;
  BODY = leading ?? LINE;
  SIZES = sizes === 'article' ? ARTICLE_SIZES : NEURIPS_SIZES;
}

/** Font size and leading of LaTeX's size switches in the NeurIPS style (it redefines them all). */
const NEURIPS_SIZES: Readonly<Record<FontSize, readonly [number, number]>> = {
  tiny: [5, 6],
  scriptsize: [7, 8],
  footnotesize: [9, 10],
  small: [9, 10],
  normalsize: [10, 10.95],
  large: [12, 14],
  Large: [14.4, 16],
  LARGE: [17.28, 20],
  huge: [20.74, 23],
  Huge: [24.88, 28],
};

/** The article class's sizes at 10pt (a template that leaves them alone). */
const ARTICLE_SIZES: Readonly<Record<FontSize, readonly [number, number]>> = {
  tiny: [5, 6],
  scriptsize: [7, 8],
  footnotesize: [8, 9.5],
  small: [9, 11],
  normalsize: [10, 12],
  large: [12, 14],
  Large: [14.4, 18],
  LARGE: [17.28, 22],
  huge: [20.74, 25],
  Huge: [24.88, 30],
};

/** The size switches of the estimate under way. */
export let SIZES: Readonly<Record<FontSize, readonly [number, number]>> = NEURIPS_SIZES;
