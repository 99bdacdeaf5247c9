import type { TexInline } from '../../model/inline';
import type { FontSize, TableCell } from '../../model/writeup';
import { MATH_ENVIRONMENTS } from '../pandocInline';
import { algorithmLines } from './algorithms';
import { ALGORITHM_ENVS, BOX_ENVS, FIGURE_ENVS, FONT_SIZES, LIST_ENVS, PICTURE_ENVS, TABLE_ENVS, TABULAR_ENVS, THEOREM_ENVS, VERBATIM_ENVS } from './commands';
import { FigureParts } from './figures';
import { InlineScanner } from './inline';
import { LIST_OPTIONS, listItems, listSettings, listSpacing, type ListSpacingOf } from './lists';
import { readPicture } from './pictures';
import { skipSpace } from './source';
import type { Env } from './state';
import { columnChars, countColumns, countRows, maxCells, tableCells, wrappedLines } from './tables';
import { plainText, readPieces, SPACES } from './runningText';

/** The last document's `\\setlist`s, by the source they were read from. */
let settingsMemo: { source: string; settings: ReturnType<typeof listSettings> } | undefined;

/** `\\begin{..}` and `\\end{..}`: the blocks environments become (lists, figures, tables, code, theorems). */
/** `\\renewcommand{\\arraystretch}{1.2}`, `\\renewcommand\\arraystretch{1.2}`, `\\def\\arraystretch{1.2}`. */
const ARRAYSTRETCH = /(?:\\renewcommand\s*\{?\s*\\arraystretch\s*\}?|\\def\s*\\arraystretch)\s*\{\s*([\d.]+)\s*\}/g;

/** A longtable's `\\caption{..}` with the `\\\\` that ends its row. */
const LONGTABLE_CAPTION = /\\caption\*?\s*(?:\[[^\]]*\])?\s*\{(?:[^{}]|\{(?:[^{}]|\{[^{}]*\})*\})*\}\s*(?:\\\\)?/g;

/** Lines shorter than this never wrap on the NeurIPS measure (about 66 fixed-width characters at 10pt). */
const WRAP_CANDIDATE = 40;

export abstract class EnvironmentScanner extends InlineScanner {

