import { MATH_ENVIRONMENTS } from '../pandocInline';
import { stripBraces } from '../inlineSpans';
import type { TexInline } from '../../model/inline';
import { CITE_COMMANDS } from './commands';

export type { TexInline } from '../../model/inline';

/*
 * TeX running text: the one reading of what a LaTeX snippet prints, with one rule for each TeX
 * construct (accents, dashes, quotes, `~`, `\\`, escaped characters, commands that print their
 * argument or hide it, references, citations, footnotes, math). readRunningText gives the
 * pieces (the model keeps them: model/inline.ts); three renderings share them: the preview's
 * HTML (preview/latexInline.ts), the bibliography's Unicode (texToUnicode) and the reader's
 * plain text (toPlain: paragraphs, titles, captions, list items, table cells, macro bodies, as
 * the model and the page estimate hold them). Accents, special letters, dashes, quotes and escaped characters come out as
 * Unicode text; emphasis, code, links, citations, references, footnotes and math come out as
 * structure; any other command is kept by name for the caller to show or drop, and its braces'
 * text is read on.
 */

export interface RunningTextOptions {
  /** `%` starts a comment to the end of the line (running text); in a .bib value it is a character. */
  readonly comments?: boolean;
  /**
   * Text macros of the document (`\newcommand{\ours}{Ours}`), by name to the text they print;
   * a one-argument macro as `name#1` to its text with `#1` where the argument goes.
   */
  readonly macros?: ReadonlyMap<string, string>;
}

const ACCENTS: Readonly<Record<string, string>> = {
  '`': '\u0300',
  "'": '\u0301',
  '^': '\u0302',
  '~': '\u0303',
  '=': '\u0304',
  u: '\u0306',
  '.': '\u0307',
  '"': '\u0308',
  r: '\u030A',
  H: '\u030B',
  v: '\u030C',
  d: '\u0323',
  c: '\u0327',
  k: '\u0328',
  b: '\u0331',
};

/** Control words that print one character or word (or a space, or nothing). */
const SYMBOLS: Readonly<Record<string, string>> = {
  ss: 'ß', o: 'ø', O: 'Ø', aa: 'å', AA: 'Å', ae: 'æ', AE: 'Æ', oe: 'œ', OE: 'Œ', l: 'ł', L: 'Ł', i: 'ı', j: 'ȷ',
  dh: 'ð', DH: 'Ð', th: 'þ', TH: 'Þ', ng: 'ŋ', NG: 'Ŋ', S: '§', P: '¶', dag: '†', ddag: '‡', copyright: '©', pounds: '£',
  ldots: '…', dots: '…', textendash: '–', textemdash: '—', textquoteright: '’', textquoteleft: '‘', textquotedblleft: '“',
  textquotedblright: '”', textbackslash: '\\', textasciitilde: '~', textasciicircum: '^', textunderscore: '_', textbar: '|',
  textless: '<', textgreater: '>', textbullet: '•', textdegree: '°', textregistered: '®', texttrademark: '™',
  LaTeX: 'LaTeX', TeX: 'TeX', quad: ' ', qquad: ' ', enspace: ' ', thinspace: ' ', relax: '', xspace: '', protect: '',
};

/** Commands whose one argument is text with a style (or none): the argument is read as pieces. */
const STYLED = new Set([
  'emph', 'textit', 'textbf', 'texttt', 'textsc', 'underline', 'text', 'textrm', 'textsf', 'textup', 'textsl', 'textnormal',
  'textmd', 'uline', 'enquote',
  'mbox', 'hbox', 'mathrm', 'mathit', 'mathbf', 'mathcal', 'mathbb', 'NoCaseChange', 'MakeUppercase', 'uppercase', 'lowercase', 'ensuremath',
]);

/** Commands that set their argument at the foot of the page. */
const FOOTNOTES = new Set(['footnote', 'footnotetext', 'thanks']);

/** References: the label prints as a number (cleveref's and hyperref's with a name before it). */
const REFERENCES = new Set([
  'ref', 'eqref', 'pageref', 'cref', 'Cref', 'autoref', 'Autoref', 'cpageref', 'Cpageref', 'vref', 'Vref', 'labelcref',
  'crefrange', 'Crefrange', 'namecref', 'nameCref',
]);

