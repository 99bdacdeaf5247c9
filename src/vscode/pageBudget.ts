import * as vscode from 'vscode';
import { sectionBudget, type BudgetSection } from '../core/layout/exact';
import type { ExactPagesService } from './exactPages';
import type { Services } from './services';

/** A part of the budget as the view shows it, with its change since the last save. */
export interface BudgetRow extends BudgetSection {
  /** Pages counted for this part: exact while the compile is fresh, else estimated. */
  readonly shownPages: number;
  /** Change of the estimated pages since the previous save, when at least 0.05 page. */
  readonly delta?: number;
}

/** A writeup's budget, and the document it belongs to. */
export interface DocumentBudget {
  readonly uri: vscode.Uri;
  readonly rows: readonly BudgetRow[];
  readonly exact: boolean;
}

const MIN_DELTA = 0.05;
/** Typing moves the cursor too: the view follows it once it rests this long, not at every keystroke. */
const FOLLOW_DELAY_MS = 250;

/**
 * The page budget of the active writeup: a tree view in the Explorer ("Page Budget") with the
 * title block, abstract, each top-level section and the appendix, their pages (exact from the
 * last compile while it is fresh) and how much each grew or shrank at the last save.
 */
export class PageBudget implements vscode.TreeDataProvider<BudgetRow>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [];
  /** Pages per part at the previous save, per document. */
  private readonly saved = new Map<string, Map<string, number>>();
  /** Changes measured at the last save, per document. */
  private readonly deltas = new Map<string, Map<string, number>>();
  private view: vscode.TreeView<BudgetRow> | undefined;
  /** The rows last handed to the view while it was visible (what the workbench renders). */
  private served: readonly BudgetRow[] = [];
  private followTimer: ReturnType<typeof setTimeout> | undefined;
  /** The writeup the view shows: the active editor's, kept while the focus is in a view or panel. */
  private shown: vscode.TextDocument | undefined = vscode.window.activeTextEditor?.document;

  constructor(
    private readonly services: Services,
    private readonly exact?: ExactPagesService,
  ) {
    this.disposables.push(
      this.changed,
      vscode.window.onDidChangeActiveTextEditor((editor) => {
        if (editor) this.shown = editor.document;
        this.refresh();
      }),
      vscode.workspace.onDidSaveTextDocument((d) => this.onSaved(d)),
      vscode.window.onDidChangeTextEditorSelection((e) => this.follow(e.textEditor)),
      vscode.workspace.onDidCloseTextDocument((d) => {
        this.saved.delete(d.uri.toString());
        this.deltas.delete(d.uri.toString());
      }),
    );
    if (exact) this.disposables.push(exact.onDidChange(() => this.onCompiled()));
  }

  attach(view: vscode.TreeView<BudgetRow>): void {
    this.view = view;
    // The writeup already open is read after activation, not during it.
    const first = setTimeout(() => this.refresh(), 0);
    this.disposables.push({ dispose: () => clearTimeout(first) });
  }

  /** The budget of `document` (rows with exact pages when a compile is fresh), or undefined for a non-writeup. */
  budget(document: vscode.TextDocument): DocumentBudget | undefined {
    if (!this.services.documents.isWriteup(document)) return undefined;
    const analysis = this.services.analyze(document);
    const writeup = analysis.writeup;
    const estimate = analysis.pages;
    if (!estimate) return undefined;
    const state = this.exact?.state(document);
    const fresh = this.exact?.input(document)?.fresh === true;
    const sections = sectionBudget(writeup, estimate, state?.snapshot && fresh ? state.snapshot.measure : undefined);
    const deltas = this.deltas.get(document.uri.toString());
    const rows = sections.map((s) => {
      const shownPages = s.exactPages ?? s.pages;
      const delta = deltas?.get(keyOf(s));
      return { ...s, shownPages, ...(delta !== undefined ? { delta } : {}) };
    });
    return { uri: document.uri, rows, exact: fresh };
  }

  private onSaved(document: vscode.TextDocument): void {
    this.remember(document);
    this.refresh();
  }

  private onCompiled(): void {
    // A compile changes the exact column of the rows shown.
    this.refresh();
  }

  /** Records the estimated pages of each part and what changed since the previous save (estimate against estimate). */
  private remember(document: vscode.TextDocument): void {
    const b = this.budget(document);
    if (!b) return;
    const key = document.uri.toString();
    const now = new Map(b.rows.map((r) => [keyOf(r), r.pages]));
    const before = this.saved.get(key);
    if (before) {
      const d = new Map<string, number>();
      for (const [k, v] of now) {
        const old = before.get(k);
        const change = old === undefined ? v : v - old;
        if (Math.abs(change) >= MIN_DELTA) d.set(k, change);
      }
      this.deltas.set(key, d);
    }
    this.saved.set(key, now);
  }

  refresh(): void {
    const document = this.current();
    const b = document ? this.budget(document) : undefined;
    // The first look at a document is the baseline the next save compares with.
    if (document && b && !this.saved.has(document.uri.toString())) this.saved.set(document.uri.toString(), new Map(b.rows.map((r) => [keyOf(r), r.pages])));
    if (this.view) {
      // An empty message still takes the place of the rows: set one only when there are none.
      if (!b) this.view.message = vscode.l10n.t('Open a writeup (.md or .tex) to see where its pages go.');
      else if (this.view.message) (this.view as { message: string | undefined }).message = undefined;
      const content = b?.rows.filter((r) => !r.afterContent).reduce((a, r) => a + r.shownPages, 0);
      this.view.description = b && content !== undefined ? vscode.l10n.t('{0} content pages, {1}', content.toFixed(2), b.exact ? vscode.l10n.t('exact') : vscode.l10n.t('estimated')) : '';
    }
    this.changed.fire();
  }

  private current(): vscode.TextDocument | undefined {
    const active = vscode.window.activeTextEditor?.document;
    if (active) this.shown = active;
    return this.shown && !this.shown.isClosed ? this.shown : undefined;
  }

  /** Selects the part the cursor is in, when the view is open. */
  private follow(editor: vscode.TextEditor): void {
    if (!this.view?.visible || editor.document !== this.current()) return;
    // Each keystroke would read and estimate a long writeup again: a newer cursor move supersedes this one.
    if (this.followTimer) clearTimeout(this.followTimer);
    this.followTimer = setTimeout(() => {
      this.followTimer = undefined;
      if (this.view?.visible && editor.document === this.current()) this.select(editor);
    }, FOLLOW_DELAY_MS);
  }

  private select(editor: vscode.TextEditor): void {
    if (!this.view) return;
    const line = editor.selection.active.line;
    const rows = this.getChildren();
    const row = rows.filter((r) => r.line <= line).pop();
    if (row) void this.view.reveal(row, { select: true, focus: false });
  }

  /** The rows the visible view was last given, and their items as the workbench shows them. */
  visibleRows(): { rows: readonly BudgetRow[]; items: vscode.TreeItem[] } {
    return { rows: this.served, items: this.served.map((r) => this.getTreeItem(r)) };
  }

  getParent(): undefined {
    return undefined;
  }

  getChildren(element?: BudgetRow): BudgetRow[] {
    if (element) return [];
    const document = this.current();
    const rows = (document && this.budget(document)?.rows.slice()) || [];
    if (this.view?.visible) this.served = rows;
    return rows;
  }

  getTreeItem(row: BudgetRow): vscode.TreeItem {
    const item = new vscode.TreeItem(row.title, vscode.TreeItemCollapsibleState.None);
    item.description = budgetDescription(row);
    item.tooltip = budgetTooltip(row);
    item.iconPath = new vscode.ThemeIcon(row.kind === 'section' ? 'symbol-class' : row.kind === 'appendix' ? 'symbol-namespace' : 'symbol-file');
    const document = this.current();
    if (document) {
      item.command = { title: vscode.l10n.t('Go to section'), command: 'vscode.open', arguments: [document.uri, { selection: new vscode.Range(row.line, 0, row.line, 0) }] };
    }
    item.contextValue = 'writeup.budgetSection';
    item.id = keyOf(row);
    return item;
  }

  dispose(): void {
    if (this.followTimer) clearTimeout(this.followTimer);
    for (const d of this.disposables) d.dispose();
  }
}

