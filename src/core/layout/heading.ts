/*
 * Section headings: their skips, their lines, and the room that must follow them on the page.
 */
import type { Section } from '../model';
import { countTextLines } from './lineBreak';
import type { Category, Pager } from './pager';
import { BODY, P, W } from './textBlock';

/**
 * Where a heading stands among others: `stacked` when it follows another heading with nothing
 * between them (LaTeX's `\if@nobreak`: no skip before it and no page break), and the height of the
 * headings stacked right after it, which must go on the same page as it.
 */
export interface HeadingStack {
  readonly stacked: boolean;
  readonly following: number;
}

const ALONE: HeadingStack = { stacked: false, following: 0 };

function specOf(level: number): (typeof P.headings)[number] {
  return P.headings[Math.min(Math.max(level, 1), 3) - 1] ?? P.headings[2];
}

/** Height of a display heading (`\section` to `\subsubsection`) with its skips. */
function span(level: number, title: string, stacked: boolean): number {
  const spec = specOf(level);
  const lines = Math.max(1, countTextLines(`0.0 ${title}`, W, spec.size, 'bold'));
  return P.parSkip + (stacked ? 0 : spec.before * P.ex) + lines * spec.leading + spec.after * P.ex;
}

/**
 * The stacks of display headings in the body's items (a section per heading, undefined per block):
 * a heading right after another one is stacked, and every heading of a stack keeps the ones after it.
 */
export function headingStacks(items: readonly (Section | undefined)[]): Map<Section, HeadingStack> {
  const stacks = new Map<Section, HeadingStack>();
  let following = 0;
  for (let i = items.length - 1; i >= 0; i--) {
    const s = items[i];
    if (s === undefined || s.level >= 4) {
      following = 0;
      continue;
    }
    const previous = items[i - 1];
    const stacked = previous !== undefined && previous.level < 4;
    if (stacked || following > 0) stacks.set(s, { stacked, following });
    following = stacked ? following + span(s.level, s.title, true) : 0;
  }
  return stacks;
}

/**
 * A heading: its skip before (none when stacked), its lines, kept on one page with the headings
 * stacked after it and two lines of what follows (the style's `\nobreak` and club penalty), and
 * its skip after.
 */
export function heading(pager: Pager, level: number, title: string, line: number, category: Category, stack: HeadingStack = ALONE): void {
  const spec = specOf(level);
  if (level >= 4) {
    // \paragraph: a run-in bold heading, part of the paragraph that follows (which adds the \parskip).
    // Right after a display heading (`\if@nobreak`) no skip; else its own (1.5ex; 3.25ex in the article class).
    if (pager.afterHeading() > 0) return;
    pager.glue(P.paragraphBefore * P.ex, category, P.shrink.paragraphBefore * P.ex, P.stretch.paragraphBefore * P.ex);
    return;
  }
  pager.glue(P.parSkip + (stack.stacked ? 0 : spec.before * P.ex), category, stack.stacked ? 0 : P.shrink.headingBefore * P.ex, stack.stacked ? 0 : P.stretch.headingBefore * P.ex);
  const n = Math.max(1, countTextLines(`0.0 ${title}`, W, spec.size, 'bold'));
  pager.box(n * spec.leading, category, line, spec.after * P.ex + stack.following + 2 * BODY);
  const at = Math.min(Math.max(level, 1), 3) - 1;
  pager.glue(spec.after * P.ex, category, (P.shrink.headingAfter[at] ?? 0) * P.ex, (P.stretch.headingAfter[at] ?? 0) * P.ex);
  pager.headingEnded(spec.after * P.ex);
}
