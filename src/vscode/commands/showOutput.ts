import * as vscode from 'vscode';
import type { Services } from '../services';

/** `writeup.showOutput`: reveals the extension's output channel (its log). */
export function registerShowOutput(services: Services): vscode.Disposable {
  return vscode.commands.registerCommand('writeup.showOutput', () => services.output.show(true));
}