  protected environment(i: number, afterName: number, begin: boolean): number {
    const text = this.text;
    const k = skipSpace(text, afterName);
    if (text[k] !== '{') {
      this.touch(i, afterName);
      return afterName;
    }
    const close = text.indexOf('}', k);
    if (close < 0 || close - k > 60) {
      this.problem('unclosed-brace', 'Unclosed brace: `{` has no matching `}`.', k, k + 1);
      return k + 1;
    }
    const name = text.slice(k + 1, close).trim();
    const tagEnd = close + 1;
    if (!begin) return this.endEnvironment(i, tagEnd, name);

    if (name === 'document') {
      if (!this.ctx.at) this.sink.meta.preambleEnd ??= i;
      this.inBody = true;
      this.envs.push({ name, start: i, bodyStart: tagEnd, kind: 'document' });
      return tagEnd;
    }
    if (MATH_ENVIRONMENTS.has(name) || VERBATIM_ENVS.has(name)) {
      const endTag = `\\end{${name}}`;
      const at = text.indexOf(endTag, tagEnd);
      if (at < 0) {
        this.problem('unclosed-environment', `Unclosed environment: \`\\begin{${name}}\` has no \`${endTag}\`.`, i, tagEnd);
        return tagEnd;
      }
      if (MATH_ENVIRONMENTS.has(name)) {
        this.addMath(i, at + endTag.length, tagEnd, at, name !== 'math', 'env', name);
      } else {
        this.sink.code.push(this.range(tagEnd, at));
        if (this.inBody && !this.inBlockEnv) {
          this.flushParagraph();
          // Options (`\begin{Verbatim}[..]`, `\begin{minted}{python}`) are not lines.
          const body = text.slice(tagEnd, at).replace(/^(?:\s*\[[^\]\n\r]*\]|\s*\{[^}\n\r]*\})*[ \t]*(?:\r\n?|\n)/, '').replace(/(?:\r\n?|\n)$/, '');
          const size = this.verbatimSize(name, text.slice(tagEnd, Math.min(at, tagEnd + 200)));
          const lines = body.split(/\r?\n|\r/);
          const wrapping = this.breaksLines(name, text.slice(tagEnd, Math.min(at, tagEnd + 200))) ? lines.filter((l) => l.length > WRAP_CANDIDATE) : [];
          this.place({ type: 'code', range: this.range(i, at + endTag.length), lines: lines.length, ...(size !== 'normalsize' ? { size } : {}), ...(wrapping.length > 0 ? { wrapping } : {}), code: lines.join('\n') });
        }
      }
      return at + endTag.length;
    }
    const float = BOX_ENVS.has(name) ? this.figureParts() : undefined;
    if (float) {
      // A box inside a figure: its width, then its images and caption (`\begin{subfigure}[t]{0.48\linewidth}`).
      const arg = this.args(tagEnd, 1);
      const w = arg.groups[0];
      const box = float.openBox(w ? text.slice(w.start, w.end).trim() : undefined);
      this.envs.push({ name, start: i, bodyStart: arg.end, kind: 'other', box, outer: { size: this.size, braces: this.sizes.length } });
      return arg.end;
    }
    if (PICTURE_ENVS.has(name)) {
      // A TikZ or forest picture: not text. Outside a float it stands as a box of its own.
      const endTag = `\\end{${name}}`;
      const at = text.indexOf(endTag, tagEnd);
      if (at < 0) {
        this.problem('unclosed-environment', `Unclosed environment: \`\\begin{${name}}\` has no \`${endTag}\`.`, i, tagEnd);
        return tagEnd;
      }
      this.sink.code.push(this.range(tagEnd, at));
      if (this.inBody && !this.inBlockEnv) {
        this.flushParagraph();
        // In a `center` environment it is a trivlist (skips above and below); else a paragraph of its own.
        const picture = readPicture(text.slice(i, at + endTag.length), name, this.envs[this.envs.length - 1]?.name === 'center');
        this.place({ type: 'environment', range: this.range(i, at + endTag.length), name, text: '', picture, ...this.origin(i, at + endTag.length) });
      }
      return at + endTag.length;
    }
    const tableEnv = name === 'adjustbox' ? [...this.envs].reverse().find((e) => e.kind === 'table') : undefined;
    if (tableEnv) {
      // `\begin{adjustbox}{width=\textwidth}` (or `max width=`) around a table's tabular.
      const arg = this.args(tagEnd, 1);
      const g = arg.groups[0];
      const keys = g ? text.slice(g.start, g.end) : '';
      const width = /(?:^|,)\s*(max\s+)?width\s*=\s*([^,]+)/.exec(keys);
      const scale = /(?:^|,)\s*scale\s*=\s*([\d.]+)/.exec(keys);
      if (width) tableEnv.resize = { width: (width[2] ?? '').trim(), height: '!', ...(width[1] ? { max: true } : {}) };
      else if (scale) tableEnv.resize = { scale: Number(scale[1]) || 1 };
      this.envs.push({ name, start: i, bodyStart: arg.end, kind: 'other', outer: { size: this.size, braces: this.sizes.length } });
      return arg.end;
    }
    const kind: Env['kind'] = LIST_ENVS.has(name)
      ? 'list'
      : FIGURE_ENVS.has(name)
        ? 'figure'
        : TABLE_ENVS.has(name)
          ? 'table'
          : TABULAR_ENVS.has(name)
            ? 'tabular'
            : ALGORITHM_ENVS.has(name)
              ? 'code'
              : THEOREM_ENVS.has(name)
                ? 'theorem'
                : 'other';
    if (name === 'thebibliography') this.markReferences(i, tagEnd);
    if (kind !== 'other') this.flushParagraph();
    let bodyStart = tagEnd;
    if (kind === 'tabular') {
      // The column spec: `{lcc}` (and tabular*'s width first).
      const specArgs = this.args(tagEnd, name === 'tabular*' || name === 'tabularx' ? 2 : 1);
      const spec = specArgs.groups[specArgs.groups.length - 1];
      bodyStart = specArgs.end;
      const specText = spec ? text.slice(spec.start, spec.end) : '';
      const env: Env = { name, start: i, bodyStart, kind, columns: spec ? countColumns(specText) : 0, size: this.size, outer: { size: this.size, braces: this.sizes.length }, spec: specText };
      this.envs.push(env);
      return bodyStart;
    }
    this.envs.push({ name, start: i, bodyStart, kind, outer: { size: this.size, braces: this.sizes.length }, ...(kind === 'figure' && !this.envs.some((e) => e.kind === 'figure') ? { parts: new FigureParts() } : {}) });
    return bodyStart;
  }

  /** The document's `\\setlist`s, read once for its preamble (shared by the readers of its chunks and children). */
  private listSettings(): ReturnType<typeof listSettings> {
    const source = this.ctx.chunk?.head ?? this.ctx.preamble ?? this.text;
    if (settingsMemo?.source !== source) settingsMemo = { source, settings: listSettings(source.slice(0, 30000)) };
    return settingsMemo.settings;
  }

  /** Whether a verbatim environment breaks long lines: `breaklines` in its options, else in `\\lstset`/`\\setminted`/`\\fvset` in the preamble. */
  protected breaksLines(name: string, opening: string): boolean {
    const own = /^\s*\[([^\]]*)\]/.exec(opening);
    const said = (keys: string): boolean | undefined => {
      const m = /(?:^|,)\s*breaklines\s*(?:=\s*(\w+))?\s*(?=,|$)/.exec(keys);
      return m ? m[1] === undefined || m[1] === 'true' : undefined;
    };
    const mine = own ? said(own[1] ?? '') : undefined;
    if (mine !== undefined) return mine;
    const setter = name === 'lstlisting' ? 'lstset' : name === 'minted' ? 'setminted' : /^[BL]?Verbatim$/.test(name) ? 'fvset' : undefined;
    if (setter === undefined) return false;
    const head = this.preambleText();
    const set = new RegExp(`\\\\${setter}\\s*(?:\\[[^\\]]*\\])?\\s*\\{((?:[^{}]|\\{[^{}]*\\})*)\\}`).exec(head);
    return set !== null && said((set[1] ?? '').replace(/\s+/g, ' ')) === true;
  }

  /** The size a verbatim environment sets: its `fontsize=` option, its `\DefineVerbatimEnvironment`, `\lstset`'s `basicstyle`, else the size in effect. */
  protected verbatimSize(name: string, opening: string): FontSize {
    const size = (s: string | undefined): FontSize | undefined => (s !== undefined && FONT_SIZES.has(s) ? (s as FontSize) : undefined);
    const own = /^\s*\[[^\]]*(?:fontsize|basicstyle)\s*=\s*\{?\\(\w+)/.exec(opening);
    if (own) return size(own[1]) ?? this.size;
    const defined = new RegExp(`\\\\DefineVerbatimEnvironment\\s*\\{${name}\\}\\s*\\{\\w+\\}\\s*\\{[^}]*fontsize\\s*=\\s*\\\\(\\w+)`).exec(this.preambleText());
    if (defined) return size(defined[1]) ?? this.size;
    if (name === 'lstlisting') {
      const lst = /\\lstset\s*\{[^]*?basicstyle\s*=\s*\{?[^,}]*?\\(tiny|scriptsize|footnotesize|small|large)/.exec(this.preambleText());
      if (lst) return size(lst[1]) ?? this.size;
    }
    return this.size;
  }



  /** A float's placement as written after `\\begin{figure}` (`[htbp]`, `[H]`): read here, so a float in an `\\input` child keeps it. */
  private placementOf(env: Env): { placement?: string } {
    const m = /^\\begin\s*\{[^}]*\}\s*\[([^\]]*)\]/.exec(this.text.slice(env.start, Math.min(this.text.length, env.start + 200)));
    return m ? { placement: (m[1] ?? '').replace(/\s+/g, '') } : {};
  }

  /**
   * `\\arraystretch` for a tabular starting at `at`: set inside its table float (from `from`), else just
   * before it (a group around it), else in the preamble; 1 when nothing sets it.
   */
  private arrayStretch(from: number, at: number): number {
    const last = (text: string): number | undefined => {
      let value: number | undefined;
      for (const m of text.matchAll(ARRAYSTRETCH)) value = Number(m[1]);
      return value !== undefined && value > 0 && value < 10 ? value : undefined;
    };
    return last(this.text.slice(from >= 0 ? from : Math.max(0, at - 400), at)) ?? last(this.preambleText().replace(/\\begin\s*\{document\}[^]*$/, '')) ?? 1;
  }

  /**
   * A `longtable`: not a float but rows in the text that break across pages, the rows above
   * `\\endhead` repeated at the top of each later page; its `\\caption` is a row of its own.
   */
  private longtable(env: Env, body: string): { type: 'table'; rows: number; longtable: true; stretch?: number; headRows?: number; lines?: number; caption?: string; captionPieces?: TexInline[]; size?: FontSize; cells: TableCell[][] } {
    const rowsOf = (part: string): string => part.replace(LONGTABLE_CAPTION, '').replace(/\\label\s*\{[^}]*\}/g, '');
    const endHead = body.search(/\\endhead\b/);
    const firstHead = body.search(/\\endfirsthead\b/);
    // The rows shown once: the first head (or the head), the body; the repeated head and the feet are set apart.
    const shown = endHead < 0 ? body : firstHead >= 0 && firstHead < endHead ? body.slice(0, firstHead) + body.slice(endHead) : body;
    const printed = rowsOf(shown.replace(/\\end(?:first)?head\b|\\end(?:last)?foot\b/g, '\\\\'));
    const rows = countRows(printed);
    const head = endHead < 0 ? 0 : countRows(rowsOf(body.slice(firstHead >= 0 && firstHead < endHead ? firstHead + '\\endfirsthead'.length : 0, endHead)));
    const lines = wrappedLines(env.spec ?? '', printed);
    return {
      type: 'table',
      rows,
      longtable: true,
      ...(this.arrayStretch(-1, env.start) !== 1 ? { stretch: this.arrayStretch(-1, env.start) } : {}),
      ...(head > 0 ? { headRows: head } : {}),
      ...(lines > rows ? { lines } : {}),
      ...(env.caption !== undefined ? { caption: env.caption } : {}),
      ...(env.captionPieces !== undefined ? { captionPieces: env.captionPieces } : {}),
      ...(env.size !== undefined && env.size !== 'normalsize' ? { size: env.size } : {}),
      cells: tableCells(printed, this.sink.macros),
    };
  }

  protected endEnvironment(i: number, tagEnd: number, name: string): number {
    let index = -1;
    for (let e = this.envs.length - 1; e >= 0; e--) {
      if (this.envs[e]?.name === name) {
        index = e;
        break;
      }
    }
    if (index < 0) {
      this.problem('unmatched-end', `\`\\end{${name}}\` has no matching \`\\begin{${name}}\`.`, i, tagEnd);
      return tagEnd;
    }
    for (let e = this.envs.length - 1; e > index; e--) {
      const open = this.envs[e];
      if (open) this.problem('unclosed-environment', `Unclosed environment: \`\\begin{${open.name}}\` ends at \`\\end{${name}}\`.`, open.start, open.bodyStart);
    }
    const env = this.envs[index] as Env;
    // A size switch inside the environment ends with it (and so do groups left open in it).
    if (env.outer) {
      this.size = env.outer.size;
      this.sizes.length = Math.min(this.sizes.length, env.outer.braces);
    }
    this.envs.length = index;
    if (env.box !== undefined) this.figureParts()?.closeBox();
    if (env.kind === 'document') {
      this.flushParagraph();
      this.inBody = false;
      return tagEnd;
    }
    if (env.kind === 'other') return tagEnd;
    const body = this.text.slice(env.bodyStart, i);
    const range = this.range(env.start, tagEnd);
    const origin = this.origin(env.start, tagEnd);
    if (env.kind === 'tabular') {
      const rows = countRows(body);
      const columns = Math.max(env.columns ?? 0, maxCells(body));
      const table = [...this.envs].reverse().find((e) => e.kind === 'table');
      if (table) {
        table.rows = rows;
        table.columns = columns;
        const lines = wrappedLines(env.spec ?? '', body);
        if (lines > rows) table.lines = lines;
        if (table.resize) table.columnChars = columnChars(body);
        // A float with tabulars side by side shows its first.
        table.cells ??= tableCells(body, this.sink.macros);
        if (env.size !== undefined && env.size !== 'normalsize') table.size = env.size;
        const stretch = this.arrayStretch(table.start, env.start);
        if (stretch !== 1) table.stretch = stretch;
        return tagEnd;
      }
      this.flushParagraph();
      if (env.name === 'longtable') {
        this.place({ ...this.longtable(env, body), range, columns, ...origin });
        return tagEnd;
      }
      this.place({ type: 'table', range, rows, columns, cells: tableCells(body, this.sink.macros) });
      return tagEnd;
    }
    this.paraStart = -1;
    this.paraEnd = -1;
    switch (env.kind) {
      case 'list': {
        // enumitem: the list's own options and the preamble's `\setlist`s, for it and its nested lists.
        const settings = this.listSettings();
        const spacingOf: ListSpacingOf = (kind, depth, options) => listSpacing(kind, depth, options, settings);
        const { items, entries } = listItems(body, this.sink.macros, spacingOf);
        const spacing = spacingOf(env.name, 1, LIST_OPTIONS.exec(body)?.[1]);
        this.place({ ...origin, type: 'list', range, ordered: env.name === 'enumerate' || env.name === 'compactenum', items, entries, ...(spacing ? { spacing } : {}) });
        break;
      }
      case 'figure':
        this.place({
          type: 'figure',
          range,
          path: env.includegraphics?.path ?? '',
          ...(env.includegraphics?.width !== undefined ? { width: env.includegraphics.width } : {}),
          ...(env.caption !== undefined ? { caption: env.caption } : {}),
          ...(env.captionPieces !== undefined ? { captionPieces: env.captionPieces } : {}),
          ...(env.parts && env.parts.count > 0 ? { parts: env.parts.done() } : {}),
          ...this.placementOf(env),
        });
        break;
      case 'table':
        this.place({ type: 'table', range, rows: env.rows ?? 0, columns: env.columns ?? 0, ...(env.stretch !== undefined ? { stretch: env.stretch } : {}), ...(env.caption !== undefined ? { caption: env.caption } : {}), ...(env.captionPieces !== undefined ? { captionPieces: env.captionPieces } : {}), ...(env.size !== undefined && env.size !== 'normalsize' ? { size: env.size } : {}), ...(env.resize ? { resize: env.resize, columnChars: env.columnChars ?? [] } : {}), ...(env.lines !== undefined ? { lines: env.lines } : {}), ...(env.cells !== undefined ? { cells: env.cells } : {}), ...this.placementOf(env) });
        break;
      case 'code': {
        const language = env.name.replace(/\*$/, '');
        const float = language === 'algorithm';
        const lines = algorithmLines(body, this.noEndLines());
        // The body as written, without the placement and the line ends next to `\\begin` and `\\end`.
        const code = body.replace(/^(?:\[[^\]]*\])?(?:\r\n?|\n)?/, '').replace(/(?:\r\n?|\n)$/, '').replace(/\r\n?/g, '\n');
        this.place({ type: 'code', range, lines, language, ...(float ? { float } : {}), ...(float && env.caption !== undefined ? { caption: env.caption } : {}), ...(float ? this.placementOf(env) : {}), code });
        break;
      }
      case 'theorem': {
        // What it prints: the body after its optional argument (a theorem's name), which prints apart.
        const option = /^[ \t]*\[([^\]]*)\]/.exec(body);
        const pieces = readPieces(option ? body.slice(option[0].length) : body, this.sink.macros);
        const plain = plainText(option ? readPieces(body, this.sink.macros) : pieces).replace(SPACES, ' ').trim();
        if (env.name === 'abstract' && !this.ctx.at) this.sink.meta.abstract = plain;
        this.place({ ...origin, type: 'environment', range, name: env.name, text: plain, pieces, ...(option ? { note: readPieces(option[1] ?? '', this.sink.macros) } : {}) });
        break;
      }
    }
    return tagEnd;
  }
}
