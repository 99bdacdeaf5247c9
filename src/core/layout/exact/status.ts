/**
 * What the editor shows between compiles: the exact figure while it is fresh, then the estimate
 * corrected by the last compile's difference (estimate now + exact then - estimate then), and
 * the status bar text for either. Pure.
 */

import { NEAR_LIMIT, type LimitLevel } from '../status';

/**
 * An exact page count handed to the lint rules and the status bar: from the last good compile,
 * `fresh` while the text has not changed since it was saved.
 */
export interface ExactPagesInput {
  readonly contentPages: number;
  readonly totalPages: number;
  readonly pdfPages: number;
  readonly compileMs: number;
  readonly fresh: boolean;
  /** When the compile finished (milliseconds since the epoch). */
  readonly at: number;
}

/** Pages as two figures. */
export interface PagePair {
  readonly contentPages: number;
  readonly totalPages: number;
}

/** The pages to show and where they come from. */
export interface ShownPages extends PagePair {
  /** `exact`: a fresh compile; `corrected`: estimate shifted by the last compile's error; `estimate`: no compile yet. */
  readonly source: 'exact' | 'corrected' | 'estimate';
}

/** The figures to show for `estimateNow`, given the last compile (`exact`) and the estimate of the text it compiled (`estimateThen`). */
export function shownPages(estimateNow: PagePair, exact?: ExactPagesInput, estimateThen?: PagePair): ShownPages {
  if (!exact) return { ...estimateNow, source: 'estimate' };
  if (exact.fresh) return { contentPages: exact.contentPages, totalPages: exact.totalPages, source: 'exact' };
  if (!estimateThen) return { ...estimateNow, source: 'estimate' };
  return {
    contentPages: Math.max(0, estimateNow.contentPages + exact.contentPages - estimateThen.contentPages),
    totalPages: Math.max(0, estimateNow.totalPages + exact.totalPages - estimateThen.totalPages),
    source: 'corrected',
  };
}

/**
 * Status bar text: `$(file) 2.93 / 5 pages $(check)` for an exact count (two decimals, a check
 * mark), `$(file) ≈3.1 / 5 pages` for a corrected one, as the estimate otherwise.
 */
export function exactStatusText(pages: number, limit: number | undefined, source: ShownPages['source']): { text: string; level: LimitLevel } {
  const shown = source === 'exact' ? pages.toFixed(2) : `${source === 'corrected' ? '≈' : ''}${(Math.round(pages * 10) / 10).toFixed(1)}`;
  const mark = source === 'exact' ? ' $(check)' : '';
  const level: LimitLevel = limit === undefined ? 'ok' : pages > limit ? 'over' : pages >= limit - NEAR_LIMIT ? 'near' : 'ok';
  return { text: limit === undefined ? `$(file) ${shown} pages${mark}` : `$(file) ${shown} / ${limit} pages${mark}`, level };
}