/**
 * Commands whose first brace arguments (how many) print nothing, after any `[..]`: a label, a
 * length, a colour, a link's target, a box's width. Arguments after them are read on as text
 * (`\textcolor{red}{this}` prints "this").
 */
const HIDDEN: ReadonlyMap<string, number> = new Map([
  ['label', 1], ['vspace', 1], ['hspace', 1], ['index', 1], ['glsadd', 1], ['bibliographystyle', 1], ['bibliography', 1],
  ['addbibresource', 1], ['input', 1], ['include', 1], ['usepackage', 1], ['includegraphics', 1], ['caption', 1], ['nocite', 1],
  ['pagestyle', 1], ['thispagestyle', 1], ['pagenumbering', 1], ['stepcounter', 1], ['refstepcounter', 1],
  ['addtocounter', 2], ['setcounter', 2], ['setlength', 2], ['addtolength', 2],
  ['textcolor', 1], ['color', 1], ['colorbox', 1], ['fcolorbox', 2], ['hyperlink', 1], ['hypertarget', 1],
  ['parbox', 1], ['raisebox', 1], ['scalebox', 1], ['rotatebox', 1], ['resizebox', 2],
]);

/** Commands without arguments that print nothing: declarations, rules, spacing, author separators. */
const SILENT = new Set([
  'centering', 'raggedright', 'raggedleft', 'noindent', 'indent', 'par', 'maketitle', 'newpage', 'clearpage', 'cleardoublepage',
  'pagebreak', 'linebreak', 'nolinebreak', 'appendix', 'tableofcontents', 'phantomsection', 'item', 'And', 'AND', 'and',
  'hline', 'toprule', 'midrule', 'bottomrule', 'smallskip', 'medskip', 'bigskip', 'vfill', 'hfill', 'null', 'nobreak',
  'tiny', 'scriptsize', 'footnotesize', 'small', 'normalsize', 'large', 'Large', 'LARGE', 'huge', 'Huge',
  'bf', 'it', 'rm', 'sf', 'tt', 'sc', 'sl', 'em', 'bfseries', 'mdseries', 'itshape', 'upshape', 'slshape', 'scshape',
  'rmfamily', 'sffamily', 'ttfamily', 'normalfont', 'vskip', 'hskip',
]);

/** Environments with a brace argument after their name that is not text (a column spec, a width). */
const ARGUMENT_ENVIRONMENTS = new Set(['tabular', 'tabular*', 'tabularx', 'tabulary', 'longtable', 'array', 'minipage', 'wrapfigure', 'wraptable', 'multicols', 'subfigure', 'subtable']);

/** Characters with no meaning here: a run of them is one text piece. */
const PLAIN_RUN = /[^%$~{}\-`'\\]+/y;
const PLAIN_RUN_NO_COMMENTS = /[^$~{}\-`'\\]+/y;
const CONTROL_WORD = /[a-zA-Z]+/y;
const OPTION = /[ \t]*\[([^\]]{0,200})\]/y;
const OPTIONS = /(?:[ \t]*\[[^\]]{0,200}\])*/y;
const SPACES_AFTER = /[ \t]*/y;
const LINE_END = /\r\n?|\n/g;

/** Nested groups read as structure, at most; deeper ones are read as text (a hostile input cannot exhaust the stack). */
const MAX_DEPTH = 64;

/**
 * For each `{` of `src`, one more than the offset of the `}` that closes it (0 when none does),
 * in one pass: a backslash escapes the next character, and with `comments` a `%` makes the rest
 * of its line inert, as the reader's matcher (source.ts matchBracket) reads them one at a time.
 */
function braceMatches(src: string, comments: boolean): Int32Array {
  const out = new Int32Array(src.length);
  const open: number[] = [];
  for (let k = 0; k < src.length; k++) {
    const c = src.charCodeAt(k);
    if (c === 92) k++;
    else if (c === 37 && comments) {
      const nl = src.indexOf('\n', k);
      if (nl < 0) break;
      k = nl;
    } else if (c === 123) open.push(k);
    else if (c === 125) {
      const o = open.pop();
      if (o !== undefined) out[o] = k + 1;
    }
  }
  return out;
}

