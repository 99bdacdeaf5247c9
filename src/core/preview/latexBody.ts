/** A LaTeX writeup's body, item by item (headings and blocks), for render.ts. */
import { lineIndexOf } from '../model/query';
import type { Block, Section } from '../model/writeup';
import { closingBrace } from '../text/braces';
import { refId } from './citations';
import { escapeHtml, isRelativeOrAbsolutePath } from './escape';
import { renderMathHtml } from './math';
import type { Context } from './context';
import { cssWidth } from './markdownBody';
import { latexInline } from './latexInline';
import { marksBefore } from './pageMarks';
import { moveInlineStyles } from './styles';


/**
 * Renders one item of the body (a heading or a block) to HTML with its inline styles moved.
 * `key` names everything the HTML depends on besides the context's resolvers and macros, and
 * `line` is the item's `data-line`: a preview session (session.ts) may answer from an earlier
 * render instead of calling `render`.
 */
export type ItemRenderer = (ctx: Context, key: string, line: number, render: (ctx: Context) => string) => string;

/** Renders every item afresh. */
export const renderItem: ItemRenderer = (ctx, _key, _line, render) => moveInlineStyles(render(ctx));

/** Ranges move with every edit above a block; the HTML only shows the start line (`data-line`), passed apart. */
const withoutRanges = (key: string, value: unknown): unknown => (/[rR]ange$/.test(key) ? undefined : value);

/**
 * A LaTeX writeup's body items from the reader's sections and blocks (paragraphs, lists, figures,
 * tables, environments), page marks before the item they precede; the caller wraps them in
 * `<article class="body">` joined by line ends.
 */
export function latexBodyItems(ctx: Context, renderer: ItemRenderer = renderItem): string[] {
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
      const { level: depth, title } = item.section;
      const level = Math.min(6, depth + 1);
      out.push(renderer(ctx, `s\u0000${level}\u0000${title}`, item.line, (c) => `<h${level} data-line="${item.line}">${latexInline(c, title)}</h${level}>`));
    } else {
      const { block } = item;
      // A `thebibliography` lists the writeup's `\bibitem`s found in its range, not only its own source.
      if (block.type === 'environment' && /^thebibliography\*?$/.test(block.name)) out.push(moveInlineStyles(latexBlock(ctx, block)));
      else out.push(renderer(ctx, blockKey(ctx, block), item.line, (c) => latexBlock(c, block)));
    }
  }
  return out;
}

/** What a block's HTML is made from besides the context: a paragraph's source, else also the model's fields. */
function blockKey(ctx: Context, block: Block): string {
  // latexBlock renders a paragraph from its source alone (the most common block: the cheapest key).
  if (block.type === 'paragraph' && !block.origin) return `p\u0000${sourceOf(ctx, block)}`;
  return `b\u0000${JSON.stringify(block, withoutRanges)}\u0000${sourceOf(ctx, block)}`;
}

/** The source text of a block (line breaks as `\n`), from the model's one line index. */
function sourceOf(ctx: Context, block: Block): string {
  const index = lineIndexOf(ctx.writeup);
  return ctx.writeup.text.slice(index.offsetAt(block.range.start), index.offsetAt(block.range.end)).replace(/\r\n?/g, '\n');
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
      const caption = block.caption ? `<figcaption>${latexInline(ctx, captionSource(sourceOf(ctx, block)) ?? block.caption)}</figcaption>` : '';
      const img = url
        ? `<img src="${escapeHtml(url)}" alt="${escapeHtml(block.caption ?? block.path)}"${width ? ` data-style="width:${width}"` : ''}>`
        : `<span class="figure missing">[figure: ${escapeHtml(block.path)}]</span>`;
      return `<figure ${line}>${img}${caption}</figure>`;
    }
    case 'table': {
      const source = sourceOf(ctx, block);
      return latexTable(ctx, source, line, block.caption === undefined ? undefined : (captionSource(source) ?? block.caption));
    }
    case 'code':
      return `<pre ${line}><code>${escapeHtml(sourceOf(ctx, block).replace(/^\\begin\{[^}]*\}(\[[^\]]*\])?\n?|\n?\\end\{[^}]*\}$/g, ''))}</code></pre>`;
    case 'environment': {
      const body = sourceOf(ctx, block)
        .replace(/^\s*\\begin\{[^}]*\}(\[[^\]]*\])?/, '')
        .replace(/\\end\{[^}]*\}\s*$/, '');
      const name = block.name.replace(/\*$/, '');
      if (name === 'thebibliography') return bibItemList(ctx, block, line);
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

/** The LaTeX source of the first `\caption{...}` (optional short caption skipped) in a float's source. */
function captionSource(source: string): string | undefined {
  const m = /\\caption\*?\s*(?:\[[^\]]*\]\s*)?/.exec(source);
  if (!m || source[m.index + m[0].length] !== '{') return undefined;
  const open = m.index + m[0].length;
  const close = closingBrace(source, open);
  return close < 0 ? undefined : source.slice(open + 1, close);
}

/** A `thebibliography` environment as the list of its `\bibitem`s, each with its text. */
function bibItemList(ctx: Context, block: Block, line: string): string {
  const { start, end } = block.range;
  const inside = (ctx.writeup.bibItems ?? []).filter((b) => !b.origin && b.range.start.line >= start.line && b.range.start.line <= end.line);
  const items = inside.map((b) => {
    const label = b.label ? `[${escapeHtml(b.label)}] ` : '';
    return `<li id="${refId(b.key)}" data-key="${escapeHtml(b.key)}">${label}${escapeHtml(b.text)}</li>`;
  });
  return `<section class="references" ${line}><h2>References</h2><ol class="bibliography">${items.join('')}</ol></section>`;
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
