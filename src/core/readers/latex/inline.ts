import type { MathNode } from '../../model/writeup';
import { CITE_COMMANDS } from './commands';
import { matchBracket } from './source';
import { ScannerState } from './state';
import { toPlain } from './runningText';

/** What the scanner reads inside a paragraph: math, citations, footnotes, inline code, bibliography items. */
export abstract class InlineScanner extends ScannerState {
  /** `\footnote[n]{text}` or `\footnotetext[n]{text}`: recorded; its citations and math are still read. */
  protected footnote(i: number, afterName: number): number {
    const arg = this.args(afterName, 1);
    const g = arg.groups[0];
    if (!g) {
      this.touch(i, afterName);
      return afterName;
    }
    if (this.inBody) {
      const text = toPlain(this.text.slice(g.start, g.end), this.sink.macros).replace(/\s+/g, ' ').trim();
      this.sink.footnotes.push({ range: this.range(i, arg.end), bodyRange: this.range(g.start, g.end), text, ...this.origin(i, arg.end) });
      this.paraNotes.push({ start: i, end: arg.end });
    }
    this.touch(i, arg.end);
    // Scanned from its brace: the group it opens ends at its closing brace (a size switch in effect outlives it).
    return g.start - 1;
  }

  /** `$...$` or `$$...$$`. */
  protected dollar(i: number): number {
    const text = this.text;
    const display = text[i + 1] === '$';
    const open = display ? 2 : 1;
    const close = this.findMathClose(i + open, display ? '$$' : '$');
    if (close < 0) {
      this.problem('unclosed-math', `Unclosed math: \`${display ? '$$' : '$'}\` has no closing \`${display ? '$$' : '$'}\`.`, i, i + open);
      this.touch(i, i + open);
      return i + open;
    }
    this.addMath(i, close + open, i + open, close, display, display ? '$$' : '$');
    return close + open;
  }


  protected addMath(start: number, end: number, contentStart: number, contentEnd: number, display: boolean, delimiter: MathNode['delimiter'], environment?: string): void {
    const node: MathNode = {
      tex: this.text.slice(contentStart, contentEnd),
      display,
      range: this.range(start, end),
      contentRange: this.range(contentStart, contentEnd),
      delimiter,
      ...(environment ? { environment } : {}),
      ...this.origin(start, end),
    };
    this.sink.math.push(node);
    if (display && this.inBody && !this.inBlockEnv) {
      // Display math inside a paragraph belongs to it as far as the layout goes; it is also a block.
      this.flushParagraph();
      this.place({ type: 'math', range: node.range, math: node, ...(this.factsBefore(start).standalone ? { standalone: true } : {}) });
    } else {
      if (this.inBody && !this.inBlockEnv) this.paraMath.push({ start, end, node });
      this.touch(start, end);
    }
  }


  /** `\verb|...|` and `\lstinline|...|` (any delimiter; `\lstinline{...}` too): code, not read. */
  protected inlineVerbatim(i: number, from: number): number {
    const text = this.text;
    let open = from;
    if (text[open] === '[') {
      const close = matchBracket(text, open, '[', ']');
      if (close > 0) open = close + 1;
    }
    const delimiter = text[open];
    if (delimiter === undefined || /[\sA-Za-z]/.test(delimiter)) return from;
    const closer = delimiter === '{' ? '}' : delimiter;
    const lineEnd = text.indexOf('\n', open);
    const end = text.indexOf(closer, open + 1);
    if (end < 0 || (lineEnd >= 0 && end > lineEnd)) {
      this.problem('unclosed-verbatim', `\\verb has no closing \`${closer}\` on its line.`, i, open + 1, 'warning');
      return open + 1;
    }
    this.sink.code.push(this.range(open + 1, end));
    this.touch(i, end + 1);
    return end + 1;
  }

