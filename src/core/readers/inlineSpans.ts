import type { InlineSpans, MathNode } from '../model/writeup';
import { PANDOC_KEY_CHARACTER } from './pandocInline';

/*
 * Where a paragraph's inline math and citations stand in its plain text, found once by the
 * reader that made the text, so that the page estimate sets the text between them without
 * reading the text again (see InlineSpans).
 */

/** TeX as the LaTeX reader leaves it in plain text: without braces. */
export function stripBraces(tex: string): string {
  return tex.replace(/\\[{}]|[{}]/g, '');
}

/**
 * The spans of `math` (the paragraph's inline math, in order, without that of its footnotes) in
 * `text`, and of its citations (all of them, from the start of the text) when `citations` is set.
 */
export function inlineSpans(text: string, math: readonly MathNode[], citations: boolean): InlineSpans | undefined {
  if (math.length === 0 && !citations) return undefined;
  const found: { node: MathNode; before: number; end: number }[] = [];
  let pos = 0;
  for (const m of math) {
    const at = findInlineMath(text, m, pos);
    if (!at) continue;
    pos = at.end;
    found.push({ node: m, ...at });
  }
  return { math: found, citations: citations ? citationSpans(text, 0) : [] };
}

/**
 * Where inline math `m` stands in `text` from `pos`: the text before it ends at `before` (without
 * the `$` that opens it and spaces after that), the TeX and its closing `$` at `end`.
 */
export function findInlineMath(text: string, m: MathNode, pos: number): { before: number; end: number } | undefined {
  // Readers keep the TeX as written (Markdown) or without its braces (LaTeX).
  let written = m.tex;
  let j = text.indexOf(written, pos);
  if (j < 0) {
    written = stripBraces(m.tex);
    j = written === '' ? -1 : text.indexOf(written, pos);
  }
  if (j < 0) return undefined;
  let k = j;
  while (k > pos && /\s/.test(text.charAt(k - 1))) k--;
  if (text.charCodeAt(k - 1) !== 36) k = j;
  while (k > pos && text.charCodeAt(k - 1) === 36) k--;
  let end = j + written.length;
  if (text.charAt(end) === '$') end++;
  return { before: k, end };
}

/**
 * The stretches of `text` from `start` that print as citations — `[@a; @b]`, `@a`,
 * `\\citep[..]{a,b}` — scanning for `@` and `\\cite` (a search per `@` made long text quadratic:
 * the next occurrences are searched again only once passed). `keys`: the pandoc keys (`@`) it holds.
 */
export function citationSpans(text: string, start: number): CitationSpan[] {
  const out: CitationSpan[] = [];
  let pos = start;
  let cite = -2;
  let bracketClose = -2;
  for (;;) {
    const at = text.indexOf('@', pos);
    if (cite !== -1 && cite < pos) cite = text.indexOf('\\cite', pos);
    if (at < 0 && cite < 0) break;
    if (cite >= 0 && (at < 0 || cite < at)) {
      // \cite...[..]{keys}: up to the closing brace.
      const close = text.indexOf('}', cite);
      out.push({ start: cite, end: close < 0 ? text.length : close + 1, keys: 0 });
      pos = close < 0 ? text.length : close + 1;
      continue;
    }
    // The last `[` and `]` between here and the `@` (one before `pos` never opens a group).
    let open = -1;
    let shut = -1;
    for (let i = pos; i <= at; i++) {
      const c = text.charCodeAt(i);
      if (c === 91) open = i;
      else if (c === 93) shut = i;
    }
    if (open >= pos && open > shut) {
      // [@a; @b, p. 3]: the whole bracket.
      if (bracketClose !== -1 && bracketClose < at) bracketClose = text.indexOf(']', at);
      const close = bracketClose;
      const end = close < 0 ? text.length : close + 1;
      let keys = 0;
      for (let i = open; i < end; i++) if (text.charCodeAt(i) === 64) keys++;
      out.push({ start: open, end, keys });
      pos = end;
      continue;
    }
    // In-text @key: the key's characters.
    let end = at + 1;
    while (end < text.length && KEY_CHAR.test(text.charAt(end))) end++;
    out.push({ start: at, end, keys: 1 });
    pos = end;
  }
  return out;
}

const KEY_CHAR = new RegExp(PANDOC_KEY_CHARACTER, 'u');

/** A stretch of text that prints as a citation, and the pandoc keys (`@`) in it. */
export interface CitationSpan {
  readonly start: number;
  readonly end: number;
  readonly keys: number;
}
