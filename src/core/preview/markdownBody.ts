/**
 * A Markdown writeup's body from what the Markdown reader read: its remark tree (readers/markdown/tree.ts)
 * for the blocks and inline markup (an image's caption inlines, alt text and attributes included:
 * readers/markdown/images.ts), its model for math, citations, figures and page breaks. No text is
 * parsed here.
 */
import type { Block, Writeup } from '../model/writeup';
import { lineIndexOf } from '../model/query';
import type { MdNode } from '../readers/chunkedParse';
import type { MdImage } from '../readers/markdown/images';
import { endOf, firstEndingAfter, startOf } from '../readers/markdown/spans';
import { lazyEngine } from '../lazy/index';
import { type CiteItem, renderCitationGroup } from './citations';
import { escapeHtml, isRelativeOrAbsolutePath, safeLinkUrl } from './escape';
import { renderMathHtml } from './math';
import type { Context } from './context';
import { marksBefore } from './pageMarks';

/** The mdast fields read here besides MdNode's. */
type Node = MdNode & {
  readonly url?: string;
  readonly title?: string | null;
  readonly spread?: boolean | null;
  readonly checked?: boolean | null;
  readonly start?: number | null;
  readonly align?: readonly (string | null)[] | null;
};

/** Math or a citation group the reader found: replaced whole by its HTML. */
interface Special {
  readonly start: number;
  readonly end: number;
  readonly display: boolean;
  readonly html: (ctx: Context) => string;
}

/** One render of one Markdown text: the writeup read from it, its tree and what stands where. */
interface Doc {
  readonly writeup: Writeup;
  readonly tree: MdNode;
  readonly specials: readonly Special[];
  readonly blocks: ReadonlyMap<number, Block>;
  readonly titleEnds: ReadonlyMap<number, number>;
  readonly definitions: ReadonlyMap<string, Node>;
  readonly emitted: Set<Special>;
}

function docOf(given: Writeup): Doc {
  let writeup = given;
  const { markdownTreeOf, readWriteup, layoutLines } = lazyEngine();
  let tree = markdownTreeOf(given);
  if (!tree) {
    // A model the reader did not make here (built by hand, or copied): read its text once more.
    writeup = readWriteup(given.text, { file: given.file, format: 'markdown' });
    tree = markdownTreeOf(writeup) ?? { type: 'root', children: [] };
  }
  const index = lineIndexOf(writeup);
  const at = (p: { line: number; character: number }): number => index.offsetAt(p);
  const specials: Special[] = [];
  for (const m of writeup.math) {
    if (m.origin) continue;
    specials.push({ start: at(m.range.start), end: at(m.range.end), display: m.display, html: (ctx) => renderMathHtml(m.tex, m.display, ctx.macros, m.environment) });
  }
  const groups = new Map<string, { start: number; end: number; items: CiteItem[]; textual: boolean }>();
  for (const c of writeup.citations) {
    if (c.command !== 'pandoc') continue;
    const start = at(c.groupRange.start);
    const end = at(c.groupRange.end);
    const id = `${start}:${end}`;
    let group = groups.get(id);
    if (!group) groups.set(id, (group = { start, end, items: [], textual: c.inText === true && !c.suppressAuthor }));
    group.items.push({
      key: c.key,
      ...(c.suppressAuthor ? { suppressAuthor: true } : {}),
      ...(c.prefix ? { prefix: c.prefix } : {}),
      ...(c.locator ? { locator: c.locator } : {}),
    });
  }
  for (const g of groups.values()) {
    specials.push({
      start: g.start,
      end: g.end,
      display: false,
      html: (ctx) => {
        ctx.cited.push(...g.items.map((i) => i.key));
        return renderCitationGroup(g.items, ctx.options.resolveCitation, 'pandoc', g.textual);
      },
    });
  }
  // Fenced-div and page-break lines inside a paragraph are layout: shown as nothing.
  for (const n of tree.children ?? []) {
    if (n.type !== 'paragraph') continue;
    for (const l of layoutLines(writeup.text, startOf(n), endOf(n))) specials.push({ start: l.start, end: l.end, display: false, html: () => '' });
  }
  specials.sort((a, b) => a.start - b.start || b.end - a.end);
  // A citation nested in another group's locator is part of that group's text.
  const outer: Special[] = [];
  for (const s of specials) if (!outer.length || s.start >= (outer[outer.length - 1] as Special).end) outer.push(s);
  const blocks = new Map<number, Block>();
  for (const b of writeup.blocks) if (b.type !== 'space' && !b.origin) blocks.set(at(b.range.start), b);
  const titleEnds = new Map<number, number>();
  for (const s of writeup.sections) titleEnds.set(at(s.range.start), at(s.titleRange.end));
  const definitions = new Map<string, Node>();
  for (const n of tree.children ?? []) if (n.type === 'definition' && n.identifier && !definitions.has(n.identifier)) definitions.set(n.identifier, n as Node);
  return { writeup, tree, specials: outer, blocks, titleEnds, definitions, emitted: new Set() };
}

