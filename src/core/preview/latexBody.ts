/** A LaTeX writeup's body, item by item (headings and blocks), for render.ts. */
import type { TexInline } from '../model/inline';
import type { Block, ListBlock, ListEntry, Section } from '../model/writeup';
import { refId } from './citations';
import { escapeHtml, isRelativeOrAbsolutePath } from './escape';
import { renderMathHtml } from './math';
import type { Context } from './context';
import { cssWidth } from './markdownBody';
import { latexPieces } from './latexInline';
import { marksBefore } from './pageMarks';
import { moveInlineStyles } from './styles';


/**
 * Renders one item of the body (a heading or a block) to HTML with its inline styles moved.
 * `key()` names everything the HTML depends on besides the context's resolvers and macros, and
 * `line` is the item's `data-line`: a preview session (session.ts) may answer from an earlier
 * render instead of calling `render`.
 */
export type ItemRenderer = (ctx: Context, key: () => string, line: number, render: (ctx: Context) => string) => string;

/** Renders every item afresh. */
export const renderItem: ItemRenderer = (ctx, _key, _line, render) => moveInlineStyles(render(ctx));

/** Ranges move with every edit above a block; the HTML only shows the start line (`data-line`), passed apart. */
const withoutRanges = (key: string, value: unknown): unknown => (/[rR]ange$/.test(key) ? undefined : value);

/**
 * A LaTeX writeup's body items from the reader's sections and blocks (paragraphs, lists, figures,
 * tables, environments) in document order, page marks before the item they precede; the caller
 * wraps them in `<article class="body">` joined by line ends.
 */
export function latexBodyItems(ctx: Context, renderer: ItemRenderer = renderItem): string[] {
  const { writeup } = ctx;
  type Item = { kind: 'section'; line: number; section: Section } | { kind: 'block'; line: number; block: Block };
  const block = (b: Block): Item => ({ kind: 'block', line: b.range.start.line, block: b });
  // Document order: the blocks before the first heading, then each heading with its blocks (what an
  // `\input` file holds keeps its order though it all stands on the `\input` line).
  const owned = new Set<Block>();
  for (const section of writeup.sections) for (const b of section.blocks) owned.add(b);
  const items: Item[] = [
    ...writeup.blocks.filter((b) => !owned.has(b)).map(block),
    ...writeup.sections.flatMap((section): Item[] => [{ kind: 'section', line: section.range.start.line, section }, ...section.blocks.map(block)]),
  ];
  items.sort((a, b) => a.line - b.line);
  const out: string[] = [];
  for (const item of items) {
    out.push(marksBefore(ctx, item.line));
    if (item.kind === 'section') {
      const { level: depth, title, titlePieces } = item.section;
      const level = Math.min(6, depth + 1);
      out.push(renderer(ctx, () => `s\u0000${level}\u0000${keyOf(titlePieces, () => JSON.stringify(titlePieces)) ?? title}`, item.line, (c) => `<h${level} data-line="${item.line}">${latexText(c, titlePieces, title)}</h${level}>`));
    } else {
      const b = item.block;
      // A `thebibliography` lists the writeup's `\bibitem`s found in its range, not only its own source.
      if (b.type === 'environment' && /^thebibliography\*?$/.test(b.name)) out.push(moveInlineStyles(latexBlock(ctx, b)));
      else out.push(renderer(ctx, () => blockKey(b), item.line, (c) => latexBlock(c, b)));
    }
  }
  return out;
}

/**
 * Keys made once per model object: a reader's session hands back the same blocks (and, when only
 * their lines moved, the same pieces) for what an edit did not touch.
 */
const keys = new WeakMap<object, string>();

function keyOf<T extends object>(of: T | undefined, make: () => string): string | undefined {
  if (of === undefined) return undefined;
  let key = keys.get(of);
  if (key === undefined) {
    key = make();
    keys.set(of, key);
  }
  return key;
}

/** What a block's HTML is made from besides the context: its model (a paragraph: its pieces). */
function blockKey(block: Block): string {
  if (block.type === 'paragraph') return `p\u0000${keyOf(block.pieces, () => JSON.stringify(block.pieces)) ?? block.text}`;
  return keyOf(block, () => `b\u0000${JSON.stringify(block, withoutRanges)}`) ?? '';
}

/** A LaTeX text the model holds: the reader's pieces, else (a model without them) its plain text. */
export function latexText(ctx: Context, pieces: readonly TexInline[] | undefined, text: string): string {
  return pieces ? latexPieces(ctx, pieces) : escapeHtml(text);
}

