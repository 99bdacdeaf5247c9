import type MarkdownIt from 'markdown-it';
import type { StateInline } from 'markdown-it';
import { lazyEngine } from '../lazy/index';
import { pandocCitationAt } from '../readers/pandocInline';
import { citationNames } from '../text/citationNames';
import { surname } from '../text/surname';
import { escapeHtml, safeLinkUrl } from './escape';

/** What the preview needs to cite a work: from a .bib entry or a course pack's paper. */
export interface CitedWork {
  readonly key: string;
  /** Author names as written ("First Last" or "Last, First"). */
  readonly authors: readonly string[];
  /** The author part as it prints, where known whole (a natbib `\bibitem` label's `Foo et al.`): used instead of the surnames. */
  readonly authorText?: string;
  readonly year?: number | string;
  readonly title?: string;
  readonly venue?: string;
  readonly url?: string;
}

/** Looks a citation key up (bibliography first, then course packs); undefined when unknown. */
export type CitationResolver = (key: string) => CitedWork | undefined;

/** One cited key in a group, with pandoc's extras. */
export interface CiteItem {
  readonly key: string;
  /** Pandoc `[-@key]`: year only. */
  readonly suppressAuthor?: boolean;
  readonly prefix?: string;
  readonly locator?: string;
}

/**
 * How a writeup's citations print: `pandoc` for Markdown (citeproc's default, Chicago author-date:
 * "Bartlett, Foster, and Telgarsky 2017", the label the page estimate sets), `natbib` for LaTeX
 * (`\\citep` in an author-year style: "Bartlett et al., 2017").
 */
export type CitationStyle = 'pandoc' | 'natbib';

/** Author part of an author-year label: "Bartlett", "Bartlett and Mendelson", "Bartlett et al." (pandoc: three names listed). */
export function authorLabel(authors: readonly string[], style: CitationStyle): string {
  const names = authors.map(surname).filter((n) => n !== '');
  if (names.length === 0) return 'Anonymous';
  if (style === 'pandoc') return citationNames(names);
  if (names.length === 1) return names[0] ?? '';
  if (names.length === 2) return `${names[0]} and ${names[1]}`;
  return `${names[0]} et al.`;
}

function yearOf(work: CitedWork): string {
  return work.year !== undefined && String(work.year).trim() !== '' ? String(work.year) : 'n.d.';
}

/** Plain text of one citation in author-year style: "Bartlett, Foster, and Telgarsky 2017" (pandoc), "Bartlett et al., 2017" (natbib). */
export function authorYear(work: CitedWork, style: CitationStyle): string {
  return `${namesOf(work, style)}${style === 'pandoc' ? ' ' : ', '}${yearOf(work)}`;
}

/** The author part of a work's author-year label. */
function namesOf(work: CitedWork, style: CitationStyle): string {
  return work.authorText ?? authorLabel(work.authors, style);
}

/** The bibliography entry's element id for a key; lone surrogates (not encodable) become U+FFFD. */
export function refId(key: string): string {
  return escapeHtml(`ref-${encodeURIComponent(key.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD'))}`);
}

/**
 * HTML for a citation group, author-year in `style`: parenthetical `(Bartlett et al., 2017; Zhang, 2021)`
 * or textual `Bartlett et al. (2017)`. Unknown keys show as `key?` marked missing. All text escaped.
 */
export function renderCitationGroup(items: readonly CiteItem[], resolve: CitationResolver | undefined, style: CitationStyle, textual = false): string {
  const parts = items.map((item) => {
    const work = resolve?.(item.key);
    const extra = (s: string): string => (item.locator ? `${s}, ${item.locator}` : s);
    let text: string;
    if (!work) text = extra(`${item.key}?`);
    else if (textual) text = `${namesOf(work, style)} (${extra(yearOf(work))})`;
    else text = extra(item.suppressAuthor ? yearOf(work) : authorYear(work, style));
    const prefix = item.prefix ? `${item.prefix} ` : '';
    const cls = work ? 'cite' : 'cite missing';
    return `<a class="${cls}" href="#${refId(item.key)}" data-cite="${escapeHtml(item.key)}">${escapeHtml(prefix + text)}</a>`;
  });
  return textual ? `<span class="citation">${parts.join('; ')}</span>` : `<span class="citation">(${parts.join('; ')})</span>`;
}

