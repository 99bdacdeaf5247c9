import { textWidth } from './fonts';

/** A math box in em of the 10pt font: width, height above and depth below the baseline. */
export interface MathBox {
  readonly w: number;
  readonly h: number;
  readonly d: number;
}

type Style = 'display' | 'text' | 'script';

const RELATIONS = new Set([
  '=', '<', '>', '\\le', '\\leq', '\\ge', '\\geq', '\\neq', '\\ne', '\\approx', '\\sim', '\\simeq', '\\equiv',
  '\\in', '\\notin', '\\subset', '\\subseteq', '\\supset', '\\supseteq', '\\to', '\\rightarrow', '\\leftarrow',
  '\\mapsto', '\\Rightarrow', '\\Leftarrow', '\\iff', '\\implies', '\\propto', '\\ll', '\\gg', '\\preceq',
  '\\succeq', '\\prec', '\\succ', '\\coloneqq', '\\lesssim', '\\gtrsim', '\\cong', '\\perp', '\\mid',
  '\\longrightarrow', '\\leftrightarrow', '\\asymp', '\\triangleq', ':',
]);
const BINARY = new Set([
  '+', '-', '*', '\\cdot', '\\times', '\\pm', '\\mp', '\\circ', '\\otimes', '\\oplus', '\\cup', '\\cap',
  '\\setminus', '\\wedge', '\\vee', '\\odot', '\\star', '\\ast', '\\div', '\\bullet', '\\land', '\\lor',
]);
const BIG_OPS = new Set(['\\sum', '\\prod', '\\coprod', '\\bigcup', '\\bigcap', '\\bigoplus', '\\bigotimes', '\\bigvee', '\\bigwedge']);
const INTEGRALS = new Set(['\\int', '\\iint', '\\iiint', '\\oint']);
const LIMIT_OPS = new Set(['\\lim', '\\max', '\\min', '\\sup', '\\inf', '\\argmax', '\\argmin', '\\limsup', '\\liminf', '\\det', '\\Pr']);
const FUNCTIONS = new Set(['\\log', '\\exp', '\\sin', '\\cos', '\\tan', '\\ln', '\\tanh', '\\sigma', '\\arg', '\\dim', '\\ker', '\\deg', '\\tr', '\\sgn', '\\diag', '\\rank']);
const SPACES: Readonly<Record<string, number>> = {
  '\\,': 0.167, '\\:': 0.222, '\\>': 0.222, '\\;': 0.278, '\\!': -0.167, '\\quad': 1, '\\qquad': 2, '~': 0.25, '\\ ': 0.25,
};
const FONT_ARG = new Set([
  '\\mathbf', '\\mathcal', '\\mathbb', '\\mathsf', '\\mathit', '\\mathrm', '\\boldsymbol', '\\bm', '\\mathfrak',
  '\\mathscr', '\\mathtt', '\\hat', '\\tilde', '\\bar', '\\vec', '\\dot', '\\ddot', '\\overline', '\\underline',
  '\\widehat', '\\widetilde', '\\check', '\\breve', '\\overrightarrow',
]);
const TEXT_ARG = new Set(['\\text', '\\textrm', '\\textit', '\\textbf', '\\mbox', '\\operatorname', '\\mathrm']);
const SKIP_ARG = new Set(['\\label', '\\tag', '\\color', '\\textcolor', '\\ref', '\\eqref', '\\hspace', '\\vspace', '\\phantom']);
const IGNORE = new Set([
  '\\left', '\\right', '\\big', '\\Big', '\\bigg', '\\Bigg', '\\bigl', '\\bigr', '\\Bigl', '\\Bigr', '\\biggl', '\\biggr',
  '\\nonumber', '\\notag', '\\limits', '\\nolimits', '\\displaystyle', '\\textstyle', '\\scriptstyle', '\\middle', '\\qedhere',
]);
const MATRIX_ENVS = new Set(['matrix', 'pmatrix', 'bmatrix', 'Bmatrix', 'vmatrix', 'Vmatrix', 'smallmatrix', 'cases', 'array', 'dcases', 'rcases']);

const TOKEN = /\\[a-zA-Z]+\*?|\\.|[{}^_&]|\s+|./gsu;

/** Splits TeX into tokens (commands, braces, scripts, single characters); whitespace dropped. */
export function tokenize(tex: string): string[] {
  const out: string[] = [];
  for (const m of tex.matchAll(TOKEN)) {
    const t = m[0];
    if (t.trim() === '' || t === '%') continue;
    out.push(t);
  }
  return out;
}

class Parser {
  i = 0;
  constructor(readonly toks: readonly string[]) {}

