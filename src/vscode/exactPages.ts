import * as vscode from 'vscode';
import { compileExact, DEFAULT_EXACT_TIMEOUT_MS, type ExactMeasure, type ExactPagesInput, type PagePair } from '../core/layout/exact';
import type { PageBreak } from '../core/layout/types';
import { basenameOf } from '../core/text/paths';
import { documentFormat } from './documents';
import { host } from './host';
import type { Services } from './services';

/** The last good compile of a document. */
export interface ExactSnapshot {
  readonly measure: ExactMeasure;
  readonly compileMs: number;
  /** When it finished (ms since the epoch). */
  readonly at: number;
  /** The document version it compiled; fresh while the document still has it. */
  readonly version: number;
  /** The estimate of the text it compiled, to correct later estimates by. */
  readonly estimateThen: PagePair;
}

/** What is known about a document's exact pages. */
export interface ExactState {
  readonly snapshot?: ExactSnapshot;
  /** The last compile failed (a LaTeX error): the snapshot, if any, is older. */
  readonly error?: string;
  /** The toolchain is missing: how to get it. Nothing is spawned. */
  readonly missing?: string;
  /** A compile is scheduled or running. */
  readonly busy: boolean;
}

/** Counters the integration tests read through the extension API. */
export interface ExactStats {
  /** Compiles started (the toolchain was found and a process was spawned). */
  readonly started: number;
  /** Compiles cancelled by a newer save or by closing. */
  readonly cancelled: number;
  /** Process ids of compile steps running now. */
  readonly running: readonly number[];
}

/**
 * The background compile: after a save of a writeup (trusted workspace, `writeup.pages.exact` on,
 * debounced by `writeup.pages.exactDelay`), compiles it in a temporary folder through the core's
 * compileExact and keeps the last good figures per document. One compile at a time: a newer save
 * of the same writeup cancels its running compile (the process group is killed), another
 * writeup's waits its turn; disposing kills whatever still runs.
 */
export class ExactPagesService implements vscode.Disposable {
  private readonly states = new Map<string, ExactState>();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private current: { key: string; controller: AbortController; done: Promise<void> } | undefined;
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  private readonly diagnostics = vscode.languages.createDiagnosticCollection('writeup-exact');
  private readonly disposables: vscode.Disposable[] = [];
  private counts = { started: 0, cancelled: 0 };
  /** Fires with a document's URI when its exact state changes (a compile started, finished or failed). */
  readonly onDidChange = this.changed.event;

  constructor(private readonly services: Services) {
    this.disposables.push(
      this.changed,
      this.diagnostics,
      vscode.workspace.onDidSaveTextDocument((document) => void this.schedule(document)),
      vscode.commands.registerCommand('writeup.countExactPages', () => this.countNow()),
      vscode.workspace.onDidCloseTextDocument((document) => this.forget(document)),
      // VS Code keeps a document open for a while after its last editor closes: closing the last tab stops its compile.
      vscode.window.tabGroups.onDidChangeTabs((change) => {
        for (const tab of change.closed) if (tab.input instanceof vscode.TabInputText && !this.shown(tab.input.uri)) this.stop(tab.input.uri);
      }),
    );
    // The analysis (status bar, page-limit, preview) counts the exact pages while they are fresh.
    services.useExactPages((file) => {
      const document = vscode.workspace.textDocuments.find((d) => d.uri.scheme === 'file' && d.uri.fsPath === file);
      const input = document && this.input(document);
      return input?.fresh ? input : undefined;
    });
  }

  /** The state of `document`'s exact pages. */
  state(document: vscode.TextDocument): ExactState {
    return this.states.get(document.uri.toString()) ?? { busy: false };
  }

  /** The exact figures for the lint rules and the status bar: fresh while the text is the compiled one. */
  input(document: vscode.TextDocument): ExactPagesInput | undefined {
    const s = this.state(document).snapshot;
    if (!s) return undefined;
    const m = s.measure;
    return { contentPages: m.contentPages, totalPages: m.totalPages, pdfPages: m.pdfPages, compileMs: s.compileMs, fresh: s.version === document.version, at: s.at };
  }

