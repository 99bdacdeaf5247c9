/*
 * Section headings: their skips, their lines, and the room that must follow them on the page.
 */
import { countTextLines } from './lineBreak';
import type { Category, Pager } from './pager';
import { LINE, P, SHRINK, W } from './textBlock';

export function heading(pager: Pager, level: number, title: string, line: number, category: Category): void {
  const spec = P.headings[Math.min(Math.max(level, 1), 3) - 1] ?? P.headings[2];
  // `\@startsection` adds its skip above with `\addvspace`: right after another heading only the
  // larger of that heading's skip below and this skip above is kept.
  const below = pager.afterHeading();
  if (level >= 4) {
    // \paragraph: a run-in bold heading, part of the paragraph that follows (which adds the \parskip).
    pager.glue(Math.max(0, P.paragraphBefore * P.ex - below), category);
    return;
  }
  pager.glue(P.parSkip + Math.max(0, spec.before * P.ex - below), category, 0.2 * P.ex * SHRINK);
  const n = Math.max(1, countTextLines(`0.0 ${title}`, W, spec.size, 'bold'));
  pager.box(n * spec.leading, category, line, spec.after * P.ex + 2 * LINE);
  pager.glue(spec.after * P.ex, category, (level === 1 ? 0.2 * P.ex : 0) * SHRINK);
  pager.headingEnded(spec.after * P.ex);
}
