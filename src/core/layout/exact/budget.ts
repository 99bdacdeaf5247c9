/**
 * The page budget: where the content pages go, part by part (title block, abstract, each
 * top-level section, then the appendix), from the estimate and, when there is one, from a
 * compile. Pure.
 */

import type { Writeup } from '../../model';
import type { PageEstimate } from '../types';
import type { ExactMeasure, ExactSection } from './measure';

/** One part of the writeup and its pages. */
export interface BudgetSection {
  readonly kind: 'title' | 'abstract' | 'section' | 'appendix';
  readonly title: string;
  /** 0-based line of its heading (0 for the title block). */
  readonly line: number;
  /** Estimated pages. */
  readonly pages: number;
  /** Pages measured by a compile, when one matched this part. */
  readonly exactPages?: number;
  /** True for the appendix when it is not part of the content pages. */
  readonly afterContent?: boolean;
}

interface Anchor {
  readonly line: number;
  readonly pos: number;
}

/** Fractional page at `line`, interpolated between the estimate's known points. */
function positionAt(anchors: readonly Anchor[], line: number): number {
  let prev = anchors[0] ?? { line: 0, pos: 0 };
  for (const a of anchors) {
    if (a.line >= line) {
      if (a.line === prev.line) return a.pos;
      return prev.pos + ((a.pos - prev.pos) * (line - prev.line)) / (a.line - prev.line);
    }
    prev = a;
  }
  return prev.pos;
}

const norm = (s: string): string => s.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();

/** The budget of `writeup` from `estimate`, with `exact` pages where a compile measured them. */
export function sectionBudget(writeup: Writeup, estimate: PageEstimate, exact?: ExactMeasure): BudgetSection[] {
  const refLine = writeup.referencesStart?.start.line;
  const appLine = writeup.appendixStart?.start.line;
  const endLine = Math.min(refLine ?? writeup.lineCount, appLine ?? writeup.lineCount, writeup.lineCount);
  const anchors: Anchor[] = [{ line: 0, pos: 0 }];
  for (const b of estimate.pageBreaks) {
    if (b.line < endLine && b.page < estimate.contentPages) anchors.push({ line: b.line, pos: b.page });
    else if (b.line > endLine && b.page > estimate.contentPages) anchors.push({ line: b.line, pos: b.page });
  }
  anchors.push({ line: endLine, pos: estimate.contentPages });
  anchors.push({ line: writeup.lineCount, pos: estimate.totalPages });
  const top = writeup.sections.filter((s) => s.level === 1 && s.range.start.line < endLine && !s.origin);
  const firstSection = top[0]?.range.start.line ?? endLine;
  // The title block (with the abstract) is sized by the estimate itself, not by its source lines (a preamble has many).
  const firstBreak = anchors.find((a) => a.line > 0);
  if (firstBreak && firstSection < firstBreak.line && estimate.breakdown.title < firstBreak.pos) anchors.push({ line: firstSection, pos: estimate.breakdown.title });
  anchors.sort((a, b) => a.line - b.line || a.pos - b.pos);

  const starts: { kind: BudgetSection['kind']; title: string; line: number }[] = [];
  const abstractLine = writeup.metadata.keyRanges['abstract']?.start.line;
  starts.push({ kind: 'title', title: abstractLine === undefined ? 'Title and abstract' : 'Title block', line: 0 });
  if (abstractLine !== undefined && abstractLine < firstSection) starts.push({ kind: 'abstract', title: 'Abstract', line: abstractLine });
  for (const s of top) starts.push({ kind: 'section', title: s.title, line: s.range.start.line });

  const out: BudgetSection[] = [];
  starts.forEach((s, i) => {
    const next = starts[i + 1]?.line ?? endLine;
    const pages = Math.max(0, positionAt(anchors, next) - positionAt(anchors, s.line));
    out.push({ ...s, pages: s === starts[starts.length - 1] ? Math.max(0, estimate.contentPages - positionAt(anchors, s.line)) : pages });
  });
  if (appLine !== undefined) {
    const stop = refLine !== undefined && refLine > appLine ? refLine : writeup.lineCount;
    const heading = writeup.sections.find((s) => s.range.start.line >= appLine && s.level === 1);
    out.push({
      kind: 'appendix',
      title: heading?.title ?? 'Appendix',
      line: appLine,
      pages: Math.max(0, positionAt(anchors, stop) - positionAt(anchors, appLine)),
      afterContent: true,
    });
  }
  return exact ? withExact(out, exact.sections) : out;
}

/** Puts each measured part's pages on the matching budget entry (title, abstract, sections by title then order). */
function withExact(budget: readonly BudgetSection[], measured: readonly ExactSection[]): BudgetSection[] {
  const exactOf = new Map<BudgetSection, number>();
  const add = (b: BudgetSection | undefined, pages: number): void => {
    if (b) exactOf.set(b, (exactOf.get(b) ?? 0) + pages);
  };
  const title = budget.find((b) => b.kind === 'title');
  const abstract = budget.find((b) => b.kind === 'abstract');
  const sections = budget.filter((b) => b.kind === 'section');
  const measuredSections = measured.filter((m) => m.kind === 'section');
  for (const m of measured) {
    if (m.kind === 'title') add(title, m.pages);
    else if (m.kind === 'abstract') add(abstract ?? title, m.pages);
    else if (m.kind === 'appendix') add(budget.find((b) => b.kind === 'appendix'), m.pages);
  }
  const used = new Set<BudgetSection>();
  measuredSections.forEach((m, i) => {
    const byTitle = sections.find((s) => !used.has(s) && norm(s.title) === norm(m.title));
    const target = byTitle ?? (measuredSections.length === sections.length ? sections[i] : undefined);
    if (target) {
      used.add(target);
      add(target, m.pages);
    } else {
      // A heading the reader did not see (from a macro or an \input file): count it with the one before.
      add([...used].pop() ?? title, m.pages);
    }
  });
  return budget.map((b) => (exactOf.has(b) ? { ...b, exactPages: exactOf.get(b) ?? 0 } : b));
}
