import * as vscode from 'vscode';
import { publishedVersionProblems, type PublishedVersionProblem } from '../core/bib/published';
import { isBib } from './bib';
import { toCodeAction, toVsRange } from './convert';
import { host } from './host';
import type { Services } from './services';

const DEBOUNCE_MS = 300;

/**
 * Problems of .bib files (broken entries, duplicate keys, missing fields) and preprints a course
 * pack knows as published, as diagnostics in the .bib; the published-version fix as a quick fix.
 */
class BibDiagnostics implements vscode.Disposable, vscode.CodeActionProvider {
  private readonly collection = vscode.languages.createDiagnosticCollection('writeup-bib');
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly disposables: vscode.Disposable[] = [];
  /** The published-version findings last shown, per .bib URI (their fixes become code actions). */
  private readonly published = new Map<string, readonly PublishedVersionProblem[]>();

  constructor(private readonly services: Services) {
    this.disposables.push(
      vscode.workspace.onDidOpenTextDocument((d) => this.schedule(d, 0)),
      vscode.workspace.onDidChangeTextDocument((e) => this.schedule(e.document, DEBOUNCE_MS)),
      vscode.workspace.onDidCloseTextDocument((d) => {
        if (isBib(d)) this.collection.delete(d.uri);
      }),
      // New or changed course packs change which preprints have a published version.
      services.courses.onDidChange(() => {
        for (const d of vscode.workspace.textDocuments) this.schedule(d, DEBOUNCE_MS);
      }),
    );
    for (const d of vscode.workspace.textDocuments) this.schedule(d, 0);
  }

  private schedule(document: vscode.TextDocument, delay: number): void {
    if (!isBib(document) || !host.isLocal(document.uri)) return;
    const key = document.uri.toString();
    const timer = this.timers.get(key);
    if (timer) clearTimeout(timer);
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        void this.update(document);
      }, delay),
    );
  }

  private async update(document: vscode.TextDocument): Promise<void> {
    if (document.isClosed) return;
    const bib = await this.services.bib.file(host.pathOf(document.uri));
    if (!bib) return;
    const published = publishedVersionProblems(bib, this.services.courses.all());
    this.published.set(document.uri.toString(), published);
    const diagnostics = [...bib.problems, ...published].map((p) => {
      const severity = p.severity === 'error' ? vscode.DiagnosticSeverity.Error : p.severity === 'warning' ? vscode.DiagnosticSeverity.Warning : vscode.DiagnosticSeverity.Information;
      const d = new vscode.Diagnostic(toVsRange(p.range), p.message, severity);
      d.source = 'writeup';
      d.code = p.code;
      return d;
    });
    this.collection.set(document.uri, diagnostics);
  }

  /** Quick fixes for the published-version diagnostics shown in `document` at `range`. */
  provideCodeActions(document: vscode.TextDocument, range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const found = this.published.get(document.uri.toString()) ?? [];
    const actions: vscode.CodeAction[] = [];
    for (const p of found) {
      const at = toVsRange(p.range);
      if (!at.intersection(range)) continue;
      const shown = context.diagnostics.filter((d) => d.code === p.code && d.range.isEqual(at));
      actions.push(toCodeAction(p.fix, document.uri, shown));
    }
    return actions;
  }

  dispose(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    this.published.clear();
    for (const d of this.disposables) d.dispose();
    this.collection.dispose();
  }
}

/** Registers diagnostics for .bib files and their quick fixes. */
export function registerBibDiagnostics(services: Services): vscode.Disposable {
  const diagnostics = new BibDiagnostics(services);
  const selector: vscode.DocumentSelector = [{ language: 'bibtex' }, { pattern: '**/*.bib' }];
  const actions = vscode.languages.registerCodeActionsProvider(selector, diagnostics, { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] });
  return vscode.Disposable.from(diagnostics, actions);
}
