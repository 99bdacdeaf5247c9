/** Page-end marks between blocks, the course's limit page in red. */
import { escapeHtml } from './escape';
import type { Context } from './context';

export function pageMark(page: number, limit: number | undefined): string {
  const over = limit !== undefined && page === limit;
  const label = over ? `End of page ${page}: the page limit (${limit} pages). Content below is over the limit.` : `End of page ${page}`;
  return `<div class="page-break${over ? ' page-limit' : ''}" data-page="${page}" role="separator" aria-label="${escapeHtml(label)}"><span>${escapeHtml(label)}</span></div>`;
}

/** Page marks for every page that ends before `line`. */
export function marksBefore(ctx: Context, line: number): string {
  let out = '';
  while (ctx.breaks.length > 0 && (ctx.breaks[0]?.line ?? Infinity) <= line) {
    const b = ctx.breaks.shift();
    if (b) out += pageMark(b.page, ctx.options.pageLimit);
  }
  return out;
}
