import type { ListEntry, ListSpacing } from '../../model/writeup';
import { keyValues } from '../../text/keyValues';
import { texLength } from '../../text/texLength';
import { BODY_FRAME, TEXT_HEIGHT, TEXT_WIDTH } from './commands';
import { plainText, readPieces, SPACES, toPlain } from './runningText';

/** A list's `[options]` right after its `\\begin{..}` (on its line or the next): enumitem's keys. */
const OPTIONS = String.raw`[ \t]*(?:\r?\n[ \t]*)?\[((?:[^\[\]{}]|\{(?:[^{}]|\{[^{}]*\})*\})*)\]`;
const LIST_TOKEN = new RegExp(String.raw`\\(begin|end)\s*\{(itemize|enumerate|description|compactitem|compactenum)\}(?:${OPTIONS})?|\\item(?![A-Za-z@])(?:\s*\[([^\]]*)\])?`, 'g');
/** The options at the start of a list's body. */
export const LIST_OPTIONS = new RegExp(`^${OPTIONS}`);

/** How a list's spacing is found: its kind (`itemize`), its depth (1 = outermost) and its own options. */
export type ListSpacingOf = (kind: string, depth: number, options: string | undefined) => ListSpacing | undefined;

/** Numbered lists. */
const ORDERED = new Set(['enumerate', 'compactenum']);

/**
 * The items of a list's body: its own items (with the text of lists inside them) and every item
 * at every depth with only its own text, its pieces, its `[label]` and (nested) its list's kind.
 */
export function listItems(body: string, macros?: ReadonlyMap<string, string>, spacingOf?: ListSpacingOf, outerDepth = 1): { items: string[]; entries: ListEntry[] } {
  // A comment takes its line end and the next line's leading spaces, as TeX reads it (`foo%` then `bar` is "foobar").
  const source = body.replace(/(?<!\\)%[^\n\r]*(?:(?:\r\n?|\n)[ \t]*)?/g, '');
  const items: string[] = [];
  const entries: { depth: number; text: string; label?: string; ordered?: boolean; spacing?: ListSpacing }[] = [];
  // For each open depth, the spacing its list's options and `\\setlist` give it.
  const spacings: (ListSpacing | undefined)[] = [];
  // For each open depth, the entry its text goes to (text after a nested list joins its item).
  const open: (number | undefined)[] = [];
  // For each open depth, whether its list is numbered.
  const numbered: boolean[] = [];
  let depth = 1;
  let itemStart = -1;
  let last = 0;
  const addText = (to: number): void => {
    const entry = entries[open[depth] ?? -1];
    if (entry) entry.text += source.slice(last, to);
  };
  LIST_TOKEN.lastIndex = 0;
  for (let m = LIST_TOKEN.exec(source); m; m = LIST_TOKEN.exec(source)) {
    addText(m.index);
    last = m.index + m[0].length;
    if (m[1] === 'begin') {
      depth++;
      open[depth] = undefined;
      numbered[depth] = ORDERED.has(m[2] ?? '');
      spacings[depth] = spacingOf?.(m[2] ?? '', outerDepth + depth - 1, m[3]);
    } else if (m[1] === 'end') {
      if (depth > 1) depth--;
      // Text after a nested list is a paragraph of its own in the item around it.
      const around = entries[open[depth] ?? -1];
      if (around) around.text += '\n\n';
    } else {
      if (depth === 1) {
        if (itemStart >= 0) items.push(source.slice(itemStart, m.index));
        itemStart = last;
      }
      open[depth] = entries.length;
      const spacing = depth > 1 ? spacings[depth] : undefined;
      entries.push({ depth, text: '', ...(m[4] !== undefined ? { label: m[4] } : {}), ...(depth > 1 ? { ordered: numbered[depth] === true } : {}), ...(spacing ? { spacing } : {}) });
    }
  }
  addText(source.length);
  if (itemStart >= 0) items.push(source.slice(itemStart));
  const clean = (t: string): string => toPlain(t, macros).replace(SPACES, ' ').trim();
  return {
    items: items.map(clean),
    entries: entries.map((e) => {
      const own = itemParagraphs(e.text);
      const pieces = readPieces(own.source, macros);
      return {
        depth: e.depth,
        // A `\\` ending the item stays: TeX sets an empty line after it (String.trim would drop it).
        text: plainText(pieces).replace(SPACES, ' ').replace(/^ +| +$/g, ''),
        pieces,
        ...(e.label !== undefined ? { label: readPieces(e.label, macros) } : {}),
        ...(e.ordered !== undefined ? { ordered: e.ordered } : {}),
        ...(e.spacing !== undefined ? { spacing: e.spacing } : {}),
        ...(own.paragraphs > 0 ? { paragraphs: own.paragraphs } : {}),
        ...(own.displays > 0 ? { displays: own.displays } : {}),
      };
    }),
  };
}

const PARAGRAPH_END = '\u2029';

