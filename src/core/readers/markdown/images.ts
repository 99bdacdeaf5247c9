import type { MdNode } from '../chunkedParse';
import { type PandocAttributes, readAttributes } from './attributes';
import { plain } from './blocks';
import { endOf, startOf } from './spans';

/*
 * Images as pandoc reads them, on remark's tree: the label's inlines are the image's children (the
 * parser keeps them, lazy/remark.ts), `alt` is their plain text (math as its TeX), and an attribute
 * block right after `)` (`{width=50%}`) is the image's, not text.
 */

/** An image of the reader's tree: remark's fields and what the reader adds. */
export interface MdImage extends MdNode {
  readonly type: 'image' | 'imageReference';
  readonly url?: string;
  readonly title?: string | null;
  /** Its `{...}` block (pandoc's `link_attributes`); the node's end is after it. */
  readonly attributes?: PandocAttributes;
}

/** True for an image node of the tree. */
export function isImage(node: MdNode): node is MdImage {
  return node.type === 'image' || node.type === 'imageReference';
}

type Mutable = { -readonly [K in keyof MdNode]: MdNode[K] } & { attributes?: PandocAttributes };

/**
 * Reads every image in `root` (offsets into `text`): its alt text, and the attribute block written
 * right after it, which it takes from the text node that follows. Nodes are changed in place (the
 * tree is the reader's own copy).
 */
export function readImages(root: MdNode, text: string): void {
  const kids = root.children;
  if (!kids) return;
  let out: MdNode[] | undefined;
  for (let i = 0; i < kids.length; i++) {
    const node = kids[i] as MdNode;
    out?.push(node);
    if (node.children) readImages(node, text);
    if (!isImage(node)) continue;
    const image = node as Mutable;
    if (node.children) image.alt = node.children.map(plain).join('');
    if (node.type !== 'image') continue;
    const end = endOf(node);
    const next = kids[i + 1];
    if (!next || next.type !== 'text' || startOf(next) !== end || text[end] !== '{') continue;
    const read = readAttributes(text, end, endOf(next));
    // The text node's value starts with the block as written (no escape or entity changed it), as
    // remark gives a line end: without the spaces around it.
    const written = read && text.slice(end, read.end).replace(/[ \t]*(\r?\n|\r)[ \t]*/g, '$1');
    if (!read || !written || !(next.value ?? '').startsWith(written)) continue;
    image.attributes = read.attributes;
    image.position = { start: { offset: startOf(node) }, end: { offset: read.end } };
    out ??= kids.slice(0, i + 1);
    const rest = (next.value ?? '').slice(written.length);
    if (rest !== '') out.push({ ...next, value: rest, position: { start: { offset: read.end }, end: { offset: endOf(next) } } });
    i++;
  }
  if (out) (root as Mutable).children = out;
}
