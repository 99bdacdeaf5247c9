import * as vscode from 'vscode';
import type { Writeup, WriteupFormat } from '../core/model/writeup';
import { ReaderSession } from '../core/readers/incremental';
import { formatOf } from '../core/readers/index';
import { nodeFileHost } from './fileHost';

/** A document's writeup format: its language first, then its file name; undefined for neither. */
export function documentFormat(document: vscode.TextDocument): WriteupFormat | undefined {
  if (document.languageId === 'latex' || document.languageId === 'markdown') return document.languageId;
  return formatOf(document.fileName);
}

/**
 * Reads open documents into Writeup models, once per document version, each through its own
 * ReaderSession (a keystroke re-parses only the part of the text it touched).
 * Every feature asks here instead of parsing on its own.
 */
export class WriteupDocuments implements vscode.Disposable {
  private readonly cache = new Map<string, { version: number; writeup: Writeup; session: ReaderSession }>();
  private readonly onClose = vscode.workspace.onDidCloseTextDocument((d) => this.cache.delete(d.uri.toString()));

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
    const session = hit?.session ?? new ReaderSession();
    const writeup = session.read(document.getText(), {
      file: document.uri.scheme === 'file' ? document.uri.fsPath : key,
      ...(format ? { format } : {}),
      host: nodeFileHost,
    });
    this.cache.set(key, { version: document.version, writeup, session });
    return writeup;
  }

  dispose(): void {
    this.onClose.dispose();
    this.cache.clear();
  }
}
