/**
 * Turns what a compile wrote (the hooks' log lines and the SyncTeX summary) into page figures, as
 * the real-reports corpus defines them: content ends at the top of the References heading (or an
 * appendix heading before it), else at the lowest body line of the last page; each as
 * `(sheet - 1) + (y - top) / height`, clamped to the text block. Pure.
 */

import type { PageBreak } from '../types';
import { isAppendixHeading, isReferencesHeading, plainTitle, type ExactLog, type LogMark, type TextBlock } from './log';
import type { SyncTexSummary } from './synctex';

/** One part of the content, measured: the title block, the abstract, a top-level section, the appendix. */
export interface ExactSection {
  readonly kind: 'title' | 'abstract' | 'section' | 'appendix';
  readonly title: string;
  /** Where it starts, in fractional pages. */
  readonly start: number;
  readonly pages: number;
}

/** Page figures measured from one compile. */
export interface ExactMeasure {
  readonly contentPages: number;
  readonly totalPages: number;
  readonly pdfPages: number;
  /** What ends the content. */
  readonly contentEnd: 'references' | 'appendix' | 'end';
  /** Title block, abstract and top-level sections up to the end of the content (they add up to `contentPages`), then the appendix if any. */
  readonly sections: readonly ExactSection[];
  /** Where each sheet ends: the 0-based line of the writeup that opens the next one (LaTeX only). */
  readonly pageBreaks: readonly PageBreak[];
}

const clamp01 = (x: number): number => Math.min(1, Math.max(0, x));

/** `(sheet - 1) + (y - top) / height`, clamped to the text block. */
export function pagePosition(block: TextBlock, sheet: number, y: number): number {
  return sheet - 1 + clamp01((y - block.top) / block.height);
}

type Placed = LogMark & { readonly sheet: number; readonly top: number };
const placed = (m: LogMark): m is Placed => m.sheet !== undefined && m.top !== undefined;

/** The page figures of a compile; undefined when the log has no text block or no pages. */
export function measureCompile(log: ExactLog, sync: SyncTexSummary | undefined): ExactMeasure | undefined {
  const block = log.block;
  const pdfPages = log.pdfPages || sync?.pages.length || 0;
  if (!block || pdfPages === 0) return undefined;
  const at = (m: Placed): number => pagePosition(block, m.sheet, m.top);
  const marks = log.marks.filter(placed);
  const lastBottom = sync?.pages.find((p) => p.sheet === pdfPages)?.bodyBottom;
  const totalPages = lastBottom === undefined ? pdfPages : pagePosition(block, pdfPages, lastBottom);
  const references = marks.find(isReferencesHeading);
  const appendix = marks.find((m) => isAppendixHeading(m) && m !== references && m.sheet > 1);
  const ends = [references && { mark: references, kind: 'references' as const }, appendix && { mark: appendix, kind: 'appendix' as const }].filter((e) => e !== undefined);
  ends.sort((a, b) => at(a.mark) - at(b.mark));
  const end = ends[0];
  const contentPages = end ? at(end.mark) : totalPages;
  const contentEnd = end ? end.kind : 'end';

  const sections: ExactSection[] = [];
  const starts: { kind: ExactSection['kind']; title: string; start: number }[] = [{ kind: 'title', title: 'Title block', start: 0 }];
  for (const m of marks) {
    const pos = at(m);
    if (pos >= contentPages) break;
    if (m.kind === 'abstract') starts.push({ kind: 'abstract', title: 'Abstract', start: pos });
    else if (m.level === 1) starts.push({ kind: 'section', title: plainTitle(m.title), start: pos });
  }
  starts.forEach((s, i) => {
    const next = starts[i + 1]?.start ?? contentPages;
    sections.push({ ...s, pages: Math.max(0, next - Math.max(s.start, 0)) });
  });
  if (appendix) {
    const after = marks.filter((m) => m.level === 1 && at(m) > at(appendix) && isReferencesHeading(m));
    const stop = after[0] ? at(after[0]) : totalPages;
    sections.push({ kind: 'appendix', title: plainTitle(appendix.title) || 'Appendix', start: at(appendix), pages: Math.max(0, stop - at(appendix)) });
  }

  const pageBreaks: PageBreak[] = [];
  for (const p of sync?.pages ?? []) {
    if (p.sheet > 1 && p.firstLine !== undefined) pageBreaks.push({ page: p.sheet - 1, line: p.firstLine });
  }
  return { contentPages, totalPages, pdfPages, contentEnd, sections, pageBreaks };
}
