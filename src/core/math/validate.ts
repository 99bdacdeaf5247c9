import { lazyKatex } from '../lazy/index';
import type { Range } from '../model/range';
import type { MathNode } from '../model/writeup';
import { LineIndex } from '../text/lineIndex';
import { type MacroMap, macrosFingerprint, noMacros, toKatexMacros } from './macros';
import { alignOffsets, MappedText } from './texMap';

/** What can be wrong with a formula; also the lint rule's message ids. */
export type TexProblemCode =
  | 'unknownCommand'
  | 'unknownEnvironment'
  | 'unclosedBrace'
  | 'unexpectedBrace'
  | 'leftWithoutRight'
  | 'rightWithoutLeft'
  | 'environmentMismatch'
  | 'unclosedEnvironment'
  | 'unexpectedEnd'
  | 'parseError';

/** Message templates by code; `{name}` is filled from a problem's data. */
export const texProblemMessages: Readonly<Record<TexProblemCode, string>> = {
  unknownCommand: 'Unknown command `{command}`: define it with \\newcommand (or in the writeup.math.macros setting).',
  unknownEnvironment: 'Unknown environment `{environment}`.',
  unclosedBrace: 'Unclosed `{`: expected a matching `}`.',
  unexpectedBrace: 'Unexpected `}`: there is no `{` to close.',
  leftWithoutRight: '`\\left{delimiter}` without a matching `\\right`.',
  rightWithoutLeft: '`\\right{delimiter}` without a matching `\\left`.',
  environmentMismatch: 'Unexpected `\\end` of `{found}`: the environment open here is `{expected}`.',
  unclosedEnvironment: 'The `{environment}` environment is never ended: expected its `\\end`.',
  unexpectedEnd: 'Unexpected `\\end` of `{environment}`: no `{environment}` environment is open.',
  parseError: '{message}',
};

/** A problem in a formula, located by offsets into its TeX. */
export interface TexProblem {
  readonly code: TexProblemCode;
  readonly data: Readonly<Record<string, string>>;
  /** The message with its data filled in. */
  readonly message: string;
  /** Offsets in the TeX (start inclusive, end exclusive; end >= start). */
  readonly start: number;
  readonly end: number;
}

/** How a formula is written. */
export interface TexOptions {
  readonly display: boolean;
  /** Environment the TeX is the body of, e.g. `align*` (MathNode.environment). */
  readonly environment?: string;
  readonly macros?: MacroMap;
}

/** Fills `{name}` placeholders (as the lint engine does); other braces are kept. */
export function formatTexMessage(template: string, data: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{(\w+)\}/g, (all, name: string) => (data[name] !== undefined ? String(data[name]) : all));
}

function problem(code: TexProblemCode, start: number, end: number, data: Record<string, string> = {}): TexProblem {
  return { code, data, message: formatTexMessage(texProblemMessages[code], data), start, end: Math.max(start, end) };
}

interface Open {
  readonly kind: 'brace' | 'left' | 'env';
  readonly start: number;
  readonly end: number;
  readonly name: string;
}

/**
 * Finds the first structural problem (braces, `\left`/`\right`, `\begin`/`\end`) and locates it
 * at the offending character, which KaTeX's own errors (at the end of input) do not.
 */
