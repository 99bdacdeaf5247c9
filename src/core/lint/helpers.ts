import type { CoursePack, Deliverable } from '../courses/types';
import type { Range } from '../model/range';
import type { Writeup } from '../model/writeup';
import { editDistance } from '../text/distance';
import { lineIndexOf } from '../model/query';

/** Where file-wide problems go: the title, else the first heading, else the first line. */
export function headlineRange(writeup: Writeup): Range {
  const r = writeup.metadata.titleRange ?? writeup.sections[0]?.range;
  if (r) return r;
  return lineRange(writeup.text, 0);
}

/** The whole of line `line` (clamped to the text); scans only up to that line. Lines end at `\n`, `\r\n` or a lone `\r`, as in VS Code. */
export function lineRange(text: string, line: number): Range {
  let start = 0;
  let l = 0;
  for (; l < Math.max(0, line); l++) {
    const next = lineEnd(text, start);
    if (next >= text.length) break;
    start = next + (text.charCodeAt(next) === 13 && text.charCodeAt(next + 1) === 10 ? 2 : 1);
  }
  const end = lineEnd(text, start);
  return { start: { line: l, character: 0 }, end: { line: l, character: end - start } };
}

/** The offset of the first line break (`\n` or `\r`) at or after `from`, or the text's length. */
function lineEnd(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) return i;
  }
  return text.length;
}

export { lineIndexOf } from '../model/query';

export { editDistance } from '../text/distance';

/**
 * The candidate `word` most likely meant (case-insensitive): one containing it or contained in it
 * (`18.408` -> `mit-18.408`), else the nearest within a small edit distance; undefined if none is close.
 */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  const w = word.toLowerCase().trim();
  if (w === '') return undefined;
  const containing = candidates.filter((c) => c.toLowerCase().includes(w) || (c.length >= 4 && w.includes(c.toLowerCase())));
  if (containing.length === 1) return containing[0];
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const c of containing.length > 1 ? containing : candidates) {
    const d = editDistance(w, c.toLowerCase());
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  if (containing.length > 1) return best;
  const limit = Math.max(2, Math.floor(w.length / 3));
  return best !== undefined && bestDistance <= limit ? best : undefined;
}

/** Short name of a course for messages, e.g. `9.520` or `18.408`. */
export function courseLabel(course: CoursePack | undefined): string {
  if (!course) return '';
  return course.shortName ?? course.id;
}

/** The project type the writeup declares (front matter `project:`), looked up in the deliverable. */
export function projectTypeOf(writeup: Writeup, deliverable: Deliverable | undefined) {
  const id = writeup.metadata.projectType?.toLowerCase();
  if (!id || !deliverable?.projectTypes) return undefined;
  return deliverable.projectTypes.find((p) => p.id.toLowerCase() === id);
}

/** Authors with a name: team size (the one count every front end uses, see model/query.ts). */
export { teamSize as authorCount } from '../model/query';

/**
 * Range of a metadata value on its line (after `key:` or `key=`, without quotes), if the key is
 * there. `keyRanges` may cover the key alone or the key and its value: both work.
 */
export function metadataValueRange(writeup: Writeup, ...keys: string[]): Range | undefined {
  for (const key of keys) {
    const keyRange = writeup.metadata.keyRanges[key];
    if (!keyRange) continue;
    const index = lineIndexOf(writeup);
    const line = keyRange.start.line;
    const rest = index.lineText(line).slice(keyRange.start.character);
    const m = /^([\w.-]+\s*[:=][ \t]*)(["']?)([^"'#\n]*?)\2[ \t]*(#.*)?$/.exec(rest);
    if (!m || (m[3] ?? '') === '') return keyRange;
    const start = keyRange.start.character + (m[1] ?? '').length + (m[2] ?? '').length;
    return { start: { line, character: start }, end: { line, character: start + (m[3] ?? '').length } };
  }
  return undefined;
}