/**
 * An item's source with each paragraph inside it ending its line: a blank line, or a `center`
 * (`flushleft`, `flushright`) environment set apart, becomes a forced break, so the next text starts
 * a line; a `\\\\` just before one leaves an empty line, as TeX sets it. A tabular's last row
 * ending in `\\\\` ends no line of its own. Counts the paragraph ends and the environments set apart.
 */
function itemParagraphs(source: string): { source: string; paragraphs: number; displays: number } {
  let displays = 0;
  const marked = source
    .replace(/\\\\\s*(?:\\(?:hline|bottomrule|midrule)\s*)*(?=\\end\s*\{tabular)/g, '')
    .replace(/\\(begin|end)\s*\{(?:center|flushleft|flushright)\}/g, (_, edge: string) => {
      if (edge === 'begin') displays++;
      return PARAGRAPH_END;
    })
    .replace(/\n[ \t]*\r?\n/g, PARAGRAPH_END)
    .replace(/\s*\u2029[\s\u2029]*/g, PARAGRAPH_END)
    .replace(/^\u2029|\u2029$/g, '');
  const parts = marked.split(PARAGRAPH_END);
  return { source: parts.join('\\\\ '), paragraphs: parts.length - 1, displays };
}

/** A `\\setlist[names,levels]{keys}` (or enumitem's older `\\setitemize`/`\\setenumerate`/`\\setdescription`). */
interface ListSetting {
  readonly names: readonly string[];
  readonly levels: readonly number[];
  readonly keys: string;
}

const SETLIST = /\\set(list|itemize|enumerate|description)\*?\s*(?:\[([^\]]*)\])?\s*\{((?:[^{}]|\{(?:[^{}]|\{[^{}]*\})*\})*)\}/g;

/** Every `\\setlist` of `source` (a document's preamble), in order. */
export function listSettings(source: string): ListSetting[] {
  const out: ListSetting[] = [];
  for (const m of source.replace(/(?<!\\)%[^\n]*/g, '').matchAll(SETLIST)) {
    const args = (m[2] ?? '').split(',').map((a) => a.trim()).filter((a) => a !== '');
    const names = m[1] === 'list' ? args.filter((a) => !/^\d+$/.test(a)) : [m[1] ?? ''];
    const levels = args.filter((a) => /^\d+$/.test(a)).map(Number);
    out.push({ names, levels, keys: m[3] ?? '' });
  }
  return out;
}


/** enumitem's widest label of each counter format (`\\alph*` is measured with "m"). */
const WIDEST: Readonly<Record<string, string>> = { arabic: '0', alph: 'm', Alph: 'M', roman: 'viii', Roman: 'VIII' };

/**
 * The spacing of a list of `kind` at `depth`: the `\\setlist`s that name it (all lists, its kind,
 * its level) in order, then its own options. Undefined when nothing sets any spacing.
 */
export function listSpacing(kind: string, depth: number, options: string | undefined, settings: readonly ListSetting[]): ListSpacing | undefined {
  const base = kind === 'compactitem' ? 'itemize' : kind === 'compactenum' ? 'enumerate' : kind;
  const keys = settings.filter((s) => (s.names.length === 0 || s.names.includes(base)) && (s.levels.length === 0 || s.levels.includes(depth))).map((s) => s.keys);
  if (options !== undefined) keys.push(options);
  if (keys.length === 0) return undefined;
  const out: { -readonly [K in keyof ListSpacing]: ListSpacing[K] } = {};
  let label: string | undefined;
  let starred = false;
  for (const [key, given] of keyValues(keys.join(','))) {
    const value = given ?? '';
    // A skip longer than a page is a page at most; a margin at most half the text width either way.
    const length = (limit = TEXT_HEIGHT): number | undefined => {
      const v = texLength(value, BODY_FRAME);
      return v === undefined ? undefined : Math.max(-limit, Math.min(limit, v));
    };
    if (key === 'nosep') Object.assign(out, { topSep: 0, itemSep: 0, parSep: 0 });
    else if (key === 'noitemsep') Object.assign(out, { itemSep: 0, parSep: 0 });
    else if (key === 'topsep' || key === 'itemsep' || key === 'parsep') {
      const v = length();
      if (v !== undefined) out[key === 'topsep' ? 'topSep' : key === 'itemsep' ? 'itemSep' : 'parSep'] = v;
    } else if (key === 'leftmargin') {
      starred = value === '*';
      const v = starred ? undefined : length(TEXT_WIDTH / 2);
      if (v !== undefined) out.leftMargin = v;
    } else if (key === 'wide') out.leftMargin = 0;
    else if (key === 'label') label = value;
  }
  if (starred) {
    const template = label ?? (base === 'enumerate' ? '\\arabic*.' : base === 'itemize' ? '\u2022' : '');
    const text = toPlain(template.replace(/\\(arabic|alph|Alph|roman|Roman)\*/g, (_, f: string) => WIDEST[f] ?? '0')).trim();
    out.widestLabel = { text, ...(/\\(textbf|bfseries)\b/.test(template) ? { bold: true } : {}) };
    delete out.leftMargin;
  }
  return Object.keys(out).length > 0 ? out : undefined;
}
