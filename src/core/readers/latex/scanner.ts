import { emptyHost } from '../../host';
import type { FontSize } from '../../model/writeup';
import { LineIndex } from '../../text/lineIndex';
import { resolveInside, resolvePath } from '../../text/paths';
import { APPENDIX_TITLE, isReferencesTitle, VSKIP_LENGTH } from '../common';
import { CITE_COMMANDS, DEFINITION_COMMANDS, FONT_SIZES, MAX_CHILD_CHARS, MAX_CHILD_READS, MAX_INCLUDE_DEPTH, SECTION_LEVELS, SILENT_COMMANDS } from './commands';
import { type BlockMacro, expandBody } from './macros';
import { PreambleScanner, parseAuthors } from './preamble';
import { matchBracket, skipSpace } from './source';
import type { ChunkEnd, ChunkScan } from './state';
import { plainText, readPieces, toPlain } from './runningText';

/** One pass over one file's text: the main loop, the command dispatch, sections and included files. */
export class LatexScanner extends PreambleScanner {
  run(): void {
    this.scan(this.text.length);
    for (const env of this.envs) {
      if (env.name === 'document' && this.ctx.at === undefined) {
        this.problem('unclosed-environment', 'Unclosed environment: `\\begin{document}` has no `\\end{document}`.', env.start, env.bodyStart, 'warning');
      } else if (env.name !== 'document') {
        this.problem('unclosed-environment', `Unclosed environment: \`\\begin{${env.name}}\` has no \`\\end{${env.name}}\`.`, env.start, env.bodyStart);
      }
    }
  }

  /**
   * Reads one chunk (LatexSession): up to its stop, or to the end of the text when it is the last
   * (then environments left open are reported as `run` does, but for the document: the session
   * reads such a text whole).
   */
  runChunk(chunk: ChunkScan): ChunkEnd {
    const at = this.scan(chunk.stop);
    if (chunk.stop >= this.text.length) {
      for (const env of this.envs) {
        if (env.name !== 'document') this.problem('unclosed-environment', `Unclosed environment: \`\\begin{${env.name}}\` has no \`\\end{${env.name}}\`.`, env.start, env.bodyStart);
      }
    }
    const neutral = this.envs.length === 1 && this.envs[0]?.kind === 'document' && this.inBody && this.sizes.length === 0 && this.size === 'normalsize';
    return { at, neutral, inDocument: this.envs.some((e) => e.kind === 'document') };
  }

