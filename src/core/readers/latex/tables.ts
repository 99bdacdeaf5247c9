import type { TableCell } from '../../model/writeup';
import { texLength } from '../../text/texLength';
import { BODY_FRAME } from './commands';
import { readPieces, toPlain } from './runningText';

/* Tables read from a tabular's spec and body: columns, rows, wrapped lines, cell widths. */

/** Columns in a tabular spec such as `l|c|p{3cm}` or `*{3}{c}`. */
export function countColumns(spec: string): number {
  let s = spec.replace(/\*\{(\d+)\}\{([^{}]*)\}/g, (_, n: string, inner: string) => inner.repeat(Math.min(50, Number(n))));
  s = s.replace(/[@!>]?\{[^{}]*\}/g, '');
  return (s.match(/[lcrpmbXLCRJS]/g) ?? []).length;
}

/**
 * The rows of a tabular's body, rules left out. `exact` (the preview's cells): `\\%` is a
 * character, as TeX reads it. Without it every `%` starts a comment, as the page estimate has
 * always read it (maxCells, columnChars and wrappedLines also part cells at every `&`, braces or
 * not). The estimate is calibrated on that reading: reading rows and cells exactly there moves the
 * real-report corpus (content median 0.049 to 0.055, total 0.051 to 0.060; Granine's total +0.01
 * to +0.55 pages), a change for the layout's owners to make with a recalibration.
 */
export function tabularRows(body: string, exact = false): string[] {
  return body
    .replace(exact ? /(?<!\\)%[^\n]*/g : /%[^\n]*/g, '')
    .split(/\\\\(?:\s*\[[^\]]*\])?/)
    .map((r) => r.replace(/\\(hline|toprule|midrule|bottomrule|cline\{[^}]*\}|cmidrule(\([^)]*\))?\{[^}]*\})/g, '').trim())
    .filter((r) => r.length > 0);
}

/** `\\multicolumn{n}{spec}{text}` at the start of a cell: n, the spec and the text. */
const MULTICOLUMN = /^\\multicolumn\s*\{\s*(\d+)\s*\}\s*\{([^{}]*(?:\{[^{}]*\}[^{}]*)*)\}\s*\{((?:[^{}]|\{(?:[^{}]|\{[^{}]*\})*\})*)\}/;


/** Width (pt) of a `p{w}`/`m{w}`/`b{w}` column (`\\linewidth` is the NeurIPS text width); undefined for one it cannot read or that is not positive. */
function columnWidth(spec: string): number | undefined {
  const w = texLength(spec, BODY_FRAME);
  return w !== undefined && w > 0 ? w : undefined;
}

/**
 * Printed lines of a tabular whose cells wrap: each `p{w}`/`m{w}`/`b{w}` column holds about w/4.6pt
 * characters a line (`X` columns of tabularx share what is left of the text width); a row is as
 * tall as its longest cell. Columns that do not wrap count one line.
 */
export function wrappedLines(spec: string, body: string): number {
  const widths: (number | undefined)[] = [];
  const re = /([lcrSX])|[pmb]\{([^{}]*)\}|\*\{(\d+)\}\{([^{}]*)\}|[@!>]?\{[^{}]*\}|./g;
  const expanded = spec.replace(/\*\{(\d+)\}\{([^{}]*)\}/g, (_, n: string, inner: string) => inner.repeat(Math.min(20, Number(n))));
  let xs = 0;
  let fixed = 0;
  for (let m = re.exec(expanded); m; m = re.exec(expanded)) {
    if (m[1] === 'X') {
      widths.push(-1);
      xs++;
    } else if (m[1] !== undefined) widths.push(undefined);
    else if (m[2] !== undefined) {
      const w = columnWidth(m[2]);
      widths.push(w);
      fixed += w ?? 0;
    }
  }
  if (!widths.some((w) => w !== undefined)) return 0;
  const xWidth = xs > 0 ? Math.max(40, (397.5 * 0.9 - fixed) / xs) : 0;
  let lines = 0;
  for (const row of tabularRows(body)) {
    let tallest = 1;
    let column = 0;
    for (const raw of row.split(/(?<!\\)&/)) {
      // `\\multicolumn{n}{spec}{text}` spans n columns: its text is set in one cell of its own spec, wrapping only in a `p{..}` of its own.
      const span = MULTICOLUMN.exec(raw.trim());
      const i = column;
      column += span ? Math.max(1, Number(span[1])) : 1;
      const cell = span ? (span[3] ?? '') : raw;
      const own = span ? /[pmb]\{([^{}]*)\}/.exec(span[2] ?? '') : null;
      const w = span ? (own ? columnWidth(own[1] ?? '') : undefined) : widths[i] === -1 ? xWidth : widths[i];
      if (w === undefined) continue;
      const chars = toPlain(cell).replace(/\\[A-Za-z]+\*?/g, '').replace(/\s+/g, ' ').trim().length;
      tallest = Math.max(tallest, Math.ceil((chars * 4.6) / Math.max(20, w - 4)));
    }
    lines += tallest;
  }
  return lines;
}

/** The longest plain text of each column (`&`-separated cells), for the natural width of a scaled table. */
export function columnChars(body: string): number[] {
  const out: number[] = [];
  for (const row of tabularRows(body)) {
    row.split(/(?<!\\)&/).forEach((cell, i) => {
      const n = toPlain(cell).replace(/\\[A-Za-z]+\*?(\[[^\]]*\])?(\{[^{}]*\})?/g, '').trim().length;
      out[i] = Math.max(out[i] ?? 0, n);
    });
  }
  return out;
}

export function countRows(body: string): number {
  return tabularRows(body).length;
}

export function maxCells(body: string): number {
  return tabularRows(body).reduce((n, r) => Math.max(n, r.split(/(?<!\\)&/).length), 0);
}

/** Splits a table row at each `&` outside braces and math (`\\&` is a character). */
export function splitCells(row: string): string[] {
  const cells: string[] = [];
  let depth = 0;
  let inMath = false;
  let start = 0;
  for (let i = 0; i < row.length; i++) {
    const c = row[i];
    if (c === '\\') {
      i++;
      continue;
    }
    if (c === '{') depth++;
    else if (c === '}') depth--;
    else if (c === '$') inMath = !inMath;
    else if (c === '&' && depth === 0 && !inMath) {
      cells.push(row.slice(start, i));
      start = i + 1;
    }
  }
  cells.push(row.slice(start));
  return cells;
}

/**
 * The printed rows of a tabular's body, each a list of cells with what they print; a
 * `\\multicolumn{n}{spec}{text}` cell prints its text across n columns.
 */
export function tableCells(body: string, macros?: ReadonlyMap<string, string>): TableCell[][] {
  return tabularRows(body, true).map((row) =>
    splitCells(row).map((raw) => {
      const cell = raw.trim();
      const span = MULTICOLUMN.exec(cell);
      if (!span) return { pieces: readPieces(cell, macros) };
      const n = Math.max(1, Number(span[1]));
      return { pieces: readPieces((span[3] ?? '') + cell.slice(span[0].length), macros), ...(n > 1 ? { span: n } : {}) };
    }),
  );
}
