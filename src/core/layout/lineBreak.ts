import { SPACE, textWidth } from './fonts';

/** A word (or unbreakable run) to set, with its width in points. */
export interface Word {
  readonly width: number;
  /** Characters, for hyphenation: words of 7 or more may break. */
  readonly chars: number;
}

const HYPHEN = 0.333;

/**
 * Counts the lines greedy line breaking needs to set `words` in a measure of `measure` points at
 * `size` points: interword spaces may shrink as TeX's do, and long words hyphenate when at least
 * three characters fit on the line (TeX's \sloppy layout rarely leaves more slack than that).
 */
export function countLines(words: readonly Word[], measure: number, size = 10, firstIndent = 0): number {
  if (words.length === 0) return 0;
  const space = SPACE.width * size;
  const shrink = SPACE.shrink * size;
  let lines = 1;
  let used = firstIndent;
  let spaces = 0;
  for (const word of words) {
    let w = word.width;
    if (used === 0) {
      while (w > measure) {
        lines++;
        w -= measure;
      }
      used = w;
      spaces = 0;
      continue;
    }
    if (used + space + w - shrink * (spaces + 1) <= measure) {
      used += space + w;
      spaces++;
      continue;
    }
    const room = measure - used - space + shrink * (spaces + 1) - HYPHEN * size;
    const perChar = w / Math.max(1, word.chars);
    if (word.chars >= 7 && room >= 3 * perChar && w - room >= 3 * perChar) {
      w -= room;
    }
    lines++;
    while (w > measure) {
      lines++;
      w -= measure;
    }
    used = w;
    spaces = 0;
  }
  return lines;
}

const WORD = /\S+/g;

/** Splits plain text into words measured in `face` at `size` points. */
export function wordsOf(text: string, size = 10, face: 'regular' | 'bold' | 'italic' = 'regular'): Word[] {
  const out: Word[] = [];
  for (const m of text.matchAll(WORD)) out.push({ width: textWidth(m[0], face) * size, chars: m[0].length });
  return out;
}
