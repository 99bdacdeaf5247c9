import { closingBrace } from '../../text/braces';
import { CITE_COMMANDS } from './commands';

/*
 * TeX running text as a list of inline pieces: the one reading of LaTeX text outside the
 * reader's own pass, shared by the preview (which renders the pieces as HTML) and the
 * bibliography (which wants plain Unicode: texToUnicode below). Accents, special letters,
 * dashes, quotes and escaped characters come out as Unicode text; emphasis, code, links,
 * citations, references, footnotes and math come out as structure; any other command is kept
 * by name for the caller to show or drop, and its braces' text is read on.
 */

export type TexInline =
  | { readonly kind: 'text'; readonly text: string }
  /** `~`: a space no line breaks at. */
  | { readonly kind: 'nbsp' }
  /** `\\`: a forced line break. */
  | { readonly kind: 'break' }
  /** `\emph{..}`, `\textbf{..}`, `\texttt{..}`, `\mbox{..}`...: the command and what it holds. */
  | { readonly kind: 'styled'; readonly command: string; readonly children: readonly TexInline[] }
  /** `\url{..}` (no children: the address is its text) or `\href{url}{text}`. */
  | { readonly kind: 'link'; readonly url: string; readonly children?: readonly TexInline[] }
  /** `\citep[prefix][locator]{a,b}`: the command, its keys and its optional arguments as written. */
  | { readonly kind: 'cite'; readonly command: string; readonly keys: readonly string[]; readonly options: readonly string[] }
  /** `\ref{..}`, `\eqref{..}`, `\cref{..}`...: the label as written. */
  | { readonly kind: 'ref'; readonly command: string; readonly label: string }
  | { readonly kind: 'footnote'; readonly children: readonly TexInline[] }
  /** `$..$`, `$$..$$`, `\(..\)`, `\[..\]`: the TeX between the delimiters, as written. */
  | { readonly kind: 'math'; readonly tex: string; readonly display: boolean; readonly delimiter: '$' | '$$' | '\\(' | '\\[' }
  /** A command that prints nothing here (`\label`, `\vspace`...), with its first argument as written. */
  | { readonly kind: 'hidden'; readonly command: string; readonly argument?: string }
  /** Any other command, by name (without its backslash); the text of its arguments follows as pieces. */
  | { readonly kind: 'command'; readonly command: string };