  /** `\iffalse ... \fi`: commented-out text, skipped (nested `\if...`/`\fi` pairs counted). */
  protected skipIffalse(i: number, from: number): number {
    const text = this.text;
    const re = /\\(if[A-Za-z@]*|fi)(?![A-Za-z@])/g;
    re.lastIndex = from;
    let depth = 1;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      depth += m[1] === 'fi' ? -1 : 1;
      if (depth === 0) {
        this.sink.code.push(this.range(i, m.index + m[0].length));
        return m.index + m[0].length;
      }
    }
    this.problem('unclosed-iffalse', '`\\iffalse` has no matching `\\fi`: the rest of the file is skipped.', i, from, 'warning');
    return text.length;
  }

  /** Scans a span for citations and math only (a section title). */
  protected scanInside(start: number, end: number): void {
    const text = this.text;
    let i = start;
    while (i < end) {
      const c = text[i];
      if (c === '$') i = this.dollar(i);
      else if (c === '\\') {
        const m = /^\\([A-Za-z]+)\*?/.exec(text.slice(i, i + 30));
        if (m && CITE_COMMANDS.has(m[1] ?? '')) i = this.cite(i, m[1] ?? '', i + m[0].length);
        else if (text[i + 1] === '(') i = this.command(i);
        else i += m ? m[0].length : 2;
      } else i++;
    }
  }

  protected cite(i: number, name: string, afterName: number): number {
    const arg = this.args(afterName, 1);
    const g = arg.groups[0];
    if (!g) {
      this.problem('malformed-citation', `\`\\${name}\` needs its keys in braces, e.g. \`\\${name}{key}\`.`, i, afterName, 'warning');
      return afterName;
    }
    const inner = this.text.slice(g.start, g.end);
    const re = /[^,\s][^,]*/g;
    for (let m = re.exec(inner); m; m = re.exec(inner)) {
      const key = m[0].trim();
      if (key === '*' && name === 'nocite') this.sink.citesAll = true;
      if (!key || key === '*') continue;
      const keyStart = g.start + m.index;
      this.sink.citations.push({
        key,
        range: this.range(keyStart, keyStart + key.length),
        groupRange: this.range(i, arg.end),
        command: name,
        ...this.origin(keyStart, keyStart + key.length),
      });
    }
    if (name !== 'nocite') this.touch(i, arg.end);
    return arg.end;
  }

  /** `\bibitem[label]{key} text`: a reference the document defines itself. */
  protected bibitem(i: number, afterName: number): number {
    const arg = this.args(afterName, 1);
    const g = arg.groups[0];
    if (!g) return afterName;
    const key = this.text.slice(g.start, g.end).trim();
    if (!key) return arg.end;
    const keyStart = g.start + this.text.slice(g.start, g.end).indexOf(key);
    const label = arg.optional[0];
    // The item's text runs to the next item or the end of the list.
    const rest = this.text.slice(arg.end, arg.end + 4000);
    const stop = /\\bibitem\b|\\end\s*\{thebibliography\}/.exec(rest);
    const labelText = label ? this.text.slice(label.start, label.end) : undefined;
    // natbib's author-year label, `Foo et al.(2020)`: the names and the year it prints.
    const authorYear = labelText !== undefined ? /^(.*?)\s*\((\d{4}[a-z]?)\)/.exec(labelText) : null;
    this.sink.bibItems.push({
      key,
      range: this.range(keyStart, keyStart + key.length),
      ...(labelText !== undefined ? { label: labelText } : {}),
      ...(authorYear ? { labelYear: authorYear[2] ?? '', ...(authorYear[1] ? { labelAuthors: toPlain(authorYear[1], this.sink.macros).replace(/\s+/g, ' ').trim() } : {}) } : {}),
      text: toPlain(stop ? rest.slice(0, stop.index) : rest, this.sink.macros).replace(/\s+/g, ' ').trim(),
      ...this.origin(keyStart, keyStart + key.length),
    });
    this.touch(i, arg.end);
    return arg.end;
  }
}
