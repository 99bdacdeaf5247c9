import * as vscode from 'vscode';
import { comparePositions } from '../core/model/range';
import { fromVsRange, toCodeAction } from './convert';
import type { LintDiagnostics } from './diagnostics';

/**
 * Quick fixes for the lint problems shown by {@link LintDiagnostics}: each fix a rule attached to
 * a problem becomes a CodeAction with its WorkspaceEdit (edits naming another file, e.g. the .bib, go there).
 */
export class LintCodeActionProvider implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] };

  constructor(private readonly lint: LintDiagnostics) {}

  provideCodeActions(document: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const result = this.lint.resultFor(document);
    if (!result) return [];
    const actions: vscode.CodeAction[] = [];
    for (const shown of context.diagnostics) {
      if (shown.source !== 'writeup') continue;
      const code = typeof shown.code === 'object' ? shown.code.value : shown.code;
      const range = fromVsRange(shown.range);
      const match = result.diagnostics.find(
        (d) => d.rule === code && d.message === shown.message && comparePositions(d.range.start, range.start) === 0 && comparePositions(d.range.end, range.end) === 0,
      );
      for (const fix of match?.fixes ?? []) actions.push(toCodeAction(fix, document.uri, [shown]));
    }
    return actions;
  }
}

/** Registers the quick-fix provider for Markdown and LaTeX writeups. */
export function registerCodeActions(lint: LintDiagnostics): vscode.Disposable {
  const selector: vscode.DocumentSelector = [
    { language: 'markdown' },
    { language: 'latex' },
    { pattern: '**/*.{md,tex}' },
  ];
  return vscode.languages.registerCodeActionsProvider(selector, new LintCodeActionProvider(lint), LintCodeActionProvider.metadata);
}