/** The body of a Markdown writeup, `<article class="body">` with page marks between its top-level blocks. */
export function markdownBody(ctx: Context): string {
  const doc = docOf(ctx.writeup);
  const index = lineIndexOf(doc.writeup);
  const out: string[] = [];
  let afterTable = false;
  for (const node of doc.tree.children ?? []) {
    const start = startOf(node);
    const line = index.positionAt(start).line;
    const block = doc.blocks.get(start);
    const wasTable = afterTable;
    afterTable = node.type === 'table';
    if (node.type === 'yaml' || node.type === 'definition') continue;
    // What the reader found to be no block: fenced-div lines (`::: {#refs}`), raw `\vspace`; a table's caption paragraph is one.
    if (node.type === 'paragraph' && (block === undefined ? !wasTable : block.type === 'pagebreak' || block.type === 'space')) continue;
    out.push(marksBefore(ctx, line));
    out.push(blockHtml(ctx, doc, node, line, block, true));
  }
  return `<article class="body">${out.join('')}</article>`;
}

/** Markdown running text (a title, an abstract) as inline HTML, read by the Markdown reader. */
export function markdownInline(ctx: Context, value: string): string {
  const writeup = lazyEngine().readWriteup(value, { file: ctx.writeup.file, format: 'markdown' });
  const doc = docOf(writeup);
  return (doc.tree.children ?? [])
    .filter((n) => n.type !== 'yaml' && n.type !== 'definition')
    // Anything else (raw HTML, a line the reader took for a list or code) is shown as the text it is.
    .map((n) => (n.type === 'paragraph' || n.type === 'heading' ? inline(ctx, doc, n.children ?? []) : text(doc, startOf(n), endOf(n), undefined)))
    .join(' ');
}

function lineAttr(doc: Doc, node: MdNode): string {
  return ` data-line="${lineIndexOf(doc.writeup).positionAt(startOf(node)).line}"`;
}

