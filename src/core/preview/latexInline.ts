/** LaTeX running text to HTML: the LaTeX reader's pieces (readers/latex/runningText.ts) rendered. */
import { type MacroMap } from '../math/macros';
import type { TexInline } from '../model/inline';
import { type CitationResolver, renderCitationGroup } from './citations';
import { escapeHtml, safeLinkUrl } from './escape';
import { renderMathHtml } from './math';
import type { Context } from './context';

const STYLE_TAGS: Readonly<Record<string, [string, string]>> = {
  emph: ['<em>', '</em>'],
  textit: ['<em>', '</em>'],
  textbf: ['<strong>', '</strong>'],
  texttt: ['<code>', '</code>'],
  textsc: ['<span class="smallcaps">', '</span>'],
  underline: ['<u>', '</u>'],
  enquote: ['\u201c', '\u201d'],
};

/** Citation commands that name the authors in the sentence. */
const TEXTUAL = new Set(['citet', 'textcite']);

/**
 * Renders the LaTeX reader's running-text pieces (readers/latex/runningText.ts): math, citations,
 * emphasis, links, accents; other commands dropped, their text kept.
 */
export function latexInlineHtml(pieces: readonly TexInline[], resolve: CitationResolver | undefined, macros: MacroMap, cited: string[] = []): string {
  return html(pieces, resolve, macros, cited);
}

function html(pieces: readonly TexInline[], resolve: CitationResolver | undefined, macros: MacroMap, cited: string[]): string {
  let out = '';
  for (const p of pieces) {
    switch (p.kind) {
      case 'text':
        out += escapeHtml(p.text);
        break;
      case 'nbsp':
        out += '&nbsp;';
        break;
      case 'break':
        out += '<br>';
        break;
      case 'math':
        out += renderMathHtml(p.tex, p.display, macros, p.environment);
        break;
      case 'styled': {
        const wrap = STYLE_TAGS[p.command] ?? ['', ''];
        out += wrap[0] + html(p.children, resolve, macros, cited) + wrap[1];
        break;
      }
      case 'footnote':
        out += `<span class="footnote">${html(p.children, resolve, macros, cited)}</span>`;
        break;
      case 'link': {
        const url = safeLinkUrl(p.url);
        const label = p.children ? html(p.children, resolve, macros, cited) : escapeHtml(p.url);
        out += url ? `<a href="${escapeHtml(url)}">${label}</a>` : label;
        break;
      }
      case 'cite': {
        cited.push(...p.keys);
        // natbib: one optional argument is the locator, two are prefix then locator; `~` is a space.
        const locator = (p.options.length === 2 ? p.options[1] : p.options[0])?.replace(/~/g, '\u00a0');
        const prefix = p.options.length === 2 ? p.options[0]?.replace(/~/g, '\u00a0') : undefined;
        const items = p.keys.map((key, n) => ({
          key,
          ...(n === 0 && prefix ? { prefix } : {}),
          ...(n === p.keys.length - 1 && locator ? { locator } : {}),
        }));
        out += renderCitationGroup(items, resolve, 'natbib', TEXTUAL.has(p.command));
        break;
      }
      case 'ref':
        out += `<span class="ref">${p.command === 'eqref' ? '(' : ''}${escapeHtml(p.label)}${p.command === 'eqref' ? ')' : ''}</span>`;
        break;
      case 'hidden':
      case 'command':
        // Not shown: an unknown command's name is dropped, the text of its arguments follows.
        break;
    }
  }
  return out;
}

/** Renders the reader's running-text pieces of a block (see TexInline in model/inline.ts). */
export function latexPieces(ctx: Context, pieces: readonly TexInline[]): string {
  return html(pieces, ctx.options.resolveCitation, ctx.macros, ctx.cited);
}
