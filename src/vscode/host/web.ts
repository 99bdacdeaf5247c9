import * as vscode from 'vscode';
import type { FileHost } from '../../core/host';
import { setCslEngineLoader } from '../../core/bib/format';
import { imageSizeReader } from '../../core/layout/imageSize';
import type { MathWorkerResponse } from '../mathProtocol';
import { MathRenderQueue, type MathWorkerEvents, type MathWorkerPort } from '../mathQueue';
import { isUriString, openDocumentAt } from './common';
import type { Host } from './types';

/**
 * The web: a web-worker extension host (vscode.dev, github.dev, Codespaces in a browser). No Node:
 * files through `vscode.workspace.fs`, paths as URI paths, MathJax in a Web Worker, no processes.
 */

/** Schemes of the workspace's files (`file`, `vscode-remote`, `vscode-vfs`...): not `untitled` or `output`. */
function isLocal(uri: vscode.Uri): boolean {
  if (uri.scheme === 'file') return true;
  return (vscode.workspace.workspaceFolders ?? []).some((f) => f.uri.scheme === uri.scheme && f.uri.authority === uri.authority);
}

const pathOf = (uri: vscode.Uri): string => uri.path;

/** The URI of a path: inside the workspace folder that holds it (else the first folder's file system). */
function uriOf(p: string): vscode.Uri {
  if (isUriString(p)) return vscode.Uri.parse(p);
  const folders = vscode.workspace.workspaceFolders ?? [];
  const folder = folders.find((f) => p === f.uri.path || p.startsWith(`${f.uri.path.replace(/\/$/, '')}/`)) ?? folders[0];
  return folder ? folder.uri.with({ path: p, query: '', fragment: '' }) : vscode.Uri.file(p);
}

const openAt = (p: string) => openDocumentAt(p, pathOf, isLocal);

/**
 * Bytes of files the core asks for synchronously (`\input`, figure sizes). A miss starts a read
 * through `workspace.fs` and answers undefined; when reads finish, `onDidRead` fires once and the
 * callers compute again. Entries are dropped when the file changes (watcher, save).
 */
class FileCache implements vscode.Disposable {
  private readonly bytes = new Map<string, Uint8Array | null>();
  private readonly reading = new Set<string>();
  private readonly emitter = new vscode.EventEmitter<void>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private watcher: vscode.FileSystemWatcher | undefined;
  readonly onDidRead = this.emitter.event;

  get(p: string): Uint8Array | null | undefined {
    if (this.bytes.has(p)) return this.bytes.get(p);
    this.fetch(p);
    return undefined;
  }

  /** Records what an asynchronous read learnt (so `exists` knows it). */
  remember(p: string, value: Uint8Array | null): void {
    this.bytes.set(p, value);
  }

  private fetch(p: string): void {
    if (this.reading.has(p)) return;
    this.watch();
    this.reading.add(p);
    void Promise.resolve(vscode.workspace.fs.readFile(uriOf(p))).then(
      (data) => this.arrived(p, data),
      () => this.arrived(p, null),
    );
  }

  private arrived(p: string, data: Uint8Array | null): void {
    this.reading.delete(p);
    this.bytes.set(p, data);
    this.timer ??= setTimeout(() => {
      this.timer = undefined;
      this.emitter.fire();
    }, 50);
  }

  private watch(): void {
    if (this.watcher) return;
    this.watcher = vscode.workspace.createFileSystemWatcher('**/*');
    const drop = (uri: vscode.Uri) => this.bytes.delete(pathOf(uri));
    this.watcher.onDidChange(drop);
    this.watcher.onDidCreate(drop);
    this.watcher.onDidDelete(drop);
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.watcher?.dispose();
    this.emitter.dispose();
  }
}

const cache = new FileCache();
const decoder = new TextDecoder();

const files: FileHost = {
  readFile(p) {
    const open = openAt(p);
    if (open) return open.getText();
    const bytes = cache.get(p);
    return bytes ? decoder.decode(bytes) : undefined;
  },
  exists(p) {
    return openAt(p) !== undefined || Boolean(cache.get(p));
  },
};

