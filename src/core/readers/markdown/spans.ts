import type { MdNode } from '../chunkedParse';
import type { Span } from '../pandocInline';

/* Offsets of tree nodes and sorted spans of the text: the measures every part of the Markdown reader shares. */

export const startOf = (n: MdNode): number => n.position?.start.offset ?? 0;
export const endOf = (n: MdNode): number => n.position?.end.offset ?? 0;

/** Index of the first of the sorted, non-overlapping `spans` that ends after `offset` (or their count). */
export function firstEndingAfter(spans: readonly { readonly end: number }[], offset: number): number {
  let lo = 0;
  let hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((spans[mid] as { end: number }).end <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** True when `offset` lies inside one of the sorted, merged `spans`. */
export function insideSpans(spans: readonly Span[], offset: number): boolean {
  const s = spans[firstEndingAfter(spans, offset)];
  return s !== undefined && s.start <= offset;
}

/** The offset of the `]` closing the `[` at `open`, skipping escapes; -1 before `limit`. */
export function closingBracket(text: string, open: number, limit: number): number {
  let depth = 0;
  for (let j = open; j < limit; j++) {
    const c = text.charCodeAt(j);
    if (c === 92 /* \ */) j++;
    else if (c === 91 /* [ */) depth++;
    else if (c === 93 /* ] */ && --depth === 0) return j;
  }
  return -1;
}

/** Sorts spans and merges overlapping ones (a link inside a masked region, say). */
export function mergeSpans(spans: Span[]): Span[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  const out: Span[] = [];
  for (const s of sorted) {
    const last = out[out.length - 1];
    if (last && s.start < last.end) out[out.length - 1] = { start: last.start, end: Math.max(last.end, s.end) };
    else if (s.end > s.start) out.push(s);
  }
  return out;
}
