import * as vscode from 'vscode';
import type { Services } from '../services';
import { WriteupPreview, type ExactPageBreaks } from './previewPanel';

/** Command id of "Writeup: Open Preview to the Side". */
export const openPreviewCommand = 'writeup.openPreviewToSide';

/** Registers the preview and its command. Works in untrusted workspaces (it only reads). */
export function registerPreview(services: Services, exact?: ExactPageBreaks): vscode.Disposable {
  let preview: WriteupPreview | undefined;
  const command = vscode.commands.registerCommand(openPreviewCommand, async (uri?: vscode.Uri) => {
    const document =
      uri instanceof vscode.Uri ? await vscode.workspace.openTextDocument(uri) : vscode.window.activeTextEditor?.document;
    if (!document || !services.documents.isWriteup(document)) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Open a Markdown or LaTeX writeup to preview it.'));
      return;
    }
    preview ??= new WriteupPreview(services, undefined, exact);
    await preview.show(document);
  });
  // Internal (not in package.json): lets the integration tests wait for the page to load.
  const state = vscode.commands.registerCommand('writeup._previewState', () => preview?.state);
  return {
    dispose() {
      command.dispose();
      state.dispose();
      preview?.dispose();
    },
  };
}