export function checkStructure(tex: string): TexProblem | undefined {
  const stack: Open[] = [];
  const unclosed = (o: Open): TexProblem =>
    o.kind === 'brace'
      ? problem('unclosedBrace', o.start, o.end)
      : o.kind === 'left'
        ? problem('leftWithoutRight', o.start, o.end, { delimiter: o.name })
        : problem('unclosedEnvironment', o.start, o.end, { environment: o.name });
  for (let i = 0; i < tex.length; i++) {
    const c = tex[i];
    if (c === '%') {
      while (i < tex.length && tex[i] !== '\n' && tex[i] !== '\r') i++;
      continue;
    }
    if (c === '{') {
      stack.push({ kind: 'brace', start: i, end: i + 1, name: '' });
      continue;
    }
    if (c === '}') {
      const top = stack.at(-1);
      if (!top) return problem('unexpectedBrace', i, i + 1);
      if (top.kind !== 'brace') return unclosed(top);
      stack.pop();
      continue;
    }
    if (c !== '\\') continue;
    const m = /^\\([a-zA-Z]+|[^a-zA-Z]?)/.exec(tex.slice(i, i + 64));
    const name = m?.[1] ?? '';
    const start = i;
    i += (m?.[0].length ?? 1) - 1;
    if (name === 'left' || name === 'right') {
      const d = /^\s*(\\[a-zA-Z]+|\\[^a-zA-Z]|[^\s\\{}]?)/.exec(tex.slice(i + 1, i + 40));
      const delimiter = d?.[1] ?? '';
      const end = i + 1 + (d?.[0].length ?? 0);
      i = end - 1;
      if (name === 'left') {
        stack.push({ kind: 'left', start, end, name: delimiter });
        continue;
      }
      const top = stack.at(-1);
      if (top?.kind === 'left') {
        stack.pop();
        continue;
      }
      if (top && stack.some((o) => o.kind === 'left')) return unclosed(top);
      return problem('rightWithoutLeft', start, end, { delimiter });
    }
    if (name === 'begin' || name === 'end') {
      const e = /^\s*\{([^{}]*)\}/.exec(tex.slice(i + 1, i + 80));
      if (!e) continue;
      const env = (e[1] ?? '').trim();
      const nameStart = i + 1 + e[0].indexOf('{') + 1;
      const end = i + 1 + e[0].length;
      i = end - 1;
      if (name === 'begin') {
        stack.push({ kind: 'env', start, end, name: env });
        continue;
      }
      const top = stack.at(-1);
      if (!top) return problem('unexpectedEnd', start, end, { environment: env });
      if (top.kind !== 'env') return unclosed(top);
      if (top.name !== env) {
        return problem('environmentMismatch', nameStart, nameStart + (e[1] ?? '').length, { found: env, expected: top.name });
      }
      stack.pop();
    }
  }
  const top = stack.at(-1);
  return top ? unclosed(top) : undefined;
}

/** KaTeX lacks some LaTeX math environments; these stand-ins parse the same body. */
const katexEnvironments: Readonly<Record<string, string>> = {
  multline: 'gather',
  'multline*': 'gather*',
  flalign: 'align',
  'flalign*': 'align*',
  eqnarray: 'align',
  'eqnarray*': 'align*',
  math: '',
  displaymath: '',
};

/** LaTeX commands KaTeX does not know but that are right in a LaTeX document (cross-references). */
const compat = /\\(label|eqref|ref|cref|Cref|autoref|pageref|nameref)\s*\{[^{}]*\}|\\(qedhere|allowdisplaybreaks)(?![a-zA-Z])|\\(intertext|shortintertext)(?![a-zA-Z])|\\(begin|end)\s*\{(multline\*?|flalign\*?|eqnarray\*?)\}/g;

/** The formula as KaTeX should parse it, with a map back to offsets of `tex`. */
export function katexInput(tex: string, options: Pick<TexOptions, 'display' | 'environment'>): MappedText {
  const out = new MappedText();
  const env = options.environment;
  const wrap = env === undefined ? '' : (katexEnvironments[env] ?? env);
  if (wrap) out.insert(`\\begin{${wrap}}`, 0);
  let last = 0;
  for (const m of tex.matchAll(compat)) {
    const at = m.index;
    out.copy(tex.slice(last, at), last);
    if (m[1] === 'label' || m[2]) out.insert(' ', at);
    else if (m[1]) out.insert('\\text{??}', at);
    else if (m[3]) out.insert('\\text', at);
    else if (m[4]) out.insert(`\\${m[4]}{${katexEnvironments[m[5] ?? ''] ?? 'gather*'}}`, at);
    last = at + m[0].length;
  }
  out.copy(tex.slice(last), last);
  if (wrap) out.insert(`\\end{${wrap}}`, tex.length);
  return out;
}

interface KatexParseError {
  rawMessage?: string;
  message?: string;
  position?: number;
  length?: number;
}

const cache = new Map<string, readonly TexProblem[]>();
const cacheLimit = 2000;

/**
 * Checks one formula with KaTeX's parser (the engine the preview renders with), after a
 * structural pass that locates unbalanced braces, `\left`/`\right` and environments precisely.
 * Returns problems with offsets into `tex`; never throws.
 */
export function validateTex(tex: string, options: TexOptions): readonly TexProblem[] {
  const macros = options.macros ?? noMacros;
  const key = `${options.display ? 'D' : 'I'}\u0000${options.environment ?? ''}\u0000${tex}\u0000${macrosFingerprint(macros)}`;
  const hit = cache.get(key);
  if (hit) {
    cache.delete(key);
    cache.set(key, hit);
    return hit;
  }
  const result = validateUncached(tex, options, macros);
  cache.set(key, result);
  if (cache.size > cacheLimit) cache.delete(cache.keys().next().value as string);
  return result;
}

