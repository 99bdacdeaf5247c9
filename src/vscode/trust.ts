import * as vscode from 'vscode';

/** What waits for workspace trust (Restricted Mode), as told to the user. */
export const featuresWaitingForTrust: readonly string[] = [
  'Export PDF (runs pandoc and LaTeX)',
  'exact page counts from a background compile (writeup.pages.exact)',
  'course packs from the workspace (.writeup/courses, writeup.coursePacks)',
  'settings that name programs (writeup.pandocPath, writeup.latexmkPath)',
  'New Proposal, New Report and Import Course (they create files)',
];

/**
 * In an untrusted workspace, says once (in the output channel, and with a status bar item that
 * opens the trust editor) which features wait for trust; when trust is granted, says they are
 * enabled and removes the item. The features themselves check `vscode.workspace.isTrusted`
 * on each use, and the course service reloads workspace packs on `onDidGrantWorkspaceTrust`.
 */
export function registerTrustNotice(output: vscode.OutputChannel): vscode.Disposable {
  if (vscode.workspace.isTrusted) return new vscode.Disposable(() => undefined);
  output.appendLine(`Restricted Mode: reading, checking, hovers, completion and the preview work; waiting for workspace trust: ${featuresWaitingForTrust.join('; ')}.`);
  const item = vscode.window.createStatusBarItem('writeup.trust', vscode.StatusBarAlignment.Right, 99);
  item.name = vscode.l10n.t('Writeup: Restricted Mode');
  item.text = vscode.l10n.t('$(shield) Writeup: limited');
  const tooltip = new vscode.MarkdownString(`**Writeup in Restricted Mode.** Waiting for workspace trust:\n\n${featuresWaitingForTrust.map((f) => `- ${f}`).join('\n')}`, false);
  tooltip.isTrusted = false;
  tooltip.supportHtml = false;
  item.tooltip = tooltip;
  item.command = 'workbench.trust.manage';
  item.show();
  const granted = vscode.workspace.onDidGrantWorkspaceTrust(() => {
    output.appendLine('Workspace trusted: Export PDF, workspace course packs and file-creating commands are enabled.');
    item.hide();
  });
  return vscode.Disposable.from(item, granted);
}
