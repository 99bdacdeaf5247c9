import * as vscode from 'vscode';
import { BibService } from './bib';
import { WriteupDocuments } from './documents';

/** State shared by the feature adapters. */
export interface Services extends vscode.Disposable {
  readonly context: vscode.ExtensionContext;
  readonly documents: WriteupDocuments;
  readonly output: vscode.OutputChannel;
  /** The writeups' bibliographies (.bib files), parsed lazily and cached per version. */
  readonly bib: BibService;
}

export function createServices(context: vscode.ExtensionContext): Services {
  const output = vscode.window.createOutputChannel('Research Writeup', { log: true });
  const documents = new WriteupDocuments();
  const bib = new BibService(documents);
  return {
    context,
    documents,
    output,
    bib,
    dispose() {
      bib.dispose();
      documents.dispose();
      output.dispose();
    },
  };
}
