import { type Position, comparePositions, containsPosition } from '../model/range';
import type { MathNode, Writeup } from '../model/writeup';
import { type MacroMap, mergeMacros, noMacros } from '../math/macros';

/** What a math hover shows: the formula under the cursor and the macros to expand it with. */
export interface MathHoverInfo {
  readonly math: MathNode;
  readonly tex: string;
  readonly display: boolean;
  readonly environment?: string;
  /** The user's setting overlaid with the writeup's own definitions (the writeup wins). */
  readonly macros: MacroMap;
}

/** Finds the formula at a position, for the hover image. */
export class MathHoverProvider {
  /**
   * The math node containing `position` (delimiters included), or undefined when the position
   * is not in math. `userMacros` come from the `writeup.math.macros` setting.
   */
  provide(writeup: Writeup, position: Position, userMacros: MacroMap = {}): MathHoverInfo | undefined {
    const math = findMathAt(writeup.math, position);
    if (!math || math.tex.trim() === '') return undefined;
    return {
      math,
      tex: math.tex,
      display: math.display,
      ...(math.environment !== undefined ? { environment: math.environment } : {}),
      macros: mergeMacros(userMacros, writeup.metadata.mathMacros ?? noMacros),
    };
  }
}

/** Binary search over math nodes in document order; the innermost match wins. */
export function findMathAt(nodes: readonly MathNode[], position: Position): MathNode | undefined {
  let lo = 0;
  let hi = nodes.length - 1;
  let candidate = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const node = nodes[mid];
    if (!node) break;
    if (comparePositions(node.range.start, position) <= 0) {
      candidate = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  // Nodes are sorted by start; a few before the candidate may still contain the position.
  for (let i = candidate; i >= 0 && i >= candidate - 4; i--) {
    const node = nodes[i];
    if (node && containsPosition(node.range, position)) return node;
  }
  return undefined;
}
