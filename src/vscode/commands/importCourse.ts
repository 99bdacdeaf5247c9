import * as vscode from 'vscode';
import { lazyCourseImport } from '../../core/lazy/index';
import { host } from '../host';
import type { Services } from '../services';

/**
 * `writeup.importCourse`: reads a saved course page (Markdown, HTML, text) into a draft pack in
 * `.writeup/courses/<id>.json` (a WorkspaceEdit, so it can be undone) and opens it. A URI argument
 * skips the open dialog. Trusted workspaces only. Returns the new file's URI.
 */
export function registerImportCourse(services: Services): vscode.Disposable {
  return vscode.commands.registerCommand('writeup.importCourse', async (page?: unknown): Promise<vscode.Uri | undefined> => {
    if (!vscode.workspace.isTrusted) {
      void vscode.window.showWarningMessage(vscode.l10n.t('Writeup: importing a course page waits until you trust this workspace.'));
      return undefined;
    }
    const folder = vscode.workspace.workspaceFolders?.[0];
    if (!folder) {
      void vscode.window.showErrorMessage(vscode.l10n.t('Writeup: open a folder first; the course pack is saved in its .writeup/courses/.'));
      return undefined;
    }
    let source: vscode.Uri | undefined = page instanceof vscode.Uri ? page : typeof page === 'string' ? host.uriOf(page) : undefined;
    if (!source) {
      const picked = await vscode.window.showOpenDialog({
        title: vscode.l10n.t('Import Course from Page'),
        openLabel: 'Import',
        canSelectMany: false,
        filters: { 'Course pages': ['html', 'htm', 'md', 'markdown', 'txt'], 'All files': ['*'] },
      });
      source = picked?.[0];
    }
    if (!source) return undefined;
    let text: string;
    try {
      text = new TextDecoder().decode(await vscode.workspace.fs.readFile(source));
    } catch (error) {
      void vscode.window.showErrorMessage(vscode.l10n.t('Writeup: cannot read {0}: {1}', source.fsPath, (error as Error).message));
      return undefined;
    }
    const result = lazyCourseImport()(text, { file: source.path.split('/').pop() ?? source.path });
    const dir = vscode.Uri.joinPath(folder.uri, '.writeup', 'courses');
    const uri = await freeName(dir, result.pack.id);
    const edit = new vscode.WorkspaceEdit();
    edit.createFile(uri, { overwrite: false, ignoreIfExists: false });
    edit.insert(uri, new vscode.Position(0, 0), `${JSON.stringify(result.pack, null, 2)}\n`);
    if (!(await vscode.workspace.applyEdit(edit))) {
      void vscode.window.showErrorMessage(vscode.l10n.t('Writeup: could not create {0}.', vscode.workspace.asRelativePath(uri)));
      return undefined;
    }
    const document = await vscode.workspace.openTextDocument(uri);
    await document.save();
    await vscode.window.showTextDocument(document, { preview: false });
    services.output.appendLine(`[courses] imported ${source.fsPath} into ${vscode.workspace.asRelativePath(uri)}`);
    for (const line of result.todo) services.output.appendLine(`[courses]   to check: ${line}`);
    const found = `${result.pack.deliverables.length} deliverable(s), ${result.pack.papers.length} paper(s)`;
    void vscode.window
      .showInformationMessage(vscode.l10n.t('Writeup: draft course pack \'{0}\' with {1}. Review it: {2} thing(s) to check.', result.pack.id, found, result.todo.length), vscode.l10n.t('Show Output'))
      .then((choice) => {
        if (choice) services.output.show(true);
      });
    return uri;
  });
}

/** `<dir>/<id>.json`, or `<id>-2.json`... when taken. */
async function freeName(dir: vscode.Uri, id: string): Promise<vscode.Uri> {
  for (let n = 1; ; n++) {
    const uri = vscode.Uri.joinPath(dir, `${id}${n === 1 ? '' : `-${n}`}.json`);
    try {
      await vscode.workspace.fs.stat(uri);
    } catch {
      return uri;
    }
  }
}
