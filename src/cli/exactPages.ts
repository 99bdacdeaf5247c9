import { compileExact, sectionBudget, type ExactOutcome } from '../core/layout/exact';
import type { PageEstimate } from '../core/layout/types';
import type { Writeup } from '../core/model';
import { nodeExactHost } from '../node/exactHost';
import { pandocTemplate } from './commands/export';

const round2 = (x: number): number => Math.round(x * 100) / 100;

/** `"exact"` of `writeup pages --exact --json`. */
export interface ExactFields {
  readonly contentPages: number;
  readonly totalPages: number;
  readonly pdfPages: number;
  readonly compileMs: number;
  /** What ends the content: `references`, `appendix` or `end`. */
  readonly contentEnd: string;
  /** LaTeX errors the compile reported (the first one), as `file:line: message`. */
  readonly errors?: readonly string[];
}

/** One `"sections"` row of `writeup pages --sections --json`. */
export interface SectionRow {
  readonly title: string;
  readonly kind: string;
  readonly line: number;
  readonly pages: number;
  readonly exactPages?: number;
  readonly afterContent?: boolean;
}

/** Compiles `file` (absolute) in a temporary folder; the outcome as the core reports it. */
export function compileForPages(file: string, format: Writeup['format'], timeoutMs?: number): Promise<ExactOutcome> {
  const template = pandocTemplate();
  return compileExact(
    { file, format: format === 'latex' ? 'latex' : 'markdown', ...(template ? { pandocTemplate: template } : {}), ...(timeoutMs ? { timeoutMs } : {}) },
    nodeExactHost,
    new AbortController().signal,
  );
}

/** The `"exact"` fields of a successful compile, rounded as the estimate is. */
export function exactFields(outcome: ExactOutcome & { status: 'ok' }): ExactFields {
  const m = outcome.measure;
  const errors = outcome.errors.map((e) => `${e.file ?? ''}${e.line !== undefined ? `:${e.line + 1}` : ''}: ${e.message}`);
  return {
    contentPages: round2(m.contentPages),
    totalPages: round2(m.totalPages),
    pdfPages: m.pdfPages,
    compileMs: outcome.compileMs,
    contentEnd: m.contentEnd,
    ...(errors.length ? { errors } : {}),
  };
}

/** The `"sections"` rows: estimated pages, and exact ones when a compile ran. */
export function sectionRows(writeup: Writeup, estimate: PageEstimate, outcome: ExactOutcome | undefined): SectionRow[] {
  const exact = outcome?.status === 'ok' ? outcome.measure : undefined;
  return sectionBudget(writeup, estimate, exact).map((s) => ({
    title: s.title,
    kind: s.kind,
    line: s.line,
    pages: round2(s.pages),
    ...(s.exactPages !== undefined ? { exactPages: round2(s.exactPages) } : {}),
    ...(s.afterContent ? { afterContent: true } : {}),
  }));
}
