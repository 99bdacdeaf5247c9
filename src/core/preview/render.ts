import type MarkdownIt from 'markdown-it';
import type { Token } from 'markdown-it';
import type { PageEstimate } from '../layout/types';
import { collectMacros, type MacroMap, mergeMacros, noMacros } from '../math/macros';
import type { Block, Section, Writeup } from '../model/writeup';
import { type CitationEnv, type CitationResolver, markdownItCitations, renderBibliography, renderCitationGroup } from './citations';
import { escapeHtml, isRelativeOrAbsolutePath, safeLinkUrl } from './escape';
import { markdownItMath, renderMathHtml } from './math';
import { lazyMarkdownIt } from '../lazy/index';

/** What the preview needs besides the writeup. Everything is optional. */
export interface PreviewOptions {
  /** Citation lookup (the .bib files, then the course packs). */
  readonly resolveCitation?: CitationResolver;
  /**
   * Turns a figure path as written into a URL the webview may load, or undefined to leave the
   * figure out (e.g. outside the workspace). Only plain paths are passed (no URL schemes).
   */
  readonly resolveImage?: (path: string) => string | undefined;
  /** The page estimate: a mark is drawn where each page ends. */
  readonly pages?: PageEstimate;
  /** The course's page limit: that page's end is marked in red. */
  readonly pageLimit?: number;
  /** Macros from the `writeup.math.macros` setting (the writeup's own are added). */
  readonly macros?: MacroMap;
}

/** The rendered writeup. */
export interface PreviewHtml {
  /** HTML for the webview's body: every text escaped, no script, no inline handler. */
  readonly body: string;
  /** Keys cited, in order of first citation. */
  readonly citedKeys: readonly string[];
}

interface Context {
  readonly writeup: Writeup;
  readonly options: PreviewOptions;
  readonly macros: MacroMap;
  readonly breaks: { line: number; page: number }[];
  readonly cited: string[];
}

/** Renders a writeup to the preview's HTML body: title block, sections, math, figures, citations, bibliography, page marks. */
export function renderPreview(writeup: Writeup, options: PreviewOptions = {}): PreviewHtml {
  const macros = mergeMacros(options.macros ?? noMacros, collectMacros(writeup.metadata.headerIncludes));
  const breaks = [...(options.pages?.pageBreaks ?? [])].sort((a, b) => a.line - b.line).map((b) => ({ line: b.line, page: b.page }));
  const ctx: Context = { writeup, options, macros, breaks, cited: [] };
  const parts: string[] = [titleBlock(ctx)];
  parts.push(writeup.format === 'markdown' ? markdownBody(ctx) : latexBody(ctx));
  // Page ends after the last block (e.g. the last page of a long bibliography) still get a mark.
  for (const b of ctx.breaks.splice(0)) parts.push(pageMark(b.page, ctx.options.pageLimit));
  const bibliography = renderBibliography(ctx.cited, options.resolveCitation);
  if (bibliography) {
    const hasHeading = writeup.sections.some((s) => /^\s*(references|bibliography|works cited)\s*$/i.test(s.title));
    parts.push(`<section class="references">${hasHeading ? '' : '<h2>References</h2>'}${bibliography}</section>`);
  }
  return { body: moveInlineStyles(parts.join('\n')), citedKeys: [...new Set(ctx.cited)] };
}

/**
 * KaTeX sizes glyphs with `style` attributes, which the CSP (no 'unsafe-inline') blocks. They move
 * to `data-style` and media/preview.js applies them through the CSSOM, which the CSP allows.
 * Text is escaped before this runs, so `style="` can only occur inside a tag.
 */
