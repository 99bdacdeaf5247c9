/** How close an estimate is to its page limit. */
export type LimitLevel = 'ok' | 'near' | 'over';

/** Within this many pages of the limit the status turns to the warning colour. */
export const NEAR_LIMIT = 0.1;

/**
 * The status bar text for `pages` against `limit`: "$(file) 4.3 / 5 pages", or "$(file) 4.3 pages"
 * without a limit; `near` within 0.1 page of the limit, `over` past it.
 */
export function pageStatusText(pages: number, limit: number | undefined): { text: string; level: LimitLevel } {
  const shown = (Math.round(pages * 10) / 10).toFixed(1);
  if (limit === undefined) return { text: `$(file) ${shown} pages`, level: 'ok' };
  const level: LimitLevel = pages > limit ? 'over' : pages >= limit - NEAR_LIMIT ? 'near' : 'ok';
  return { text: `$(file) ${shown} / ${limit} pages`, level };
}
