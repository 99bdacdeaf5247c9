import * as vscode from 'vscode';
import { exactStatusText, shownPages, type ShownPages } from '../core/layout/exact';
import type { LimitLevel } from '../core/layout/status';
import type { ExactPagesService } from './exactPages';

/** The estimate the status bar holds, as far as the exact figures need it. */
interface Estimated {
  readonly contentPages: number;
  readonly totalPages: number;
  readonly countsReferences: boolean;
  readonly limit?: number;
}

/** What the status bar shows for a document with a compile behind it: text, level and tooltip lines. */
export interface ExactShown {
  readonly status: { text: string; level: LimitLevel };
  readonly shown: ShownPages;
  readonly lines: readonly string[];
}

/**
 * The status bar's figures when `exact` knows something about `document` (a compile, a failure,
 * a missing toolchain); undefined when it knows nothing, so the plain estimate shows.
 */
export function shownFor(exact: ExactPagesService, document: vscode.TextDocument, e: Estimated): ExactShown | undefined {
  const state = exact.state(document);
  const input = exact.input(document);
  const snapshot = state.snapshot;
  const countsTotal = e.countsReferences;
  const shown = shownPages(e, input, snapshot?.estimateThen);
  const pages = countsTotal ? shown.totalPages : shown.contentPages;
  const lines: string[] = [];
  if (snapshot && input) {
    const when = new Date(snapshot.at).toLocaleTimeString();
    lines.push(
      '',
      vscode.l10n.t(
        '**Exact**: {0} content pages, {1} in total, {2} PDF pages, from a compile at {3} ({4} s){5}.',
        snapshot.measure.contentPages.toFixed(2),
        snapshot.measure.totalPages.toFixed(2),
        snapshot.measure.pdfPages,
        when,
        (snapshot.compileMs / 1000).toFixed(1),
        input.fresh ? '' : vscode.l10n.t('; the text has changed since, so the estimate is corrected by the difference'),
      ),
      vscode.l10n.t('**Estimated** now: {0} content pages, {1} in total.', e.contentPages.toFixed(2), e.totalPages.toFixed(2)),
    );
  }
  if (state.error) lines.push('', vscode.l10n.t('The last background compile failed: {0}. The exact figure shown is from the last good compile.', state.error));
  if (state.missing) lines.push('', vscode.l10n.t('No exact count: {0}', state.missing));
  if (state.busy) lines.push('', vscode.l10n.t('Compiling in the background…'));
  if (!lines.length) return undefined;
  return { status: exactStatusText(pages, e.limit, shown.source), shown, lines };
}