export interface RunningTextOptions {
  /** `%` starts a comment to the end of the line (running text); in a .bib value it is a character. */
  readonly comments?: boolean;
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

/** Control words that print one character or word. */
const SYMBOLS: Readonly<Record<string, string>> = {
  ss: 'ß', o: 'ø', O: 'Ø', aa: 'å', AA: 'Å', ae: 'æ', AE: 'Æ', oe: 'œ', OE: 'Œ', l: 'ł', L: 'Ł', i: 'ı', j: 'ȷ',
  dh: 'ð', DH: 'Ð', th: 'þ', TH: 'Þ', ng: 'ŋ', NG: 'Ŋ', S: '§', P: '¶', dag: '†', ddag: '‡', copyright: '©', pounds: '£',
  ldots: '…', dots: '…', textendash: '–', textemdash: '—', textquoteright: '’', textquoteleft: '‘', textquotedblleft: '“',
  textquotedblright: '”', textbackslash: '\\', LaTeX: 'LaTeX', TeX: 'TeX', relax: '',
};

/** Commands whose one argument is text with a style (or none): the argument is read as pieces. */
const STYLED = new Set([
  'emph', 'textit', 'textbf', 'texttt', 'textsc', 'underline', 'text', 'textrm', 'textsf', 'textup', 'textsl', 'textnormal',
  'mbox', 'hbox', 'mathrm', 'mathit', 'mathbf', 'mathcal', 'mathbb', 'NoCaseChange', 'MakeUppercase', 'uppercase', 'lowercase', 'ensuremath',
]);

const REFERENCES = new Set(['ref', 'eqref', 'cref', 'Cref', 'autoref']);

/** Commands that print nothing in running text; their optional and first arguments are skipped. */
const HIDDEN = new Set(['label', 'vspace', 'hspace', 'vskip', 'hskip', 'index', 'centering', 'noindent', 'small', 'footnotesize', 'maketitle', 'bibliographystyle', 'bibliography', 'input', 'include', 'usepackage', 'newpage', 'clearpage', 'appendix', 'tableofcontents', 'caption', 'nocite']);

/** Characters with no meaning here: a run of them is one text piece. */
const PLAIN_RUN = /[^%$~{}\-`'\\]+/y;
const PLAIN_RUN_NO_COMMENTS = /[^$~{}\-`'\\]+/y;

/** Reads a balanced `{...}` at `i` (after spaces); undefined when there is none or it is not closed. */
function group(src: string, i: number): { content: string; end: number } | undefined {
  let j = i;
  while (src[j] === ' ') j++;
  if (src[j] !== '{') return undefined;
  const k = closingBrace(src, j);
  return k < 0 ? undefined : { content: src.slice(j + 1, k), end: k + 1 };
}

/** An accent's argument: a brace group (to its end if unclosed), a control sequence, or one character. */
function accentArgument(text: string, i: number): { value: string; end: number } {
  let j = i;
  while (text[j] === ' ') j++;
  if (text[j] === '{') {
    const k = closingBrace(text, j);
    return k < 0 ? { value: text.slice(j + 1), end: text.length } : { value: text.slice(j + 1, k), end: k + 1 };
  }
  if (text[j] === '\\') {
    const m = /^\\([a-zA-Z]+|.)/.exec(text.slice(j));
    if (m) return { value: m[0], end: j + m[0].length };
  }
  return { value: text[j] ?? '', end: Math.min(j + 1, text.length) };
}

/** A combining accent on the first letter of `base`, in its precomposed form. */
function accent(base: string, mark: string): string {
  const plain = texToUnicode(base);
  if (plain.length === 0) return mark.normalize('NFC');
  const first = plain === 'ı' ? 'i' : plain === 'ȷ' ? 'j' : plain[0] ?? '';
  return (first + mark).normalize('NFC') + plain.slice(1);
}

/** Reads TeX running text into pieces (see TexInline). Never throws; unclosed groups are read as text. */
export function readRunningText(src: string, options: RunningTextOptions = {}): TexInline[] {
  const comments = options.comments !== false;
  const run = comments ? PLAIN_RUN : PLAIN_RUN_NO_COMMENTS;
  const out: TexInline[] = [];
  let text = '';
  const push = (piece: TexInline): void => {
    if (text !== '') out.push({ kind: 'text', text });
    text = '';
    out.push(piece);
  };
  let i = 0;
  while (i < src.length) {
    const c = src[i] ?? '';
    if (c === '%' && comments) {
      while (i < src.length && src[i] !== '\n') i++;
      continue;
    }
    if (c === '$') {
      const display = src[i + 1] === '$';
      const open = display ? 2 : 1;
      const close = src.indexOf(display ? '$$' : '$', i + open);
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
    if (src.startsWith('---', i)) {
      text += '\u2014';
      i += 3;
      continue;
    }
    if (src.startsWith('--', i)) {
      text += '\u2013';
      i += 2;
      continue;
    }
    if (src.startsWith('``', i) || src.startsWith("''", i)) {
      text += src[i] === '`' ? '\u201c' : '\u201d';
      i += 2;
      continue;
    }
    if (c !== '\\') {
      run.lastIndex = i;
      const chars = run.exec(src)?.[0] ?? c;
      text += chars;
      i += chars.length;
      continue;
    }
    // A command.
    const next = src[i + 1] ?? '';
    if (next === '(' || next === '[') {
      const close = src.indexOf(next === '(' ? '\\)' : '\\]', i + 2);
      if (close > 0) {
        push({ kind: 'math', tex: src.slice(i + 2, close), display: next === '[', delimiter: next === '(' ? '\\(' : '\\[' });
        i = close + 2;
        continue;
      }
    }
    if (!/[a-zA-Z]/.test(next)) {
      // A control symbol: an accent, `\\`, a space (`\ `, `\,`), or the character itself (`\%`, `\&`, `\{`).
      const mark = ACCENTS[next];
      if (mark) {
        const arg = accentArgument(src, i + 2);
        text += accent(arg.value, mark);
        i = arg.end;
        continue;
      }
      if (next === '\\') push({ kind: 'break' });
      else text += next === ',' || next === ' ' ? ' ' : next;
      i += 2;
      continue;
    }
    const name = /^[a-zA-Z]+/.exec(src.slice(i + 1, i + 41))?.[0] ?? next;
    let end = i + 1 + name.length;
    const mark = name.length === 1 ? ACCENTS[name] : undefined;
    if (mark) {
      const arg = accentArgument(src, end);
      text += accent(arg.value, mark);
      i = arg.end;
      continue;
    }
    const symbol = SYMBOLS[name];
    if (symbol !== undefined) {
      text += symbol;
      // A control word swallows the spaces after it (`Gr\o nbech`); `{}` after it is an empty group.
      while (src[end] === ' ') end++;
      if (src.startsWith('{}', end)) end += 2;
      i = end;
      continue;
    }
    if (src[end] === '*') end++;
    i = end;
    if (CITE_COMMANDS.has(name) && name !== 'nocite') {
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
        push({ kind: 'cite', command: name, keys: g.content.split(',').map((k) => k.trim()).filter((k) => k !== ''), options: opts });
        i = g.end;
        continue;
      }
    }
    if (name === 'href' || name === 'url') {
      const target = group(src, i);
      if (target) {
        const label = name === 'href' ? group(src, target.end) : undefined;
        push({ kind: 'link', url: target.content, ...(label ? { children: readRunningText(label.content, options) } : {}) });
        i = (label ?? target).end;
        continue;
      }
    }
    if (STYLED.has(name) || name === 'footnote') {
      const g = group(src, i);
      if (g) {
        const children = readRunningText(g.content, options);
        push(name === 'footnote' ? { kind: 'footnote', children } : { kind: 'styled', command: name, children });
        i = g.end;
        continue;
      }
    }
    if (REFERENCES.has(name)) {
      const g = group(src, i);
      if (g) {
        push({ kind: 'ref', command: name, label: g.content });
        i = g.end;
        continue;
      }
    }
    if (HIDDEN.has(name)) {
      const o = /^\s*\[[^\]]*\]/.exec(src.slice(i));
      if (o) i += o[0].length;
      const g = group(src, i);
      if (g) i = g.end;
      push({ kind: 'hidden', command: name, ...(g ? { argument: g.content } : {}) });
      continue;
    }
    push({ kind: 'command', command: name });
  }
  if (text !== '') out.push({ kind: 'text', text });
  return out;
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
  const out = unicodeOf(readRunningText(text, { comments: false }));
  // Most values have no run of white space to collapse: test before building a new string.
  return (/[\t\r\n]| {2}/.test(out) ? out.replace(/[ \t\r\n]+/g, ' ') : out).trim();
}

function unicodeOf(pieces: readonly TexInline[]): string {
  let out = '';
  for (const p of pieces) {
    switch (p.kind) {
      case 'text':
        out += p.text;
        break;
      case 'nbsp':
        out += '\u00A0';
        break;
      case 'break':
        out += ' ';
        break;
      case 'styled':
      case 'footnote':
        out += unicodeOf(p.children);
        break;
      case 'link':
        out += p.children ? p.url + unicodeOf(p.children) : p.url;
        break;
      case 'math':
        out += `${p.delimiter}${p.tex}${p.delimiter === '\\(' ? '\\)' : p.delimiter === '\\[' ? '\\]' : p.delimiter}`;
        break;
      case 'cite':
        out += `\\${p.command}${p.options.map((o) => `[${o}]`).join('')}${p.keys.join(',')}`;
        break;
      case 'ref':
        out += `\\${p.command}${p.label}`;
        break;
      case 'hidden':
        out += `\\${p.command}${p.argument !== undefined ? texToUnicode(p.argument) : ''}`;
        break;
      case 'command':
        out += `\\${p.command}`;
        break;
    }
  }
  return out;
}
