import * as vscode from 'vscode';
import type { Fix, Severity, TextEdit } from '../core/lint/rule';
import type { Position, Range } from '../core/model/range';
import { host } from './host';

/**
 * Conversions between the core's plain data and VS Code's types. Every adapter converts here;
 * add functions, keep them one-liners.
 */

/** Core position -> VS Code position. */
export function toVsPosition(p: Position): vscode.Position {
  return new vscode.Position(p.line, p.character);
}

/** Core range -> VS Code range. */
export function toVsRange(r: Range): vscode.Range {
  return new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character);
}

/** VS Code position -> core position. */
export function fromVsPosition(p: vscode.Position): Position {
  return { line: p.line, character: p.character };
}

/** VS Code range -> core range. */
export function fromVsRange(r: vscode.Range): Range {
  return { start: fromVsPosition(r.start), end: fromVsPosition(r.end) };
}

/** Core severity -> VS Code diagnostic severity. */
export function toVsSeverity(severity: Severity): vscode.DiagnosticSeverity {
  return severity === 'error' ? vscode.DiagnosticSeverity.Error : severity === 'warning' ? vscode.DiagnosticSeverity.Warning : vscode.DiagnosticSeverity.Information;
}

/**
 * Core text edits -> one WorkspaceEdit (undoable, applied to open buffers). Edits without a `file`
 * go to `documentUri`; an edit's `file` (an absolute path or a URI string) names another file, e.g. the .bib.
 */
export function toWorkspaceEdit(edits: readonly TextEdit[], documentUri: vscode.Uri, edit = new vscode.WorkspaceEdit()): vscode.WorkspaceEdit {
  for (const e of edits) {
    const uri = e.file === undefined ? documentUri : host.uriOf(e.file);
    // An edit to a file that does not exist yet (e.g. a new references.bib) creates it first.
    if (e.file !== undefined && host.isLocal(uri) && !vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString()) && !host.exists(host.pathOf(uri))) {
      edit.createFile(uri, { ignoreIfExists: true });
    }
    edit.replace(uri, toVsRange(e.range), e.newText);
  }
  return edit;
}

/** A core fix -> a quick-fix CodeAction carrying its WorkspaceEdit. */
export function toCodeAction(fix: Fix, documentUri: vscode.Uri, diagnostics: readonly vscode.Diagnostic[] = []): vscode.CodeAction {
  const action = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
  action.edit = toWorkspaceEdit(fix.edits, documentUri);
  if (diagnostics.length > 0) action.diagnostics = [...diagnostics];
  if (fix.preferred) action.isPreferred = true;
  return action;
}
