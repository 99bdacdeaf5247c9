import { lazyKatex } from '../lazy/index';
import type MarkdownIt from 'markdown-it';
import type { StateBlock, StateInline } from 'markdown-it';
import { type MacroMap, macrosFingerprint, noMacros, toKatexMacros } from '../math/macros';
import { katexInput } from '../math/validate';
import { escapeHtml } from './escape';

const cache = new Map<string, string>();
const cacheLimit = 4000;

/**
 * One formula as HTML with KaTeX (`trust: false`: `\href`, `\url`, `\includegraphics` and
 * `\htmlClass` render as inert text). A formula KaTeX rejects shows its TeX, escaped, with the
 * error as a tooltip. Cached by formula and macros so a re-render while typing is cheap.
 */
export function renderMathHtml(tex: string, display: boolean, macros: MacroMap = noMacros, environment?: string): string {
  const key = `${display ? 'D' : 'I'}\u0000${environment ?? ''}\u0000${tex}\u0000${macrosFingerprint(macros)}`;
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  let html: string;
  const input = katexInput(tex, { display, ...(environment !== undefined ? { environment } : {}) }).text;
  try {
    html = lazyKatex().renderToString(input, {
      displayMode: display || environment !== undefined,
      throwOnError: true,
      trust: false,
      strict: 'ignore',
      maxExpand: 1000,
      maxSize: 50,
      macros: toKatexMacros(macros),
    });
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    const tag = display ? 'pre' : 'code';
    html = `<${tag} class="math-error" title="${escapeHtml(message)}">${escapeHtml(tex)}</${tag}>`;
  }
  if (display) html = `<div class="math-display">${html}</div>`;
  cache.set(key, html);
  if (cache.size > cacheLimit) cache.delete(cache.keys().next().value as string);
  return html;
}

/** Options of the math plugin. */
export interface MathPluginOptions {
  readonly macros: () => MacroMap;
}

/** Pandoc's rule for `$`: the opening `$` is not followed by a space, the closing one not preceded by one nor followed by a digit. */
function inlineDollar(state: StateInline, silent: boolean): boolean {
  const src = state.src;
  const start = state.pos;
  if (src[start] !== '$') return false;
  if (src[start + 1] === '$') {
    const close = src.indexOf('$$', start + 2);
    if (close < 0) return false;
    if (!silent) {
      const token = state.push('math_inline', 'math', 0);
      token.content = src.slice(start + 2, close);
      token.meta = { display: true };
    }
    state.pos = close + 2;
    return true;
  }
  const next = src[start + 1];
  if (next === undefined || /\s/.test(next)) return false;
  let i = start + 1;
  while (i < src.length) {
    const c = src[i];
    if (c === '\\') {
      i += 2;
      continue;
    }
    if (c === '$') {
      const before = src[i - 1] ?? '';
      const after = src[i + 1] ?? '';
      if (!/\s/.test(before) && !/[0-9]/.test(after)) break;
    }
    i++;
  }
  if (i >= src.length) return false;
  if (!silent) {
    const token = state.push('math_inline', 'math', 0);
    token.content = src.slice(start + 1, i);
    token.meta = { display: false };
  }
  state.pos = i + 1;
  return true;
}

/** `\(...\)` and `\[...\]` inline. */
function inlineParen(state: StateInline, silent: boolean): boolean {
  const src = state.src;
  const start = state.pos;
  if (src[start] !== '\\' || (src[start + 1] !== '(' && src[start + 1] !== '[')) return false;
  const display = src[start + 1] === '[';
  const close = src.indexOf(display ? '\\]' : '\\)', start + 2);
  if (close < 0) return false;
  if (!silent) {
    const token = state.push('math_inline', 'math', 0);
    token.content = src.slice(start + 2, close);
    token.meta = { display };
  }
  state.pos = close + 2;
  return true;
}

