/**
 * LaTeX text as found in .bib fields, turned into plain Unicode: accents, special letters,
 * dashes, escaped characters, and formatting commands reduced to their argument.
 */
import { closingBrace } from '../text/braces';

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

const SYMBOLS: Readonly<Record<string, string>> = {
  ss: 'ß',
  o: 'ø',
  O: 'Ø',
  aa: 'å',
  AA: 'Å',
  ae: 'æ',
  AE: 'Æ',
  oe: 'œ',
  OE: 'Œ',
  l: 'ł',
  L: 'Ł',
  i: 'ı',
  j: 'ȷ',
  dh: 'ð',
  DH: 'Ð',
  th: 'þ',
  TH: 'Þ',
  ng: 'ŋ',
  NG: 'Ŋ',
  S: '§',
  P: '¶',
  dag: '†',
  ddag: '‡',
  copyright: '©',
  pounds: '£',
  ldots: '…',
  dots: '…',
  textendash: '–',
  textemdash: '—',
  textquoteright: '’',
  textquoteleft: '‘',
  textquotedblleft: '“',
  textquotedblright: '”',
  textbackslash: '\\',
  LaTeX: 'LaTeX',
  TeX: 'TeX',
  relax: '',
};

/** Commands whose argument is kept as plain text (formatting only). */
const KEEP_ARGUMENT = new Set([
  'textit',
  'textbf',
  'emph',
  'textsc',
  'texttt',
  'textrm',
  'textsf',
  'textup',
  'textsl',
  'textnormal',
  'mbox',
  'hbox',
  'text',
  'mathrm',
  'mathit',
  'mathbf',
  'mathcal',
  'mathbb',
  'url',
  'href',
  'NoCaseChange',
  'MakeUppercase',
  'uppercase',
  'lowercase',
  'ensuremath',
]);

/** Characters that start something to convert. */
const SPECIAL = /[\\{}~$`'-]/g;
const SPECIAL_TEST = /[\\{}~$`]|--|''/;

/** Reads one brace group or one character argument starting at `i` (after spaces). */
function readArgument(text: string, i: number): { value: string; end: number } {
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

/** Puts a combining accent on the first letter of `base` and normalizes to a precomposed form. */
function accent(base: string, mark: string): string {
  const plain = latexToUnicode(base);
  if (plain.length === 0) return mark.normalize('NFC');
  const first = plain === 'ı' ? 'i' : plain === 'ȷ' ? 'j' : plain[0] ?? '';
  return (first + mark).normalize('NFC') + plain.slice(1);
}

/**
 * Converts a LaTeX field value to plain Unicode text.
 * Braces are dropped, `\'e` becomes `é`, `--` an en dash, `\&` a plain `&`; math stays as written.
 */
export function latexToUnicode(text: string): string {
  if (!SPECIAL_TEST.test(text)) return /\s\s|[\t\r\n]/.test(text) ? text.replace(/\s+/g, ' ').trim() : text.trim();
  let out = '';
  let i = 0;
  SPECIAL.lastIndex = 0;
  while (i < text.length) {
    // Copy the plain run up to the next character that needs a look.
    SPECIAL.lastIndex = i;
    const found = SPECIAL.exec(text);
    const next = found ? found.index : text.length;
    if (next > i) {
      out += text.slice(i, next);
      i = next;
      if (i >= text.length) break;
    }
    const c = text[i] ?? '';
    if (c === '\\') {
      const next = text[i + 1] ?? '';
      if (/[a-zA-Z]/.test(next)) {
        const m = /^[a-zA-Z]+/.exec(text.slice(i + 1));
        const name = m ? m[0] : next;
        let end = i + 1 + name.length;
        const mark = ACCENTS[name];
        if (mark && name.length === 1) {
          const arg = readArgument(text, end);
          out += accent(arg.value, mark);
          i = arg.end;
          continue;
        }
        const symbol = SYMBOLS[name];
        if (symbol !== undefined) {
          out += symbol;
          // A control word swallows the spaces after it; `{}` after it is an empty group.
          while (text[end] === ' ') end++;
          if (text.startsWith('{}', end)) end += 2;
          i = end;
          continue;
        }
        if (KEEP_ARGUMENT.has(name)) {
          const arg = readArgument(text, end);
          out += latexToUnicode(arg.value);
          i = arg.end;
          continue;
        }
        // Unknown command: keep its name visible rather than lose text.
        out += `\\${name}`;
        i = end;
        continue;
      }
      const mark = ACCENTS[next];
      if (mark) {
        const arg = readArgument(text, i + 2);
        out += accent(arg.value, mark);
        i = arg.end;
        continue;
      }
      if (next === '\\') {
        out += ' ';
        i += 2;
        continue;
      }
      // \& \% \$ \# \_ \{ \} and `\ ` are the character itself.
      out += next === ' ' ? ' ' : next;
      i += 2;
      continue;
    }
    if (c === '$') {
      // Math is kept as written (without its delimiters' content being touched).
      const close = text.indexOf('$', i + 1);
      if (close > i) {
        out += text.slice(i, close + 1);
        i = close + 1;
        continue;
      }
    }
    if (c === '{' || c === '}') {
      i++;
      continue;
    }
    if (c === '~') {
      out += '\u00A0';
      i++;
      continue;
    }
    if (c === '-' && text[i + 1] === '-') {
      if (text[i + 2] === '-') {
        out += '—';
        i += 3;
      } else {
        out += '–';
        i += 2;
      }
      continue;
    }
    if (c === '`' && text[i + 1] === '`') {
      out += '“';
      i += 2;
      continue;
    }
    if (c === "'" && text[i + 1] === "'") {
      out += '”';
      i += 2;
      continue;
    }
    out += c;
    i++;
  }
  // Most values have no run of white space to collapse: test before building a new string.
  return (/[\t\r\n]| {2}/.test(out) ? out.replace(/[ \t\r\n]+/g, ' ') : out).trim();
}