/** A combining accent on the first letter of `base`, in its precomposed form. */
function accent(base: string, mark: string): string {
  const plain = texToUnicode(base);
  if (plain.length === 0) return mark.normalize('NFC');
  const first = plain === 'ı' ? 'i' : plain === 'ȷ' ? 'j' : plain[0] ?? '';
  return (first + mark).normalize('NFC') + plain.slice(1);
}

/** One reading of a snippet: its source, options and the memos its groups share. */
class RunningText {
  private readonly comments: boolean;
  private readonly macros: ReadonlyMap<string, string> | undefined;
  private readonly run: RegExp;
  /** Closing delimiters searched for in vain, by delimiter and end: no later search up to that end finds one either. */
  private readonly missing = new Map<string, number>();

  constructor(
    private readonly src: string,
    options: RunningTextOptions,
  ) {
    this.comments = options.comments !== false;
    this.macros = options.macros !== undefined && options.macros.size > 0 ? options.macros : undefined;
    this.run = this.comments ? PLAIN_RUN : PLAIN_RUN_NO_COMMENTS;
  }

  /** For each `{` of the source, one more than the offset of its `}` (0: none), found once for all groups. */
  private closes: Int32Array | undefined;

  /** The `}` closing the `{` at `open` before `to` (skipping escapes, and comments in running text), or -1. */
  private closeOf(open: number, to: number): number {
    this.closes ??= braceMatches(this.src, this.comments);
    const k = (this.closes[open] ?? 0) - 1;
    return k >= 0 && k < to ? k : -1;
  }

  /** An accent's argument: a brace group (to its end if unclosed), a control sequence, or one character. */
  private accentArgument(i: number, to: number): { value: string; end: number } {
    const text = this.src;
    let j = i;
    while (text[j] === ' ' && j < to) j++;
    if (text[j] === '{') {
      const k = this.closeOf(j, to);
      return k < 0 ? { value: text.slice(j + 1, to), end: to } : { value: text.slice(j + 1, k), end: k + 1 };
    }
    if (text[j] === '\\') {
      const m = /^\\([a-zA-Z]+|.)/.exec(text.slice(j, Math.min(to, j + 40)));
      if (m) return { value: m[0], end: j + m[0].length };
    }
    return { value: j < to ? (text[j] ?? '') : '', end: Math.min(j + 1, to) };
  }

  /** A balanced `{...}` at `i` (after spaces) before `to`; undefined when there is none or it is not closed. */
  private group(i: number, to: number): { start: number; end: number } | undefined {
    let j = i;
    while (this.src[j] === ' ' && j < to) j++;
    if (this.src[j] !== '{') return undefined;
    const k = this.closeOf(j, to);
    return k < 0 ? undefined : { start: j + 1, end: k + 1 };
  }

  /** The first `close` at or after `from` before `to` not escaped by a backslash, or -1 (remembered per end). */
  private findClose(close: string, from: number, to: number): number {
    const key = `${close}@${to}`;
    const none = this.missing.get(key);
    if (none !== undefined && from >= none) return -1;
    const src = this.src;
    for (let j = src.indexOf(close, from); j >= 0 && j + close.length <= to; j = src.indexOf(close, j + 1)) {
      let slashes = 0;
      while (j - slashes - 1 >= from && src[j - slashes - 1] === '\\') slashes++;
      if (slashes % 2 === 0) return j;
    }
    this.missing.set(key, from);
    return -1;
  }