function blockHtml(ctx: Context, doc: Doc, node: Node, line: number, block: Block | undefined, top: boolean, tight = false): string {
  const dl = top ? ` data-line="${line}"` : lineAttr(doc, node);
  const kids = (): string => (node.children ?? []).map((c) => blockHtml(ctx, doc, c, 0, top ? doc.blocks.get(startOf(c)) : undefined, false, tight)).join('');
  switch (node.type) {
    case 'paragraph': {
      if (block?.type === 'figure') {
        const image = (node.children ?? []).find((c) => c.type === 'image');
        if (image) return `${figure(ctx, doc, image as MdImage, dl)}\n`;
      }
      if (block?.type === 'math') return `<div class="block"${dl}>${renderMathHtml(block.math.tex, true, ctx.macros, block.math.environment)}</div>\n`;
      const runs = paragraphRuns(doc, node);
      if (runs.length === 1 && runs[0]?.kind === 'inline') {
        const html = inline(ctx, doc, runs[0].nodes);
        return tight ? html : `<p${dl}>${html}</p>\n`;
      }
      // Display math in a paragraph is a block between the paragraph's parts, as pandoc prints it.
      return runs
        .map((run) => {
          let from = run.start;
          while (/\s/.test(doc.writeup.text[from] ?? '')) from++;
          const at = ` data-line="${lineIndexOf(doc.writeup).positionAt(from).line}"`;
          if (run.kind === 'display') {
            doc.emitted.add(run.special);
            return `<div class="block"${at}>${run.special.html(ctx)}</div>\n`;
          }
          // Line ends beside the display are not part of the text.
          const html = inline(ctx, doc, run.nodes).trim();
          return html === '' ? '' : tight ? html : `<p${at}>${html}</p>\n`;
        })
        .join('');
    }
    case 'heading': {
      const level = Math.min(6, Math.max(1, node.depth ?? 1));
      const limit = doc.titleEnds.get(startOf(node));
      return `<h${level}${dl}>${inline(ctx, doc, node.children ?? [], limit)}</h${level}>\n`;
    }
    case 'blockquote':
      return `<blockquote${dl}>\n${(node.children ?? []).map((c) => blockHtml(ctx, doc, c, 0, undefined, false)).join('')}</blockquote>\n`;
    case 'list': {
      const tag = node.ordered ? 'ol' : 'ul';
      const start = node.ordered && typeof node.start === 'number' && node.start !== 1 ? ` start="${node.start}"` : '';
      const loose = node.spread === true || (node.children ?? []).some((i) => (i as Node).spread === true);
      const items = (node.children ?? []).map((item) => {
        const it = item as Node;
        const body = (item.children ?? []).map((c) => blockHtml(ctx, doc, c, 0, undefined, false, !loose)).join('');
        if (typeof it.checked !== 'boolean') return `<li${lineAttr(doc, item)}>${body}</li>\n`;
        // A task item (pandoc's task_lists): its box in place of the bullet, as pandoc's HTML and PDF show it.
        const box = `<input type="checkbox" disabled${it.checked ? ' checked' : ''}> `;
        const para = /^<p data-line="\d+">/.exec(body);
        return `<li class="task"${lineAttr(doc, item)}>${para ? para[0] + box + body.slice(para[0].length) : box + body}</li>\n`;
      });
      return `<${tag}${dl}${start}>\n${items.join('')}</${tag}>\n`;
    }
    case 'code': {
      const lang = node.lang ? ` class="language-${escapeHtml(node.lang)}"` : '';
      return `<pre><code${dl}${lang}>${escapeHtml(node.value ?? '')}\n</code></pre>\n`;
    }
    case 'math': {
      const m = within(doc, startOf(node), endOf(node)).find((s) => s.start === startOf(node) && s.display);
      // `$$` the reader did not read as math (pandoc's rules are not remark-math's) is text.
      return m ? `<div class="block"${dl}>${m.html(ctx)}</div>\n` : `<p${dl}>${escapeHtml(source(doc, node))}</p>\n`;
    }
    case 'thematicBreak':
      return `<hr${dl}>\n`;
    case 'html':
      // Raw HTML is shown as text, never rendered; a comment is not shown (pandoc leaves it out of the PDF).
      return (node.value ?? '').startsWith('<!--') ? '' : `<p${dl}>${escapeHtml(source(doc, node))}</p>\n`;
    case 'table': {
      const align = node.align ?? [];
      const rows = (node.children ?? []).map((row, r) => {
        const cells = (row.children ?? []).map((cell, k) => {
          const a = align[k];
          const tag = r === 0 ? 'th' : 'td';
          return `<${tag}${a ? ` style="text-align:${a}"` : ''}>${inline(ctx, doc, cell.children ?? [])}</${tag}>`;
        });
        return `<tr${lineAttr(doc, row)}>\n${cells.join('\n')}\n</tr>\n`;
      });
      const [head, ...body] = rows;
      const [first, second] = node.children ?? [];
      const thead = first ? `<thead${lineAttr(doc, first)}>\n${head ?? ''}</thead>\n` : '';
      const tbody = second ? `<tbody${lineAttr(doc, second)}>\n${body.join('')}</tbody>\n` : '';
      return `<table${dl}>\n${thead}${tbody}</table>\n`;
    }
    case 'footnoteDefinition':
      return `<div class="footnote"${dl}><sup>${escapeHtml(node.identifier ?? '')}</sup> ${(node.children ?? []).map((c) => blockHtml(ctx, doc, c, 0, undefined, false, true)).join(' ')}</div>\n`;
    case 'yaml':
    case 'definition':
      return '';
    default:
      return node.children ? kids() : escapeHtml(node.value ?? '');
  }
}

type Run = { kind: 'inline'; start: number; nodes: MdNode[] } | { kind: 'display'; start: number; special: Special };