export function moveInlineStyles(html: string): string {
  return html.replace(/ style="/g, ' data-style="');
}

function pageMark(page: number, limit: number | undefined): string {
  const over = limit !== undefined && page === limit;
  const label = over ? `End of page ${page}: the page limit (${limit} pages). Content below is over the limit.` : `End of page ${page}`;
  return `<div class="page-break${over ? ' page-limit' : ''}" data-page="${page}" role="separator" aria-label="${escapeHtml(label)}"><span>${escapeHtml(label)}</span></div>`;
}

/** Page marks for every page that ends before `line`. */
function marksBefore(ctx: Context, line: number): string {
  let out = '';
  while (ctx.breaks.length > 0 && (ctx.breaks[0]?.line ?? Infinity) <= line) {
    const b = ctx.breaks.shift();
    if (b) out += pageMark(b.page, ctx.options.pageLimit);
  }
  return out;
}

function titleBlock(ctx: Context): string {
  const m = ctx.writeup.metadata;
  const parts: string[] = [];
  const line = m.titleRange?.start.line ?? m.range?.start.line ?? 0;
  if (m.title) parts.push(`<h1 class="title">${inline(ctx, m.title)}</h1>`);
  if (m.authors.length > 0) {
    const authors = m.authors.map((a) => {
      const extra = [a.affiliation, a.email].filter((x): x is string => !!x).map((x) => `<span class="affiliation">${escapeHtml(x)}</span>`);
      return `<span class="author"><span class="name">${escapeHtml(a.name)}</span>${extra.join('')}</span>`;
    });
    parts.push(`<div class="authors">${authors.join('')}</div>`);
  }
  if (m.date) parts.push(`<div class="date">${escapeHtml(m.date)}</div>`);
  // A LaTeX abstract environment is a body block of its own, rendered where it stands.
  const abstractBlock = ctx.writeup.blocks.some((b) => b.type === 'environment' && b.name === 'abstract');
  if (m.abstract && !abstractBlock) parts.push(`<div class="abstract"><h2>Abstract</h2><p>${inline(ctx, m.abstract)}</p></div>`);
  return parts.length > 0 ? `<header class="title-block" data-line="${line}">${parts.join('')}</header>` : '';
}

/** Inline text (title, abstract) in the writeup's own syntax. */
function inline(ctx: Context, text: string): string {
  if (ctx.writeup.format === 'markdown') {
    const env: CitationEnv = {};
    const html = markdownFor(ctx).renderInline(text, env);
    ctx.cited.push(...(env.citedKeys ?? []));
    return html;
  }
  return latexInline(ctx, text);
}

// ---------- Markdown ----------

let current: Context | undefined;
let md: MarkdownIt | undefined;

function markdownFor(ctx: Context): MarkdownIt {
  current = ctx;
  if (md) return md;
  const MarkdownItClass = lazyMarkdownIt();
  md = new MarkdownItClass({ html: false, linkify: false, typographer: true });
  md.validateLink = (url) => safeLinkUrl(url) !== undefined || (isRelativeOrAbsolutePath(url) && !/^\s*$/.test(url));
  markdownItMath(md, { macros: () => current?.macros ?? noMacros });
  markdownItCitations(md, { resolve: () => current?.options.resolveCitation });
  md.renderer.rules['image'] = (tokens, idx) => {
    const token = tokens[idx];
    if (!token) return '';
    const src = token.attrGet('src') ?? '';
    const alt = token.children ? token.children.map((c) => c.content).join('') : token.content;
    const url = isRelativeOrAbsolutePath(src) ? current?.options.resolveImage?.(src) : undefined;
    if (url === undefined) return `<span class="figure missing" title="${escapeHtml(src)}">[figure: ${escapeHtml(alt || src)}]</span>`;
    const width = cssWidth(token.attrGet('data-width') ?? undefined);
    const size = width ? ` data-style="width:${width}"` : '';
    return `<span class="figure"><img src="${escapeHtml(url)}" alt="${escapeHtml(alt)}"${size}><span class="caption">${escapeHtml(alt)}</span></span>`;
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

function markdownBody(ctx: Context): string {
  let text = ctx.writeup.text;
  const fm = /^---[ \t]*\r?\n[\s\S]*?\r?\n(---|\.\.\.)[ \t]*(\r?\n|$)/.exec(text);
  if (fm) text = blankLines(fm[0]) + text.slice(fm[0].length);
  // Pandoc fenced divs (`::: {#refs}`) and page-break commands are layout, not content.
  text = text.replace(/^(:::+.*|\\(newpage|clearpage|pagebreak)\s*)$/gm, '');
  const env: CitationEnv = {};
  const html = markdownFor(ctx).render(text, env);
  ctx.cited.push(...(env.citedKeys ?? []));
  return `<article class="body">${html}</article>`;
}

// ---------- LaTeX ----------

function latexBody(ctx: Context): string {
  const { writeup } = ctx;
  const items: ({ kind: 'section'; line: number; section: Section } | { kind: 'block'; line: number; block: Block })[] = [
    ...writeup.sections.map((section) => ({ kind: 'section' as const, line: section.range.start.line, section })),
    ...writeup.blocks.map((block) => ({ kind: 'block' as const, line: block.range.start.line, block })),
  ];
  items.sort((a, b) => a.line - b.line || (a.kind === 'section' ? -1 : 1));
  const out: string[] = [];
  for (const item of items) {
    out.push(marksBefore(ctx, item.line));
    if (item.kind === 'section') {
      const level = Math.min(6, item.section.level + 1);
      out.push(`<h${level} data-line="${item.line}">${latexInline(ctx, item.section.title)}</h${level}>`);
    } else {
      out.push(latexBlock(ctx, item.block));
    }
  }
  return `<article class="body">${out.join('\n')}</article>`;
}

/** The writeup's lines, split once per render (splitting per block made a render quadratic). */
const linesOf = new WeakMap<Context, readonly string[]>();

function sourceOf(ctx: Context, block: Block): string {
  let lines = linesOf.get(ctx);
  if (!lines) {
    lines = ctx.writeup.text.split(/\r\n|\r|\n/);
    linesOf.set(ctx, lines);
  }
  const { start, end } = block.range;
  if (start.line === end.line) return (lines[start.line] ?? '').slice(start.character, end.character);
  const parts = [(lines[start.line] ?? '').slice(start.character)];
  for (let l = start.line + 1; l < end.line; l++) parts.push(lines[l] ?? '');
  parts.push((lines[end.line] ?? '').slice(0, end.character));
  return parts.join('\n');
}

function latexBlock(ctx: Context, block: Block): string {
  const line = `data-line="${block.range.start.line}"`;
  switch (block.type) {
    case 'paragraph':
      return `<p ${line}>${latexInline(ctx, sourceOf(ctx, block))}</p>`;
    case 'list': {
      const tag = block.ordered ? 'ol' : 'ul';
      const source = sourceOf(ctx, block).replace(/\\(begin|end)\{(itemize|enumerate|description)\}(\[[^\]]*\])?/g, '');
      const itemsSrc = source.split(/\\item\b(?:\[[^\]]*\])?/).slice(1);
      const items = itemsSrc.length > 0 ? itemsSrc.map((s) => latexInline(ctx, s)) : block.items.map(escapeHtml);
      return `<${tag} ${line}>${items.map((i) => `<li>${i}</li>`).join('')}</${tag}>`;
    }
    case 'math':
      return `<div class="block" ${line}>${renderMathHtml(block.math.tex, true, ctx.macros, block.math.environment)}</div>`;
    case 'figure': {
      const url = isRelativeOrAbsolutePath(block.path) ? ctx.options.resolveImage?.(block.path) : undefined;
      const width = cssWidth(block.width);
      const caption = block.caption ? `<figcaption>${latexInline(ctx, block.caption)}</figcaption>` : '';
      const img = url
        ? `<img src="${escapeHtml(url)}" alt="${escapeHtml(block.caption ?? block.path)}"${width ? ` data-style="width:${width}"` : ''}>`
        : `<span class="figure missing">[figure: ${escapeHtml(block.path)}]</span>`;
      return `<figure ${line}>${img}${caption}</figure>`;
    }
    case 'table':
      return latexTable(ctx, sourceOf(ctx, block), line, block.caption);
    case 'code':
      return `<pre ${line}><code>${escapeHtml(sourceOf(ctx, block).replace(/^\\begin\{[^}]*\}(\[[^\]]*\])?\n?|\n?\\end\{[^}]*\}$/g, ''))}</code></pre>`;
    case 'environment': {
      const body = sourceOf(ctx, block)
        .replace(/^\s*\\begin\{[^}]*\}(\[[^\]]*\])?/, '')
        .replace(/\\end\{[^}]*\}\s*$/, '');
      const name = block.name.replace(/\*$/, '');
      if (name === 'abstract') return `<div class="abstract" ${line}><h2>Abstract</h2><p>${latexInline(ctx, body)}</p></div>`;
      const title = name.charAt(0).toUpperCase() + name.slice(1);
      return `<div class="env env-${escapeHtml(name)}" ${line}><strong>${escapeHtml(title)}.</strong> ${latexInline(ctx, body)}</div>`;
    }
    case 'pagebreak':
      return `<hr class="newpage" ${line}>`;
    case 'space':
      return '';
  }
}

