import * as vscode from 'vscode';
import type { PageBreak } from '../../core/layout/types';
import { macrosFromSetting } from '../../core/math/macros';
import { renderPreviewPage } from '../../core/preview/csp';
import type { PreviewParts } from '../../core/preview/context';
import { previewPatch } from '../../core/preview/patch';
import { PreviewSession } from '../../core/preview/session';
import type { Services } from '../services';
import { previewInputs } from './resolvers';
import { basenameOf, dirname, isAbsolutePath, resolveInside } from '../../core/text/paths';
import { host } from '../host';
import { nonce } from '../host/common';

/** The webview's view type (tests look for it among the tabs). */
export const previewViewType = 'writeup.preview';

/**
 * Messages from media/preview.js: a click to reveal, the page's script started, a body in pieces
 * or a patch applied (with the number of items the page then holds), or a patch it could not apply.
 */
type FromWebview =
  | { type: 'reveal'; line: number }
  | { type: 'ready' }
  | { type: 'applied'; version: number; items: number; patch: boolean }
  | { type: 'resync' };

/**
 * The side preview: one panel that follows the active writeup, re-renders as the user types
 * (debounced), scrolls with the editor, and reveals the source line of a clicked paragraph.
 * All HTML comes from the core (escaped and sanitised there); this class only moves it around.
 */
/** Page ends measured by a compile (the background compile service), when fresh. */
export interface ExactPageBreaks {
  pageBreaks(document: vscode.TextDocument): readonly PageBreak[] | undefined;
  readonly onDidChange: vscode.Event<vscode.Uri>;
}

