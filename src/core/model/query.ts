import { comparePositions, containsPosition, type Position, type Range } from './range';
import { LineIndex } from '../text/lineIndex';
import type { Citation, MathNode, Section, Writeup } from './writeup';

/** The innermost section whose body holds `position` (the last heading at or before it), if any. */
export function sectionAt(writeup: Writeup, position: Position): Section | undefined {
  let found: Section | undefined;
  for (const s of writeup.sections) {
    if (s.origin) continue;
    if (comparePositions(s.range.start, position) <= 0) found = s;
    else break;
  }
  return found;
}

/** The math (inline or display, delimiters included) that holds `position`, if any. */
export function mathAt(writeup: Writeup, position: Position): MathNode | undefined {
  return writeup.math.find((m) => !m.origin && containsPosition(m.range, position));
}

/** The citation whose key holds `position` (ends inclusive, so a cursor right after the key counts). */
export function citationAt(writeup: Writeup, position: Position): Citation | undefined {
  return writeup.citations.find((c) => !c.origin && containsPosition(c.range, position));
}

/** True when `position` is strictly inside a range (not on its edges). */
function strictlyInside(r: Range, position: Position): boolean {
  return comparePositions(r.start, position) < 0 && comparePositions(position, r.end) < 0;
}

/** True inside code (spans, blocks, verbatim) or a comment: no citation or math is read there. */
export function isInCode(writeup: Writeup, position: Position): boolean {
  return (writeup.codeRanges ?? []).some((r) => strictlyInside(r, position));
}

/** True inside math, between its delimiters. */
export function isInMath(writeup: Writeup, position: Position): boolean {
  return writeup.math.some((m) => !m.origin && strictlyInside(m.range, position));
}

/** True where a citation may not be typed: inside code, a comment or math. */
export function isInCodeOrMath(writeup: Writeup, position: Position): boolean {
  return isInCode(writeup, position) || isInMath(writeup, position);
}

/**
 * Team size: the authors with a name. An empty `author: ""` entry is not a person, so a writeup
 * by `""` and `Ann` is by one author. Every front end and rule counts authors here.
 */
export function teamSize(writeup: Pick<Writeup, 'metadata'>): number {
  return writeup.metadata.authors.filter((a) => a.name.trim() !== '').length;
}

const indexes = new WeakMap<Writeup, LineIndex>();

/** The line index of a writeup's text, built once per model and shared by every reader of it. */
export function lineIndexOf(writeup: Writeup): LineIndex {
  let index = indexes.get(writeup);
  if (!index) {
    index = new LineIndex(writeup.text);
    indexes.set(writeup, index);
  }
  return index;
}
