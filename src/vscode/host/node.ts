import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { FileHost } from '../../core/host';
import { killAllCompiles, nodeExactHost, runningCompiles } from '../../node/exactHost';
import { diskImageSize } from '../../node/imageSize';
import { readRegularText, readRegularTextAsync } from '../../node/regularFile';
import { registerExportPdf } from '../commands/exportPdf';
import { MathRenderService } from '../mathRenderer';
import { isUriString, openDocumentAt } from './common';
import type { Host } from './types';

const isLocal = (uri: vscode.Uri): boolean => uri.scheme === 'file';
const pathOf = (uri: vscode.Uri): string => uri.fsPath;
const openAt = (p: string) => openDocumentAt(p, pathOf, isLocal);

/** Files as the user sees them: an open editor's unsaved text first, then the disk. */
const files: FileHost = {
  readFile(p) {
    const open = openAt(p);
    if (open) return open.getText();
    // Only regular files: a link to /dev/zero or a named pipe in a workspace would hold the extension host.
    return readRegularText(p);
  },
  exists(p) {
    return openAt(p) !== undefined || fs.existsSync(p);
  },
};

/** The desktop: Node's file system, worker threads and processes. */
export const host: Host = {
  kind: 'node',
  // citation-js is `require`d from dist/cslEngine.js by the bundle itself.
  start: () => undefined,
  isLocal,
  pathOf,
  uriOf: (p) => (isUriString(p) ? vscode.Uri.parse(p) : vscode.Uri.file(p)),
  files,
  compiler: { host: nodeExactHost, running: runningCompiles, killAll: killAllCompiles },
  onDidReadFiles: () => ({ dispose() {} }),
  async readText(p) {
    const open = openAt(p);
    if (open) return open.getText();
    return readRegularTextAsync(p);
  },
  async stamp(p) {
    try {
      const stat = await fs.promises.stat(p);
      return `m${stat.mtimeMs}:${stat.size}`;
    } catch {
      return undefined;
    }
  },
  exists: (p) => files.exists(p),
  imageSizes: (writeupPath, roots) => diskImageSize(writeupPath, roots),
  mathRenderer: (context) =>
    new MathRenderService(
      path.join(context.extensionPath, 'dist', 'mathWorker.js'),
      path.join(context.globalStorageUri.fsPath, `mathWorker-${context.extension.packageJSON.version as string}.cache`),
    ),
  registerExportPdf,
};
