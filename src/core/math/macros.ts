/**
 * TeX macros a writeup defines: `\newcommand`, `\renewcommand`, `\providecommand`, `\def`,
 * `\let` and `\DeclareMathOperator` in the LaTeX preamble or Markdown `header-includes`,
 * plus the user's `writeup.math.macros` setting. The same map feeds KaTeX (validation and
 * preview) and MathJax (hover images).
 */
import type { MacroDefinition } from '../model/writeup';
import { closingBrace } from '../text/braces';

export type { MacroDefinition } from '../model/writeup';

/** Macros by name (without the backslash). Later definitions win. */
export type MacroMap = Readonly<Record<string, MacroDefinition>>;

/** An empty macro map. */
export const noMacros: MacroMap = Object.freeze({});

const definers = /\\(newcommand|renewcommand|providecommand|DeclareRobustCommand|DeclareMathOperator|def|gdef|edef|xdef|let)(?![a-zA-Z])(\*?)/g;

/**
 * Reads macro definitions from TeX source (a preamble, or Markdown `header-includes`).
 * Comments are skipped; anything it cannot read is ignored (it never throws).
 */
export function collectMacros(source: string | undefined): Record<string, MacroDefinition> {
  const out: Record<string, MacroDefinition> = {};
  if (!source) return out;
  const text = stripComments(source);
  definers.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = definers.exec(text)) !== null) {
    const kind = m[1] ?? '';
    const star = m[2] === '*';
    const reader = new Reader(text, m.index + m[0].length);
    const def = readDefinition(reader, kind, star);
    if (def) {
      // \providecommand never overrides an existing definition.
      if (!(kind === 'providecommand' && out[def.name])) out[def.name] = def;
      definers.lastIndex = Math.max(definers.lastIndex, reader.pos);
    }
  }
  return out;
}

function readDefinition(r: Reader, kind: string, star: boolean): MacroDefinition | undefined {
  r.skipSpace();
  if (kind === 'def' || kind === 'gdef' || kind === 'edef' || kind === 'xdef') {
    const name = r.controlSequence();
    if (!name) return undefined;
    // Parameter text: #1#2... up to the opening brace.
    let args = 0;
    while (r.peek() === '#') {
      r.pos++;
      const d = r.peek();
      if (d !== undefined && d >= '1' && d <= '9') {
        args = Number(d);
        r.pos++;
      }
      r.skipSpace();
    }
    const body = r.group();
    if (body === undefined) return undefined;
    return { name, body, args, source: 'preamble' };
  }
  if (kind === 'let') {
    const name = r.controlSequence();
    if (!name) return undefined;
    r.skipSpace();
    if (r.peek() === '=') r.pos++;
    r.skipSpace();
    const target = r.controlSequence();
    if (!target) return undefined;
    return { name, body: `\\${target}`, args: 0, source: 'preamble' };
  }
  const name = r.macroName();
  if (!name) return undefined;
  if (kind === 'DeclareMathOperator') {
    r.skipSpace();
    const text = r.group();
    if (text === undefined) return undefined;
    return { name, body: `\\operatorname${star ? '*' : ''}{${text}}`, args: 0, source: 'preamble' };
  }
  r.skipSpace();
  let args = 0;
  let optionalDefault: string | undefined;
  const count = r.optional();
  if (count !== undefined) {
    const n = Number(count.trim());
    if (!Number.isInteger(n) || n < 0 || n > 9) return undefined;
    args = n;
    r.skipSpace();
    optionalDefault = r.optional();
    r.skipSpace();
  }
  const body = r.group();
  if (body === undefined) return undefined;
  return optionalDefault === undefined
    ? { name, body, args, source: 'preamble' }
    : { name, body, args, optionalDefault, source: 'preamble' };
}

/** Blanks `%` comments (not `\%`), keeping offsets. */
function stripComments(text: string): string {
  return text.replace(/(^|[^\\])((?:\\\\)*)%[^\n\r]*/g, (all, pre: string, slashes: string) =>
    pre + slashes + ' '.repeat(all.length - pre.length - slashes.length),
  );
}

/** A small cursor over TeX source. */
class Reader {
  constructor(
    readonly text: string,
    public pos: number,
  ) {}

  peek(): string | undefined {
    return this.text[this.pos];
  }

  skipSpace(): void {
    while (this.pos < this.text.length && /\s/.test(this.text[this.pos] ?? '')) this.pos++;
  }

  /** `\name` (letters) or `\x` (one other character); returns the name. */
  controlSequence(): string | undefined {
    this.skipSpace();
    if (this.peek() !== '\\') return undefined;
    const m = /^\\([a-zA-Z@]+|[^a-zA-Z@\s])/.exec(this.text.slice(this.pos, this.pos + 100));
    if (!m) return undefined;
    this.pos += m[0].length;
    return m[1];
  }

