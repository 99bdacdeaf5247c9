import type { Range } from '../model/range';
import type { Writeup } from '../model/writeup';

/** One entry of the document outline: a section and the sections nested under it. */
export interface OutlineSymbol {
  readonly name: string;
  /** `unnumbered` for `\section*` / `{.unnumbered}`, otherwise empty. */
  readonly detail: string;
  readonly level: number;
  /** The whole section, heading to the end of its last subsection. */
  readonly range: Range;
  /** The heading's text. */
  readonly selectionRange: Range;
  readonly children: OutlineSymbol[];
}

/**
 * The outline of a writeup: sections nested by level (a `###` under a `#` with no `##` nests
 * directly). A section's range runs to the end of its deepest descendant, so ranges nest.
 * Sections from `\input` files are left out: their ranges point at the `\input` command.
 */
export class DocumentSymbolProvider {
  provide(writeup: Writeup): OutlineSymbol[] {
    const roots: OutlineSymbol[] = [];
    const stack: OutlineSymbol[] = [];
    for (const section of writeup.sections) {
      if (section.origin) continue;
      const symbol: OutlineSymbol = {
        name: section.title || '(untitled)',
        detail: section.unnumbered ? 'unnumbered' : '',
        level: section.level,
        range: section.bodyRange,
        selectionRange: section.titleRange,
        children: [],
      };
      while (stack.length > 0 && (stack[stack.length - 1] as OutlineSymbol).level >= section.level) stack.pop();
      const parent = stack[stack.length - 1];
      if (parent) parent.children.push(symbol);
      else roots.push(symbol);
      stack.push(symbol);
    }
    return roots.map(extend);
  }
}

/** Stretches each range to cover its children (a parent ends where its last child ends). */
function extend(symbol: OutlineSymbol): OutlineSymbol {
  const children = symbol.children.map(extend);
  const last = children[children.length - 1];
  const end = last && after(last.range.end, symbol.range.end) ? last.range.end : symbol.range.end;
  return { ...symbol, children, range: { start: symbol.range.start, end } };
}

function after(a: Range['end'], b: Range['end']): boolean {
  return a.line > b.line || (a.line === b.line && a.character > b.character);
}