/** Starts the MathJax Web Worker from the extension's dist/web/mathWorker.js, through a `blob:` URL. */
function webMathRenderer(context: vscode.ExtensionContext): MathRenderQueue {
  let source: Promise<string> | undefined;
  const script = (): Promise<string> =>
    (source ??= Promise.resolve(vscode.workspace.fs.readFile(vscode.Uri.joinPath(context.extensionUri, 'dist', 'web', 'mathWorker.js'))).then((b) =>
      URL.createObjectURL(new Blob([b], { type: 'text/javascript' })),
    ));
  const start = (events: MathWorkerEvents): MathWorkerPort => {
    let worker: WebWorker | undefined;
    let stopped = false;
    const waiting: unknown[] = [];
    script().then(
      (url) => {
        if (stopped) return;
        const WorkerClass = (globalThis as unknown as { Worker: new (url: string) => WebWorker }).Worker;
        worker = new WorkerClass(url);
        worker.onmessage = (e) => events.message(e.data as MathWorkerResponse);
        worker.onerror = (e) => events.failed(e.message || 'The math renderer stopped.');
        for (const m of waiting.splice(0)) worker.postMessage(m);
      },
      (e: unknown) => {
        source = undefined;
        events.failed(`The math renderer could not start: ${e instanceof Error ? e.message : String(e)}`);
      },
    );
    return {
      post(message) {
        if (worker) worker.postMessage(message);
        else waiting.push(message);
      },
      terminate() {
        stopped = true;
        worker?.terminate();
      },
    };
  };
  return new MathRenderQueue(start);
}

/** The part of the DOM `Worker` used here (the project compiles without the DOM library). */
interface WebWorker {
  onmessage: ((event: { data: unknown }) => void) | null;
  onerror: ((event: { message: string }) => void) | null;
  postMessage(message: unknown): void;
  terminate(): void;
}

/** `writeup.exportPdf` on the web: pandoc and LaTeX cannot run in a browser; say so. */
function registerExportPdf(): vscode.Disposable {
  // Hides the command where it cannot run (package.json: `!writeup.webHost`).
  void vscode.commands.executeCommand('setContext', 'writeup.webHost', true);
  return vscode.commands.registerCommand('writeup.exportPdf', () => {
    const message = vscode.l10n.t('Export PDF runs pandoc and LaTeX, which need VS Code on the desktop (or a Codespace opened in VS Code Desktop). In the browser, use the preview and the page estimate.');
    void vscode.window.showInformationMessage(vscode.l10n.t('Writeup: {0}', message));
    return { ok: false, problems: [], message, needsDesktop: true };
  });
}

/**
 * A lazily loaded chunk of dist/web (CommonJS, no imports): read through workspace.fs and run,
 * since a web worker extension can `require` nothing but `vscode`.
 */
async function loadChunk<T>(context: vscode.ExtensionContext, name: string): Promise<T> {
  const source = decoder.decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(context.extensionUri, 'dist', 'web', `${name}.js`)));
  const module = { exports: {} as T };
  // The host runs extension code the same way; the chunk is ours, built beside the extension.
  new Function('module', 'exports', source)(module, module.exports);
  return module.exports;
}

export const host: Host = {
  kind: 'web',
  compiler: undefined,
  start(context) {
    // citation-js (a third of the bundle) is read on the first formatted reference, as on the desktop.
    setCslEngineLoader(() => loadChunk<{ Cite: unknown }>(context, 'cslEngine'));
  },
  isLocal,
  pathOf,
  uriOf,
  files,
  onDidReadFiles: cache.onDidRead,
  async readText(p) {
    const open = openAt(p);
    if (open) return open.getText();
    try {
      const bytes = await vscode.workspace.fs.readFile(uriOf(p));
      cache.remember(p, bytes);
      return decoder.decode(bytes);
    } catch {
      cache.remember(p, null);
      return undefined;
    }
  },
  async stamp(p) {
    try {
      const stat = await vscode.workspace.fs.stat(uriOf(p));
      return `m${stat.mtime}:${stat.size}`;
    } catch {
      return undefined;
    }
  },
  exists: (p) => files.exists(p),
  // No zlib here: a PDF figure whose page box sits in a compressed object stream takes the default size.
  imageSizes: (writeupPath, roots) => imageSizeReader(writeupPath, (p) => cache.get(p) ?? undefined, roots),
  mathRenderer: webMathRenderer,
  registerExportPdf,
};