function latexTable(ctx: Context, source: string, line: string, caption: string | undefined): string {
  const tabular = /\\begin\{(tabular\*?|tabularx|array)\}(\{[^}]*\})?(\{(?:[^{}]|\{[^{}]*\})*\})?([\s\S]*?)\\end\{\1\}/.exec(source);
  const cap = caption ? `<caption>${latexInline(ctx, caption)}</caption>` : '';
  if (!tabular) return `<table ${line}>${cap}</table>`;
  const rows = (tabular[4] ?? '')
    .split(/\\\\(?:\[[^\]]*\])?/)
    .map((r) => r.replace(/\\(hline|toprule|midrule|bottomrule|cline\{[^}]*\}|cmidrule(\([^)]*\))?\{[^}]*\})/g, '').trim())
    .filter((r) => r !== '');
  const body = rows.map((r) => `<tr>${splitCells(r).map((c) => `<td>${latexInline(ctx, c.trim())}</td>`).join('')}</tr>`).join('');
  return `<table ${line}>${cap}<tbody>${body}</tbody></table>`;
}

/** Splits a table row at `&` outside math and braces. */
function splitCells(row: string): string[] {
  const cells: string[] = [];
  let depth = 0;
  let inMath = false;
  let start = 0;
  for (let i = 0; i < row.length; i++) {
    const c = row[i];
    if (c === '\\') {
      i++;
      continue;
    }
    if (c === '{') depth++;
    else if (c === '}') depth--;
    else if (c === '$') inMath = !inMath;
    else if (c === '&' && depth === 0 && !inMath) {
      cells.push(row.slice(start, i));
      start = i + 1;
    }
  }
  cells.push(row.slice(start));
  return cells;
}

