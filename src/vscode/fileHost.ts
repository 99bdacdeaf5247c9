import * as fs from 'node:fs';
import * as vscode from 'vscode';
import type { FileHost } from '../core/host';

/** Files as the user sees them: an open editor's unsaved text first, then the disk. */
export const nodeFileHost: FileHost = {
  readFile(path) {
    const open = vscode.workspace.textDocuments.find((d) => d.uri.scheme === 'file' && d.uri.fsPath === path);
    if (open) return open.getText();
    try {
      return fs.readFileSync(path, 'utf8');
    } catch {
      return undefined;
    }
  },
  exists(path) {
    return vscode.workspace.textDocuments.some((d) => d.uri.fsPath === path) || fs.existsSync(path);
  },
};