  /** Reads one argument: a braced group's tokens or a single token. */
  arg(): string[] {
    const t = this.toks[this.i];
    if (t === undefined) return [];
    this.i++;
    if (t !== '{') return [t];
    const start = this.i;
    let depth = 1;
    while (this.i < this.toks.length) {
      const u = this.toks[this.i++];
      if (u === '{') depth++;
      else if (u === '}' && --depth === 0) return this.toks.slice(start, this.i - 1) as string[];
    }
    return this.toks.slice(start) as string[];
  }

  /** Skips an optional `[...]` argument. */
  optional(): void {
    if (this.toks[this.i] !== '[') return;
    while (this.i < this.toks.length && this.toks[this.i] !== ']') this.i++;
    this.i++;
  }

  /** Reads up to the matching `\end{name}`; returns the body tokens. */
  environment(): string[] {
    const start = this.i;
    let depth = 1;
    while (this.i < this.toks.length) {
      const t = this.toks[this.i++];
      if (t === '\\begin') depth++;
      else if (t === '\\end' && --depth === 0) {
        const body = this.toks.slice(start, this.i - 1) as string[];
        this.arg();
        return body;
      }
    }
    return this.toks.slice(start) as string[];
  }
}

function scaleOf(style: Style): number {
  return style === 'script' ? 0.7 : 1;
}

/**
 * Advance widths (em) of Computer Modern's math italic (cmmi10), in which TeX sets letters in math
 * under the NeurIPS style (it changes the text font to Times, not the math fonts): A-Z, then a-z.
 */
const MATH_ITALIC_UPPER = [0.75, 0.759, 0.715, 0.828, 0.738, 0.643, 0.786, 0.831, 0.44, 0.555, 0.849, 0.681, 0.97, 0.803, 0.763, 0.642, 0.791, 0.759, 0.613, 0.584, 0.683, 0.583, 0.944, 0.828, 0.581, 0.683];
const MATH_ITALIC_LOWER = [0.529, 0.429, 0.433, 0.52, 0.466, 0.49, 0.477, 0.576, 0.345, 0.412, 0.521, 0.298, 0.878, 0.6, 0.485, 0.503, 0.446, 0.451, 0.469, 0.361, 0.572, 0.485, 0.716, 0.572, 0.49, 0.465];

function letterWidth(t: string): number {
  if (/^[a-zA-Z]$/.test(t)) {
    const c = t.charCodeAt(0);
    return (c < 97 ? MATH_ITALIC_UPPER[c - 65] : MATH_ITALIC_LOWER[c - 97]) as number;
  }
  if (/^[0-9.]$/.test(t)) return textWidth(t);
  if (t === '(' || t === ')' || t === '[' || t === ']') return 0.333;
  if (t === '|') return 0.2;
  if (t === ',' || t === ';') return 0.25 + 0.167;
  if (t === '!' || t === "'") return 0.3;
  return 0.55;
}

/** Splits tokens into rows at top-level `\\`, and each row into cells at top-level `&`. */
export function splitRows(toks: readonly string[]): string[][][] {
  const rows: string[][][] = [[[]]];
  let depth = 0;
  for (const t of toks) {
    if (t === '{' || t === '\\begin') depth++;
    else if (t === '}' || t === '\\end') depth--;
    const row = rows[rows.length - 1] as string[][];
    if (depth === 0 && t === '\\\\') rows.push([[]]);
    else if (depth === 0 && t === '&') row.push([]);
    else (row[row.length - 1] as string[]).push(t);
  }
  return rows.filter((r) => r.some((c) => c.length > 0));
}