const textCommands: Readonly<Record<string, [string, string]>> = {
  emph: ['<em>', '</em>'],
  textit: ['<em>', '</em>'],
  textbf: ['<strong>', '</strong>'],
  texttt: ['<code>', '</code>'],
  textsc: ['<span class="smallcaps">', '</span>'],
  underline: ['<u>', '</u>'],
  text: ['', ''],
  textrm: ['', ''],
  mbox: ['', ''],
};

/** Commands whose arguments are not shown. */
const hiddenCommands = new Set(['label', 'vspace', 'hspace', 'vskip', 'hskip', 'index', 'centering', 'noindent', 'small', 'footnotesize', 'maketitle', 'bibliographystyle', 'bibliography', 'input', 'include', 'usepackage', 'newpage', 'clearpage', 'appendix', 'tableofcontents', 'caption']);

/** Reads a balanced `{...}` at `i`; returns content and end, or undefined. */
function group(src: string, i: number): { content: string; end: number } | undefined {
  let j = i;
  while (src[j] === ' ') j++;
  if (src[j] !== '{') return undefined;
  let depth = 0;
  for (let k = j; k < src.length; k++) {
    const c = src[k];
    if (c === '\\') {
      k++;
      continue;
    }
    if (c === '{') depth++;
    else if (c === '}' && --depth === 0) return { content: src.slice(j + 1, k), end: k + 1 };
  }
  return undefined;
}

