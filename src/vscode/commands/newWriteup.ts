import * as vscode from 'vscode';
import type { CoursePack, Deliverable, ProjectType } from '../../core/courses/types';
import {
  buildTemplate,
  defaultFileName,
  freeFileName,
  starterBibliography,
  type TemplateFormat,
} from '../../core/templates/index';
import { host } from '../host';
import type { Services } from '../services';

/**
 * What `writeup.newProposal` / `writeup.newReport` accept so tests and automation can skip the
 * pickers. Anything missing is asked for.
 */
export interface NewWriteupArgs {
  /** Course pack id, e.g. `mit-18.408`. */
  readonly course?: string;
  /** Deliverable kind; the command's own kind by default. */
  readonly kind?: string;
  readonly format?: 'markdown' | 'latex' | 'md' | 'tex';
  /** Author names, or one comma-separated string. */
  readonly authors?: readonly string[] | string;
  readonly projectType?: string;
  readonly title?: string;
  /** Folder (path or URI string) to create the file in; the first workspace folder by default. */
  readonly folder?: string;
}

/** Registers `writeup.newProposal` and `writeup.newReport`. */
export function registerNewWriteupCommands(services: Services): vscode.Disposable {
  // The course service's packs: the bundled ones and the workspace's own.
  const packs = (): readonly CoursePack[] => services.courses.all();
  return vscode.Disposable.from(
    vscode.commands.registerCommand('writeup.newProposal', (args?: NewWriteupArgs) => newWriteup('proposal', packs(), args)),
    vscode.commands.registerCommand('writeup.newReport', (args?: NewWriteupArgs) => newWriteup('report', packs(), args)),
  );
}

/** Creates the writeup and returns its URI, or undefined when the user cancelled or nothing could be made. */
async function newWriteup(defaultKind: string, packs: readonly CoursePack[], args: NewWriteupArgs = {}): Promise<vscode.Uri | undefined> {
  if (!vscode.workspace.isTrusted) {
    void vscode.window.showWarningMessage(vscode.l10n.t('Writeup: creating files waits until you trust this workspace.'));
    return undefined;
  }
  const kind = args.kind ?? defaultKind;
  const course = await pickCourse(kind, packs, args.course);
  if (!course) return undefined;
  const deliverable = course.deliverables.find((d) => d.kind === kind);
  if (!deliverable) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Writeup: {0} has no {1} (it has: {2}).', course.title, kind, course.deliverables.map((d) => d.kind).join(', ') || vscode.l10n.t('nothing')));
    return undefined;
  }
  const projectType = args.projectType ?? (await pickProjectType(deliverable, args.course !== undefined));
  if (projectType === null) return undefined;
  const authors = args.authors ?? (await askAuthors(deliverable));
  if (authors === undefined) return undefined;
  const format = normalizeFormat(args.format) ?? (await pickFormat());
  if (!format) return undefined;
  const folder = await targetFolder(args.folder);
  if (!folder) return undefined;

  const result = buildTemplate({
    course,
    kind,
    format,
    authors: typeof authors === 'string' ? authors.split(',') : authors,
    ...(projectType !== undefined ? { projectType } : {}),
    ...(args.title !== undefined ? { title: args.title } : {}),
  });
  if (!result.ok) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Writeup: {0}.', result.problem.message));
    return undefined;
  }
  const uri = await freeUri(folder, defaultFileName(kind, format));
  const bib = vscode.Uri.joinPath(folder, 'references.bib');
  const createBib = !(await exists(bib));

  const edit = new vscode.WorkspaceEdit();
  edit.createFile(uri, { overwrite: false, ignoreIfExists: false });
  edit.insert(uri, new vscode.Position(0, 0), result.template.text);
  if (createBib) {
    edit.createFile(bib, { overwrite: false, ignoreIfExists: true });
    edit.insert(bib, new vscode.Position(0, 0), starterBibliography(format));
  }
  if (!(await vscode.workspace.applyEdit(edit))) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Writeup: could not create {0}.', vscode.workspace.asRelativePath(uri)));
    return undefined;
  }
  // The edit fills the new buffers; save them so the files are complete on disk, as the CLI's are.
  if (createBib) await (await vscode.workspace.openTextDocument(bib)).save();
  const document = await vscode.workspace.openTextDocument(uri);
  await document.save();
  const { start, end } = result.template.titleRange;
  const selection = new vscode.Selection(start.line, start.character, end.line, end.character);
  await vscode.window.showTextDocument(document, { selection, preview: false });
  return uri;
}