function keyOf(s: BudgetSection): string {
  return `${s.kind}:${s.title}`;
}

const signed = (x: number): string => `${x >= 0 ? '+' : '−'}${Math.abs(x).toFixed(1)}`;

/** "0.85 pages · exact · +0.4" */
export function budgetDescription(row: BudgetRow): string {
  const parts = [vscode.l10n.t('{0} p', row.shownPages.toFixed(2))];
  if (row.exactPages !== undefined) parts.push(vscode.l10n.t('exact'));
  if (row.afterContent) parts.push(vscode.l10n.t('after the content'));
  if (row.delta !== undefined) parts.push(signed(row.delta));
  return parts.join(' · ');
}

/** The budget line of one part, for tooltips and the heading hover. */
export function budgetTooltip(row: BudgetRow): string {
  const lines = [vscode.l10n.t('{0}: {1} pages estimated', row.title, row.pages.toFixed(2))];
  if (row.exactPages !== undefined) lines.push(vscode.l10n.t('{0} pages from the last compile', row.exactPages.toFixed(2)));
  if (row.delta !== undefined) lines.push(vscode.l10n.t('{0} pages since the previous save', signed(row.delta)));
  if (row.afterContent) lines.push(vscode.l10n.t('Not counted in the content pages.'));
  return lines.join('\n');
}

/** Registers the Page Budget view and the section hover on headings. */
export function registerPageBudget(services: Services, exact?: ExactPagesService): { budget: PageBudget; disposable: vscode.Disposable } {
  const budget = new PageBudget(services, exact);
  const view = vscode.window.createTreeView('writeup.pageBudget', { treeDataProvider: budget, showCollapseAll: false });
  budget.attach(view);
  const hover = vscode.languages.registerHoverProvider([{ language: 'markdown' }, { language: 'latex' }], {
    provideHover(document, position) {
      const b = budget.budget(document);
      const row = b?.rows.find((r) => r.kind !== 'title' && r.kind !== 'abstract' && r.line === position.line);
      if (!row) return undefined;
      const md = new vscode.MarkdownString(budgetTooltip(row).split('\n').join('  \n'));
      md.isTrusted = false;
      return new vscode.Hover(md, document.lineAt(position.line).range);
    },
  });
  return { budget, disposable: vscode.Disposable.from(budget, view, hover) };
}
