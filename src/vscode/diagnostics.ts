import * as vscode from 'vscode';
import { diagnosticsInSteps, LatestRuns, type RunCounts } from '../core/analysis/supersede';
import { isWriteupCandidate } from '../core/lint/discover';
import type { Diagnostic } from '../core/lint/engine';
import { toVsRange, toVsSeverity } from './convert';
import type { Services } from './services';

/** `writeup.lint.run`. */
type RunMode = 'onSave' | 'onType' | 'off';

const TYPING_DEBOUNCE_MS = 400;

/** The last lint of a document: the core diagnostics (with their fixes) for the code actions. */
export interface LintResult {
  readonly version: number;
  readonly diagnostics: readonly Diagnostic[];
  readonly shown: readonly vscode.Diagnostic[];
}

/** The background compile service, as lint needs it: when a compile finishes, page-limit may change (its figure reaches lint through the analysis). */
export interface ExactPagesSource {
  readonly onDidChange: vscode.Event<vscode.Uri>;
}

/**
 * Lint on open and save (or while typing, debounced): runs the core engine off the typing path and
 * shows its problems in the Problems panel, source `writeup`, code = rule id linked to the rule's
 * docs page. A run is dropped when the document changed meanwhile or a newer run started.
 */
export class LintDiagnostics implements vscode.Disposable {
  readonly collection = vscode.languages.createDiagnosticCollection('writeup');
  private readonly results = new Map<string, LintResult>();
  /** One lint run per document: a newer run or an edit stops the one in progress at its next step. */
  private readonly runs = new LatestRuns<string>();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly disposables: vscode.Disposable[] = [];
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  /** Fires after a document's problems were updated. */
  readonly onDidLint = this.changed.event;

  constructor(
    private readonly services: Services,
    exact?: ExactPagesSource,
  ) {
    this.disposables.push(
      this.collection,
      this.changed,
      vscode.workspace.onDidOpenTextDocument((d) => this.request(d, 'open')),
      vscode.workspace.onDidSaveTextDocument((d) => this.request(d, 'save')),
      vscode.workspace.onDidChangeTextDocument((e) => this.request(e.document, 'type')),
      vscode.workspace.onDidCloseTextDocument((d) => this.forget(d.uri)),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('writeup.lint') || e.affectsConfiguration('writeup.course') || e.affectsConfiguration('writeup.math')) this.relintAll();
      }),
    );
    if (exact) {
      // A compile finished (or failed): page-limit may now use (or stop using) its figure.
      this.disposables.push(exact.onDidChange((uri) => {
        const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
        if (document) this.request(document, 'config');
      }));
    }
    this.disposables.push(
      this.services.courses.onDidChange(() => this.relintAll()),
      this.services.bib.onDidChange(() => this.relintAll()),
    );
    // Documents already open when the extension starts: after activation, not during it.
    const initial = setTimeout(() => this.relintAll(), 0);
    this.disposables.push({ dispose: () => clearTimeout(initial) });
  }

  /** The last result for a document, if it is current. */
  resultFor(document: vscode.TextDocument): LintResult | undefined {
    const r = this.results.get(document.uri.toString());
    return r && r.version === document.version ? r : undefined;
  }

  private mode(document: vscode.TextDocument): RunMode {
    const value = vscode.workspace.getConfiguration('writeup.lint', document.uri).get<string>('run', 'onSave');
    return value === 'onType' || value === 'off' ? value : 'onSave';
  }

  private request(document: vscode.TextDocument, why: 'open' | 'save' | 'type' | 'config'): void {
    if (!this.isLinted(document)) return;
    const mode = this.mode(document);
    if (mode === 'off') {
      this.forget(document.uri);
      return;
    }
    if (why === 'type') {
      const key = document.uri.toString();
      // A run still in progress is for text that no longer exists: it stops at its next step.
      this.runs.cancel(key);
      if (mode !== 'onType') return;
      const pending = this.timers.get(key);
      if (pending) clearTimeout(pending);
      this.timers.set(key, setTimeout(() => {
        this.timers.delete(key);
        void this.run(document);
      }, TYPING_DEBOUNCE_MS));
      return;
    }
    void this.run(document);
  }

  /**
   * Whether a document is a writeup to lint: Markdown or LaTeX that looks like one (see
   * isWriteupCandidate: proposal*.md, report*.md, front matter naming a course, a LaTeX main file),
   * so a README or an `\input` part gets no course hints.
   */
  private isLinted(document: vscode.TextDocument): boolean {
    if (!this.services.documents.isWriteup(document) || document.uri.scheme === 'git' || document.uri.scheme === 'output') return false;
    return isWriteupCandidate(document.uri.path, document.getText(new vscode.Range(0, 0, 400, 0)));
  }

  /** Lints every open writeup again (configuration or course changed). */
  relintAll(): void {
    for (const document of vscode.workspace.textDocuments) this.request(document, 'config');
  }

  /** Lints `document` now and shows the result unless it went stale. */
  async run(document: vscode.TextDocument): Promise<LintResult | undefined> {
    const key = document.uri.toString();
    const version = document.version;
    try {
      return await this.runs.run(key, () => !document.isClosed && document.version === version, async (run) => {
        // The run starts after the event that asked for it has been handled.
        await run.checkpoint();
        const bib = await this.services.bib.forDocument(document);
        const diagnostics = await diagnosticsInSteps(run, () => this.services.analyze(document, { bib }));
        if (run.stale) return undefined;
        const shown = diagnostics.map((d) => this.toVs(d));
        const result: LintResult = { version, diagnostics, shown };
        this.results.set(key, result);
        this.collection.set(document.uri, shown);
        this.changed.fire(document.uri);
        return result;
      });
    } catch (error) {
      this.services.output.appendLine(`lint failed for ${document.uri.toString()}: ${error instanceof Error ? error.message : String(error)}`);
      return undefined;
    }
  }

  /** How many lint runs started, finished, and were superseded by a newer edit or run. */
  get runCounts(): RunCounts {
    return this.runs.stats;
  }

  private toVs(d: Diagnostic): vscode.Diagnostic {
    const shown = new vscode.Diagnostic(toVsRange(d.range), d.message, toVsSeverity(d.severity));
    shown.source = 'writeup';
    shown.code = { value: d.rule, target: vscode.Uri.joinPath(this.services.context.extensionUri, d.docs) };
    return shown;
  }

  private forget(uri: vscode.Uri): void {
    const key = uri.toString();
    this.runs.cancel(key);
    const timer = this.timers.get(key);
    if (timer) clearTimeout(timer);
    this.timers.delete(key);
    this.results.delete(key);
    this.collection.delete(uri);
  }

  dispose(): void {
    this.runs.cancelAll();
    for (const timer of this.timers.values()) clearTimeout(timer);
    for (const d of this.disposables) d.dispose();
  }
}

/** Registers lint diagnostics; returns the disposable (also reachable for code actions). */
export function registerDiagnostics(services: Services, exact?: ExactPagesSource): LintDiagnostics {
  return new LintDiagnostics(services, exact);
}