  /** The main loop, up to `n`; returns where it stopped (past `n` when a construct ran on). */
  private scan(n: number): number {
    const text = this.text;
    let i = 0;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 37 /* % */) {
        i = this.comment(i);
        continue;
      }
      if (c === 10 || c === 13) {
        // A blank line ends a paragraph.
        let j = i + (c === 13 && text.charCodeAt(i + 1) === 10 ? 2 : 1);
        while (j < n && (text[j] === ' ' || text[j] === '\t')) j++;
        if (text[j] === '\n' || text[j] === '\r') {
          this.flushParagraph();
          this.figureParts()?.rowBreak();
        }
        i = j;
        continue;
      }
      if (c === 36 /* $ */) {
        i = this.dollar(i);
        continue;
      }
      if (c === 92 /* \ */) {
        i = this.command(i);
        continue;
      }
      if (c === 123) this.sizes.push(this.size);
      else if (c === 125) this.size = this.sizes.pop() ?? 'normalsize';
      else if (c !== 32 && c !== 9) this.touch(i, i + 1);
      i++;
    }
    this.flushParagraph();
    return i;
  }


  /** A command at `i` (a backslash). Returns where scanning goes on. */
  protected command(i: number): number {
    const text = this.text;
    const next = text[i + 1];
    if (next === undefined) return i + 1;
    if (next === '(' || next === '[') {
      const close = next === '(' ? '\\)' : '\\]';
      const end = this.findMathClose(i + 2, close);
      if (end < 0) {
        this.problem('unclosed-math', `Unclosed math: \`\\${next}\` has no closing \`${close}\`.`, i, i + 2);
        return i + 2;
      }
      this.addMath(i, end + 2, i + 2, end, next === '[', next === '(' ? '\\(' : '\\[');
      return end + 2;
    }
    if (!/[A-Za-z@]/.test(next)) {
      if (next === '\\' && !this.envs.some((e) => e.kind === 'tabular')) this.figureParts()?.rowBreak();
      // A control symbol: `\%`, `\$`, `\\`, `\{`... is text (`\` before a CRLF line end takes both characters).
      const end = next === '\r' && text[i + 2] === '\n' ? i + 3 : i + 2;
      this.touch(i, end);
      return end;
    }
    let j = i + 1;
    while (j < text.length && /[A-Za-z@]/.test(text[j] ?? '')) j++;
    const name = text.slice(i + 1, j);
    const star = text[j] === '*';
    const afterName = star ? j + 1 : j;

    if (name === 'verb' || name === 'lstinline') return this.inlineVerbatim(i, afterName);
    if (name === 'iffalse') return this.skipIffalse(i, j);
    if (name === 'begin' || name === 'end') return this.environment(i, afterName, name === 'begin');
    if (name in SECTION_LEVELS) return this.section(i, name, star, afterName);
    if (CITE_COMMANDS.has(name)) return this.cite(i, name, afterName);
    if (name === 'bibitem') return this.bibitem(i, afterName);
    if (DEFINITION_COMMANDS.has(name)) return this.skipDefinition(name, afterName);
    switch (name) {
      case 'title': {
        const arg = this.args(afterName, 1);
        const g = arg.groups[0];
        if (g && !this.ctx.at) {
          const pieces = readPieces(text.slice(g.start, g.end), this.sink.macros);
          this.sink.meta.title = plainText(pieces).replace(/\s+/g, ' ').trim();
          this.sink.meta.titlePieces = pieces;
          this.sink.meta.titleRange = this.lines.rangeAt(g.start, g.end);
          this.sink.meta.keyRanges['title'] = this.lines.rangeAt(i, arg.end);
        }
        return arg.end;
      }
      case 'author': {
        const arg = this.args(afterName, 1);
        const g = arg.groups[0];
        if (g && !this.ctx.at) {
          this.sink.meta.authors = parseAuthors(text.slice(g.start, g.end));
          this.sink.meta.keyRanges['author'] = this.lines.rangeAt(i, arg.end);
        }
        return arg.end;
      }
      case 'date': {
        const arg = this.args(afterName, 1);
        const g = arg.groups[0];
        if (g && !this.ctx.at) this.sink.meta.date = toPlain(text.slice(g.start, g.end), this.sink.macros).trim();
        return arg.end;
      }
      case 'bibliography':
      case 'addbibresource': {
        const arg = this.args(afterName, 1);
        const g = arg.groups[0];
        if (g) {
          for (const f of text.slice(g.start, g.end).split(',')) {
            const file = f.trim();
            if (file) this.sink.meta.bibliography.push(name === 'bibliography' && !/\.bib$/i.test(file) ? `${file}.bib` : file);
          }
        }
        if (name === 'bibliography') this.markReferences(i, arg.end);
        return arg.end;
      }
      case 'printbibliography':
        this.markReferences(i, afterName);
        return this.args(afterName, 0).end;
      case 'appendix':
        this.flushParagraph();
        this.sink.appendixStart ??= this.range(i, afterName);
        return afterName;
      case 'vspace': {
        const arg = this.args(afterName, 1);
        const g = arg.groups[0];
        if (g) this.space(i, arg.end, text.slice(g.start, g.end).trim(), star);
        return arg.end;
      }
      case 'vskip': {
        // `\vskip -0.5\baselineskip plus 1pt`: a TeX dimension without braces.
        const m = VSKIP_LENGTH.exec(text.slice(afterName, afterName + 120));
        if (!m) return afterName;
        const end = afterName + m[0].length;
        this.space(i, end, (m[1] ?? '').replace(/\s+/g, ''), false);
        return end;
      }
      case 'smallskip':
      case 'medskip':
      case 'bigskip':
        this.space(i, afterName, `\\${name}amount`, false);
        return afterName;
      case 'footnote':
      case 'footnotetext':
        return this.footnote(i, afterName);
      case 'newpage':
      case 'clearpage':
      case 'pagebreak':
      case 'cleardoublepage':
        this.flushParagraph();
        this.place({ type: 'pagebreak', range: this.range(i, afterName), ...(name === 'clearpage' || name === 'cleardoublepage' ? { clear: true } : {}) });
        return afterName;
      case 'input':
      case 'include':
      case 'subfile':
        return this.include(i, afterName);
      case 'includegraphics': {
        const arg = this.args(afterName, 1);
        const g = arg.groups[0];
        const options = arg.optional[0];
        const path = g ? text.slice(g.start, g.end).trim() : '';
        const width = options ? /(?:^|,)\s*width\s*=\s*([^,]+)/.exec(text.slice(options.start, options.end))?.[1]?.trim() : undefined;
        const env = [...this.envs].reverse().find((e) => e.kind === 'figure');
        if (env) {
          env.includegraphics ??= { path, ...(width !== undefined ? { width } : {}) };
          const box = [...this.envs].reverse().find((e) => e.box !== undefined);
          this.figureParts()?.image(path, options ? text.slice(options.start, options.end) : undefined, box?.box);
        }
        else if (this.inBody && !this.inBlockEnv) {
          this.flushParagraph();
          this.place({ type: 'figure', range: this.range(i, arg.end), path, ...(width !== undefined ? { width } : {}) });
        }
        return arg.end;
      }
      case 'hypertarget':
        // pandoc's `\hypertarget{id}{\section{..}}`: the id prints nothing; the second argument is read.
        return this.args(afterName, 1).end;
      case 'par':
      case 'newline':
        this.figureParts()?.rowBreak();
        this.touch(i, afterName);
        return afterName;
      case 'resizebox':
      case 'scalebox': {
        const parts = this.figureParts();
        const table = parts ? undefined : [...this.envs].reverse().find((e) => e.kind === 'table');
        if (!parts && !table) break;
        const arg = this.args(afterName, name === 'resizebox' ? 2 : 1);
        const [a, b] = arg.groups;
        const resize = name === 'resizebox' && a && b ? { width: text.slice(a.start, a.end).trim(), height: text.slice(b.start, b.end).trim() } : a ? { scale: Number(text.slice(a.start, a.end).trim()) || 1 } : undefined;
        if (resize && parts) parts.resize(resize);
        // A table scaled to a width (`\resizebox{\textwidth}{!}{\begin{tabular}...}`): its rows scale with it.
        else if (resize && table) table.resize = resize;
        return arg.end;
      }
      case 'subfigure':
      case 'subfloat': {
        // subfigure/subfig's command form `\subfigure[caption]{\includegraphics...}`: one box.
        const parts = this.figureParts();
        if (!parts) break;
        const arg = this.args(afterName, 0);
        const o = arg.optional[arg.optional.length - 1];
        parts.commandBox(o ? toPlain(text.slice(o.start, o.end), this.sink.macros).replace(/\s+/g, ' ').trim() : undefined);
        return arg.end;
      }
      case 'caption': {
        const arg = this.args(afterName, 1);
        const g = arg.groups[0];
        const box = this.envs[this.envs.length - 1]?.box !== undefined ? this.envs[this.envs.length - 1] : [...this.envs].reverse().find((e) => e.box !== undefined || e.kind === 'figure' || e.kind === 'table' || e.kind === 'code');
        if (box?.box !== undefined && g) {
          // An empty `\caption{}` still prints its label "(a)"; an empty `\caption*{}` prints nothing.
          const caption = toPlain(text.slice(g.start, g.end), this.sink.macros).replace(/\s+/g, ' ').trim();
          if (!star || caption !== '') this.figureParts()?.boxCaption(box.box, caption);
          return g.start - 1;
        }
        const env = [...this.envs].reverse().find((e) => e.kind === 'figure' || e.kind === 'table' || e.kind === 'code' || e.name === 'longtable');
        if (env && g) {
          const pieces = readPieces(text.slice(g.start, g.end), this.sink.macros);
          env.caption = plainText(pieces).replace(/\s+/g, ' ').trim();
          env.captionPieces = pieces;
          // A figure's caption with more of its images after it stands between their rows.
          if (env.kind === 'figure') this.figureParts()?.figureCaption(env.caption);
        }
        // Its citations and math still count: scan inside the argument, from its brace (its group ends with it).
        return g ? g.start - 1 : arg.end;
      }
      default:
        break;
    }
    const macro = this.inBody && !this.inBlockEnv ? this.sink.blockMacros.get(name) : undefined;
    if (macro) return this.expand(i, afterName, name, macro);
    if (FONT_SIZES.has(name)) this.size = name as FontSize;
    if (SILENT_COMMANDS.has(name)) return this.args(afterName, name === 'hspace' || name === 'label' || name === 'ref' || name === 'eqref' || name === 'usepackage' || name === 'documentclass' || name === 'bibliographystyle' ? 1 : 0).end;
    // Any other command: its name prints nothing we count, its arguments are scanned as text
    // (the paragraph reaches over its first argument, so a closing `\\cref{..}` stays whole).
    const open = skipSpace(text, afterName);
    const close = text[open] === '{' ? matchBracket(text, open, '{', '}') : -1;
    this.touch(i, close > 0 && !/\n[^\S\n]*\n/.test(text.slice(open, close)) ? close + 1 : afterName);
    return afterName;
  }



  protected section(i: number, name: string, star: boolean, afterName: number): number {
    const arg = this.args(afterName, 1);
    const g = arg.groups[0];
    if (!g) {
      this.touch(i, afterName);
      return afterName;
    }
    this.flushParagraph();
    const titlePieces = readPieces(this.text.slice(g.start, g.end), this.sink.macros);
    const title = plainText(titlePieces).replace(/\s+/g, ' ').trim();
    const level = SECTION_LEVELS[name] ?? 1;
    this.sink.headings.push({
      level: Math.max(1, level),
      title,
      titlePieces,
      unnumbered: star,
      range: this.range(i, arg.end),
      titleRange: this.range(g.start, g.end),
      offset: this.sink.order++,
      ...this.origin(i, arg.end),
    });
    if (isReferencesTitle(title)) this.startReferences(i, arg.end);
    if (APPENDIX_TITLE.test(title)) this.sink.appendixStart ??= this.range(i, arg.end);
    // Scan the title's own citations and math.
    const saved = this.paraStart;
    this.scanInside(g.start, g.end);
    this.paraStart = saved;
    this.paraEnd = saved < 0 ? -1 : this.paraEnd;
    return arg.end;
  }


  /**
   * A block macro used at `i` (outside any block environment): its arguments read (a first
   * optional one when it has a default) and its body, arguments in place, read like an `\\input`
   * child standing at the use. A macro is not expanded inside itself.
   */
  private expand(i: number, afterName: number, name: string, macro: BlockMacro): number {
    const text = this.text;
    const arg = this.args(afterName, macro.optional !== undefined ? Math.max(0, macro.params - 1) : macro.params);
    const values = arg.groups.map((g) => text.slice(g.start, g.end));
    if (macro.optional !== undefined) {
      const o = arg.optional[0];
      values.unshift(o ? text.slice(o.start, o.end) : macro.optional);
    }
    const key = `\\${name}`;
    if (this.ctx.visited.has(key) || this.ctx.depth >= MAX_INCLUDE_DEPTH) return arg.end;
    this.flushParagraph();
    const body = expandBody(macro, values);
    if (!this.spend(body.length, i, arg.end)) return arg.end;
    // What the expansion holds points at the use; its own positions are in a file named after the macro.
    const file = `${this.ctx.file}#${name}`;
    this.ctx.visited.add(key);
    const child = new LatexScanner(body, new LineIndex(body), this.sink, {
      host: this.ctx.host,
      baseDir: this.ctx.baseDir,
      file,
      visited: this.ctx.visited,
      depth: this.ctx.depth + 1,
      budget: this.ctx.budget,
      preamble: this.preambleText(),
      at: { file, range: this.ctx.at ? this.ctx.at.range : this.range(i, arg.end) },
      ...this.beforeUse(i),
    });
    child.inBody = true;
    child.size = this.size;
    child.run();
    this.size = child.size;
    this.ctx.visited.delete(key);
    return arg.end;
  }

  /** Takes one child read of `chars` characters from the read's budget: false (said once) when it is spent. */
  private spend(chars: number, i: number, end: number): boolean {
    const budget = this.ctx.budget;
    budget.reads++;
    budget.chars += chars;
    if (budget.reads <= MAX_CHILD_READS && budget.chars <= MAX_CHILD_CHARS) return true;
    if (!budget.told) {
      budget.told = true;
      const message =
        `More than ${MAX_CHILD_READS.toLocaleString('en-US')} \`\\input\` files and block macro uses (or ${MAX_CHILD_CHARS / 1e6} MB of their text) in one writeup: ` +
        'the rest are not read. Does a file or macro use another many times over?';
      this.problem('include-limit', message, i, end, 'warning');
    }
    return false;
  }

  /** For a child read at `i` (an `\\input`, a macro's use): the line before its first line. */
  private beforeUse(i: number): { before?: string } {
    const before = this.lineBefore(i);
    return before !== undefined ? { before } : {};
  }

  protected include(i: number, afterName: number): number {
    const text = this.text;
    const arg = this.args(afterName, 1);
    let target: string | undefined;
    let end = arg.end;
    const g = arg.groups[0];
    if (g) target = text.slice(g.start, g.end).trim();
    else {
      const m = /^[ \t]+([^\s{}%\\]+)/.exec(text.slice(afterName, afterName + 300));
      if (m) {
        target = m[1];
        end = afterName + m[0].length;
      }
    }
    if (!target) return end;
    this.flushParagraph();
    const withExt = /\.[A-Za-z]+$/.test(target) ? target : `${target}.tex`;
    // Only files inside the writeup's folder tree are followed (no `..` escapes, no /etc/...).
    const inside = resolveInside(this.ctx.baseDir, withExt, []);
    if ('refused' in inside) {
      this.problem('include-outside', `\\input ${inside.refused}`, i, end, 'warning');
      return end;
    }
    const resolved = resolvePath(this.ctx.baseDir, withExt);
    const here = this.range(i, end);
    if (this.ctx.visited.has(resolved)) {
      this.problem('include-cycle', `\`${target}\` is already being read: an \`\\input\` cycle is skipped.`, i, end, 'warning');
      return end;
    }
    if (this.ctx.depth >= MAX_INCLUDE_DEPTH) {
      this.problem('include-depth', `\`${target}\` is nested more than ${MAX_INCLUDE_DEPTH} inputs deep: not read.`, i, end, 'warning');
      return end;
    }
    const content = this.ctx.host.readFile(resolved) ?? (withExt !== target ? this.ctx.host.readFile(resolvePath(this.ctx.baseDir, target)) : undefined);
    if (content === undefined) {
      // Something is there (a folder, a file without read permission, binary data): say so, not "missing".
      const why = this.ctx.host.exists(resolved) ? `${resolved} is a folder, a device or a pipe, or cannot be read` : `looked for ${resolved}`;
      if (this.ctx.host !== emptyHost) this.problem('include-missing', `Cannot read \`${target}\` (${why}).`, i, end, 'warning');
      return end;
    }
    if (!this.spend(content.length, i, end)) return end;
    if (!this.sink.includes.includes(resolved)) this.sink.includes.push(resolved);
    this.ctx.visited.add(resolved);
    const child = new LatexScanner(content, new LineIndex(content), this.sink, {
      host: this.ctx.host,
      baseDir: this.ctx.baseDir,
      file: resolved,
      visited: this.ctx.visited,
      depth: this.ctx.depth + 1,
      budget: this.ctx.budget,
      preamble: this.preambleText(),
      at: { file: resolved, range: this.ctx.at ? this.ctx.at.range : here },
      ...this.beforeUse(i),
    });
    // A `\subfile` (or any child with its own \begin{document}): its preamble is not text.
    child.inBody = this.inBody && !/\\begin\s*\{document\}/.test(content);
    // `\input` is text in place: a size switch in effect goes on into the child and out of it.
    child.size = this.size;
    child.run();
    this.size = child.size;
    this.ctx.visited.delete(resolved);
    return end;
  }
}
