import * as vscode from 'vscode';
import { courseDetail } from '../../core/courses/describe';
import type { CoursePack } from '../../core/courses/types';
import type { Services } from '../services';

/** The value to pass to clear the setting (front matter and file names then decide). */
export const noCourse = '';

type CourseItem = vscode.QuickPickItem & { readonly id: string };

/** Where `writeup.course` is written: the workspace when a folder is open, the user settings otherwise. */
function target(): vscode.ConfigurationTarget {
  return vscode.workspace.workspaceFolders?.length ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
}

/** The quick pick items: every pack with institution, term and deliverables, then "none". */
export function courseItems(packs: readonly CoursePack[], current: string | undefined): CourseItem[] {
  const items: CourseItem[] = packs.map((pack) => ({
    id: pack.id,
    label: `$(mortar-board) ${pack.title}`,
    description: pack.id === current ? `${pack.id} (current)` : pack.id,
    detail: courseDetail(pack),
    picked: pack.id === current,
  }));
  items.push({ id: noCourse, label: vscode.l10n.t('$(circle-slash) No course setting'), description: vscode.l10n.t('use each file\'s front matter (course:) or its name'), detail: '' });
  return items;
}

/**
 * `writeup.selectCourse`: picks a course and writes it to `writeup.course`. An id argument skips
 * the picker (for tests and automation; `''` clears the setting). Returns the id written, or
 * undefined when cancelled or unknown.
 */
export function registerSelectCourse(services: Services): vscode.Disposable {
  return vscode.commands.registerCommand('writeup.selectCourse', async (id?: unknown): Promise<string | undefined> => {
    const packs = await services.courses.ready();
    const config = vscode.workspace.getConfiguration('writeup');
    let chosen: string | undefined;
    if (typeof id === 'string') {
      if (id !== noCourse && !packs.some((p) => p.id === id)) {
        void vscode.window.showErrorMessage(vscode.l10n.t('Writeup: unknown course \'{0}\' (known: {1}).', id, packs.map((p) => p.id).join(', ')));
        return undefined;
      }
      chosen = id;
    } else {
      const current = config.get<string>('course') || undefined;
      const items = courseItems(packs, current);
      const active = items.find((i) => i.id === current);
      const picked = await new Promise<CourseItem | undefined>((resolve) => {
        const pick = vscode.window.createQuickPick<CourseItem>();
        pick.title = 'Writeup: Select Course';
        pick.placeholder = 'Which course are you writing for?';
        pick.matchOnDescription = true;
        pick.matchOnDetail = true;
        pick.items = items;
        if (active) pick.activeItems = [active];
        pick.onDidAccept(() => {
          resolve(pick.selectedItems[0]);
          pick.hide();
        });
        pick.onDidHide(() => {
          resolve(undefined);
          pick.dispose();
        });
        pick.show();
      });
      if (!picked) return undefined;
      chosen = picked.id;
    }
    await config.update('course', chosen === noCourse ? undefined : chosen, target());
    services.output.appendLine(`[courses] writeup.course set to '${chosen}'`);
    return chosen;
  });
}
