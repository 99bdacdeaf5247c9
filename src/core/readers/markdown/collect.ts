import type { DisableDirective } from '../../model/writeup';
import type { LineIndex } from '../../text/lineIndex';
import type { MdNode } from '../chunkedParse';
import type { Span } from '../pandocInline';
import { parseDisableComment } from '../common';
import { plain } from './blocks';
import { closingBracket, endOf, startOf } from './spans';

/* One walk over the parsed tree: the regions scanned for citations and math, the masked spans, code and directives. */

/** Node types whose source text is scanned for citations and math. */
export const REGION_TYPES = new Set(['paragraph', 'heading', 'tableCell', 'math']);

/** What one walk over the tree gathers. */
export function collect(root: MdNode, text: string) {
  const masks: Span[] = [];
  const code: Span[] = [];
  const regions: Array<Span & { spill?: boolean }> = [];
  const comments: Span[] = [];
  const footnoteRefs: { start: number; end: number; id: string }[] = [];
  const footnoteDefs = new Map<string, Span & { text: string }>();
  const visit = (node: MdNode, inRegion: boolean): void => {
    const start = startOf(node);
    const end = endOf(node);
    switch (node.type) {
      case 'code':
        code.push({ start, end });
        return;
      case 'inlineCode':
        code.push({ start, end });
        masks.push({ start, end });
        return;
      case 'html': {
        const value = node.value ?? '';
        if (value.startsWith('<!--')) comments.push({ start, end });
        // Pandoc reads Markdown inside block-level HTML (`<div>`), not in comments, `<pre>` or scripts.
        if (!inRegion && /^<[A-Za-z]/.test(value) && !/^<(pre|script|style|textarea)\b/i.test(value)) {
          regions.push({ start, end });
          return;
        }
        masks.push({ start, end });
        return;
      }
      case 'yaml':
      case 'definition':
        masks.push({ start, end });
        return;
      case 'footnoteReference':
        footnoteRefs.push({ start, end, id: node.identifier ?? '' });
        return;
      case 'footnoteDefinition':
        if (!footnoteDefs.has(node.identifier ?? '')) footnoteDefs.set(node.identifier ?? '', { start, end, text: plain(node).replace(/\s+/g, ' ').trim() });
        break;
      case 'image': {
        // `![alt](url)`: pandoc reads the alt text (the figure's caption) as inlines, citations included.
        const close = text[start] === '!' && text[start + 1] === '[' ? closingBracket(text, start + 1, end) : -1;
        masks.push(close < 0 ? { start, end } : { start: close, end });
        if (close < 0) return;
        // Its caption's code spans and links are masked as anywhere else.
        break;
      }
      case 'link':
      case 'linkReference': {
        const last = node.children?.[node.children.length - 1];
        // `[text](url)`: the text is read, the destination is not; bare URLs and e-mail addresses not at all.
        if (last && text[start] === '[') {
          masks.push({ start: endOf(last), end });
        } else if (!last) {
          masks.push({ start, end });
        } else {
          masks.push({ start, end });
          return;
        }
        break;
      }
      default:
        break;
    }
    const isRegion = !inRegion && REGION_TYPES.has(node.type);
    if (isRegion) regions.push({ start, end, spill: node.type === 'paragraph' || node.type === 'math' });
    for (const child of node.children ?? []) visit(child, inRegion || isRegion);
  };
  visit(root, false);
  return {
    masks,
    code,
    regions,
    footnoteRefs,
    footnoteDefs,
    directives(text: string, lines: LineIndex): DisableDirective[] {
      const out: DisableDirective[] = [];
      for (const c of comments) {
        const m = /^<!--([\s\S]*?)-->/.exec(text.slice(c.start, c.end));
        const directive = m ? parseDisableComment(m[1] ?? '', lines.positionAt(c.start + m[0].length).line) : undefined;
        if (directive) out.push(directive);
      }
      return out;
    },
  };
}