/** A paragraph's children cut at the display math standing in its text. */
function paragraphRuns(doc: Doc, node: MdNode): Run[] {
  const runs: Run[] = [];
  let current: MdNode[] = [];
  let currentStart = startOf(node);
  const piece = (from: number, to: number): MdNode => ({ type: 'text', position: { start: { offset: from }, end: { offset: to } } });
  for (const child of node.children ?? []) {
    const displays = child.type === 'text' ? within(doc, startOf(child), endOf(child)).filter((sp) => sp.display && sp.start >= startOf(child) && sp.end <= endOf(child)) : [];
    if (displays.length === 0) {
      current.push(child);
      continue;
    }
    let at = startOf(child);
    for (const d of displays) {
      if (d.start > at) current.push(piece(at, d.start));
      runs.push({ kind: 'inline', start: current[0] ? startOf(current[0]) : currentStart, nodes: current }, { kind: 'display', start: d.start, special: d });
      current = [];
      at = d.end;
      currentStart = d.end;
    }
    if (at < endOf(child)) current.push(piece(at, endOf(child)));
  }
  runs.push({ kind: 'inline', start: current[0] ? startOf(current[0]) : currentStart, nodes: current });
  return runs.filter((r) => r.kind === 'display' || r.nodes.length > 0);
}

