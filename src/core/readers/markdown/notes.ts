import type { Footnote } from '../../model/writeup';
import type { LineIndex } from '../../text/lineIndex';
import { PANDOC_KEY_CHARACTER, type Span } from '../pandocInline';
import { collect } from './collect';
import { closingBracket, insideSpans } from './spans';

/* What sits beside the blocks: the front matter's `nocite:` keys and the footnotes. */

/**
 * The `@key`s of the front matter's `nocite:` value (between `start` and `end`), in order; `all`
 * when it has `@*`. The value runs to the next key at the start of a line.
 */
export function nociteKeys(text: string, start: number, end: number): { keys: { key: string; start: number; end: number }[]; all: boolean } {
  const keys: { key: string; start: number; end: number }[] = [];
  let all = false;
  const head = /^nocite[ \t]*:/m.exec(text.slice(start, end));
  if (!head) return { keys, all };
  const from = start + head.index + head[0].length;
  const next = /\n(?=[^\s#-]|---|\.\.\.)/.exec(text.slice(from, end));
  const to = next ? from + next.index : end;
  const re = new RegExp(String.raw`(?<![\p{L}\p{N}_.])@(\*|\{[^{}\n]*\}|[\p{L}\p{N}_]${PANDOC_KEY_CHARACTER}*)`, 'gu');
  const value = text.slice(from, to);
  for (let m = re.exec(value); m; m = re.exec(value)) {
    let key = m[1] ?? '';
    if (key === '*') {
      all = true;
      continue;
    }
    let keyStart = from + m.index + 1;
    if (key.startsWith('{')) {
      key = key.slice(1, -1);
      keyStart++;
    } else key = key.replace(/[.:#$%&+?<>~/-]+$/, '');
    if (key) keys.push({ key, start: keyStart, end: keyStart + key.length });
  }
  return { keys, all };
}

/**
 * The footnotes in reading order: pandoc's inline `^[...]` (found in paragraph text outside code)
 * and `[^id]` references with the text of their `[^id]: ...` definitions.
 */
export function footnotesOf(text: string, collected: ReturnType<typeof collect>, masks: readonly Span[], lines: LineIndex): Footnote[] {
  const found: { start: number; end: number; bodyStart: number; bodyEnd: number; text: string }[] = [];
  // Each `^[` of the text once, matched to the paragraph it stands in (regions are in document order).
  let r = 0;
  const regions = collected.regions;
  for (let at = text.indexOf('^['); at >= 0; at = text.indexOf('^[', at + 2)) {
    while (r < regions.length && (regions[r] as Span).end <= at) r++;
    const region = regions[r];
    if (!region || region.start > at || region.spill !== true) continue;
    if (text.charCodeAt(at - 1) === 92 || insideSpans(masks, at)) continue;
    const close = closingBracket(text, at + 1, region.end);
    if (close < 0) continue;
    found.push({ start: at, end: close + 1, bodyStart: at + 2, bodyEnd: close, text: text.slice(at + 2, close).replace(/[*`]/g, '').replace(/\s+/g, ' ').trim() });
    at = close - 1;
  }
  for (const ref of collected.footnoteRefs) {
    const def = collected.footnoteDefs.get(ref.id);
    if (def) found.push({ start: ref.start, end: ref.end, bodyStart: def.start, bodyEnd: def.end, text: def.text });
  }
  found.sort((a, b) => a.start - b.start);
  return found.map((f) => ({ range: lines.rangeAt(f.start, f.end), bodyRange: lines.rangeAt(f.bodyStart, f.bodyEnd), text: f.text }));
}
