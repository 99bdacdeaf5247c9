import * as vscode from 'vscode';
import type { WriteupService } from '../core/analysis/index';
import type { Writeup } from '../core/model/writeup';
import { documentFormat } from './documentFormat';
import { host } from './host';

// In its own module so that the desktop host's Export PDF needs no document cache (no import cycle).
export { documentFormat } from './documentFormat';

/**
 * Reads open documents into Writeup models, once per document version (through the pipeline's
 * read step: in the editor, a reader session per document, see editorService).
 * Every feature asks here instead of parsing on its own.
 */
export class WriteupDocuments implements vscode.Disposable {
  private readonly cache = new Map<string, { version: number; writeup: Writeup }>();
  private readonly onClose = vscode.workspace.onDidCloseTextDocument((d) => this.cache.delete(d.uri.toString()));
  /** Included files read in the background (web): read the writeups again. */
  private readonly onRead = host.onDidReadFiles(() => this.cache.clear());

  /** `analysis` reads: the pipeline's read step, the same for every front end. */
  constructor(private readonly analysis: WriteupService) {}

  /** True for Markdown and LaTeX documents the extension serves. */
  isWriteup(document: vscode.TextDocument): boolean {
    return documentFormat(document) !== undefined;
  }

  /** The model of `document` at its current version. */
  get(document: vscode.TextDocument): Writeup {
    const key = document.uri.toString();
    const hit = this.cache.get(key);
    if (hit && hit.version === document.version) return hit.writeup;
    const format = documentFormat(document);
    const writeup = this.analysis.read({
      file: host.isLocal(document.uri) ? host.pathOf(document.uri) : key,
      text: document.getText(),
      ...(format ? { format } : {}),
    });
    this.cache.set(key, { version: document.version, writeup });
    return writeup;
  }

  dispose(): void {
    this.onClose.dispose();
    this.onRead.dispose();
    this.cache.clear();
  }
}
