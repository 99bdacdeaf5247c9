import type { Author } from '../../model/writeup';
import { parseDisableComment } from '../common';
import { EnvironmentScanner } from './environments';
import { BLOCK_BODY } from './macros';
import { matchBracket } from './source';
import { toPlain } from './runningText';

/* The preamble and metadata: `% writeup:` comments, disable directives, text macros, NeurIPS authors. */

/** Comments (directives and `% writeup:` metadata) and definitions (`\\newcommand` text macros). */
export abstract class PreambleScanner extends EnvironmentScanner {
  /** A `%` comment: directives and `% writeup: key=value` metadata. Returns the offset after it. */
  protected comment(i: number): number {
    const text = this.text;
    let end = text.indexOf('\n', i);
    if (end < 0) end = text.length;
    const lineEnd = text[end - 1] === '\r' ? end - 1 : end;
    const body = text.slice(i + 1, lineEnd);
    this.sink.code.push(this.range(i, lineEnd));
    const directive = parseDisableComment(body.replace(/^%+/, ''), this.lines.positionAt(i).line);
    if (directive && !this.ctx.at) this.sink.directives.push(directive);
    const meta = /^%*\s*writeup:\s*(.*)$/.exec(body);
    if (meta && !this.ctx.at) {
      const settings = meta[1] ?? '';
      const re = /([\w-]+)\s*=\s*("[^"]*"|[^\s,;]+)/g;
      for (let m = re.exec(settings); m; m = re.exec(settings)) {
        const key = m[1] ?? '';
        const value = (m[2] ?? '').replace(/^"|"$/g, '');
        const keyStart = i + 1 + (meta[0].length - settings.length) + m.index;
        this.sink.meta.keyRanges[key] = this.lines.rangeAt(keyStart, keyStart + m[0].length);
        if (key === 'course') this.sink.meta.course = value;
        else if (key === 'kind') this.sink.meta.kind = value;
        else if (key === 'project' || key === 'projectType' || key === 'project-type') this.sink.meta.projectType = value;
        else if (key === 'disable') this.sink.meta.disabled.push(...value.split(/[,+]/).filter(Boolean));
      }
    }
    // The line break after a comment is eaten by TeX: it neither ends a paragraph nor adds space.
    return end + 1;
  }


