/** A position in a document: 0-based line and UTF-16 character, as VS Code counts them. */
export interface Position {
  readonly line: number;
  readonly character: number;
}

/** A half-open range between two positions. */
export interface Range {
  readonly start: Position;
  readonly end: Position;
}

/** Builds a range from four numbers. */
export function range(startLine: number, startCharacter: number, endLine: number, endCharacter: number): Range {
  return { start: { line: startLine, character: startCharacter }, end: { line: endLine, character: endCharacter } };
}

/** True when `inner` lies within `outer` (ends inclusive). */
export function containsRange(outer: Range, inner: Range): boolean {
  return comparePositions(outer.start, inner.start) <= 0 && comparePositions(inner.end, outer.end) <= 0;
}

/** True when `position` lies within `r` (ends inclusive). */
export function containsPosition(r: Range, position: Position): boolean {
  return comparePositions(r.start, position) <= 0 && comparePositions(position, r.end) <= 0;
}

/** Negative, zero or positive as `a` is before, at or after `b`. */
export function comparePositions(a: Position, b: Position): number {
  return a.line === b.line ? a.character - b.character : a.line - b.line;
}