/** Pandoc's smart punctuation: dashes, ellipses, curly quotes. */
function smart(text: string, before: string): string {
  let prev = before;
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (c === '"' || c === "'") {
      const open = prev === '' || /[\s([{\u2014\u2013-]/.test(prev);
      out += c === '"' ? (open ? '\u201c' : '\u201d') : open ? '\u2018' : '\u2019';
    } else out += c;
    prev = c;
  }
  return out.replace(/---/g, '\u2014').replace(/--/g, '\u2013').replace(/\.\.\./g, '\u2026');
}

/** The specials overlapping `from`..`to`, in order (they do not overlap one another). */
function within(doc: Doc, from: number, to: number): Special[] {
  const list = doc.specials;
  const out: Special[] = [];
  for (let k = firstEndingAfter(list, from); k < list.length && (list[k] as Special).start < to; k++) out.push(list[k] as Special);
  return out;
}

/** A node's source as written (raw HTML; the tree's value may hold the reader's stand-ins for math). */
function source(doc: Doc, node: MdNode): string {
  return doc.writeup.text.slice(startOf(node), endOf(node));
}

/** Source text between two offsets as it prints: backslash escapes removed. */
function sourceText(doc: Doc, from: number, to: number): string {
  // As in a text node's value: no indentation after a line end, no spaces before one.
  return doc.writeup.text
    .slice(from, to)
    .replace(/\\([!-/:-@[-`{-~])/g, '$1')
    .replace(/[ \t]*(\r?\n)[ \t]*/g, '$1');
}

function text(doc: Doc, from: number, to: number, value: string | undefined): string {
  let s = value ?? sourceText(doc, from, to);
  if (s.includes('\r')) s = s.replace(/\r\n?/g, '\n');
  return escapeHtml(smart(s, doc.writeup.text[from - 1] ?? ''));
}

/** A text node's HTML: its value, the reader's math and citations in it replaced by their HTML. */
function textHtml(ctx: Context, doc: Doc, node: MdNode, limit: number): string {
  const start = startOf(node);
  const end = Math.min(endOf(node), limit);
  const inside = within(doc, start, end);
  if (inside.length === 0) return end < endOf(node) ? text(doc, start, end, undefined) : text(doc, start, end, node.value);
  let out = '';
  let at = start;
  for (const s of inside) {
    if (s.start > at) out += text(doc, at, s.start, undefined);
    if (!doc.emitted.has(s)) {
      doc.emitted.add(s);
      out += s.html(ctx);
    }
    at = Math.max(at, s.end);
  }
  if (at < end) out += text(doc, at, end, undefined);
  return out;
}

/** Inline nodes as HTML; `limit` where a heading's title ends (its attributes are not shown). */
function inline(ctx: Context, doc: Doc, nodes: readonly MdNode[], limit = Infinity): string {
  let out = '';
  for (let i = 0; i < nodes.length; i++) {
    const n = nodes[i] as Node;
    const start = startOf(n);
    if (start >= limit) break;
    // Inside a citation group already shown (`[*see* @a]`): part of its HTML.
    if (doc.emitted.size > 0 && within(doc, start, endOf(n)).some((s) => doc.emitted.has(s) && start >= s.start && endOf(n) <= s.end)) continue;
    const kids = (): string => inline(ctx, doc, n.children ?? [], limit);
    switch (n.type) {
      case 'text':
        out += textHtml(ctx, doc, n, limit);
        break;
      case 'emphasis':
        out += `<em>${kids()}</em>`;
        break;
      case 'strong':
        out += `<strong>${kids()}</strong>`;
        break;
      case 'delete':
        out += `<s>${kids()}</s>`;
        break;
      case 'inlineCode':
        out += `<code>${escapeHtml(n.value ?? '')}</code>`;
        break;
      case 'break':
        out += '<br>\n';
        break;
      case 'inlineMath': {
        const m = within(doc, start, endOf(n)).find((s) => s.start === start);
        out += m ? m.html(ctx) : text(doc, start, endOf(n), undefined);
        break;
      }
      case 'html':
        out += (n.value ?? '').startsWith('<!--') ? '' : escapeHtml(source(doc, n));
        break;
      case 'link':
      case 'linkReference': {
        const target = n.type === 'link' ? n : doc.definitions.get(n.identifier ?? '');
        out += link(target?.url ?? '', target?.title ?? undefined, kids());
        break;
      }
      case 'image':
      case 'imageReference': {
        out += inlineImage(ctx, doc, n as MdImage);
        break;
      }
      case 'footnoteReference':
        out += `<sup class="footnote-ref">${escapeHtml(n.identifier ?? '')}</sup>`;
        break;
      default:
        out += n.children ? kids() : escapeHtml(n.value ?? '');
    }
  }
  return out;
}

/** A link the preview may follow (http(s), mailto, `#anchor`); any other target keeps its text on an inert `#`. */
function link(url: string, title: string | undefined, label: string): string {
  const safe = safeLinkUrl(url);
  if (safe === undefined && !(isRelativeOrAbsolutePath(url) && !/^\s*$/.test(url))) return label;
  const t = title ? ` title="${escapeHtml(title)}"` : '';
  return `<a href="${escapeHtml(safe ?? '#')}"${t}>${label}</a>`;
}

/** An image's address: its own, or its reference's definition's. */
function imageSource(doc: Doc, image: MdImage): string {
  return (image.type === 'image' ? image.url : doc.definitions.get(image.identifier ?? '')?.url) ?? '';
}

/** The webview URL of an image's path; undefined for anything but a plain path, or one the host does not resolve. */
function imageUrl(ctx: Context, src: string): string | undefined {
  return isRelativeOrAbsolutePath(src) ? ctx.options.resolveImage?.(src) : undefined;
}

/** `<img>` with the image's alt text (the reader's plain text of its label) and its size from its attributes. */
function img(url: string, image: MdImage): string {
  const values = image.attributes?.values ?? {};
  const size = (['width', 'height'] as const).flatMap((k) => {
    const css = imageLength(values[k]);
    return css ? [`${k}:${css}`] : [];
  });
  const style = size.length > 0 ? ` data-style="${size.join(';')}"` : '';
  return `<img src="${escapeHtml(url)}" alt="${escapeHtml(image.alt ?? '')}"${style}>`;
}

/** Pandoc's implicit figure: the image and its label as the caption (inline markup, math and citations rendered). */
function figure(ctx: Context, doc: Doc, image: MdImage, dl: string): string {
  const src = imageSource(doc, image);
  const url = imageUrl(ctx, src);
  const caption = inline(ctx, doc, image.children ?? []).trim();
  const shown = url !== undefined ? img(url, image) : `<span class="figure missing" title="${escapeHtml(src)}">[figure: ${escapeHtml(src)}]</span>`;
  return `<figure${dl}>${shown}${caption ? `<figcaption>${caption}</figcaption>` : ''}</figure>`;
}

/** An image in running text: just the image, sized by its attributes (pandoc gives it no caption). */
function inlineImage(ctx: Context, doc: Doc, image: MdImage): string {
  const src = imageSource(doc, image);
  const url = imageUrl(ctx, src);
  if (url !== undefined) return img(url, image);
  return `<span class="figure missing" title="${escapeHtml(src)}">[image: ${escapeHtml(image.alt || src)}]</span>`;
}

/** An image's width or height as CSS: a length pandoc reads (a bare number is pixels). */
function imageLength(spec: string | undefined): string | undefined {
  return spec !== undefined && /^\s*\d+(\.\d+)?\s*$/.test(spec) ? `${Number(spec)}px` : cssWidth(spec);
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
