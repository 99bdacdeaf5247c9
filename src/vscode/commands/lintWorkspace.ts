import * as vscode from 'vscode';
import { isWriteupCandidate, skippedFolders } from '../../core/lint/discover';
import type { LintDiagnostics } from '../diagnostics';

/**
 * `writeup.lintWorkspace` ("Writeup: Check All Writeups"): finds the writeups of the workspace
 * the way `writeup lint FOLDER` does, lints each and shows the Problems panel.
 */
export function registerLintWorkspace(lint: LintDiagnostics): vscode.Disposable {
  return vscode.commands.registerCommand('writeup.lintWorkspace', async () => {
    const exclude = `**/{${[...skippedFolders].join(',')}}/**`;
    const uris = await vscode.workspace.findFiles('**/*.{md,markdown,tex}', exclude, 2000);
    let checked = 0;
    await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Checking writeups') }, async () => {
      for (const uri of uris.sort((a, b) => a.fsPath.localeCompare(b.fsPath))) {
        if (uri.path.split('/').some((part) => part.startsWith('.'))) continue;
        const document = await vscode.workspace.openTextDocument(uri);
        if (!isWriteupCandidate(uri.path, document.getText(new vscode.Range(0, 0, 400, 0)))) continue;
        if (await lint.run(document)) checked++;
      }
    });
    await vscode.commands.executeCommand('workbench.actions.view.problems');
    vscode.window.setStatusBarMessage(`Writeup: checked ${checked} writeup${checked === 1 ? '' : 's'}`, 5000);
  });
}
