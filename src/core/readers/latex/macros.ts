import { matchBracket, skipSpace } from './source';

/*
 * Macros that set blocks: `\newcommand{\samples}[2]{\begin{figure}...#1...#2...\end{figure}}`.
 * Where one is used its body, with the arguments put in place of `#1`..`#9` and its `\foreach`
 * loops written out, is read like an `\input` child standing at the use.
 */

/** A macro body that sets blocks (environments, images, headings) rather than words. */
export const BLOCK_BODY = /\\begin\s*\{(?!document\})|\\includegraphics\b|\\(?:sub)*section\*?\s*[[{]/;

/** A macro that sets blocks: its parameter count, the default of an optional first one, its body. */
export interface BlockMacro {
  readonly params: number;
  readonly optional?: string;
  readonly body: string;
}

/** The body of `macro` with `values` in place of `#1`..`#9` (`##` is a `#`) and its loops written out. */
export function expandBody(macro: BlockMacro, values: readonly string[]): string {
  return unrollForeach(macro.body.replace(/#(#|[1-9])/g, (_whole, k: string) => (k === '#' ? '#' : (values[Number(k) - 1] ?? ''))));
}

/**
 * pgffor's `\foreach [..] \x/\y in {a/b, c/d}{body}` written out: the body once an item (in its
 * own group, as pgffor runs it), its variables replaced by the item's values (`1,...,5` counts).
 * Loops inside the body are written out too.
 */
export function unrollForeach(text: string): string {
  const re = /\\foreach\s*(?:\[[^\]]*\]\s*)?((?:\\[A-Za-z]+\s*\/?\s*)+)in\s*\{/g;
  let out = '';
  let pos = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const listOpen = m.index + m[0].length - 1;
    const listClose = matchBracket(text, listOpen, '{', '}');
    if (listClose < 0) break;
    const bodyOpen = skipSpace(text, listClose + 1);
    const bodyClose = text[bodyOpen] === '{' ? matchBracket(text, bodyOpen, '{', '}') : -1;
    if (bodyClose < 0) break;
    const vars = (m[1] ?? '').split('/').map((v) => v.trim()).filter((v) => v !== '');
    const body = text.slice(bodyOpen + 1, bodyClose);
    out += text.slice(pos, m.index);
    for (const item of foreachItems(text.slice(listOpen + 1, listClose))) {
      const values = item.split('/');
      let copy = body;
      vars.forEach((v, k) => {
        copy = copy.replace(new RegExp(`${v.replace(/\\/g, '\\\\')}(?![A-Za-z])`, 'g'), () => values[k]?.trim() ?? '');
      });
      out += `{${unrollForeach(copy)}}`;
    }
    pos = bodyClose + 1;
    re.lastIndex = pos;
  }
  return out + text.slice(pos);
}

/** The items of a `\foreach` list: `a,b,c`, with `1,...,8` (or `1,3,...,9`) counted out; at most 100. */
function foreachItems(list: string): string[] {
  const items = list.split(',').map((x) => x.trim()).filter((x) => x !== '');
  const out: string[] = [];
  for (let k = 0; k < items.length; k++) {
    if (items[k] === '...' && k > 0 && k + 1 < items.length) {
      const last = Number(out[out.length - 1]);
      const before = out.length > 1 ? Number(out[out.length - 2]) : NaN;
      const step = Number.isFinite(before) && before !== last ? last - before : 1;
      const end = Number(items[k + 1]);
      if (!Number.isFinite(last) || !Number.isFinite(end) || step === 0) continue;
      for (let v = last + step; (step > 0 ? v < end : v > end) && out.length < 100; v += step) out.push(String(v));
      continue;
    }
    out.push(items[k] as string);
  }
  return out.slice(0, 100);
}