function validateUncached(tex: string, options: TexOptions, macros: MacroMap): readonly TexProblem[] {
  const structural = checkStructure(tex);
  if (structural) return [structural];
  const input = katexInput(tex, options);
  try {
    // KaTeX's public API; MathML output skips building HTML (the same parse errors, a fraction of the time).
    lazyKatex().renderToString(input.text, {
      output: 'mathml',
      displayMode: options.display || options.environment !== undefined,
      throwOnError: true,
      strict: 'ignore',
      trust: false,
      maxExpand: 1000,
      macros: toKatexMacros(macros),
    });
    return [];
  } catch (e) {
    return [fromKatexError(e as KatexParseError, tex, input)];
  }
}

function fromKatexError(e: KatexParseError, tex: string, input: MappedText): TexProblem {
  const raw = e.rawMessage ?? e.message ?? String(e);
  const position = typeof e.position === 'number' ? e.position : undefined;
  const length = typeof e.length === 'number' ? e.length : 0;
  // A position inside a macro's body refers to that body, not the formula: check the token is there.
  const located = (token: string | undefined): { start: number; end: number } => {
    if (position === undefined || position > input.text.length) return { start: 0, end: tex.length };
    if (token !== undefined && input.text.slice(position, position + token.length) !== token) {
      const at = tex.indexOf(token);
      return at >= 0 ? { start: at, end: at + token.length } : { start: 0, end: tex.length };
    }
    const start = input.toOriginal(position);
    const end = length > 0 ? input.toOriginal(position + length - 1) + 1 : start;
    return { start: Math.min(start, tex.length), end: Math.min(Math.max(end, start), tex.length) };
  };
  const undefinedCs = /^Undefined control sequence: (\\\S+)/.exec(raw);
  if (undefinedCs) {
    const command = undefinedCs[1] ?? '';
    const at = located(command);
    return problem('unknownCommand', at.start, at.end, { command });
  }
  const noEnv = /^No such environment: (\S+)/.exec(raw);
  if (noEnv) {
    const environment = noEnv[1] ?? '';
    const at = located(environment);
    return problem('unknownEnvironment', at.start, at.end, { environment });
  }
  const at = located(undefined);
  return problem('parseError', at.start, at.end, { message: raw.replace(/\s+/g, ' ').trim() });
}

/** A formula problem located in the document. */
export interface MathProblem extends TexProblem {
  readonly range: Range;
  readonly math: MathNode;
}

/**
 * Maps an offset inside `math.tex` to a document position, through `math.contentRange`
 * (multi-line display math included; characters the reader dropped, such as a block quote's
 * `> `, are skipped over).
 */
export function texOffsetMapper(math: MathNode, lines: LineIndex): (offset: number) => { line: number; character: number } {
  const start = lines.offsetAt(math.contentRange.start);
  const end = lines.offsetAt(math.contentRange.end);
  const align = alignOffsets(math.tex, lines.text.slice(start, end));
  return (offset) => lines.positionAt(start + align(offset));
}

/** Validates every formula of a text; problems carry document ranges. */
export function validateMathNodes(text: string, nodes: readonly MathNode[], macros: MacroMap = noMacros): MathProblem[] {
  const lines = new LineIndex(text);
  const out: MathProblem[] = [];
  for (const math of nodes) {
    const problems = validateTex(math.tex, {
      display: math.display,
      ...(math.environment !== undefined ? { environment: math.environment } : {}),
      macros,
    });
    if (problems.length === 0) continue;
    const map = texOffsetMapper(math, lines);
    for (const p of problems) {
      const start = map(p.start);
      // An empty range (e.g. at the end of input) still needs one character to be visible.
      const endOffset = p.end > p.start ? p.end : Math.min(p.start + 1, math.tex.length);
      const end = endOffset > p.start ? map(endOffset - 1) : start;
      const range: Range = {
        start,
        // One past the last character, but never past its line's end (a span may end in a line break).
        end: endOffset > p.start ? { line: end.line, character: Math.min(end.character + 1, lines.lineEnd(end.line) - lines.lineStart(end.line)) } : start,
      };
      out.push({ ...p, range, math });
    }
  }
  return out;
}
