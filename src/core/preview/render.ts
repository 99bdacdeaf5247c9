/**
 * The preview's HTML for a writeup: title block, body (markdownBody.ts or latexBody.ts), page marks
 * (pageMarks.ts) and bibliography. Every text is escaped; no script, no inline handler.
 */
import { mergeMacros, noMacros } from '../math/macros';
import type { TexInline } from '../model/inline';
import type { Writeup } from '../model/writeup';
import { isReferencesTitle } from '../readers/common';
import { renderBibliography } from './citations';
import { escapeHtml } from './escape';
import type { Context, PreviewHtml, PreviewOptions } from './context';
import { type ItemRenderer, latexBodyItems, latexText, renderItem } from './latexBody';
import { markdownBody, markdownInline } from './markdownBody';
import { pageMark } from './pageMarks';
import { moveInlineStyles } from './styles';

export type { PreviewHtml, PreviewOptions } from './context';
export { cssWidth } from './markdownBody';
export { latexInlineHtml } from './latexInline';
export { moveInlineStyles } from './styles';

/** Renders a writeup to the preview's HTML body: title block, sections, math, figures, citations, bibliography, page marks. */
export function renderPreview(writeup: Writeup, input: PreviewOptions = {}, renderer: ItemRenderer = renderItem): PreviewHtml {
  const options = withBibItems(writeup, input);
  const macros = mergeMacros(options.macros ?? noMacros, writeup.metadata.mathMacros ?? noMacros);
  const breaks = [...(options.pages?.pageBreaks ?? [])].sort((a, b) => a.line - b.line).map((b) => ({ line: b.line, page: b.page }));
  const ctx: Context = { writeup, options, macros, breaks, cited: [] };
  const head = moveInlineStyles(titleBlock(ctx));
  if (writeup.format === 'markdown') {
    const rest = [head, moveInlineStyles(markdownBody(ctx)), ...after(ctx)];
    return { body: rest.join('\n'), citedKeys: [...new Set(ctx.cited)] };
  }
  const items = latexBodyItems(ctx, renderer);
  const tail = after(ctx).map((part) => `\n${part}`).join('');
  // The page is built when asked for: a panel that sends only the changed parts never builds it.
  let body: string | undefined;
  return {
    get body() {
      return (body ??= `${head}\n<article class="body">${items.join('\n')}</article>${tail}`);
    },
    citedKeys: [...new Set(ctx.cited)],
    parts: { head, items, tail },
  };
}

/** What follows the body: page marks after its last block, then the bibliography (styles moved). */
function after(ctx: Context): string[] {
  const { writeup, options } = ctx;
  const parts: string[] = [];
  // Page ends after the last block (e.g. the last page of a long bibliography) still get a mark.
  for (const b of ctx.breaks.splice(0)) parts.push(pageMark(b.page, ctx.options.pageLimit));
  // `nocite` keys and `\nocite{*}` / `nocite: '@*'` put entries in the bibliography without a citation in the text.
  for (const c of writeup.citations) if (c.command === 'nocite') ctx.cited.push(c.key);
  if (writeup.citesAll && options.allKeys) ctx.cited.push(...options.allKeys());
  // Keys the document's own `thebibliography` lists are not listed a second time.
  const own = new Set((writeup.bibItems ?? []).map((b) => b.key));
  const bibliography = renderBibliography(own.size > 0 ? ctx.cited.filter((k) => !own.has(k)) : ctx.cited, options.resolveCitation);
  if (bibliography) {
    const hasHeading = writeup.sections.some((s) => isReferencesTitle(s.title));
    parts.push(`<section class="references">${hasHeading ? '' : '<h2>References</h2>'}${bibliography}</section>`);
  }
  return parts.map(moveInlineStyles);
}

/** The options with citations of the document's own `\bibitem`s resolving to their text (after the .bib). */
function withBibItems(writeup: Writeup, options: PreviewOptions): PreviewOptions {
  const items = writeup.bibItems;
  if (!items || items.length === 0) return options;
  const resolve = options.resolveCitation;
  return {
    ...options,
    resolveCitation: (key) => {
      const found = resolve?.(key);
      if (found) return found;
      const item = items.find((b) => b.key === key);
      if (!item) return undefined;
      // A natbib label `Foo et al.(2020)` gives the author-year label.
      return { key, authors: [], ...(item.labelAuthors ? { authorText: item.labelAuthors } : {}), ...(item.labelYear ? { year: item.labelYear } : {}), title: item.text };
    },
  };
}

function titleBlock(ctx: Context): string {
  const m = ctx.writeup.metadata;
  const parts: string[] = [];
  const line = m.titleRange?.start.line ?? m.range?.start.line ?? 0;
  if (m.title) parts.push(`<h1 class="title">${inline(ctx, m.title, m.titlePieces)}</h1>`);
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
  if (m.abstract && !abstractBlock) parts.push(`<div class="abstract"><h2>Abstract</h2><p>${inline(ctx, m.abstract, undefined)}</p></div>`);
  return parts.length > 0 ? `<header class="title-block" data-line="${line}">${parts.join('')}</header>` : '';
}

/** Inline text (title, abstract): Markdown source, or the LaTeX reader's pieces (else its plain text). */
function inline(ctx: Context, text: string, pieces: readonly TexInline[] | undefined): string {
  if (ctx.writeup.format === 'markdown') return markdownInline(ctx, text);
  return latexText(ctx, pieces, text);
}