export class WriteupPreview implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private source: vscode.Uri | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private renderId = 0;
  private loaded = false;
  private painted = 0;
  /** Renders the source, reusing the HTML of the blocks an edit left alone. */
  private readonly session = new PreviewSession();
  /** The parts the page holds, as last sent in pieces (undefined: the page has no pieces to patch). */
  private shown: { version: number; parts: PreviewParts } | undefined;
  private version = 0;
  /** Bodies in pieces and patches the page applied, and times it asked for the whole body instead. */
  private pieced = 0;
  private patched = 0;
  private resyncs = 0;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly services: Services,
    private readonly debounceMs = 300,
    private readonly exactBreaks?: ExactPageBreaks,
  ) {
    if (exactBreaks) {
      this.disposables.push(exactBreaks.onDidChange((uri) => {
        if (this.panel && this.source?.toString() === uri.toString()) this.schedule();
      }));
    }
    this.disposables.push(
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (this.panel && this.source && e.document.uri.toString() === this.source.toString()) this.schedule();
      }),
      vscode.window.onDidChangeActiveTextEditor((editor) => {
        if (!this.panel || !editor || !services.documents.isWriteup(editor.document)) return;
        if (editor.document.uri.scheme === 'output') return;
        if (this.source?.toString() !== editor.document.uri.toString()) {
          this.source = editor.document.uri;
          this.session.clear();
          this.panel.title = this.titleFor(editor.document);
          void this.update(true);
        }
      }),
      vscode.window.onDidChangeTextEditorVisibleRanges((e) => {
        if (!this.panel || !this.source || e.textEditor.document.uri.toString() !== this.source.toString()) return;
        const line = e.visibleRanges[0]?.start.line;
        if (line !== undefined) void this.panel.webview.postMessage({ type: 'scrollToLine', line });
      }),
    );
  }

  /** Opens (or reveals) the preview beside the editor, for `document`. */
  async show(document: vscode.TextDocument): Promise<void> {
    if (this.source?.toString() !== document.uri.toString()) this.session.clear();
    this.source = document.uri;
    if (this.panel) {
      this.panel.title = this.titleFor(document);
      this.panel.reveal(vscode.ViewColumn.Beside, true);
      await this.update(true);
      return;
    }
    const media = vscode.Uri.joinPath(this.services.context.extensionUri, 'media');
    const roots = [media, ...(vscode.workspace.workspaceFolders ?? []).map((f) => f.uri)];
    this.panel = vscode.window.createWebviewPanel(
      previewViewType,
      this.titleFor(document),
      { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
      { enableScripts: true, localResourceRoots: roots, enableFindWidget: true },
    );
    this.panel.iconPath = vscode.Uri.joinPath(media, 'preview-icon.svg');
    this.loaded = false;
    this.panel.onDidDispose(() => {
      this.panel = undefined;
      this.loaded = false;
    }, undefined, this.disposables);
    this.panel.webview.onDidReceiveMessage((m: FromWebview) => this.onMessage(m), undefined, this.disposables);
    await this.update(true);
  }

  /** The open panel, if any (for tests and commands). */
  get webviewPanel(): vscode.WebviewPanel | undefined {
    return this.panel;
  }

  private titleFor(document: vscode.TextDocument): string {
    return `Preview ${basenameOf(document.fileName)}`;
  }

  private schedule(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.update(false);
    }, this.debounceMs);
  }

  /** What the preview shows (for tests): the source, how many times the page has loaded, bodies in pieces and patches applied, resyncs. */
  get state(): { source?: string; painted: number; pieced: number; patched: number; resyncs: number } {
    const source = this.source ? { source: this.source.toString() } : {};
    return { ...source, painted: this.painted, pieced: this.pieced, patched: this.patched, resyncs: this.resyncs };
  }

  private async onMessage(message: FromWebview): Promise<void> {
    if (message.type === 'ready') {
      // A fresh page (first load, or restored after being hidden) holds no pieces: the next update sends them all.
      this.painted++;
      this.shown = undefined;
    }
    if (message.type === 'applied') {
      // A page that holds another number of items than the panel thinks would be patched wrongly: send it all again.
      const shown = this.shown;
      if (shown && message.version === shown.version && message.items !== shown.parts.items.length) message = { type: 'resync' };
      else if (message.patch) this.patched++;
      else this.pieced++;
    }
    if (message.type === 'resync') {
      this.resyncs++;
      this.shown = undefined;
      this.schedule();
    }
    if (message.type !== 'reveal' || !this.source || !Number.isInteger(message.line)) return;
    const document = await vscode.workspace.openTextDocument(this.source);
    const line = Math.max(0, Math.min(message.line, document.lineCount - 1));
    const editor = await vscode.window.showTextDocument(document, {
      viewColumn: vscode.window.visibleTextEditors.find((e) => e.document === document)?.viewColumn ?? vscode.ViewColumn.One,
      preserveFocus: false,
    });
    const position = new vscode.Position(line, 0);
    editor.selection = new vscode.Selection(position, position);
    editor.revealRange(new vscode.Range(position, position), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }

  /** Renders the source; a full page the first time (fresh nonce), then only the body by message. */
  private async update(full: boolean): Promise<void> {
    const panel = this.panel;
    const uri = this.source;
    if (!panel || !uri) return;
    const id = ++this.renderId;
    const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString()) ?? (await vscode.workspace.openTextDocument(uri));
    const { analysis, resolveCitation } = await previewInputs(this.services, document);
    if (id !== this.renderId || this.panel !== panel) return;
    // The same estimate (image sizes included) and limit as the status bar and page-limit.
    const { writeup } = analysis;
    const pageLimit = analysis.pageLimit?.pages;
    // Page ends from the last compile's SyncTeX while it is fresh.
    const exact = this.exactBreaks?.pageBreaks(document);
    const pages = analysis.pages && exact ? { ...analysis.pages, pageBreaks: exact } : analysis.pages;
    const baseDir = host.isLocal(document.uri) ? vscode.Uri.joinPath(document.uri, '..') : undefined;
    const bib = writeup.citesAll ? await this.services.bib.forDocument(document) : undefined;
    if (id !== this.renderId || this.panel !== panel) return;
    const html = this.session.render(writeup, {
      resolveCitation,
      ...(bib ? { allKeys: () => [...bib.entries()].map((e) => e.key) } : {}),
      ...(pages ? { pages } : {}),
      ...(pageLimit !== undefined ? { pageLimit } : {}),
      macros: macrosFromSetting(vscode.workspace.getConfiguration('writeup.math', document.uri).get('macros')),
      resolveImage: (p) => this.imageUri(panel.webview, baseDir, p),
    });
    const { parts } = html;
    if (!full && this.loaded) {
      const line = this.topLine(uri);
      const base = this.shown;
      const version = ++this.version;
      this.shown = parts ? { version, parts } : undefined;
      // Only the items the edit changed when the page holds the previous ones; else the whole body (in pieces if it has them).
      if (parts && base) void panel.webview.postMessage({ type: 'patch', base: base.version, version, line, ...previewPatch(base.parts, parts) });
      else void panel.webview.postMessage({ type: 'update', version, line, ...(parts ? { parts } : { body: html.body }) });
      return;
    }
    this.shown = undefined;
    const media = vscode.Uri.joinPath(this.services.context.extensionUri, 'media');
    const asUri = (...p: string[]): string => panel.webview.asWebviewUri(vscode.Uri.joinPath(media, ...p)).toString();
    panel.webview.html = renderPreviewPage({
      cspSource: panel.webview.cspSource,
      nonce: nonce(),
      styles: [asUri('katex', 'katex.min.css'), asUri('preview.css')],
      scripts: [asUri('preview.js')],
      body: html.body,
      title: basenameOf(document.fileName),
      state: { line: this.topLine(uri) ?? 0 },
    });
    this.loaded = true;
  }

  private topLine(uri: vscode.Uri): number | undefined {
    return vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === uri.toString())?.visibleRanges[0]?.start.line;
  }

  /** A figure's webview URI, only for files inside a workspace folder. */
  private imageUri(webview: vscode.Webview, baseDir: vscode.Uri | undefined, relative: string): string | undefined {
    const roots = (vscode.workspace.workspaceFolders ?? []).map((f) => host.pathOf(f.uri));
    if (roots.length === 0 || (!baseDir && !isAbsolutePath(relative))) return undefined;
    const inside = resolveInside(baseDir ? host.pathOf(baseDir) : dirname(relative), relative, roots);
    return 'path' in inside ? webview.asWebviewUri(host.uriOf(inside.path)).toString() : undefined;
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.panel?.dispose();
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}
