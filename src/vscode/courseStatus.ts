import * as vscode from 'vscode';
import { courseStatusText, deliverableRules } from '../core/courses/describe';
import type { ResolvedCourse } from '../core/courses/resolve';
import type { Services } from './services';

const DEBOUNCE_MS = 300;

const sourceWords = (): Record<ResolvedCourse['source'], string> => ({
  'front-matter': vscode.l10n.t('the front matter (`course:`)'),
  setting: vscode.l10n.t('the `writeup.course` setting'),
  'file-name': vscode.l10n.t('the file name'),
  none: vscode.l10n.t('nothing yet'),
});

/** Escapes text for a MarkdownString built by hand (tooltips are never trusted). */
function escape(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>~]/g, '\\$&');
}

/** The tooltip: the course, the deliverable's rules in the page's words, and where the course came from. */
export function courseTooltip(resolved: ResolvedCourse): vscode.MarkdownString {
  const md = new vscode.MarkdownString('', false);
  md.isTrusted = false;
  md.supportHtml = false;
  const { course, deliverable } = resolved;
  if (!course) {
    md.appendMarkdown(vscode.l10n.t('**No course selected**\n\n'));
    for (const p of resolved.problems ?? []) md.appendMarkdown(`${escape(p.message)}\n\n`);
    md.appendMarkdown(vscode.l10n.t('Click to choose the course this writeup is for.'));
    return md;
  }
  const about = [course.institution, course.term].filter(Boolean).join(', ');
  md.appendMarkdown(`**${escape(course.title)}**${about ? ` (${escape(about)})` : ''}\n\n`);
  if (deliverable) {
    md.appendMarkdown(vscode.l10n.t('**{0}**\n\n', escape(deliverable.title ?? deliverable.kind)));
    for (const rule of deliverableRules(deliverable)) {
      const quote = rule.source ? ` — “${escape(rule.source)}”` : '';
      md.appendMarkdown(`- ${escape(rule.label)}: ${escape(rule.text)}${quote}\n`);
    }
    md.appendMarkdown('\n');
  } else if (course.deliverables.length > 0) {
    const kinds = course.deliverables.map((d) => d.kind).join(', ');
    md.appendMarkdown(vscode.l10n.t('No deliverable chosen: add `kind:` to the front matter ({0}) or name the file proposal… or report….\n\n', escape(kinds)));
  }
  for (const p of resolved.problems ?? []) md.appendMarkdown(`${escape(p.message)}\n\n`);
  md.appendMarkdown(vscode.l10n.t('Course from {0}. Click to change it.', sourceWords()[resolved.source]));
  return md;
}

/** The course status bar item: course, deliverable and due date of the active writeup. */
export class CourseStatus implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('writeup.course', vscode.StatusBarAlignment.Right, 101);
  private readonly disposables: vscode.Disposable[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly services: Services) {
    this.item.name = vscode.l10n.t('Writeup: Course');
    this.item.command = 'writeup.selectCourse';
    this.disposables.push(
      this.item,
      vscode.window.onDidChangeActiveTextEditor(() => this.update()),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.document === vscode.window.activeTextEditor?.document) this.schedule();
      }),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('writeup.course')) this.update();
      }),
      services.courses.onDidChange(() => this.update()),
    );
    // The writeup already open is read after activation, not during it.
    const first = setTimeout(() => this.update(), 0);
    this.disposables.push({ dispose: () => clearTimeout(first) });
  }

  private schedule(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.update(), DEBOUNCE_MS);
  }

  /** The text shown now (for tests), or undefined when hidden. */
  get text(): string | undefined {
    return this.visible ? this.item.text : undefined;
  }

  private visible = false;

  private update(): void {
    const document = vscode.window.activeTextEditor?.document;
    if (!document || !this.services.documents.isWriteup(document)) {
      this.item.hide();
      this.visible = false;
      return;
    }
    const resolved = this.services.analyze(document).resolved;
    // A Markdown file with no course, no kind and no proposal/report name is not a writeup (e.g. a README).
    if (!resolved.course && !resolved.kind && !resolved.problems && document.languageId !== 'latex') {
      this.item.hide();
      this.visible = false;
      return;
    }
    this.item.text = resolved.course
      ? `$(mortar-board) ${courseStatusText(resolved.course, resolved.deliverable, resolved.kind)}`
      : vscode.l10n.t('$(mortar-board) Select course');
    this.item.tooltip = courseTooltip(resolved);
    this.item.show();
    this.visible = true;
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    for (const d of this.disposables) d.dispose();
  }
}

/** Registers the course status bar item. */
export function registerCourseStatus(services: Services): vscode.Disposable {
  return new CourseStatus(services);
}
