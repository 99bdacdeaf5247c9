// remark (unified with remark-parse, front matter, GFM and math), loaded on first use (see ../lazy/index.ts).
import { gfmAutolinkLiteralFromMarkdown } from 'mdast-util-gfm-autolink-literal';
import { gfmFootnoteFromMarkdown } from 'mdast-util-gfm-footnote';
import { gfmStrikethroughFromMarkdown } from 'mdast-util-gfm-strikethrough';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmTaskListItemFromMarkdown } from 'mdast-util-gfm-task-list-item';
import { gfmAutolinkLiteral } from 'micromark-extension-gfm-autolink-literal';
import { gfmFootnote } from 'micromark-extension-gfm-footnote';
import { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTaskListItem } from 'micromark-extension-gfm-task-list-item';
import remarkFrontmatter from 'remark-frontmatter';
import remarkMath from 'remark-math';
import remarkParse from 'remark-parse';
import { unified, type Processor } from 'unified';

/**
 * GFM as remark-gfm adds it (autolink literals, footnotes, strikethrough, tables, task lists),
 * less the autolink literals or tables when `parts` says the text cannot hold any.
 */
function gfmParts(this: Processor, parts: { autolinks: boolean; tables: boolean }): void {
  const data = this.data();
  // In remark-gfm's order; the tree's side of the autolink literals also looks for them in every text node.
  const syntax = [gfmFootnote(), gfmStrikethrough(), gfmTaskListItem()];
  const tree = [gfmFootnoteFromMarkdown(), gfmStrikethroughFromMarkdown(), gfmTaskListItemFromMarkdown()];
  if (parts.autolinks) {
    syntax.unshift(gfmAutolinkLiteral());
    tree.unshift(gfmAutolinkLiteralFromMarkdown());
  }
  if (parts.tables) {
    syntax.splice(syntax.length - 1, 0, gfmTable());
    tree.splice(tree.length - 1, 0, gfmTableFromMarkdown());
  }
  (data.micromarkExtensions ??= []).push(...syntax);
  (data.fromMarkdownExtensions ??= []).push(tree);
}

/**
 * mdast keeps only the text of an image's label (`alt`); pandoc reads it as inlines (a figure's
 * caption has emphasis, code, math and citations). This keeps the label's nodes as the image's
 * `children` as well, as mdast does for a link's label (the handler is remark's own for links).
 */
function imageLabels(this: Processor): void {
  (this.data().fromMarkdownExtensions ??= []).push({
    exit: {
      label() {
        const fragment = this.stack[this.stack.length - 1];
        const value = this.resume();
        const node = this.stack[this.stack.length - 1];
        this.data.inReference = true;
        if (!fragment || !('children' in fragment) || !node) return;
        if (node.type === 'link') node.children = fragment.children as typeof node.children;
        else if (node.type === 'image') Object.assign(node, { alt: value, children: fragment.children });
      },
    },
  });
}

const build = (autolinks: boolean, tables: boolean) => unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(gfmParts, { autolinks, tables }).use(remarkMath).use(imageLabels);
const processors = new Map<number, ReturnType<typeof build>>();

function processorFor(autolinks: boolean, tables: boolean): ReturnType<typeof build> {
  const key = (autolinks ? 1 : 0) + (tables ? 2 : 0);
  let p = processors.get(key);
  if (!p) processors.set(key, (p = build(autolinks, tables)));
  return p;
}

/**
 * What a GFM autolink literal needs somewhere in the text: `http://`, `https://` or `www.` (any
 * case), or an e-mail address's `x@y` (the forms with `mailto:` and `xmpp:` hold one too).
 */
const AUTOLINK_LITERAL = /https?:\/\/|www\.|[\w+.-]@[\w-]/i;

/** What a GFM table's delimiter row needs: a `|`, or a colon against a dash (`:--`, `--:`). */
const TABLE_DELIMITER = /\||:-|-:/;

/**
 * The Markdown reader's parser: pandoc-like Markdown to an mdast tree. GFM's autolink literals and
 * tables are tried at every word and every paragraph's first line, which doubles the time remark
 * takes on prose (45 KB: 33 ms with them, 15 ms without); a text that cannot hold one is parsed
 * without that extension, which gives the same tree.
 */
export function parseMarkdown(text: string): MdastRoot {
  return parseMarkdownWith(text, { autolinks: AUTOLINK_LITERAL.test(text), tables: TABLE_DELIMITER.test(text) });
}

type MdastRoot = ReturnType<ReturnType<typeof build>['parse']>;

/** `text` parsed with or without GFM's autolink literals and tables (the tests compare both ways). */
export function parseMarkdownWith(text: string, parts: { autolinks: boolean; tables: boolean }): MdastRoot {
  return processorFor(parts.autolinks, parts.tables).parse(text);
}
