/**
 * The preview of one open writeup across edits: each heading and block is rendered once and its
 * HTML reused while what it was rendered from is unchanged (its source and model fields, the
 * macros, the works its citations resolved to, the URLs its figures resolved to). Page marks,
 * the title block and the bibliography are rebuilt on every render. A render gives the same
 * HTML as `renderPreview` (test/core/preview/session.test.ts edits at random to check it).
 */
import type { Writeup } from '../model/writeup';
import { macrosFingerprint } from '../math/macros';
import type { CitedWork } from './citations';
import type { Context, PreviewHtml, PreviewOptions } from './context';
import type { ItemRenderer } from './latexBody';
import { moveInlineStyles } from './styles';
import { renderPreview } from './render';

/** A lookup an item made while rendering, and what it answered. */
type Lookup = { readonly kind: 'cite'; readonly key: string; readonly answer: string } | { readonly kind: 'image'; readonly path: string; readonly answer: string | undefined };

interface Rendered {
  /** The item's HTML, styles moved, with `data-line="<line>"` in its first tag. */
  readonly html: string;
  readonly line: number;
  readonly cited: readonly string[];
  readonly lookups: readonly Lookup[];
}

/**
 * `html` as one flat string. Rendered HTML is a rope of many small pieces; joining ropes into the
 * page walks them again on every render, a flat string is copied at once. Converting a string to
 * a number makes V8 flatten it, in place.
 */
function flat(html: string): string {
  void Number(html);
  return html;
}

/** The HTML of an item rendered at `from`, for the same item starting at line `to`. */
function moved(html: string, from: number, to: number): string {
  // Every item's first tag carries its `data-line`; escaped text cannot hold a `"`, so the first match is that attribute.
  return from === to ? html : flat(html.replace(`data-line="${from}"`, `data-line="${to}"`));
}

/** Renders one writeup again and again, reusing the HTML of the items an edit did not change. */
export class PreviewSession {
  private rendered = new Map<string, Rendered>();
  private counts = { rendered: 0, reused: 0 };

  /** How many items the last render rendered and how many it took from before. */
  get lastRender(): { readonly rendered: number; readonly reused: number } {
    return this.counts;
  }

  /** The preview of `writeup`, equal to `renderPreview(writeup, options)`. */
  render(writeup: Writeup, options: PreviewOptions = {}): PreviewHtml {
    const next = new Map<string, Rendered>();
    const counts = { rendered: 0, reused: 0 };
    const previous = this.rendered;
    let macros: string | undefined;
    // What each key resolves to, once per render (the resolver is the same throughout one render).
    const works = new Map<string, { work: CitedWork | undefined; answer: string }>();
    const images = new Map<string, string | undefined>();
    const work = (ctx: Context, key: string): { work: CitedWork | undefined; answer: string } => {
      let found = works.get(key);
      if (!found) {
        const w = ctx.options.resolveCitation?.(key);
        found = { work: w, answer: w === undefined ? '' : JSON.stringify(w) };
        works.set(key, found);
      }
      return found;
    };
    const image = (ctx: Context, path: string): string | undefined => {
      if (!images.has(path)) images.set(path, ctx.options.resolveImage?.(path));
      return images.get(path);
    };
    const unchanged = (ctx: Context, lookup: Lookup): boolean =>
      lookup.kind === 'cite' ? work(ctx, lookup.key).answer === lookup.answer : image(ctx, lookup.path) === lookup.answer;

    const renderer: ItemRenderer = (ctx, itemKey, line, render) => {
      macros ??= macrosFingerprint(ctx.macros);
      const key = `${itemKey()}\u0000${macros}`;
      const before = next.get(key) ?? previous.get(key);
      if (before && before.lookups.every((l) => unchanged(ctx, l))) {
        const html = moved(before.html, before.line, line);
        next.set(key, { ...before, html, line });
        ctx.cited.push(...before.cited);
        counts.reused++;
        return html;
      }
      const lookups: Lookup[] = [];
      const cited: string[] = [];
      const recording: Context = {
        ...ctx,
        cited,
        options: {
          ...ctx.options,
          resolveCitation: (k) => {
            const found = work(ctx, k);
            lookups.push({ kind: 'cite', key: k, answer: found.answer });
            return found.work;
          },
          resolveImage: (p) => {
            const url = image(ctx, p);
            lookups.push({ kind: 'image', path: p, answer: url });
            return url;
          },
        },
      };
      const html = flat(moveInlineStyles(render(recording)));
      next.set(key, { html, line, cited, lookups });
      ctx.cited.push(...cited);
      counts.rendered++;
      return html;
    };
    const out = renderPreview(writeup, options, renderer);
    this.rendered = next;
    this.counts = counts;
    return out;
  }

  /** Forgets every rendered item (e.g. when the preview follows another document). */
  clear(): void {
    this.rendered = new Map();
  }
}
