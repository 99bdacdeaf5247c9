import * as vscode from 'vscode';
import { pageStatusText } from '../core/layout/status';
import type { PageEstimate } from '../core/layout/types';
import { host } from './host';
import type { Services } from './services';
import type { ExactPagesService } from './exactPages';
import { shownFor } from './exactStatus';

/** The estimate shown for a document, with the limit it is held to. */
export interface ShownEstimate extends PageEstimate {
  readonly file: string;
  /** The pages compared with the limit: content pages unless the course counts references (exact while a compile is fresh). */
  readonly counted: number;
  /** Whether the course counts the references (then `counted` is total pages). */
  readonly countsReferences: boolean;
  readonly limit?: number;
}

const DEBOUNCE_MS = 300;

/** The page-estimate status bar item, updated while typing, and `writeup.showPageEstimate`. */
export class PageStatus implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('writeup.pages', vscode.StatusBarAlignment.Right, 100);
  private readonly disposables: vscode.Disposable[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  private current: ShownEstimate | undefined;

  constructor(
    private readonly services: Services,
    private readonly exact?: ExactPagesService,
  ) {
    this.item.name = vscode.l10n.t('Writeup: Page Estimate');
    this.item.command = 'writeup.showPageEstimate';
    this.disposables.push(
      this.item,
      vscode.window.onDidChangeActiveTextEditor(() => this.update()),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.document === vscode.window.activeTextEditor?.document) this.schedule();
      }),
    );
    this.disposables.push(services.courses.onDidChange(() => this.update()));
    // A bibliography read or edited: the reference list is set from its entries.
    this.disposables.push(services.bib.onDidChange(() => this.schedule()));
    if (exact) this.disposables.push(exact.onDidChange(() => this.update()));
    // Figures read in the background (web): estimate again with their sizes.
    this.disposables.push(host.onDidReadFiles(() => this.update()));
    // The writeup already open is read after activation, not during it.
    const first = setTimeout(() => this.update(), 0);
    this.disposables.push({ dispose: () => clearTimeout(first) });
  }

  private schedule(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.update(), DEBOUNCE_MS);
  }

  /** Estimates the active writeup now; undefined when the active editor holds none. */
  estimate(): ShownEstimate | undefined {
    const document = vscode.window.activeTextEditor?.document;
    if (!document || !this.services.documents.isWriteup(document)) return undefined;
    const analysis = this.services.analyze(document);
    const estimate = analysis.pages;
    const counted = analysis.countedPages;
    if (!estimate || !counted) return undefined;
    const limit = analysis.pageLimit;
    return { ...estimate, file: host.pathOf(document.uri), counted: counted.pages, countsReferences: limit?.referencesCount ?? false, ...(limit ? { limit: limit.pages } : {}) };
  }

  private update(): void {
    this.timer = undefined;
    const e = this.estimate();
    this.current = e;
    if (!e) {
      this.item.hide();
      return;
    }
    const document = vscode.window.activeTextEditor?.document;
    const exact = this.exact && document ? shownFor(this.exact, document, e) : undefined;
    const { text, level } = exact ? exact.status : pageStatusText(e.counted, e.limit);
    this.item.text = text;
    this.item.backgroundColor =
      level === 'over' ? new vscode.ThemeColor('statusBarItem.errorBackground') : level === 'near' ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    this.item.tooltip = tooltip(e, exact?.lines);
    this.item.show();
  }

  /** What the status bar item shows now (text and tooltip), undefined while it is hidden. */
  shown(): { text: string; tooltip: string } | undefined {
    if (!this.current) return undefined;
    const tip = this.item.tooltip;
    return { text: this.item.text, tooltip: typeof tip === 'string' ? tip : (tip?.value ?? '') };
  }

  /** The last estimate shown (recomputed when none yet). */
  latest(): ShownEstimate | undefined {
    return this.current ?? this.estimate();
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    for (const d of this.disposables) d.dispose();
  }
}

function tooltip(e: ShownEstimate, exactLines: readonly string[] = []): vscode.MarkdownString {
  const b = e.breakdown;
  const row = (name: string, pages: number) => `| ${name} | ${pages.toFixed(2)} |`;
  const md = new vscode.MarkdownString(
    [
      `**${e.contentPages.toFixed(1)} content pages**, ${e.totalPages.toFixed(1)} in total${e.limit !== undefined ? ` (limit ${e.limit})` : ''}`,
      '',
      '| | pages |',
      '|---|---:|',
      row('Title block', b.title),
      row('Text', b.text),
      row('Math', b.math),
      row('Figures', b.figures),
      row('Tables', b.tables),
      row('Lists', b.lists),
      row('References', b.references),
      row('Other', b.other),
      '',
      ...(e.notes && e.notes.length > 0 ? [`**${vscode.l10n.t('May be off because:')}**`, '', ...e.notes.map((n) => `- ${n.replace(/[\\`*_[\]<>]/g, (c) => `\\${c}`)}`), ''] : []),
      exactLines.length ? '' : '_Estimated (NeurIPS style); compile to confirm._',
      ...exactLines,
    ].join('\n'),
  );
  md.isTrusted = false;
  md.supportThemeIcons = false;
  return md;
}

/** Registers the page status bar item and the `writeup.showPageEstimate` command. */
export function registerPageStatus(services: Services, exact?: ExactPagesService): { disposable: vscode.Disposable; status: PageStatus } {
  const status = new PageStatus(services, exact);
  const command = vscode.commands.registerCommand('writeup.showPageEstimate', () => {
    const e = status.estimate() ?? status.latest();
    if (!e) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Open a writeup (.md or .tex) to see its page estimate.'));
      return undefined;
    }
    void vscode.window.showInformationMessage(
      vscode.l10n.t('{0}: {1} content pages, {2} in total (estimated; compile to confirm).', vscode.workspace.asRelativePath(host.uriOf(e.file)), e.contentPages.toFixed(1), e.totalPages.toFixed(1)),
    );
    return e;
  });
  return { disposable: vscode.Disposable.from(status, command), status };
}