  /** The pieces of `src` from `from` to `to`. */
  read(from: number, to: number, depth: number): TexInline[] {
    const src = this.src;
    const out: TexInline[] = [];
    let text = '';
    const push = (piece: TexInline): void => {
      if (text !== '') out.push({ kind: 'text', text });
      text = '';
      out.push(piece);
    };
    const pushAll = (pieces: readonly TexInline[]): void => {
      for (const p of pieces) {
        if (p.kind === 'text') text += p.text;
        else push(p);
      }
    };
    const nested = depth < MAX_DEPTH;
    let i = from;
    while (i < to) {
      const c = src[i] ?? '';
      if (c === '%' && this.comments) {
        // A comment takes its line end and the next line's leading spaces: `foo%` then `bar` prints "foobar".
        LINE_END.lastIndex = i;
        const nl = LINE_END.exec(src);
        if (!nl || nl.index >= to) break;
        i = nl.index + nl[0].length;
        SPACES_AFTER.lastIndex = i;
        i += SPACES_AFTER.exec(src)?.[0].length ?? 0;
        continue;
      }
      if (c === '$') {
        const display = src[i + 1] === '$';
        const open = display ? 2 : 1;
        const close = this.findClose(display ? '$$' : '$', i + open, to);
        if (close > 0) {
          push({ kind: 'math', tex: src.slice(i + open, close), display, delimiter: display ? '$$' : '$' });
          i = close + open;
          continue;
        }
      }
      if (c === '~') {
        push({ kind: 'nbsp' });
        i++;
        continue;
      }
      if (c === '{' || c === '}') {
        i++;
        continue;
      }
      if (c === '-' && src[i + 1] === '-' && i + 1 < to) {
        const em = src[i + 2] === '-' && i + 2 < to;
        text += em ? '\u2014' : '\u2013';
        i += em ? 3 : 2;
        continue;
      }
      if ((c === '`' || c === "'") && src[i + 1] === c && i + 1 < to) {
        text += c === '`' ? '\u201c' : '\u201d';
        i += 2;
        continue;
      }
      if (c !== '\\') {
        this.run.lastIndex = i;
        const chars = this.run.exec(src)?.[0] ?? c;
        const n = Math.min(chars.length, to - i);
        text += n === chars.length ? chars : chars.slice(0, n);
        i += n;
        continue;
      }
      // A command.
      const next = i + 1 < to ? (src[i + 1] ?? '') : '';
      if (next === '(' || next === '[') {
        const close = this.findClose(next === '(' ? '\\)' : '\\]', i + 2, to);
        if (close > 0) {
          push({ kind: 'math', tex: src.slice(i + 2, close), display: next === '[', delimiter: next === '(' ? '\\(' : '\\[' });
          i = close + 2;
          continue;
        }
      }
      if (!/[a-zA-Z]/.test(next)) {
        // A control symbol: an accent, `\\`, a space, or the character itself (`\%`, `\&`, `\{`).
        const mark = ACCENTS[next];
        if (mark) {
          const arg = this.accentArgument(i + 2, to);
          text += accent(arg.value, mark);
          i = arg.end;
          continue;
        }
        i += 2;
        if (next === '\\') {
          // `\\`, `\\*`, `\\[2pt]`: a line break (its options print nothing).
          push({ kind: 'break' });
          if (src[i] === '*' && i < to) i++;
          OPTION.lastIndex = i;
          const o = OPTION.exec(src);
          if (o && i + o[0].length <= to) i += o[0].length;
        } else if (next === ',' || next === ' ' || next === ';' || next === ':' || next === '>' || next === '\n' || next === '\t') text += ' ';
        // `\-` (a hyphenation point), `\/` (italic correction), `\@` and `\!` print nothing.
        else if (next !== '-' && next !== '/' && next !== '@' && next !== '!') text += next;
        continue;
      }
      CONTROL_WORD.lastIndex = i + 1;
      const name = (CONTROL_WORD.exec(src)?.[0] ?? next).slice(0, to - i - 1);
      let end = i + 1 + name.length;
      // The document's own text macros first: a definition there wins over the one known here.
      const macro = this.macros?.get(name);
      if (macro !== undefined) {
        text += macro;
        i = src.startsWith('{}', end) && end + 2 <= to ? end + 2 : end;
        continue;
      }
      const mark = name.length === 1 ? ACCENTS[name] : undefined;
      if (mark) {
        const arg = this.accentArgument(end, to);
        text += accent(arg.value, mark);
        i = arg.end;
        continue;
      }
      const symbol = SYMBOLS[name];
      if (symbol !== undefined || SILENT.has(name)) {
        if (symbol !== undefined) text += symbol;
        else push({ kind: 'hidden', command: name });
        // A control word swallows the spaces after it (`Gr\o nbech`); `{}` after it is an empty group.
        while (src[end] === ' ' && end < to) end++;
        if (src.startsWith('{}', end) && end + 2 <= to) end += 2;
        i = end;
        continue;
      }
      if (src[end] === '*' && end < to) end++;
      i = end;
      const oneArgument = this.macros?.get(`${name}#1`);
      if (oneArgument !== undefined) {
        const g = this.group(i, to);
        if (g) {
          const at = oneArgument.indexOf('#1');
          text += oneArgument.slice(0, at);
          pushAll(nested ? this.read(g.start, g.end - 1, depth + 1) : [{ kind: 'text', text: src.slice(g.start, g.end - 1) }]);
          text += oneArgument.slice(at + 2);
          i = g.end;
          continue;
        }
      }
      if (name === 'begin' || name === 'end') {
        const g = this.group(i, to);
        if (g) {
          const env = src.slice(g.start, g.end - 1).trim();
          i = g.end;
          if (name === 'begin' && MATH_ENVIRONMENTS.has(env)) {
            const endTag = `\\end{${env}}`;
            const close = this.findClose(endTag, i, to);
            if (close > 0) {
              push({ kind: 'math', tex: src.slice(i, close), display: env !== 'math', delimiter: '\\begin', environment: env });
              i = close + endTag.length;
              continue;
            }
          }
          push({ kind: 'hidden', command: name, argument: env });
          if (name === 'begin' && ARGUMENT_ENVIRONMENTS.has(env)) {
            OPTIONS.lastIndex = i;
            const skipped = i + (OPTIONS.exec(src)?.[0].length ?? 0);
            const spec = src[skipped] === '{' ? this.group(skipped, to) : undefined;
            if (spec) i = spec.end;
          }
          continue;
        }
      }
      if (name === 'verb') {
        const delimiter = i < to ? src[i] : undefined;
        const close = delimiter && !/[\s*a-zA-Z]/.test(delimiter) ? src.indexOf(delimiter, i + 1) : -1;
        if (close > 0 && close < to) {
          push({ kind: 'styled', command: 'texttt', children: [{ kind: 'text', text: src.slice(i + 1, close) }] });
          i = close + 1;
          continue;
        }
      }
      if (CITE_COMMANDS.has(name) && name !== 'nocite') {
        let j = i;
        const opts: string[] = [];
        for (let k = 0; k < 2; k++) {
          OPTION.lastIndex = j;
          const o = OPTION.exec(src);
          if (!o || j + o[0].length > to) break;
          opts.push(o[1] ?? '');
          j += o[0].length;
        }
        const g = this.group(j, to);
        if (g) {
          push({ kind: 'cite', command: name, keys: src.slice(g.start, g.end - 1).split(',').map((k) => k.trim()).filter((k) => k !== ''), options: opts });
          i = g.end;
          continue;
        }
      }
      if (name === 'href' || name === 'url') {
        const target = this.group(i, to);
        if (target) {
          const label = name === 'href' ? this.group(target.end, to) : undefined;
          const url = src.slice(target.start, target.end - 1);
          push({ kind: 'link', url, ...(label ? { children: nested ? this.read(label.start, label.end - 1, depth + 1) : [{ kind: 'text', text: src.slice(label.start, label.end - 1) }] } : {}) });
          i = (label ?? target).end;
          continue;
        }
      }
      if (nested && (STYLED.has(name) || FOOTNOTES.has(name))) {
        let j = i;
        if (FOOTNOTES.has(name)) {
          // `\footnote[3]{..}`: the number prints nothing here.
          OPTION.lastIndex = j;
          const o = OPTION.exec(src);
          if (o && j + o[0].length <= to) j += o[0].length;
        }
        const g = this.group(j, to);
        if (g) {
          const children = this.read(g.start, g.end - 1, depth + 1);
          push(FOOTNOTES.has(name) ? { kind: 'footnote', children } : { kind: 'styled', command: name, children });
          i = g.end;
          continue;
        }
      }
      if (REFERENCES.has(name)) {
        const g = this.group(i, to);
        if (g) {
          let label = src.slice(g.start, g.end - 1);
          i = g.end;
          if (name === 'crefrange' || name === 'Crefrange') {
            const second = this.group(i, to);
            if (second) {
              label += `,${src.slice(second.start, second.end - 1)}`;
              i = second.end;
            }
          }
          push({ kind: 'ref', command: name, label });
          continue;
        }
      }
      const hidden = HIDDEN.get(name);
      if (hidden !== undefined) {
        OPTIONS.lastIndex = i;
        const o = OPTIONS.exec(src)?.[0].length ?? 0;
        if (i + o <= to) i += o;
        let argument: string | undefined;
        for (let k = 0; k < hidden; k++) {
          const g = this.group(i, to);
          if (!g) break;
          argument ??= src.slice(g.start, g.end - 1);
          i = g.end;
        }
        push({ kind: 'hidden', command: name, ...(argument !== undefined ? { argument } : {}) });
        continue;
      }
      // Any other command: `\name[..]{..}` prints its argument (its options skipped), `\name` is kept by name.
      OPTIONS.lastIndex = i;
      const o = OPTIONS.exec(src)?.[0].length ?? 0;
      let j = i + o;
      while (src[j] === ' ' && j < to) j++;
      const argument = src[j] === '{' && src[j + 1] !== '}' && j < to;
      if (argument) i = j;
      push({ kind: 'command', command: name, ...(argument ? { argument: true as const } : {}) });
    }
    if (text !== '') out.push({ kind: 'text', text });
    return out;
  }
}