  /** `{\name}` or `\name`. */
  macroName(): string | undefined {
    this.skipSpace();
    if (this.peek() === '{') {
      const start = this.pos;
      this.pos++;
      const name = this.controlSequence();
      this.skipSpace();
      if (name === undefined || this.peek() !== '}') {
        this.pos = start;
        return undefined;
      }
      this.pos++;
      return name;
    }
    return this.controlSequence();
  }

  /** A balanced `{...}` group's content, or undefined. */
  group(): string | undefined {
    if (this.peek() !== '{') return undefined;
    const close = closingBrace(this.text, this.pos);
    if (close < 0) return undefined;
    const content = this.text.slice(this.pos + 1, close);
    this.pos = close + 1;
    return content;
  }

  /** A `[...]` optional argument's content, or undefined when there is none. */
  optional(): string | undefined {
    if (this.peek() !== '[') return undefined;
    let depth = 0;
    for (let i = this.pos + 1; i < this.text.length; i++) {
      const c = this.text[i];
      if (c === '\\') {
        i++;
        continue;
      }
      if (c === '{') depth++;
      else if (c === '}') depth--;
      else if (c === ']' && depth === 0) {
        const content = this.text.slice(this.pos + 1, i);
        this.pos = i + 1;
        return content;
      }
    }
    return undefined;
  }
}

/** Highest `#n` in a macro body: the argument count of a setting given as a plain string. */
function inferArgs(body: string): number {
  let max = 0;
  for (const m of body.matchAll(/#([1-9])/g)) max = Math.max(max, Number(m[1]));
  return max;
}

/**
 * Reads the `writeup.math.macros` setting: an object whose keys are macro names (with or without
 * the backslash) and whose values are a replacement string (arguments inferred from `#n`) or
 * `[replacement, argumentCount]`. Bad entries are skipped.
 */
export function macrosFromSetting(value: unknown): Record<string, MacroDefinition> {
  const out: Record<string, MacroDefinition> = {};
  if (!value || typeof value !== 'object' || Array.isArray(value)) return out;
  for (const [rawName, raw] of Object.entries(value as Record<string, unknown>)) {
    const name = rawName.replace(/^\\/, '');
    if (!/^([a-zA-Z@]+|[^a-zA-Z@\s])$/.test(name)) continue;
    if (typeof raw === 'string') {
      out[name] = { name, body: raw, args: inferArgs(raw), source: 'setting' };
    } else if (Array.isArray(raw) && typeof raw[0] === 'string' && typeof raw[1] === 'number') {
      const args = Math.trunc(raw[1]);
      if (args < 0 || args > 9) continue;
      out[name] = { name, body: raw[0], args, source: 'setting' };
    }
  }
  return out;
}

/** The writeup's macros: the setting first, then the document's own (the document wins). */
export function mergeMacros(...maps: readonly MacroMap[]): MacroMap {
  return Object.assign({}, ...maps) as MacroMap;
}

/** Macros in KaTeX's `macros` option shape: `{ "\\R": "\\mathbb{R}" }`. */
export function toKatexMacros(macros: MacroMap): Record<string, string> {
  const out: Record<string, string> = {};
  for (const def of Object.values(macros)) {
    // KaTeX infers the argument count from the highest #n in the body; pad when it is lower.
    let body = def.body;
    const inferred = inferArgs(body);
    if (def.args > inferred) {
      for (let i = inferred + 1; i <= def.args; i++) body += `\\@secondoftwo{#${i}}{}`;
    }
    out[`\\${def.name}`] = body;
  }
  return out;
}

/** Macros in MathJax's `tex.macros` option shape: `{ R: ["\\mathbb{R}", 0] }`. */
export function toMathJaxMacros(macros: MacroMap): Record<string, string | [string, number] | [string, number, string]> {
  const out: Record<string, string | [string, number] | [string, number, string]> = {};
  for (const def of Object.values(macros)) {
    out[def.name] =
      def.optionalDefault !== undefined ? [def.body, def.args, def.optionalDefault] : def.args > 0 ? [def.body, def.args] : def.body;
  }
  return out;
}

/** A stable string for a macro map, for cache keys. */
export function macrosFingerprint(macros: MacroMap): string {
  return Object.keys(macros)
    .sort()
    .map((k) => {
      const d = macros[k];
      return d ? `${k}\u0001${d.args}\u0001${d.optionalDefault ?? ''}\u0001${d.body}` : '';
    })
    .join('\u0002');
}
