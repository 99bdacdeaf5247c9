/**
 * Reads a LaTeX log (pdflatex, latexmk, also with -file-line-error) into problems at source lines.
 * Pure: takes the log's text.
 */

/** One problem the log reports. */
export interface LogProblem {
  /** The file as the log names it (e.g. `./report.tex`), when known. */
  readonly file?: string;
  /** 0-based line in that file, when the log gives one. */
  readonly line?: number;
  readonly message: string;
  readonly severity: 'error' | 'warning';
}

const fileLineError = /^(.*?\.(?:tex|sty|cls|bbl|ltx|def|cfg|clo)):(\d+): (.*)$/;
const lineMarker = /^l\.(\d+)(?: (.*))?$/;
const inputLineWarning = /^(?:LaTeX|Package [\w-]+|Class [\w-]+) Warning: (.*?)(?: on input line (\d+)\.)?$/;
const fileOpen = /\((\.{0,2}\/[^\s()]*|[A-Za-z]:[\\/][^\s()]*|[^\s()/\\]+\.(?:tex|sty|cls|bbl|aux|def|cfg|clo|fd|ltx|out|toc))/y;

/** Problems in `log`, errors first in log order, then warnings. Never throws. */
export function parseLatexLog(log: string): LogProblem[] {
  const lines = log.replace(/\r\n?/g, '\n').split('\n');
  const errors: LogProblem[] = [];
  const warnings: LogProblem[] = [];
  const stack: string[] = [];
  const seen = new Set<string>();
  const add = (list: LogProblem[], p: LogProblem): void => {
    const key = `${p.file}:${p.line}:${p.message}`;
    if (!seen.has(key)) {
      seen.add(key);
      list.push(p);
    }
  };
  for (let i = 0; i < lines.length; i++) {
    const text = lines[i] ?? '';
    const fle = fileLineError.exec(text);
    if (fle) {
      const message = cleanMessage(fle[3] ?? '', lines, i);
      add(errors, { file: fle[1] ?? '', line: Number(fle[2]) - 1, message, severity: 'error' });
      continue;
    }
    if (text.startsWith('! ')) {
      const message = cleanMessage(text.slice(2), lines, i);
      if (/^Emergency stop\.?$|^==> Fatal error occurred/.test(message) && errors.length > 0) continue;
      let line: number | undefined;
      for (let j = i + 1; j < Math.min(lines.length, i + 30); j++) {
        const m = lineMarker.exec(lines[j] ?? '');
        if (m) {
          line = Number(m[1]) - 1;
          break;
        }
        if ((lines[j] ?? '').startsWith('! ')) break;
      }
      const file = stack[stack.length - 1];
      add(errors, { ...(file ? { file } : {}), ...(line !== undefined ? { line } : {}), message, severity: 'error' });
      continue;
    }
    const warning = inputLineWarning.exec(text);
    if (warning) {
      let message = warning[1] ?? '';
      let lineNo = warning[2];
      // Warnings continue on indented lines ("(natbib)  ..."); the line number may be there.
      for (let j = i + 1; lineNo === undefined && j < lines.length && /^\(\S+\)\s+/.test(lines[j] ?? ''); j++) {
        const rest = (lines[j] ?? '').replace(/^\(\S+\)\s+/, '');
        const m = /^(.*?)\s*(?:on input line (\d+)\.)?$/.exec(rest);
        message = m?.[1] ? `${message} ${m[1]}` : message;
        lineNo = m?.[2];
      }
      const file = stack[stack.length - 1];
      add(warnings, {
        ...(file ? { file } : {}),
        ...(lineNo !== undefined ? { line: Number(lineNo) - 1 } : {}),
        message: message.trim(),
        severity: 'warning',
      });
      continue;
    }
    trackFiles(text, stack);
  }
  return [...errors, ...warnings];
}

/** Follows `(file` and `)` to know which file the log is in. */
function trackFiles(text: string, stack: string[]): void {
  for (let k = 0; k < text.length; k++) {
    const c = text[k];
    if (c === '(') {
      fileOpen.lastIndex = k;
      const m = fileOpen.exec(text);
      if (m && m[1]) {
        stack.push(m[1]);
        k += m[1].length;
      } else stack.push('');
    } else if (c === ')') stack.pop();
  }
}

/** The message without the trailing period noise, with `LaTeX Error:` kept as written. */
function cleanMessage(message: string, lines: readonly string[], i: number): string {
  const m = message.trim();
  // "Undefined control sequence." is followed by the offending line: name the command.
  if (/^Undefined control sequence\.?$/.test(m)) {
    for (let j = i + 1; j < Math.min(lines.length, i + 5); j++) {
      const cs = /(\\[A-Za-z@]+)\s*$/.exec(lines[j] ?? '');
      if (cs && /^l\.\d+/.test(lines[j] ?? '')) return `Undefined control sequence ${cs[1]}.`;
    }
  }
  return m;
}

/**
 * Problems in pandoc's stderr: YAML errors at their line in the writeup, warnings (a citation
 * not found, a resource not fetched), and LaTeX errors, which refer to pandoc's generated LaTeX
 * and so carry no line of the writeup. `failed`: whether pandoc exited with an error.
 */
export function parsePandocMessages(stderr: string, failed = true): LogProblem[] {
  const lines = stderr.replace(/\r\n?/g, '\n').split('\n');
  const problems: LogProblem[] = [];
  for (let i = 0; i < lines.length; i++) {
    const text = (lines[i] ?? '').trim();
    if (text.length === 0) continue;
    const warning = /^\[WARNING\]\s*(.*)$/.exec(text);
    if (warning) {
      problems.push({ message: warning[1] ?? '', severity: 'warning' });
      continue;
    }
    const at = /\(line (\d+), column (\d+)\)|at line (\d+), column (\d+)/.exec(text);
    if (at) {
      const line = Number(at[1] ?? at[3]) - 1;
      const detail = (lines[i + 1] ?? '').trim();
      const message = detail && !detail.startsWith('[') ? `${text.replace(/:$/, '')}: ${detail}` : text;
      problems.push({ line, message, severity: 'error' });
      continue;
    }
    if (text.startsWith('! ')) problems.push({ message: `LaTeX: ${cleanMessage(text.slice(2), lines, i)}`, severity: 'error' });
  }
  // A failed run always says why, even in a message this reader does not know.
  if (failed && !problems.some((p) => p.severity === 'error')) {
    const last = lines.map((l) => l.trim()).filter((l) => l.length > 0 && !l.startsWith('[')).pop();
    if (last) problems.push({ message: last, severity: 'error' });
  }
  return problems;
}
