import * as vscode from 'vscode';
import { WriteupDocuments } from './documents';

/** State shared by the feature adapters. */
export interface Services extends vscode.Disposable {
  readonly context: vscode.ExtensionContext;
  readonly documents: WriteupDocuments;
  readonly output: vscode.OutputChannel;
}

export function createServices(context: vscode.ExtensionContext): Services {
  const output = vscode.window.createOutputChannel('Research Writeup', { log: true });
  const documents = new WriteupDocuments();
  return {
    context,
    documents,
    output,
    dispose() {
      documents.dispose();
      output.dispose();
    },
  };
}