/** Characters latexInlineHtml passes through as text (it stops at each one it may read otherwise). */
const PLAIN_RUN = /[^%$~{}\-`'\\]+/y;

/** Renders LaTeX running text: math, citations, emphasis, links, accents; other commands dropped, their text kept. */
export function latexInlineHtml(src: string, resolve: CitationResolver | undefined, macros: MacroMap, cited: string[] = []): string {
  let out = '';
  let i = 0;
  while (i < src.length) {
    const c = src[i] ?? '';
    if (c === '%') {
      while (i < src.length && src[i] !== '\n') i++;
      continue;
    }
    if (c === '$') {
      const display = src[i + 1] === '$';
      const open = display ? 2 : 1;
      const close = src.indexOf(display ? '$$' : '$', i + open);
      if (close > 0) {
        out += renderMathHtml(src.slice(i + open, close), display, macros);
        i = close + open;
        continue;
      }
    }
    if (c === '~') {
      out += '&nbsp;';
      i++;
      continue;
    }
    if (c === '{' || c === '}') {
      i++;
      continue;
    }
    if (src.startsWith('---', i)) {
      out += '\u2014';
      i += 3;
      continue;
    }
    if (src.startsWith('--', i)) {
      out += '\u2013';
      i += 2;
      continue;
    }
    if (src.startsWith('``', i) || src.startsWith("''", i)) {
      out += src[i] === '`' ? '\u201c' : '\u201d';
      i += 2;
      continue;
    }
    if (c !== '\\') {
      // A run of characters with no meaning here, escaped at once (one by one made long text slow).
      PLAIN_RUN.lastIndex = i;
      const run = PLAIN_RUN.exec(src)?.[0] ?? c;
      out += escapeHtml(run);
      i += run.length;
      continue;
    }
    // A command.
    const next = src[i + 1] ?? '';
    if (next === '(' || next === '[') {
      const close = src.indexOf(next === '(' ? '\\)' : '\\]', i + 2);
      if (close > 0) {
        out += renderMathHtml(src.slice(i + 2, close), next === '[', macros);
        i = close + 2;
        continue;
      }
    }
    const m = /^\\([a-zA-Z]+)\*?|^\\(.)/.exec(src.slice(i, i + 40));
    if (!m) {
      i++;
      continue;
    }
    if (m[2] !== undefined) {
      // \\, \%, \&, \_, \#, \$, \{, \}
      out += m[2] === '\\' ? '<br>' : m[2] === ',' || m[2] === ' ' ? ' ' : escapeHtml(m[2]);
      i += m[0].length;
      continue;
    }
    const name = m[1] ?? '';
    i += m[0].length;
    if (/^(cite|citep|citet|citealp|citealt|citeauthor|citeyear|parencite|textcite|autocite)$/.test(name)) {
      let j = i;
      const opts: string[] = [];
      for (let k = 0; k < 2; k++) {
        const o = /^\s*\[([^\]]*)\]/.exec(src.slice(j));
        if (!o) break;
        opts.push(o[1] ?? '');
        j += o[0].length;
      }
      const g = group(src, j);
      if (g) {
        const keys = g.content.split(',').map((k) => k.trim()).filter((k) => k !== '');
        cited.push(...keys);
        // natbib: one optional argument is the locator, two are prefix then locator; `~` is a space.
        const locator = (opts.length === 2 ? opts[1] : opts[0])?.replace(/~/g, '\u00a0');
        const prefix = opts.length === 2 ? opts[0]?.replace(/~/g, '\u00a0') : undefined;
        const items = keys.map((key, n) => ({
          key,
          ...(n === 0 && prefix ? { prefix } : {}),
          ...(n === keys.length - 1 && locator ? { locator } : {}),
        }));
        out += renderCitationGroup(items, resolve, name === 'citet' || name === 'textcite');
        i = g.end;
        continue;
      }
    }
    if (name === 'href' || name === 'url') {
      const target = group(src, i);
      if (target) {
        const text = name === 'href' ? group(src, target.end) : undefined;
        const url = safeLinkUrl(target.content);
        const label = text ? latexInlineHtml(text.content, resolve, macros, cited) : escapeHtml(target.content);
        out += url ? `<a href="${escapeHtml(url)}">${label}</a>` : label;
        i = (text ?? target).end;
        continue;
      }
    }
    const wrap = textCommands[name];
    if (wrap) {
      const g = group(src, i);
      if (g) {
        out += wrap[0] + latexInlineHtml(g.content, resolve, macros, cited) + wrap[1];
        i = g.end;
        continue;
      }
    }
    if (name === 'footnote') {
      const g = group(src, i);
      if (g) {
        out += `<span class="footnote">${latexInlineHtml(g.content, resolve, macros, cited)}</span>`;
        i = g.end;
        continue;
      }
    }
    if (name === 'ref' || name === 'eqref' || name === 'cref' || name === 'Cref' || name === 'autoref') {
      const g = group(src, i);
      if (g) {
        out += `<span class="ref">${name === 'eqref' ? '(' : ''}${escapeHtml(g.content)}${name === 'eqref' ? ')' : ''}</span>`;
        i = g.end;
        continue;
      }
    }
    if (hiddenCommands.has(name)) {
      const o = /^\s*\[[^\]]*\]/.exec(src.slice(i));
      if (o) i += o[0].length;
      const g = group(src, i);
      if (g) i = g.end;
      continue;
    }
    if (name === 'LaTeX' || name === 'TeX') {
      out += name;
      continue;
    }
    if (name === 'ldots' || name === 'dots') {
      out += '\u2026';
      continue;
    }
    // Unknown command: drop the name, keep its text (braces are skipped by the loop).
  }
  return out;
}

function latexInline(ctx: Context, src: string): string {
  return latexInlineHtml(src, ctx.options.resolveCitation, ctx.macros, ctx.cited);
}
