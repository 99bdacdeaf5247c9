import * as vscode from 'vscode';
import { formatProblem, loadBundledPacks, loadUserPacks, type PackProblem, type PackSource } from '../core/courses/loader';
import type { WriteupService } from '../core/analysis/index';
import type { ResolvedCourse } from '../core/courses/resolve';
import type { CoursePack } from '../core/courses/types';
import type { WriteupDocuments } from './documents';
import { host } from './host';

/** Where workspace course packs live, relative to each workspace folder. */
export const workspacePackGlob = '.writeup/courses/*.json';

/**
 * The course packs the editor knows: the bundled ones, plus (in trusted workspaces) the user packs
 * in `.writeup/courses/*.json` and in the `writeup.coursePacks` setting. User packs load in the
 * background on first use and reload when they change; `onDidChange` fires after each load.
 */
export class CourseService implements vscode.Disposable {
  private merged: readonly CoursePack[] | undefined;
  private loading: Promise<void> | undefined;
  private generation = 0;
  private readonly shownProblems = new Set<string>();
  private readonly emitter = new vscode.EventEmitter<void>();
  private readonly disposables: vscode.Disposable[] = [];
  private watchers: vscode.Disposable[] = [];
  private reloadTimer: ReturnType<typeof setTimeout> | undefined;

  /** Fires when the set of packs changed (user packs loaded, edited, added or removed). */
  readonly onDidChange = this.emitter.event;

  constructor(
    private readonly documents: WriteupDocuments,
    private readonly output: vscode.OutputChannel,
    private readonly analysis: WriteupService,
  ) {
    this.disposables.push(
      this.emitter,
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('writeup.coursePacks')) this.scheduleReload();
      }),
      vscode.workspace.onDidGrantWorkspaceTrust(() => this.scheduleReload()),
      vscode.workspace.onDidChangeWorkspaceFolders(() => this.scheduleReload()),
    );
  }

  /** Every pack: bundled ones at once, user packs once loaded (see `ready`). */
  all(): readonly CoursePack[] {
    if (!this.loading) this.loading = this.load();
    return this.merged ?? loadBundledPacks();
  }

  /** Resolves when the user packs have been read (the first time, or after a reload). */
  async ready(): Promise<readonly CoursePack[]> {
    this.all();
    await this.loading;
    return this.all();
  }

  /** The course and deliverable of a writeup document (front matter, then setting, then file name), as the analysis resolves them. */
  forDocument(document: vscode.TextDocument): ResolvedCourse {
    return this.analysis.analyzeWriteup(this.documents.get(document)).resolved;
  }

  /** Reads the user packs again now. */
  reload(): Promise<void> {
    this.loading = this.load();
    return this.loading;
  }

  private scheduleReload(): void {
    if (this.reloadTimer) clearTimeout(this.reloadTimer);
    // Saving several packs at once (or a git checkout) gives one reload.
    this.reloadTimer = setTimeout(() => {
      this.reloadTimer = undefined;
      void this.reload();
    }, 150);
  }

  /** The files and folders user packs come from; none in untrusted workspaces. */
  private sources(): { patterns: vscode.RelativePattern[]; files: vscode.Uri[] } {
    const patterns: vscode.RelativePattern[] = [];
    const files: vscode.Uri[] = [];
    if (!vscode.workspace.isTrusted) return { patterns, files };
    const folders = vscode.workspace.workspaceFolders ?? [];
    for (const folder of folders) patterns.push(new vscode.RelativePattern(folder, workspacePackGlob));
    const base = folders[0]?.uri;
    const configured = vscode.workspace.getConfiguration('writeup').get<unknown>('coursePacks');
    for (const entry of Array.isArray(configured) ? configured : []) {
      if (typeof entry !== 'string' || entry.trim() === '') continue;
      const uri = /^([a-z]:)?[\\/]/i.test(entry) || !base ? host.uriOf(entry) : vscode.Uri.joinPath(base, entry);
      if (entry.toLowerCase().endsWith('.json')) {
        files.push(uri);
        patterns.push(new vscode.RelativePattern(vscode.Uri.joinPath(uri, '..'), uri.path.split('/').pop() ?? '*.json'));
      } else {
        patterns.push(new vscode.RelativePattern(uri, '*.json'));
      }
    }
    return { patterns, files };
  }

  private async load(): Promise<void> {
    const generation = ++this.generation;
    const { patterns, files } = this.sources();
    this.watch(patterns);
    const found = new Map<string, vscode.Uri>();
    for (const file of files) found.set(file.toString(), file);
    for (const pattern of patterns) {
      try {
        for (const uri of await vscode.workspace.findFiles(pattern)) found.set(uri.toString(), uri);
      } catch {
        // A folder that does not exist has no packs.
      }
    }
    const sources: PackSource[] = [];
    const sorted = [...found.values()].sort((a, b) => a.toString().localeCompare(b.toString()));
    for (const uri of sorted) {
      const file = vscode.workspace.asRelativePath(uri, false);
      try {
        sources.push({ file, text: new TextDecoder().decode(await vscode.workspace.fs.readFile(uri)) });
      } catch (error) {
        sources.push({ file, readError: (error as Error).message });
      }
    }
    if (generation !== this.generation) return;
    const { packs, notices, problems } = loadUserPacks(sources);
    this.merged = packs;
    this.report(problems, notices);
    this.emitter.fire();
  }

  /** Logs problems and notices; a warning message for problems not shown before. */
  private report(problems: readonly PackProblem[], notices: readonly string[]): void {
    for (const notice of notices) this.output.appendLine(`[courses] ${notice}`);
    const lines = problems.map(formatProblem);
    for (const line of lines) this.output.appendLine(`[courses] ${line}`);
    const fresh = lines.filter((l) => !this.shownProblems.has(l));
    fresh.forEach((l) => this.shownProblems.add(l));
    if (fresh.length === 0) return;
    const broken = new Set(problems.filter((p) => p.severity === 'error').map((p) => p.file));
    const first = fresh[0] ?? '';
    const summary =
      broken.size > 1
        ? vscode.l10n.t('Course packs not loaded ({0}): {1}', [...broken].join(', '), first)
        : broken.size === 1
          ? vscode.l10n.t('Course pack not loaded ({0}): {1}', [...broken].join(', '), first)
          : vscode.l10n.t('Course pack problem: {0}', first);
    const more = fresh.length > 1 ? vscode.l10n.t(' (and {0} more)', fresh.length - 1) : '';
    void vscode.window.showWarningMessage(`${summary}${more}`, vscode.l10n.t('Show Output')).then((choice) => {
      if (choice) this.output.show(true);
    });
  }

  private watch(patterns: readonly vscode.RelativePattern[]): void {
    for (const w of this.watchers) w.dispose();
    this.watchers = patterns.map((pattern) => {
      const watcher = vscode.workspace.createFileSystemWatcher(pattern);
      const again = () => this.scheduleReload();
      watcher.onDidCreate(again);
      watcher.onDidChange(again);
      watcher.onDidDelete(again);
      return watcher;
    });
  }

  dispose(): void {
    if (this.reloadTimer) clearTimeout(this.reloadTimer);
    for (const w of this.watchers) w.dispose();
    for (const d of this.disposables) d.dispose();
  }
}