/** Reads TeX running text into pieces (see TexInline). Never throws; unclosed groups are read as text. */
export function readRunningText(src: string, options: RunningTextOptions = {}): TexInline[] {
  return new RunningText(src, options).read(0, src.length, 0);
}

/** Characters that start something to convert in texToUnicode. */
const SPECIAL_TEST = /[\\{}~$`]|--|''/;

/**
 * TeX text (a .bib value) as plain Unicode: braces dropped, `\'e` as `é`, `--` as an en dash,
 * `\&` as `&`, `~` as a no-break space, white space collapsed; math stays as written, and a
 * command with no meaning as text keeps its name visible rather than lose text.
 */
export function texToUnicode(text: string): string {
  if (!SPECIAL_TEST.test(text)) return /\s\s|[\t\r\n]/.test(text) ? text.replace(/\s+/g, ' ').trim() : text.trim();
  const out = textOf(readRunningText(text, { comments: false }), UNICODE);
  // Most values have no run of white space to collapse: test before building a new string.
  return (/[\t\r\n]| {2}/.test(out) ? out.replace(/[ \t\r\n]+/g, ' ') : out).trim();
}

/**
 * How one rendering prints each kind of piece but text (which prints as itself); `inner` prints
 * nested pieces the same way.
 */
type PieceText = {
  readonly [K in Exclude<TexInline['kind'], 'text'>]: (piece: Extract<TexInline, { kind: K }>, inner: (pieces: readonly TexInline[]) => string) => string;
};

/** Pieces as text, each kind printed as `how` says. */
function textOf(pieces: readonly TexInline[], how: PieceText): string {
  let out = '';
  const inner = (children: readonly TexInline[]): string => textOf(children, how);
  for (const p of pieces) out += p.kind === 'text' ? p.text : (how[p.kind] as (piece: TexInline, inner: (pieces: readonly TexInline[]) => string) => string)(p, inner);
  return out;
}

/** The bibliography's Unicode: structure as its text, what has no meaning as text kept visible. */
const UNICODE: PieceText = {
  nbsp: () => '\u00A0',
  break: () => ' ',
  styled: (p, inner) => inner(p.children),
  footnote: (p, inner) => inner(p.children),
  link: (p, inner) => (p.children ? p.url + inner(p.children) : p.url),
  math: (p) => (p.delimiter === '\\begin' ? `\\begin{${p.environment ?? ''}}${p.tex}\\end{${p.environment ?? ''}}` : `${p.delimiter}${p.tex}${p.delimiter === '\\(' ? '\\)' : p.delimiter === '\\[' ? '\\]' : p.delimiter}`),
  cite: (p) => `\\${p.command}${p.options.map((o) => `[${o}]`).join('')}${p.keys.join(',')}`,
  ref: (p) => `\\${p.command}${p.label}`,
  // A declaration (`{\em word}`) prints nothing; a hidden argument stays visible.
  hidden: (p) => (p.argument !== undefined ? `\\${p.command}${texToUnicode(p.argument)}` : ''),
  command: (p) => `\\${p.command}`,
};

/** What the plain text holds where a citation command stood (the page estimate sets the citation there). */
export const CITE_PLACEHOLDER = '[1]';

/** What `\\` becomes in plain text: U+2028 LINE SEPARATOR, white space to every other reader, a forced line break to the page estimate. */
export const LINE_BREAK = '\u2028';
/** Runs of white space other than a forced line break. */
export const SPACES = /[^\S\u2028]+/g;

/** What a label's prefix (`fig:x`) prints before its number. */
const REFERENCE_NAMES: Readonly<Record<string, string>> = { fig: 'Figure', tab: 'Table', tbl: 'Table', sec: 'Section', ssec: 'Section', subsec: 'Section', app: 'Appendix', eq: 'Equation', eqn: 'Equation', thm: 'Theorem', lem: 'Lemma', prop: 'Proposition', def: 'Definition', cor: 'Corollary', alg: 'Algorithm', algo: 'Algorithm' };

/** Hidden commands that part words: an environment's edges, an item, an author separator, a rule. */
const PARTING = new Set(['begin', 'end', 'item', 'And', 'AND', 'and', 'par', 'centering', 'noindent', 'maketitle', 'hline', 'toprule', 'midrule', 'bottomrule']);

/** What a reference prints: a number, `(1)` for an equation, a name and a number for cleveref's and hyperref's. */
function referenceText(command: string, label: string): string {
  if (command === 'ref' || command === 'pageref') return '1';
  if (command === 'eqref') return '(1)';
  const labels = label.split(',').map((l) => l.trim()).filter((l) => l !== '');
  const prefix = /^([A-Za-z]+)[:_-]/.exec(labels[0] ?? '')?.[1]?.toLowerCase() ?? 'sec';
  const word = REFERENCE_NAMES[prefix] ?? 'Section';
  if (command === 'namecref' || command === 'nameCref') return word;
  if (labels.length <= 1) return `${word} 1`;
  return `${word}s ${labels.map((_l, i) => String(i + 1)).join(', ')}`;
}

/** The reader's plain text (see toPlain). */
const PLAIN: PieceText = {
  nbsp: () => ' ',
  break: () => LINE_BREAK,
  styled: (p, inner) => (p.command === 'enquote' ? `\u201c${inner(p.children)}\u201d` : inner(p.children)),
  footnote: () => '',
  link: (p, inner) => (p.children ? inner(p.children) : p.url),
  math: (p) => (p.delimiter === '\\begin' ? ` ${stripBraces(p.tex)} ` : stripBraces(p.tex)),
  cite: () => CITE_PLACEHOLDER,
  ref: (p) => referenceText(p.command, p.label),
  hidden: (p) => (PARTING.has(p.command) ? ' ' : ''),
  command: (p) => (p.argument ? '' : `\\${p.command}`),
};

function plainOf(pieces: readonly TexInline[]): string {
  return textOf(pieces, PLAIN);
}

/**
 * The plain text a LaTeX snippet prints, as the reader's blocks and metadata hold it: comments
 * and footnotes dropped, accents, dashes and quotes as Unicode, `~` as a space, `\\` as
 * LINE_BREAK, a citation as CITE_PLACEHOLDER, a reference as its name and a number, inline math
 * as its TeX without braces or delimiters (where the page estimate finds it: readers/inlineSpans.ts),
 * the text of a command's argument without the command, and a command without an argument
 * (one this reading does not know) by name.
 */
export function toPlain(source: string, macros?: ReadonlyMap<string, string>): string {
  return plainOf(readPieces(source, macros));
}

/** The pieces of a snippet of the document's running text, its text macros expanded (what the model holds). */
export function readPieces(source: string, macros?: ReadonlyMap<string, string>): TexInline[] {
  return readRunningText(source, macros ? { macros } : {});
}

/** The plain text of pieces read by readPieces: what toPlain gives for their source. */
export function plainText(pieces: readonly TexInline[]): string {
  return plainOf(pieces);
}