/** Lays out a token list in `style`, returning its box (em of the 10pt font). */
export function layout(toks: readonly string[], style: Style): MathBox {
  const p = new Parser(toks);
  const k = scaleOf(style);
  let w = 0;
  let h = 0.68 * k;
  let d = 0.2 * k;
  let last: MathBox = { w: 0, h: 0.68 * k, d: 0.2 * k };
  let lastLimits = false;
  const add = (b: MathBox, limits = false): void => {
    w += b.w;
    h = Math.max(h, b.h);
    d = Math.max(d, b.d);
    last = b;
    lastLimits = limits;
  };
  while (p.i < toks.length) {
    const t = toks[p.i++] as string;
    if (t === '^' || t === '_') {
      const s = layout(p.arg(), 'script');
      if (lastLimits && style === 'display') {
        w += Math.max(0, s.w - last.w);
        if (t === '^') h = Math.max(h, last.h + s.h + s.d + 0.1);
        else d = Math.max(d, last.d + s.h + s.d + 0.1);
      } else {
        w += s.w;
        if (t === '^') h = Math.max(h, Math.max(0.36 * k, last.h - 0.25) + s.h);
        else d = Math.max(d, Math.max(0.15 * k, last.d + 0.05) + s.d + Math.max(0, s.h - 0.48));
      }
      continue;
    }
    if (t === '{') {
      p.i--;
      add(layout(p.arg(), style));
      continue;
    }
    if (t === '}' || t === '&' || t === '\\\\' || IGNORE.has(t)) continue;
    if (t in SPACES) {
      w += (SPACES[t] ?? 0) * k;
      continue;
    }
    if (t === '\\frac' || t === '\\dfrac' || t === '\\tfrac' || t === '\\binom' || t === '\\cfrac') {
      const inner: Style = t === '\\dfrac' || (style === 'display' && t !== '\\tfrac') ? 'text' : 'script';
      const num = layout(p.arg(), inner);
      const den = layout(p.arg(), inner);
      const extra = t === '\\binom' ? 0.8 : 0;
      add({ w: Math.max(num.w, den.w) + 0.24 + extra, h: 0.25 * k + 0.15 + num.h + num.d, d: -0.25 * k + 0.15 + den.h + den.d });
      continue;
    }
    if (t === '\\sqrt') {
      p.optional();
      const b = layout(p.arg(), style);
      add({ w: b.w + 0.85 * k, h: b.h + 0.15, d: b.d + 0.05 });
      continue;
    }
    if (t === '\\begin') {
      const name = p.arg().join('');
      if (name === 'array') p.arg();
      // amsmath's aligned/gathered/split inside a display: strut-high rows \jot apart, `[t]` hanging from the first row.
      const amsRows = NESTED_ROWS.test(name);
      const vpos = amsRows && toks[p.i] === '[' ? (toks[p.i + 1] ?? 'c') : 'c';
      if (vpos !== 'c') p.i += 3;
      if (name === 'alignedat') p.arg();
      const body = p.environment();
      const rows = splitRows(body);
      let rw = 0;
      let total = 0;
      let first = 0;
      let last = 0;
      for (const row of rows) {
        const cells = row.map((c) => layout(c, amsRows ? style : style === 'display' ? 'text' : style));
        rw = Math.max(rw, cells.reduce((s, c) => s + c.w, 0) + (cells.length - 1) * 1);
        const rh = Math.max(amsRows ? 0.77 : 0.85, ...cells.map((c) => c.h));
        last = Math.max(amsRows ? 0.33 : 0.35, ...cells.map((c) => c.d));
        if (total === 0) first = rh;
        else if (amsRows) total += 0.3;
        total += rh + last;
      }
      const delim = MATRIX_ENVS.has(name) ? 0.8 : 0;
      if (vpos === 't') add({ w: rw, h: first, d: total - first });
      else if (vpos === 'b') add({ w: rw, h: total - last, d: last });
      else add({ w: rw + delim, h: total / 2 + 0.25, d: total / 2 - 0.25 });
      continue;
    }
    if (t === '\\end') {
      p.arg();
      continue;
    }
    if (TEXT_ARG.has(t)) {
      if (t === '\\operatorname' && toks[p.i] === '*') p.i++;
      add({ w: textWidth(p.arg().join(' ')) * k + (t === '\\operatorname' ? 0.167 : 0), h: 0.68 * k, d: 0.2 * k });
      continue;
    }
    if (FONT_ARG.has(t)) {
      const b = layout(p.arg(), style);
      add({ w: b.w * 1.05, h: b.h + (/^\\(hat|tilde|bar|vec|dot|ddot|overline|widehat|widetilde|check|breve|overrightarrow)$/.test(t) ? 0.15 : 0), d: b.d });
      continue;
    }
    if (SKIP_ARG.has(t)) {
      if (t === '\\textcolor') p.arg();
      p.arg();
      continue;
    }
    if (BIG_OPS.has(t)) {
      add(style === 'display' ? { w: 1.45, h: 0.85, d: 0.35 } : { w: 1.05 * k, h: 0.75 * k, d: 0.25 * k }, true);
      w += 0.167;
      continue;
    }
    if (INTEGRALS.has(t)) {
      add(style === 'display' ? { w: 0.9 * (t.length - 3), h: 1.1, d: 0.6 } : { w: 0.6 * (t.length - 3) * k, h: 0.8 * k, d: 0.3 * k });
      w += 0.167;
      continue;
    }
    if (LIMIT_OPS.has(t) || FUNCTIONS.has(t)) {
      add({ w: textWidth(t.slice(1)) * k + 0.167 * k, h: 0.68 * k, d: 0.2 * k }, LIMIT_OPS.has(t));
      continue;
    }
    if (RELATIONS.has(t)) {
      add({ w: (0.778 + (style === 'script' ? 0 : 0.556)) * k, h: 0.55 * k, d: 0.05 * k });
      continue;
    }
    if (BINARY.has(t)) {
      add({ w: (0.778 + (style === 'script' ? 0 : 0.444)) * k, h: 0.55 * k, d: 0.05 * k });
      continue;
    }
    if (t === '\\ldots' || t === '\\cdots' || t === '\\dots' || t === '\\vdots' || t === '\\ddots') {
      add({ w: 1.0 * k, h: 0.5 * k, d: 0 });
      continue;
    }
    if (t === '\\{' || t === '\\}' || t === '\\langle' || t === '\\rangle' || t === '\\|' || t === '\\lVert' || t === '\\rVert') {
      add({ w: 0.45 * k, h: 0.75 * k, d: 0.25 * k });
      continue;
    }
    if (t.startsWith('\\')) {
      // Greek letters and other symbols: one glyph.
      add({ w: (/^\\[A-Z]/.test(t) ? 0.73 : 0.55) * k, h: 0.68 * k, d: 0.2 * k });
      continue;
    }
    add({ w: letterWidth(t) * k, h: 0.68 * k, d: (/^[gjpqyf(),;[\]|]$/.test(t) ? 0.22 : 0.02) * k });
  }
  return { w, h, d };
}