/** `$$` on its own lines (the content may span lines; `$$ x $$` on one line too). */
function blockDollar(state: StateBlock, startLine: number, endLine: number, silent: boolean): boolean {
  const first = (state.bMarks[startLine] ?? 0) + (state.tShift[startLine] ?? 0);
  const firstEnd = state.eMarks[startLine] ?? 0;
  const open = state.src.slice(first, firstEnd);
  if (!open.startsWith('$$')) return false;
  if (silent) return true;
  let content: string;
  let line = startLine;
  const rest = open.slice(2);
  const sameLine = rest.indexOf('$$');
  if (sameLine >= 0) {
    if (rest.slice(sameLine + 2).trim() !== '') return false;
    content = rest.slice(0, sameLine);
  } else {
    const lines: string[] = [rest];
    let found = false;
    for (line = startLine + 1; line < endLine; line++) {
      const s = (state.bMarks[line] ?? 0) + (state.tShift[line] ?? 0);
      const text = state.src.slice(s, state.eMarks[line] ?? 0);
      const at = text.indexOf('$$');
      if (at >= 0) {
        lines.push(text.slice(0, at));
        found = true;
        break;
      }
      lines.push(state.src.slice(state.bMarks[line] ?? 0, state.eMarks[line] ?? 0));
    }
    if (!found) return false;
    content = lines.join('\n');
  }
  state.line = line + 1;
  const token = state.push('math_block', 'math', 0);
  token.block = true;
  token.content = content;
  token.map = [startLine, state.line];
  return true;
}

/** Math environments pandoc passes through as TeX when they start a line in Markdown. */
const blockEnvironments = /^\\begin\{(equation|align|gather|multline|flalign|eqnarray|alignat|displaymath)(\*?)\}/;

/** `\begin{align}` ... `\end{align}` starting a line: display math, rendered whole. */
function blockEnvironment(state: StateBlock, startLine: number, endLine: number, silent: boolean): boolean {
  const first = (state.bMarks[startLine] ?? 0) + (state.tShift[startLine] ?? 0);
  const open = state.src.slice(first, state.eMarks[startLine] ?? 0);
  const m = blockEnvironments.exec(open);
  if (!m) return false;
  const end = `\\end{${m[1]}${m[2]}}`;
  let line = startLine;
  for (; line < endLine; line++) {
    const s = (state.bMarks[line] ?? 0) + (state.tShift[line] ?? 0);
    if (state.src.slice(s, state.eMarks[line] ?? 0).includes(end)) break;
  }
  if (line >= endLine) return false;
  if (silent) return true;
  const from = first;
  const to = state.src.indexOf(end, (state.bMarks[line] ?? 0)) + end.length;
  state.line = line + 1;
  const token = state.push('math_block', 'math', 0);
  token.block = true;
  token.content = state.src.slice(from, to);
  token.map = [startLine, state.line];
  return true;
}

/** markdown-it plugin: `$...$`, `$$...$$`, `\(...\)`, `\[...\]`, `\begin{align}` rendered with KaTeX. */
export function markdownItMath(md: MarkdownIt, options: MathPluginOptions): void {
  md.inline.ruler.before('escape', 'math_paren', inlineParen);
  md.inline.ruler.before('escape', 'math_dollar', inlineDollar);
  md.block.ruler.before('fence', 'math_block', blockDollar, { alt: ['paragraph', 'reference', 'blockquote', 'list'] });
  md.block.ruler.before('fence', 'math_environment', blockEnvironment, { alt: ['paragraph', 'reference', 'blockquote', 'list'] });
  md.renderer.rules['math_inline'] = (tokens, idx) => {
    const t = tokens[idx];
    return t ? renderMathHtml(t.content, (t.meta as { display: boolean }).display, options.macros()) : '';
  };
  md.renderer.rules['math_block'] = (tokens, idx) => {
    const t = tokens[idx];
    if (!t) return '';
    const line = t.map ? ` data-line="${t.map[0]}"` : '';
    return `<div class="block"${line}>${renderMathHtml(t.content, true, options.macros())}</div>\n`;
  };
}
