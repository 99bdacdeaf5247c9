import type * as vscode from 'vscode';
import type { ExactPagesInput } from '../core/layout/exact/status';
import type { RunCounts } from '../core/analysis/supersede';
import type { ExactState, ExactStats } from './exactPages';
import type { BudgetRow, DocumentBudget } from './pageBudget';

/**
 * What `activate` returns: the extension's public API, used by the integration tests.
 *
 * ```ts
 * const ext = vscode.extensions.getExtension<WriteupApi>('research-writeup.research-writeup')!;
 * const api = await ext.activate();
 * await api.ready; // every feature adapter is registered
 * ```
 */
export interface WriteupApi {
  /** Resolves once `activate` has registered every feature adapter and command. */
  readonly ready: Promise<void>;
  /** The background compile for exact pages: its counters and each document's state. */
  readonly exactPages?: {
    stats(): ExactStats;
    input(document: vscode.TextDocument): ExactPagesInput | undefined;
    state(document: vscode.TextDocument): ExactState;
    readonly onDidChange: vscode.Event<vscode.Uri>;
  };
  /** The Page Budget view's rows for a document. */
  readonly pageBudget?: (document: vscode.TextDocument) => DocumentBudget | undefined;
  /** The rows (and tree items) the Page Budget view was last given while visible. */
  readonly pageBudgetShown?: () => { rows: readonly BudgetRow[]; items: vscode.TreeItem[] };
  /** The page-estimate status bar item as shown: its text and its tooltip's Markdown (undefined while hidden). */
  readonly pageStatusShown?: () => { text: string; tooltip: string } | undefined;
  /** Lint runs so far: started, finished (problems published), superseded by a newer edit or run. */
  readonly lintRuns?: () => RunCounts;
}

/** Builds the API object for `activate`; `ready` resolves when `markReady` is called. */
export function createApi(): { api: WriteupApi; markReady(): void } {
  let markReady!: () => void;
  const ready = new Promise<void>((resolve) => {
    markReady = resolve;
  });
  return { api: { ready }, markReady };
}