/** Width in points of inline math `tex` at 10pt. */
export function inlineMathWidth(tex: string): number {
  let w = inlineCache.get(tex);
  if (w === undefined) {
    w = layout(tokenize(tex), 'text').w * 10;
    if (inlineCache.size > 20_000) inlineCache.clear();
    inlineCache.set(tex, w);
  }
  return w;
}
const inlineCache = new Map<string, number>();

const ROW_ENVS = /^(align|aligned|alignat|alignedat|gather|gathered|split|multline|eqnarray|flalign)\*?$/;
/** amsmath's row environments that sit inside a display, set in display style with `\\jot` between rows. */
const NESTED_ROWS = /^(aligned|alignedat|gathered|split)$/;

/**
 * Height in points of the rows of a display (without the skips above and below): one row per
 * `\\` of an align-like environment, each at least a strut (7.7pt + 3.3pt) and taller where its
 * fractions, limits or matrices need it, rows separated by `\jot`.
 */
export function displayMathRowsHeight(tex: string, environment?: string): { height: number; rows: number } {
  const key = `${environment ?? ''}\u0000${tex}`;
  let hit = displayCache.get(key);
  if (hit === undefined) {
    hit = measureDisplay(tex, environment);
    if (displayCache.size > 5_000) displayCache.clear();
    displayCache.set(key, hit);
  }
  return hit;
}
const displayCache = new Map<string, { height: number; rows: number }>();

/**
 * Width in points of a one-row display (`equation`, `\\[..\\]`, `$$..$$`), for TeX's choice of the
 * short skips; undefined for amsmath's row environments, which always take the full skips.
 */
export function displayMathWidth(tex: string, environment?: string): number | undefined {
  if (environment !== undefined && ROW_ENVS.test(environment)) return undefined;
  const toks = tokenize(tex);
  // Rows nested in an environment (`aligned`, `cases`) still make one box: TeX may use the short skips.
  if (toks.includes('\\\\') && !toks.includes('\\begin')) return undefined;
  return layout(toks, 'display').w * 10;
}

function measureDisplay(tex: string, environment: string | undefined): { height: number; rows: number } {
  let toks = tokenize(tex);
  let rowed = environment !== undefined && ROW_ENVS.test(environment);
  // A display whose body is one aligned/split/gathered environment has its rows.
  if (!rowed && toks[0] === '\\begin') {
    const p = new Parser(toks);
    p.i = 1;
    const name = p.arg().join('');
    if (ROW_ENVS.test(name)) {
      if (/^align(ed)?at/.test(name)) p.arg();
      toks = p.environment();
      rowed = true;
    }
  }
  const rows = rowed ? splitRows(toks).map((r) => r.flat()) : [toks];
  let height = 0;
  for (const row of rows) {
    const b = layout(row, 'display');
    height += Math.max(7.7, b.h * 10) + Math.max(3.3, b.d * 10);
  }
  height += Math.max(0, rows.length - 1) * 3;
  return { height, rows: Math.max(1, rows.length) };
}
