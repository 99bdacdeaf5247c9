import * as vscode from 'vscode';
import type { ExactPages, WriteupHost, WriteupService } from '../core/analysis/index';
import type { CoursePack } from '../core/courses/types';
import { lazyEngine } from '../core/lazy/index';
import type { Writeup } from '../core/model/writeup';
import { isAbsolutePath } from '../core/text/paths';
import { uriOfPath } from './bib';
import { host } from './host';

/**
 * The editor's host for the analysis pipeline: open buffers before the disk, the packs of the
 * courses service, the `writeup.course`, `writeup.lint.*` and `writeup.math.macros` settings of
 * the writeup's folder, and image sizes for writeups saved in the workspace (src/vscode/host). The bibliography is read
 * asynchronously by the bib service and passed to each analysis.
 */
export function editorHost(packs: () => readonly CoursePack[]): WriteupHost {
  return {
    files: host.files,
    packs,
    settings(file) {
      const uri = uriOfPath(file);
      const course = vscode.workspace.getConfiguration('writeup', uri).get<string>('course');
      const rules = vscode.workspace.getConfiguration('writeup.lint', uri).get<Record<string, unknown>>('rules') ?? {};
      const macros = vscode.workspace.getConfiguration('writeup.math', uri).get<unknown>('macros') ?? {};
      return { ...(course ? { course } : {}), lint: { rules, options: { 'math-syntax': { macros } } } };
    },
    // Images may sit beside the writeup's folder (`../img`): anywhere in its workspace folder is read.
    imageSize: (file) => {
      if (!isAbsolutePath(file)) return undefined;
      const folder = vscode.workspace.getWorkspaceFolder(uriOfPath(file))?.uri;
      // Desktop: read from disk; web: through workspace.fs in the background (host.onDidReadFiles).
      return host.imageSizes(file, folder ? [host.pathOf(folder)] : []);
    },
  };
}

/**
 * The analysis pipeline over the editor's host; `exactPages` gives a fresh compiled page count for
 * a writeup's file, when there is one. Its read step keeps a reader session per open writeup: a
 * keystroke re-parses only the part of the text it touched (same model as a fresh read).
 */
export function editorService(packs: () => readonly CoursePack[], exactPages?: (file: string) => ExactPages | undefined): WriteupService {
  // The engine (readers, lint, page estimate) is loaded on the first read, not at activation.
  let service: WriteupService | undefined;
  const engine = (): WriteupService => {
    if (service) return service;
    const { createWriteupService, ReaderSessions } = lazyEngine();
    return (service = createWriteupService(editorHost(packs), {
      read: new ReaderSessions().read,
      ...(exactPages ? { exactPages: (writeup: Writeup) => exactPages(writeup.file) } : {}),
    }));
  };
  return {
    read: (document) => engine().read(document),
    analyze: (document, extras) => engine().analyze(document, extras),
    analyzeWriteup: (writeup, extras) => engine().analyzeWriteup(writeup, extras),
  };
}
