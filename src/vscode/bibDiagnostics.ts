import * as vscode from 'vscode';
import { isBib } from './bib';
import { toVsRange } from './convert';
import { host } from './host';
import type { Services } from './services';

const DEBOUNCE_MS = 300;

/** Problems of .bib files (broken entries, duplicate keys, missing fields) as diagnostics in the .bib. */
class BibDiagnostics implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('writeup-bib');
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly services: Services) {
    this.disposables.push(
      vscode.workspace.onDidOpenTextDocument((d) => this.schedule(d, 0)),
      vscode.workspace.onDidChangeTextDocument((e) => this.schedule(e.document, DEBOUNCE_MS)),
      vscode.workspace.onDidCloseTextDocument((d) => {
        if (isBib(d)) this.collection.delete(d.uri);
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
    this.collection.set(
      document.uri,
      bib.problems.map((p) => {
        const severity = p.severity === 'error' ? vscode.DiagnosticSeverity.Error : p.severity === 'warning' ? vscode.DiagnosticSeverity.Warning : vscode.DiagnosticSeverity.Information;
        const d = new vscode.Diagnostic(toVsRange(p.range), p.message, severity);
        d.source = 'writeup';
        d.code = p.code;
        return d;
      }),
    );
  }

  dispose(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    for (const d of this.disposables) d.dispose();
    this.collection.dispose();
  }
}

/** Registers diagnostics for .bib files. */
export function registerBibDiagnostics(services: Services): vscode.Disposable {
  return new BibDiagnostics(services);
}
