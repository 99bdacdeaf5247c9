import { lazyKatex } from '../lazy/index';
import { type MacroMap, macrosFingerprint, noMacros, toKatexMacros } from '../math/macros';
import { katexInput } from '../math/validate';
import { escapeHtml } from './escape';

const cache = new Map<string, string>();
const cacheLimit = 4000;

/**
 * One formula as HTML with KaTeX (`trust: false`: `\href`, `\url`, `\includegraphics` and
 * `\htmlClass` render as inert text). A formula KaTeX rejects shows its TeX, escaped, with the
 * error as a tooltip. Cached by formula and macros so a re-render while typing is cheap.
 */
export function renderMathHtml(tex: string, display: boolean, macros: MacroMap = noMacros, environment?: string): string {
  const key = `${display ? 'D' : 'I'}\u0000${environment ?? ''}\u0000${tex}\u0000${macrosFingerprint(macros)}`;
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  let html: string;
  const input = katexInput(tex, { display, ...(environment !== undefined ? { environment } : {}) }).text;
  try {
    html = lazyKatex().renderToString(input, {
      displayMode: display || environment !== undefined,
      throwOnError: true,
      trust: false,
      strict: 'ignore',
      maxExpand: 1000,
      maxSize: 50,
      macros: toKatexMacros(macros),
    });
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    const tag = display ? 'pre' : 'code';
    html = `<${tag} class="math-error" title="${escapeHtml(message)}">${escapeHtml(tex)}</${tag}>`;
  }
  if (display) html = `<div class="math-display">${html}</div>`;
  cache.set(key, html);
  if (cache.size > cacheLimit) cache.delete(cache.keys().next().value as string);
  return html;
}
