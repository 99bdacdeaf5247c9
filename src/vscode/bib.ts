import * as vscode from 'vscode';
import { BibStore } from '../core/bib/index';
import { bibliographyLookup } from '../core/text/paths';
import type { BibFile, BibIndex } from '../core/bib/types';
import type { WriteupDocuments } from './documents';
import { host } from './host';

/** An open document for a file path, if any. */
function openDocument(path: string): vscode.TextDocument | undefined {
  return vscode.workspace.textDocuments.find((d) => host.isLocal(d.uri) && host.pathOf(d.uri) === path);
}

/** A path or URI string of a core result -> a VS Code URI. */
export function uriOfPath(path: string): vscode.Uri {
  return host.uriOf(path);
}

/**
 * The bibliographies of writeups: finds a writeup's .bib files (front matter `bibliography:`,
 * `\bibliography{}`/`\addbibresource{}`, else `references.bib` beside it), reads them from open
 * editors first and from disk otherwise, and re-parses a file only when its version or
 * modification time changed. Workspace .bib files are indexed lazily, on first request.
 */
export class BibService implements vscode.Disposable {
  private readonly store = new BibStore();
  /** Per path: the stamp (document version or disk mtime) of the text last parsed. */
  private readonly stamps = new Map<string, string>();
  private readonly changed = new vscode.EventEmitter<string>();
  private watcher: vscode.FileSystemWatcher | undefined;
  private readonly disposables: vscode.Disposable[] = [];
  private workspaceScan: Promise<string[]> | undefined;
  private readonly pending = new Set<string>();
  private timer: ReturnType<typeof setTimeout> | undefined;

  /** Fires (at most every 300 ms) with the path of a .bib file whose text changed (typing, saving, on disk). */
  readonly onDidChange = this.changed.event;

  /** Queues a change notice; bursts of typing give one event per file. */
  private notify(path: string): void {
    this.pending.add(path);
    this.timer ??= setTimeout(() => {
      this.timer = undefined;
      const paths = [...this.pending];
      this.pending.clear();
      for (const p of paths) this.changed.fire(p);
    }, 300);
  }

  constructor(private readonly documents: WriteupDocuments) {
    this.disposables.push(
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (isBib(e.document) && e.contentChanges.length > 0) this.notify(host.pathOf(e.document.uri));
      }),
    );
  }

  /** Starts watching .bib files on disk (once, on first use: nothing at activation). */
  private watch(): void {
    if (this.watcher) return;
    this.watcher = vscode.workspace.createFileSystemWatcher('**/*.bib');
    const drop = (uri: vscode.Uri) => {
      this.stamps.delete(host.pathOf(uri));
      this.started.delete(host.pathOf(uri));
      this.notify(host.pathOf(uri));
    };
    this.watcher.onDidChange(drop);
    this.watcher.onDidCreate(drop);
    this.watcher.onDidDelete((uri) => {
      this.stamps.delete(host.pathOf(uri));
      this.store.remove(host.pathOf(uri));
      this.workspaceScan = undefined;
      this.notify(host.pathOf(uri));
    });
    this.disposables.push(this.watcher);
  }

  /** The bibliography files of a writeup document (absolute paths; they may not exist). */
  pathsFor(document: vscode.TextDocument): string[] {
    const writeup = this.documents.get(document);
    const base = (() => {
      const folder = vscode.workspace.getWorkspaceFolder(document.uri) ?? vscode.workspace.workspaceFolders?.[0];
      return folder && host.pathOf(folder.uri);
    })();
    // Only .bib files inside the workspace (or the writeup's folder) are read; say so once per file.
    const roots = (vscode.workspace.workspaceFolders ?? []).map((f) => host.pathOf(f.uri));
    // The writeup's own folder always counts: references.bib beside it is the default, even outside the workspace.
    if (host.isLocal(document.uri)) roots.push(host.pathOf(vscode.Uri.joinPath(document.uri, '..')));
    const { paths, refused } = bibliographyLookup(writeup, roots, base);
    for (const r of refused) {
      if (this.refusedShown.has(r.message)) continue;
      this.refusedShown.add(r.message);
      void vscode.window.showWarningMessage(vscode.l10n.t('Writeup: {0}', r.message));
    }
    return paths;
  }
  private readonly refusedShown = new Set<string>();

  /** Where entries for this writeup are added: its first bibliography file. */
  targetFor(document: vscode.TextDocument): string | undefined {
    return this.pathsFor(document)[0];
  }

  /** The current text of a .bib path (open editor first, then disk), or undefined when missing. */
  async textOf(path: string): Promise<string | undefined> {
    return host.readText(path);
  }

  /** The parse of one .bib file at its current text, or undefined when it does not exist. */
  async file(path: string): Promise<BibFile | undefined> {
    this.watch();
    const open = openDocument(path);
    if (open) {
      const stamp = `v${open.version}`;
      if (this.stamps.get(path) === stamp) return this.store.get(path);
      const bib = this.store.update(path, open.getText());
      this.stamps.set(path, stamp);
      return bib;
    }
    const stamp = await host.stamp(path);
    if (stamp === undefined) {
      this.store.remove(path);
      this.stamps.delete(path);
      return undefined;
    }
    if (this.stamps.get(path) === stamp) return this.store.get(path);
    const text = await this.textOf(path);
    if (text === undefined) return undefined;
    const bib = this.store.update(path, text);
    this.stamps.set(path, stamp);
    return bib;
  }

  /** Paths whose first read was started by {@link parsedFor} (read again after a change on disk). */
  private readonly started = new Set<string>();

  /**
   * A writeup's bibliography as parsed so far, without waiting (the page estimate is synchronous):
   * files not read yet are read in the background and announced on {@link onDidChange}.
   */
  parsedFor(document: vscode.TextDocument): BibIndex | undefined {
    const paths = this.pathsFor(document);
    const unread = paths.filter((p) => this.store.get(p) === undefined && !this.started.has(p));
    if (unread.length > 0) {
      for (const p of unread) this.started.add(p);
      void Promise.all(unread.map((p) => this.file(p).catch(() => undefined))).then((files) => files.forEach((f, i) => f && this.notify(unread[i] ?? '')));
    }
    const known = paths.filter((p) => this.store.get(p) !== undefined);
    return known.length > 0 ? this.store.index(known) : undefined;
  }

  /** The index of a writeup's bibliography (empty when it has none). */
  async forDocument(document: vscode.TextDocument): Promise<BibIndex> {
    const paths = this.pathsFor(document);
    for (const path of paths) await this.file(path);
    return this.store.index(paths.filter((p) => this.store.get(p) !== undefined));
  }

  /** Every .bib file of the workspace, parsed (found once, then kept up to date by the watcher). */
  async workspaceFiles(): Promise<BibFile[]> {
    this.watch();
    this.workspaceScan ??= Promise.resolve(vscode.workspace.findFiles('**/*.bib', '**/node_modules/**', 2000)).then((uris) =>
      uris.map((u) => host.pathOf(u)),
    );
    const files: BibFile[] = [];
    for (const path of await this.workspaceScan) {
      const bib = await this.file(path);
      if (bib) files.push(bib);
    }
    return files;
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    for (const d of this.disposables) d.dispose();
    this.changed.dispose();
  }
}

/** True for a BibTeX document. */
export function isBib(document: vscode.TextDocument): boolean {
  return document.languageId === 'bibtex' || /\.bib$/i.test(document.fileName);
}
