/**
 * Reads an uncompressed SyncTeX file (`pdflatex -synctex=-1`) into what the page count needs per
 * PDF sheet: the lowest body line (to size the last page) and the source line of the writeup's
 * file that opens the page (page ends for the preview). Pure: takes the file's text.
 */

import type { TextBlock } from './log';

/** Big points per scaled point. */
const BP_PER_SP = 72 / 72.27 / 65536;
/** Slack around the text block when telling body lines from running heads and page numbers. */
const SLACK_BP = 4;

/** What one PDF sheet holds, as far as the page count cares. */
export interface SyncPage {
  /** 1-based sheet. */
  readonly sheet: number;
  /** Bottom of the lowest box inside the text block, in bp from the top of the page (undefined: none). */
  readonly bodyBottom?: number;
  /** 0-based line in the main file of the topmost piece of its text on this page (undefined: none). */
  readonly firstLine?: number;
}

/** The file's inputs (tag -> path) and sheets. */
export interface SyncTexSummary {
  readonly inputs: ReadonlyMap<number, string>;
  readonly pages: readonly SyncPage[];
}

/** A path as SyncTeX spells it, made comparable: forward slashes, no `/./`, no trailing `./`. */
export function normalizeSyncPath(path: string): string {
  let p = path.replace(/\\/g, '/');
  while (p.includes('/./')) p = p.replace('/./', '/');
  return p.replace(/^\.\//, '');
}

/**
 * Summarizes `text` for `block`. `isMain(path)` says whether an input is the writeup's own file.
 * Never throws; records it cannot read are skipped.
 */
export function parseSyncTex(text: string, block: TextBlock, isMain: (path: string) => boolean): SyncTexSummary {
  const inputs = new Map<number, string>();
  const main = new Set<number>();
  let unit = 1;
  const pages: SyncPage[] = [];
  let sheet = 0;
  let bottom: number | undefined;
  let first: { v: number; line: number } | undefined;
  let previousLast = -1;
  let last: { v: number; line: number } | undefined;
  const lo = block.top - SLACK_BP;
  const hi = block.top + block.height + SLACK_BP;
  const record = /^([([hvxkg$])(\d+),(\d+):(-?\d+),(-?\d+)(?::(-?\d+),(-?\d+),(-?\d+))?/;
  for (const line of text.split(/\r?\n/)) {
    const c = line.charCodeAt(0);
    if (line.startsWith('Input:')) {
      const m = /^Input:(\d+):(.*)$/.exec(line);
      if (m) {
        const tag = Number(m[1]);
        inputs.set(tag, m[2] ?? '');
        if (isMain(normalizeSyncPath(m[2] ?? ''))) main.add(tag);
      }
    } else if (line.startsWith('Unit:')) {
      unit = Number(line.slice(5)) || 1;
    } else if (c === 0x7b /* { */) {
      sheet = Number(line.slice(1)) || sheet + 1;
      bottom = undefined;
      first = undefined;
      last = undefined;
    } else if (c === 0x7d /* } */) {
      if (sheet > 0) {
        pages.push({ sheet, ...(bottom !== undefined ? { bodyBottom: bottom } : {}), ...(first ? { firstLine: first.line } : {}) });
        if (last) previousLast = last.line;
      }
      sheet = 0;
    } else if (sheet > 0) {
      const m = record.exec(line);
      if (!m) continue;
      const kind = m[1];
      const tag = Number(m[2]);
      const srcLine = Number(m[3]);
      const v = Number(m[5]) * unit * BP_PER_SP;
      if (v < lo || v > hi) continue;
      if (kind === '(' && m[8] !== undefined) {
        const b = v + Math.max(0, Number(m[8]) * unit * BP_PER_SP);
        if (bottom === undefined || b > bottom) bottom = b;
      }
      if (!main.has(tag) || srcLine <= 0 || kind === '(' || kind === '[' || kind === 'v' || kind === 'h') continue;
      const at = { v, line: srcLine - 1 };
      if (!last || v >= last.v) last = at;
      // Text flows forward: a piece from before where the previous page ended is a float held back.
      if (at.line >= previousLast && (!first || v < first.v - 0.5)) first = at;
    }
  }
  return { inputs, pages };
}
