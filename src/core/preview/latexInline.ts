/** LaTeX running text to HTML: math, citations, emphasis, links, accents. */
import { type MacroMap } from '../math/macros';
import { type CitationResolver, renderCitationGroup } from './citations';
import { escapeHtml, safeLinkUrl } from './escape';
import { renderMathHtml } from './math';
import type { Context } from './context';
import { closingBrace } from '../text/braces';

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
  const k = closingBrace(src, j);
  return k < 0 ? undefined : { content: src.slice(j + 1, k), end: k + 1 };
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
    if (/^([cC]ite|[cC]itep|[cC]itet|[cC]itealp|[cC]itealt|[cC]iteauthor|citeyear|citeyearpar|citenum|[pP]arencite|[tT]extcite|[aA]utocite|footcite|smartcite|supercite)$/.test(name)) {
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

export function latexInline(ctx: Context, src: string): string {
  return latexInlineHtml(src, ctx.options.resolveCitation, ctx.macros, ctx.cited);
}
