import type { Writeup } from '../../model/writeup';
import type { MdNode } from '../chunkedParse';

/*
 * The remark tree a Markdown writeup was read from, for the preview to render without parsing the
 * text again. Kept by the model's block list, which copies of the writeup (`{ ...writeup }`) share.
 */
const trees = new WeakMap<object, MdNode>();

/** Remembers `root` as the tree of the writeup whose block list is `blocks`. */
export function keepTree(blocks: object, root: MdNode): void {
  trees.set(blocks, root);
}

/** The tree the Markdown reader read `writeup` from; undefined for a model it did not make. */
export function markdownTreeOf(writeup: Writeup): MdNode | undefined {
  return trees.get(writeup.blocks);
}