  /** Where each page ends, from the last compile's SyncTeX, while it is fresh (LaTeX only). */
  pageBreaks(document: vscode.TextDocument): readonly PageBreak[] | undefined {
    const s = this.state(document).snapshot;
    return s && s.version === document.version && s.measure.pageBreaks.length ? s.measure.pageBreaks : undefined;
  }

  stats(): ExactStats {
    return { ...this.counts, running: host.compiler?.running() ?? [] };
  }

  /**
   * Schedules a compile of `document` after the configured delay (`now`: at once, whatever
   * `writeup.pages.exact` says), cancelling a pending or running one of the same writeup.
   * Returns false when it will not compile (untrusted, not a writeup on disk, or switched off).
   */
  schedule(document: vscode.TextDocument, now = false): boolean {
    if (!host.compiler || !vscode.workspace.isTrusted || document.uri.scheme !== 'file' || !this.services.documents.isWriteup(document)) return false;
    const config = vscode.workspace.getConfiguration('writeup.pages', document.uri);
    if (!now && config.get<string>('exact', 'onSave') !== 'onSave') return false;
    const key = document.uri.toString();
    const pending = this.timers.get(key);
    if (pending) clearTimeout(pending);
    if (this.current?.key === key) this.cancelRunning();
    this.set(document.uri, { ...this.state(document), busy: true });
    const delay = now ? 0 : Math.max(0, config.get<number>('exactDelay', 1500));
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        void this.compile(document);
      }, delay),
    );
    return true;
  }

  /** `writeup.countExactPages`: compiles the active writeup now (saved first); resolves with its exact figures. */
  private async countNow(): Promise<ExactPagesInput | undefined> {
    const document = vscode.window.activeTextEditor?.document;
    if (!host.compiler) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Writeup: counting exact pages runs LaTeX, which needs VS Code on the desktop. The estimate in the status bar works here.'));
      return undefined;
    }
    if (!vscode.workspace.isTrusted) {
      void vscode.window.showErrorMessage(vscode.l10n.t('Writeup: counting exact pages runs LaTeX, so it waits until you trust this workspace.'));
      return undefined;
    }
    if (!document || !this.services.documents.isWriteup(document) || document.uri.scheme !== 'file') {
      void vscode.window.showInformationMessage(vscode.l10n.t('Open a writeup (.md or .tex) saved on disk to count its exact pages.'));
      return undefined;
    }
    if (document.isDirty) await document.save();
    if (!this.schedule(document, true)) return undefined;
    return await new Promise<ExactPagesInput | undefined>((resolve) => {
      const sub = this.onDidChange((uri) => {
        if (uri.toString() !== document.uri.toString() || this.state(document).busy) return;
        sub.dispose();
        const input = this.input(document);
        const state = this.state(document);
        if (state.missing) void vscode.window.showErrorMessage(state.missing);
        resolve(input?.fresh ? input : undefined);
      });
    });
  }

  private cancelRunning(): void {
    if (!this.current) return;
    this.current.controller.abort();
    this.counts.cancelled++;
  }

  private async compile(document: vscode.TextDocument): Promise<void> {
    const format = documentFormat(document);
    const compiler = host.compiler;
    if (!compiler || !format || document.isClosed || !vscode.workspace.isTrusted) return;
    const key = document.uri.toString();
    // One compile at a time: a newer save of the same writeup cancels its compile; another writeup's compile is waited for.
    while (this.current) {
      if (this.current.key === key) this.cancelRunning();
      await this.current.done;
      if (document.isClosed || this.timers.has(key)) return;
    }
    const controller = new AbortController();
    let finish!: () => void;
    const done = new Promise<void>((resolve) => (finish = resolve));
    this.current = { key, controller, done };
    const version = document.version;
    const config = vscode.workspace.getConfiguration('writeup', document.uri);
    const timeoutMs = Math.max(5, config.get<number>('pages.exactTimeoutSeconds', DEFAULT_EXACT_TIMEOUT_MS / 1000)) * 1000;
    const estimateThen = this.estimate(document);
    let spawned = false;
    try {
      const outcome = await compileExact(
        {
          file: document.uri.fsPath,
          format,
          timeoutMs,
          pandocTemplate: this.services.context.asAbsolutePath('media/templates/writeup.latex'),
          tools: { pandoc: config.get<string>('pandocPath') || 'pandoc' },
        },
        {
          ...compiler.host,
          run: (step, signal) => {
            if (!spawned) this.counts.started++;
            spawned = true;
            return compiler.host.run(step, signal);
          },
        },
        controller.signal,
      );
      const previous = this.state(document);
      const base = { ...(previous.snapshot ? { snapshot: previous.snapshot } : {}), busy: this.timers.has(key) };
      switch (outcome.status) {
        case 'ok':
          this.diagnostics.set(document.uri, this.toDiagnostics(document, outcome.errors));
          if (outcome.errors.length === 0 && estimateThen) {
            this.set(document.uri, { ...base, snapshot: { measure: outcome.measure, compileMs: outcome.compileMs, at: Date.now(), version, estimateThen } });
          } else {
            this.set(document.uri, { ...base, error: outcome.errors[0]?.message ?? 'LaTeX reported an error' });
          }
          break;
        case 'failed':
          this.diagnostics.set(document.uri, this.toDiagnostics(document, outcome.errors));
          this.set(document.uri, { ...base, error: outcome.errors[0]?.message ?? 'no PDF was written' });
          break;
        case 'missing':
          this.set(document.uri, { ...base, missing: outcome.message });
          break;
        case 'timeout':
          this.set(document.uri, { ...base, error: vscode.l10n.t('the compile took longer than {0} s (writeup.pages.exactTimeoutSeconds)', timeoutMs / 1000) });
          break;
        case 'cancelled':
          break;
      }
    } catch (error) {
      this.services.output.appendLine(`exact pages: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      finish();
      if (this.current?.controller === controller) this.current = undefined;
    }
  }

  private estimate(document: vscode.TextDocument): PagePair | undefined {
    const e = this.services.analyze(document).pages;
    return e ? { contentPages: e.contentPages, totalPages: e.totalPages } : undefined;
  }

  private toDiagnostics(document: vscode.TextDocument, errors: readonly { file?: string; line?: number; message: string }[]): vscode.Diagnostic[] {
    const own = basenameOf(document.uri.fsPath);
    return errors.map((e) => {
      const here = documentFormat(document) === 'latex' && e.file !== undefined && basenameOf(e.file) === own && e.line !== undefined;
      const line = here ? Math.min(e.line ?? 0, document.lineCount - 1) : 0;
      const message = here ? e.message : vscode.l10n.t('{0} (from the background compile{1})', e.message, e.file ? `, ${basenameOf(e.file)}${e.line !== undefined ? `:${e.line + 1}` : ''}` : '');
      const d = new vscode.Diagnostic(document.lineAt(line).range, message, vscode.DiagnosticSeverity.Error);
      d.source = 'writeup (compile)';
      return d;
    });
  }

  private set(uri: vscode.Uri, state: ExactState): void {
    this.states.set(uri.toString(), state);
    this.changed.fire(uri);
  }

  /** True while a tab in any group shows `uri`. */
  private shown(uri: vscode.Uri): boolean {
    const key = uri.toString();
    return vscode.window.tabGroups.all.some((g) => g.tabs.some((t) => t.input instanceof vscode.TabInputText && t.input.uri.toString() === key));
  }

  /** Cancels `uri`'s pending and running compile; the last figures stay. */
  private stop(uri: vscode.Uri): void {
    const key = uri.toString();
    const pending = this.timers.get(key);
    if (pending) clearTimeout(pending);
    this.timers.delete(key);
    if (this.current?.key === key) this.cancelRunning();
    const state = this.states.get(key);
    if (state?.busy) this.set(uri, { ...state, busy: false });
  }

  private forget(document: vscode.TextDocument): void {
    this.stop(document.uri);
    this.states.delete(document.uri.toString());
    this.diagnostics.delete(document.uri);
  }

  dispose(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
    this.current?.controller.abort();
    host.compiler?.killAll();
    for (const d of this.disposables) d.dispose();
  }
}