async function pickCourse(kind: string, packs: readonly CoursePack[], id: string | undefined): Promise<CoursePack | undefined> {
  if (id !== undefined) {
    const course = packs.find((p) => p.id === id);
    if (!course) void vscode.window.showErrorMessage(vscode.l10n.t('Writeup: unknown course \'{0}\' (known: {1}).', id, packs.map((p) => p.id).join(', ')));
    return course;
  }
  const offering = packs.filter((p) => p.deliverables.some((d) => d.kind === kind));
  if (offering.length === 0) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Writeup: no course pack has a {0}.', kind));
    return undefined;
  }
  const items = offering.map((course) => {
    const deliverable = course.deliverables.find((d) => d.kind === kind);
    return {
      label: course.title,
      description: course.id,
      detail: [course.institution, course.term, describeDeliverable(deliverable)].filter(Boolean).join(' · '),
      course,
    };
  });
  const picked = await vscode.window.showQuickPick(items, { title: vscode.l10n.t('New {0}: course', kind), placeHolder: vscode.l10n.t('Which course is this for?'), matchOnDescription: true, matchOnDetail: true });
  return picked?.course;
}

/** The project type id, undefined when the deliverable has none to choose, null when cancelled. */
async function pickProjectType(deliverable: Deliverable, automated: boolean): Promise<string | undefined | null> {
  const types = deliverable.projectTypes ?? [];
  if (types.length <= 1 || automated) return types[0]?.id;
  const items = types.map((t: ProjectType) => ({ label: t.title, description: t.id, detail: t.description ?? '', id: t.id }));
  const picked = await vscode.window.showQuickPick(items, { title: vscode.l10n.t('Project type'), placeHolder: vscode.l10n.t('Which kind of project?') });
  return picked ? picked.id : null;
}

async function askAuthors(deliverable: Deliverable): Promise<string | undefined> {
  const group = deliverable.groupSize;
  const size = group?.max !== undefined ? ` (${group.min ?? 1}-${group.max} authors)` : '';
  return vscode.window.showInputBox({
    title: vscode.l10n.t('Authors{0}', size),
    prompt: vscode.l10n.t('Author names, comma-separated (leave empty to fill in later)'),
    placeHolder: vscode.l10n.t('Ada Lovelace, Alan Turing'),
  });
}

async function pickFormat(): Promise<TemplateFormat | undefined> {
  const items: (vscode.QuickPickItem & { format: TemplateFormat })[] = [
    { label: vscode.l10n.t('Markdown'), description: vscode.l10n.t('pandoc: YAML front matter, [@key] citations'), format: 'markdown' },
    { label: vscode.l10n.t('LaTeX'), description: vscode.l10n.t('NeurIPS-style .tex with BibTeX'), format: 'latex' },
  ];
  return (await vscode.window.showQuickPick(items, { title: vscode.l10n.t('Format'), placeHolder: vscode.l10n.t('Write in Markdown or LaTeX?') }))?.format;
}

function normalizeFormat(format: NewWriteupArgs['format']): TemplateFormat | undefined {
  if (format === 'md' || format === 'markdown') return 'markdown';
  if (format === 'tex' || format === 'latex') return 'latex';
  return undefined;
}

async function targetFolder(folder: string | undefined): Promise<vscode.Uri | undefined> {
  if (folder !== undefined) return host.uriOf(folder);
  const first = vscode.workspace.workspaceFolders?.[0];
  if (first) return first.uri;
  const picked = await vscode.window.showOpenDialog({ canSelectFiles: false, canSelectFolders: true, openLabel: 'Create here' });
  return picked?.[0];
}

/** `name` in `folder`, or the first free `stem-2.ext`... so nothing is overwritten. */
async function freeUri(folder: vscode.Uri, name: string): Promise<vscode.Uri> {
  const taken = new Set<string>();
  try {
    for (const [entry] of await vscode.workspace.fs.readDirectory(folder)) taken.add(entry);
  } catch {
    // A folder that does not exist yet holds nothing.
  }
  const prefix = folder.toString().replace(/\/?$/, '/');
  for (const d of vscode.workspace.textDocuments) if (d.uri.toString().startsWith(prefix)) taken.add(d.uri.toString().slice(prefix.length));
  return vscode.Uri.joinPath(folder, freeFileName(name, (n) => taken.has(n)));
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString());
  }
}

function describeDeliverable(deliverable: Deliverable | undefined): string {
  if (!deliverable) return '';
  const parts = [deliverable.title ?? deliverable.kind];
  if (deliverable.due) parts.push(`due ${deliverable.due}`);
  const limit = deliverable.pageLimit;
  if (limit?.individual !== undefined) parts.push(limit.team !== undefined && limit.team !== limit.individual ? `${limit.individual}/${limit.team} pages` : `${limit.individual} page${limit.individual === 1 ? '' : 's'}`);
  return parts.join(', ');
}