/** HTML of one bibliography entry: "Bartlett, P. L., ... (2017). Title. Venue." All text escaped. */
export function renderBibliographyEntry(work: CitedWork): string {
  const authors = work.authors.length > 0 ? work.authors.map((a) => a.replace(/[{}]/g, '')).join(', ') : 'Anonymous';
  const title = work.title ? ` ${escapeHtml(work.title.replace(/[{}]/g, ''))}.` : '';
  const venue = work.venue ? ` <em>${escapeHtml(work.venue.replace(/[{}]/g, ''))}</em>.` : '';
  const url = work.url ? safeLinkUrl(work.url) : undefined;
  const link = url ? ` <a href="${escapeHtml(url)}">${escapeHtml(url)}</a>` : '';
  return `<li id="${refId(work.key)}" data-key="${escapeHtml(work.key)}">${escapeHtml(authors)} (${escapeHtml(yearOf(work))}).${title}${venue}${link}</li>`;
}

/** The bibliography of the cited works that resolve, sorted by first author then year. */
export function renderBibliography(keys: Iterable<string>, resolve: CitationResolver | undefined): string {
  const works: CitedWork[] = [];
  const seen = new Set<string>();
  for (const key of keys) {
    if (seen.has(key)) continue;
    seen.add(key);
    const work = resolve?.(key);
    if (work) works.push(work);
  }
  if (works.length === 0) return '';
  works.sort(
    (a, b) => namesOf(a, 'natbib').localeCompare(namesOf(b, 'natbib')) || yearOf(a).localeCompare(yearOf(b)) || a.key.localeCompare(b.key),
  );
  return `<ol class="bibliography">${works.map(renderBibliographyEntry).join('')}</ol>`;
}

/**
 * The inside of a pandoc bracket citation `[see @a, p. 3; -@b]` as the Markdown reader reads it
 * (its scanner, readers/pandocInline.ts); undefined if the reader finds no citation group there.
 */
export function parseCitationBracket(inner: string): CiteItem[] | undefined {
  const text = `[${inner}]`;
  const scanner = new (lazyEngine().PandocInlineScanner)(text, []);
  scanner.scan(0, text.length, false);
  const group = scanner.result.citations.filter((c) => c.groupStart === 0 && c.groupEnd === text.length && !c.inText);
  if (group.length === 0) return undefined;
  return group.map((c) => ({
    key: c.key,
    ...(c.suppressAuthor ? { suppressAuthor: true } : {}),
    ...(c.prefix ? { prefix: c.prefix } : {}),
    ...(c.locator ? { locator: c.locator } : {}),
  }));
}

/** Options of the citations plugin. */
export interface CitationPluginOptions {
  /**
   * Called at render time with markdown-it's `env` (VS Code's preview puts `currentDocument` there),
   * so the caller may pick the document's bibliography.
   */
  readonly resolve: (env: unknown) => CitationResolver | undefined;
}

/** Keys cited while rendering are collected in `env.citedKeys` (for the bibliography). */
export interface CitationEnv {
  citedKeys?: string[];
}

/**
 * markdown-it plugin: pandoc citations `[@a; @b, p. 3]`, `[-@a]` and in-text `@a` render
 * author-year, in VS Code's built-in Markdown preview (through `extendMarkdownIt`). The Writeup
 * preview renders the reader's citations instead (markdownBody.ts).
 */
export function markdownItCitations(md: MarkdownIt, options: CitationPluginOptions): void {
  md.inline.ruler.before('link', 'pandoc_citation', (state: StateInline, silent: boolean) => {
    const src = state.src;
    const start = state.pos;
    const c = src[start];
    if (c === '[') {
      const close = src.indexOf(']', start);
      if (close < 0 || src[close + 1] === '(' || src[close + 1] === '[') return false;
      const inner = src.slice(start + 1, close);
      if (!inner.includes('@') || inner.includes('[')) return false;
      const items = parseCitationBracket(inner);
      if (!items) return false;
      if (!silent) {
        const token = state.push('pandoc_citation', '', 0);
        token.meta = { items, textual: false };
      }
      state.pos = close + 1;
      return true;
    }
    if (c === '@' || (c === '-' && src[start + 1] === '@')) {
      const key = pandocCitationAt(src, start);
      if (!key) return false;
      if (!silent) {
        const token = state.push('pandoc_citation', '', 0);
        token.meta = { items: [{ key: key.key, ...(key.suppress ? { suppressAuthor: true } : {}) }], textual: !key.suppress };
      }
      state.pos = key.end;
      return true;
    }
    return false;
  });
  md.renderer.rules['pandoc_citation'] = (tokens, idx, _opts, env: CitationEnv) => {
    const meta = tokens[idx]?.meta as { items: CiteItem[]; textual: boolean };
    if (env && typeof env === 'object') {
      env.citedKeys ??= [];
      env.citedKeys.push(...meta.items.map((i) => i.key));
    }
    return renderCitationGroup(meta.items, options.resolve(env), 'pandoc', meta.textual);
  };
}
