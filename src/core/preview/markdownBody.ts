/** A Markdown writeup's body through markdown-it, with math, citations, figures and page marks. */
import type MarkdownIt from 'markdown-it';
import type { Token } from 'markdown-it';
import { lazyMarkdownIt } from '../lazy/index';
import { noMacros } from '../math/macros';
import { lineIndexOf } from '../model/query';
import { type CitationEnv, markdownItCitations } from './citations';
import { escapeHtml, isRelativeOrAbsolutePath, safeLinkUrl } from './escape';
import { markdownItMath } from './math';
import type { Context } from './context';
import { marksBefore } from './pageMarks';


let current: Context | undefined;
let md: MarkdownIt | undefined;

export function markdownFor(ctx: Context): MarkdownIt {
  current = ctx;
  if (md) return md;
  const MarkdownItClass = lazyMarkdownIt();
  md = new MarkdownItClass({ html: false, linkify: false, typographer: true });
  md.validateLink = (url) => safeLinkUrl(url) !== undefined || (isRelativeOrAbsolutePath(url) && !/^\s*$/.test(url));
  markdownItMath(md, { macros: () => current?.macros ?? noMacros });
  markdownItCitations(md, { resolve: () => current?.options.resolveCitation });
  md.renderer.rules['image'] = (tokens, idx, opts, env: CitationEnv) => {
    const token = tokens[idx];
    if (!token) return '';
    const src = token.attrGet('src') ?? '';
    const alt = token.children ? token.children.map((c) => c.content).join('') : token.content;
    // The caption is rendered inline: pandoc prints citations and math there too.
    const caption = token.children && md ? md.renderer.renderInline(token.children, opts, env) : escapeHtml(alt);
    const url = isRelativeOrAbsolutePath(src) ? current?.options.resolveImage?.(src) : undefined;
    if (url === undefined) return `<span class="figure missing" title="${escapeHtml(src)}">[figure: ${escapeHtml(alt || src)}]</span>`;
    const width = cssWidth(token.attrGet('data-width') ?? undefined);
    const size = width ? ` data-style="width:${width}"` : '';
    return `<span class="figure"><img src="${escapeHtml(url)}" alt="${escapeHtml(alt)}"${size}><span class="caption">${caption}</span></span>`;
  };
  // Pandoc attributes after an image, `![a](b.png){width=50%}`: the width is kept, the rest dropped.
  md.inline.ruler.before('text', 'image_attributes', (state, silent) => {
    const last = state.tokens.at(-1);
    if (state.src[state.pos] !== '{' || last?.type !== 'image') return false;
    const close = state.src.indexOf('}', state.pos);
    if (close < 0) return false;
    if (!silent) {
      const width = /(?:^|\s)width\s*=\s*"?([^\s"}]+)/.exec(state.src.slice(state.pos + 1, close))?.[1];
      if (width) last.attrSet('data-width', width);
    }
    state.pos = close + 1;
    return true;
  });
  // Links the preview may follow: http(s) and mailto only; others keep their text.
  const linkOpen = md.renderer.rules['link_open'];
  md.renderer.rules['link_open'] = (tokens, idx, opts, env, self) => {
    const token = tokens[idx];
    const href = token?.attrGet('href') ?? '';
    if (token && safeLinkUrl(href) === undefined) token.attrSet('href', '#');
    return linkOpen ? linkOpen(tokens, idx, opts, env, self) : self.renderToken(tokens, idx, opts);
  };
  md.core.ruler.push('writeup_lines', (state) => {
    const c = current;
    const out: Token[] = [];
    for (const token of state.tokens) {
      if (token.map && token.nesting >= 0 && token.level === 0 && c) {
        const marks = marksBefore(c, token.map[0] + lineOffset);
        if (marks) {
          const mark = new state.Token('writeup_marks', '', 0);
          mark.content = marks;
          out.push(mark);
        }
      }
      if (token.map && token.nesting >= 0) token.attrSet('data-line', String(token.map[0] + lineOffset));
      // Pandoc heading attributes `{#id .unnumbered}` are not part of the title.
      if (token.type === 'inline' && token.children && state.tokens[state.tokens.indexOf(token) - 1]?.type === 'heading_open') {
        const last = token.children.at(-1);
        if (last?.type === 'text') last.content = last.content.replace(/\s*\{[^{}]*\}\s*$/, '');
      }
      out.push(token);
    }
    state.tokens = out;
  });
  md.renderer.rules['writeup_marks'] = (tokens, idx) => tokens[idx]?.content ?? '';
  return md;
}

/**
 * A figure width as CSS, from pandoc (`50%`, `3in`) or LaTeX (`0.5\linewidth`, `.8\textwidth`);
 * undefined for anything else (so nothing but a number and a unit reaches the style).
 */
export function cssWidth(spec: string | undefined): string | undefined {
  if (!spec) return undefined;
  const s = spec.trim();
  const plain = /^(\d+(?:\.\d+)?|\.\d+)(%|px|em|cm|mm|in)$/.exec(s);
  if (plain) return `${Number(plain[1])}${plain[2]}`;
  const relative = /^(\d*(?:\.\d+)?)\s*\\(linewidth|textwidth|columnwidth|hsize)$/.exec(s);
  if (relative) {
    const f = relative[1] === '' ? 1 : Number(relative[1]);
    return Number.isFinite(f) && f > 0 ? `${Math.round(Math.min(f, 1) * 1000) / 10}%` : undefined;
  }
  return undefined;
}

/** Lines of the source before the text handed to markdown-it (always 0: front matter is blanked, not cut). */
const lineOffset = 0;

/** Blank lines keep markdown-it's line numbers equal to the document's. */
function blankLines(text: string): string {
  return text.replace(/[^\r\n]/g, '');
}

export function markdownBody(ctx: Context): string {
  let text = ctx.writeup.text;
  // The front matter as the reader found it (through its closing `---` or `...` line) is not body text.
  const fm = ctx.writeup.metadata.range;
  if (fm !== undefined && fm.start.line === 0 && fm.end.line > 0) {
    const index = lineIndexOf(ctx.writeup);
    const end = fm.end.line + 1 < index.lineCount ? index.lineStart(fm.end.line + 1) : text.length;
    text = blankLines(text.slice(0, end)) + text.slice(end);
  }
  // Pandoc fenced divs (`::: {#refs}`) and page-break commands are layout, not content.
  text = text.replace(/^(:::+.*|\\(newpage|clearpage|pagebreak)\s*)$/gm, '');
  const env: CitationEnv = {};
  const html = markdownFor(ctx).render(text, env);
  ctx.cited.push(...(env.citedKeys ?? []));
  return `<article class="body">${html}</article>`;
}