  /** `\newcommand{\x}[1]{...}`, `\def\x#1{...}`: skipped without reading math or citations inside. */
  protected skipDefinition(name: string, from: number): number {
    const text = this.text;
    let j = from;
    if (name === 'def' || name === 'gdef' || name === 'edef' || name === 'xdef' || name === 'let') {
      // `\def\name<params>{body}`
      const m = /^\s*\\[A-Za-z@]+[^{]{0,40}/.exec(text.slice(j, j + 80));
      if (m) j += m[0].length;
      return this.args(j, name === 'let' ? 0 : 1).end;
    }
    const arg = this.args(j, name === 'newtheorem' || name === 'DeclareMathOperator' ? 2 : name.endsWith('environment') ? 3 : 2);
    // A text macro without arguments prints its body wherever it is used.
    const [macro, body] = arg.groups;
    const macroName = macro ? /^\s*\\([A-Za-z]+)\s*$/.exec(text.slice(macro.start, macro.end))?.[1] : undefined;
    const arity = arg.optional.length === 0 ? 0 : arg.optional.length === 1 && macro && text.slice(arg.optional[0]?.start ?? 0, arg.optional[0]?.end ?? 0).trim() === '1' ? 1 : -1;
    // A macro that sets figures, tables or other environments: its body is read wherever it is used.
    const params = Number(arg.optional[0] ? text.slice(arg.optional[0].start, arg.optional[0].end).trim() : 0);
    if ((name === 'newcommand' || name === 'renewcommand' || name === 'providecommand') && macroName && body && Number.isInteger(params) && params >= 0 && params <= 9 && BLOCK_BODY.test(text.slice(body.start, body.end))) {
      const fallback = arg.optional[1];
      this.sink.blockMacros.set(macroName, { params, body: text.slice(body.start, body.end), ...(fallback ? { optional: text.slice(fallback.start, fallback.end) } : {}) });
    }
    if ((name === 'newcommand' || name === 'renewcommand' || name === 'providecommand') && macroName && body && arity >= 0) {
      const printed = toPlain(text.slice(body.start, body.end), this.sink.macros).replace(/\s+/g, ' ').trim();
      // Without arguments: `\\ours` -> its text; with one: `\\note{x}` -> its text around x (`#1` marks where).
      if (!/\\/.test(printed) && printed.length <= 60 && (arity === 0 ? !printed.includes('#') : printed.split('#1').length === 2 && !/#[^1]/.test(printed))) this.sink.macros.set(arity === 0 ? macroName : `${macroName}#1`, printed);
    }
    return arg.end;
  }
}

/** NeurIPS authors: `\And`/`\AND` (and `\and`) separate them; `\\` lines hold affiliation and e-mail. */
export function parseAuthors(written: string): Author[] {
  // Comments first: the template's commented-out example author holds a `\thanks{` whose brace closes on a comment line.
  const source = written.replace(/(?<!\\)%[^\n]*/g, '');
  const withoutThanks = removeCommand(source, 'thanks');
  const separators = [...withoutThanks.matchAll(/\\(And|AND|and)\b/g)].map((m) => m[1]);
  const thanks = argumentsOf(source, 'thanks');
  return withoutThanks
    .split(/\\(?:And|AND|and)\b/)
    .map((chunk, index) => {
      const lines = chunk
        .split(/\\\\(?:\s*\[[^\]]*\])?/)
        .map((l) => l.replace(/%[^\n]*/g, ''))
        .filter((l) => l.trim());
      const name = toPlain(lines[0] ?? '').replace(/\s+/g, ' ').trim();
      const rest = lines.slice(1);
      const emailLine = rest.find((l) => /@|\\texttt|\\href\{mailto/.test(l));
      const email = emailLine ? toPlain(emailLine).replace(/\s+/g, '').trim() : undefined;
      const affiliation = rest
        .filter((l) => l !== emailLine)
        .map((l) => toPlain(l).replace(/\s+/g, ' ').trim())
        .filter(Boolean)
        .join(', ');
      const notes = index === 0 ? thanks : [];
      return {
        name,
        ...(affiliation ? { affiliation } : {}),
        ...(email ? { email } : {}),
        ...(lines.length > 1 + (email ? 1 : 0) + (affiliation ? 1 : 0) || rest.filter((l) => l !== emailLine).length > 1 ? { lines: lines.length } : {}),
        ...(separators[index - 1] === 'AND' ? { newRow: true } : {}),
        ...(notes.length > 0 ? { thanks: notes } : {}),
      };
    })
    .filter((a) => a.name.length > 0);
}

/** The plain text of each `\name{...}` argument in `source`. */
function argumentsOf(source: string, name: string): string[] {
  const out: string[] = [];
  let from = 0;
  for (let guard = 0; guard < 50; guard++) {
    const at = source.indexOf(`\\${name}{`, from);
    if (at < 0) break;
    const close = matchBracket(source, at + name.length + 1, '{', '}');
    if (close < 0) break;
    out.push(toPlain(source.slice(at + name.length + 2, close)).replace(/\s+/g, ' ').trim());
    from = close + 1;
  }
  return out;
}

/** Removes `\name{...}` with its balanced argument. */
function removeCommand(source: string, name: string): string {
  let out = source;
  for (let guard = 0; guard < 50; guard++) {
    const at = out.indexOf(`\\${name}{`);
    if (at < 0) break;
    const close = matchBracket(out, at + name.length + 1, '{', '}');
    out = out.slice(0, at) + (close < 0 ? '' : out.slice(close + 1));
    if (close < 0) break;
  }
  return out;
}