function latexBlock(ctx: Context, block: Block): string {
  const line = `data-line="${block.range.start.line}"`;
  switch (block.type) {
    case 'paragraph':
      return `<p ${line}>${latexText(ctx, block.pieces, block.text)}</p>`;
    case 'list':
      return listHtml(ctx, block, line);
    case 'math':
      return `<div class="block" ${line}>${renderMathHtml(block.math.tex, true, ctx.macros, block.math.environment)}</div>`;
    case 'figure': {
      const url = isRelativeOrAbsolutePath(block.path) ? ctx.options.resolveImage?.(block.path) : undefined;
      const width = cssWidth(block.width);
      const caption = block.caption ? `<figcaption>${latexText(ctx, block.captionPieces, block.caption)}</figcaption>` : '';
      const img = url
        ? `<img src="${escapeHtml(url)}" alt="${escapeHtml(block.caption ?? block.path)}"${width ? ` data-style="width:${width}"` : ''}>`
        : `<span class="figure missing">[figure: ${escapeHtml(block.path)}]</span>`;
      return `<figure ${line}>${img}${caption}</figure>`;
    }
    case 'table': {
      const cap = block.caption ? `<caption>${latexText(ctx, block.captionPieces, block.caption)}</caption>` : '';
      if (!block.cells) return `<table ${line}>${cap}</table>`;
      const rows = block.cells.map((row) => `<tr>${row.map((c) => `<td${c.span ? ` colspan="${c.span}"` : ''}>${latexPieces(ctx, c.pieces)}</td>`).join('')}</tr>`);
      return `<table ${line}>${cap}<tbody>${rows.join('')}</tbody></table>`;
    }
    case 'code':
      return `<pre ${line}><code>${escapeHtml(block.code ?? '')}</code></pre>`;
    case 'environment': {
      const name = block.name.replace(/\*$/, '');
      if (name === 'thebibliography') return bibItemList(ctx, block, line);
      // A picture drawn in TeX (TikZ, forest) is not text: its place is shown.
      if (block.picture) return `<div class="env env-${escapeHtml(name)}" ${line}><span class="figure missing">[picture: ${escapeHtml(name)}]</span></div>`;
      const body = latexText(ctx, block.pieces, block.text);
      if (name === 'abstract') return `<div class="abstract" ${line}><h2>Abstract</h2><p>${body}</p></div>`;
      const title = escapeHtml(name.charAt(0).toUpperCase() + name.slice(1)) + (block.note ? ` (${latexPieces(ctx, block.note)})` : '');
      return `<div class="env env-${escapeHtml(name)}" ${line}><strong>${title}.</strong> ${body}</div>`;
    }
    case 'pagebreak':
      return `<hr class="newpage" ${line}>`;
    case 'space':
      return '';
  }
}

/** A list with the lists inside its items nested, each item's `[label]` in bold before its text. */
function listHtml(ctx: Context, block: ListBlock, line: string): string {
  const entries: readonly ListEntry[] = block.entries ?? block.items.map((text) => ({ depth: 1, text }));
  const tags: string[] = [block.ordered ? 'ol' : 'ul'];
  // For each open list, whether it has an item open.
  const open: boolean[] = [false];
  let out = `<${tags[0] ?? 'ul'} ${line}>`;
  const close = (): void => {
    if (open.pop()) out += '</li>';
    out += `</${tags.pop() ?? 'ul'}>`;
  };
  for (const entry of entries) {
    const depth = Math.max(1, entry.depth);
    while (tags.length > depth) close();
    while (tags.length < depth) {
      // A list inside the open item (or an item of its own when none is open).
      if (!open[open.length - 1]) out += '<li>';
      open[open.length - 1] = true;
      const tag = entry.ordered ? 'ol' : 'ul';
      tags.push(tag);
      open.push(false);
      out += `<${tag}>`;
    }
    if (open[open.length - 1]) out += '</li>';
    open[open.length - 1] = true;
    const label = entry.label ? `<strong>${latexPieces(ctx, entry.label)}</strong> ` : '';
    out += `<li>${label}${latexText(ctx, entry.pieces, entry.text)}`;
  }
  while (tags.length > 0) close();
  return out;
}

/** A `thebibliography` environment as the list of its `\bibitem`s, each with its text. */
function bibItemList(ctx: Context, block: Block, line: string): string {
  // Items of the same file within the environment's lines (an `\\input` file's own lines there).
  const { start, end } = (block.origin ?? block).range;
  const inside = (ctx.writeup.bibItems ?? []).filter((b) => b.origin?.file === block.origin?.file && (b.origin ?? b).range.start.line >= start.line && (b.origin ?? b).range.start.line <= end.line);
  const items = inside.map((b) => {
    const label = b.label ? `[${escapeHtml(b.label)}] ` : '';
    return `<li id="${refId(b.key)}" data-key="${escapeHtml(b.key)}">${label}${escapeHtml(b.text)}</li>`;
  });
  return `<section class="references" ${line}><h2>References</h2><ol class="bibliography">${items.join('')}</ol></section>`;
}
