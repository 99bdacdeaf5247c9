/**
 * Shared helpers for integration tests (test/integration/*.test.ts). They run in the real
 * extension host with the example/ workspace open. Wait on signals, never on fixed sleeps.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { WriteupApi } from '../../src/vscode/api';

/** `publisher.name` from package.json. */
export const EXTENSION_ID = 'research-writeup.research-writeup';

/** The extension under test (fails the test if VS Code did not load it). */
export function extension(): vscode.Extension<WriteupApi> {
  const ext = vscode.extensions.getExtension<WriteupApi>(EXTENSION_ID);
  assert.ok(ext, `extension ${EXTENSION_ID} is not loaded`);
  return ext;
}

/** Activates the extension (if needed) and waits until every feature is registered. */
export async function activateExtension(): Promise<WriteupApi> {
  const api = await extension().activate();
  await api.ready;
  return api;
}

/**
 * A file of this repository (fixtures, sources), found from the bundled tests' own folder
 * (out/test/integration), not from the extension's: an installed .vsix has no tests or sources.
 */
export function repoFile(...segments: string[]): string {
  return path.resolve(__dirname, '..', '..', '..', ...segments);
}

/** The URI of a file in the example/ workspace, e.g. `exampleUri('report.tex')`. */
export function exampleUri(...segments: string[]): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'no workspace folder is open (the runner opens example/)');
  return vscode.Uri.joinPath(folder.uri, ...segments);
}

/** Opens an example file in an editor and returns its document. */
export async function openExample(...segments: string[]): Promise<vscode.TextDocument> {
  const doc = await vscode.workspace.openTextDocument(exampleUri(...segments));
  await vscode.window.showTextDocument(doc);
  return doc;
}

/**
 * Polls `probe` until it returns a value that is not undefined/false, or fails after `timeoutMs`
 * with `what` in the message.
 */
export async function waitFor<T>(
  what: string,
  probe: () => T | undefined | false | PromiseLike<T | undefined | false>,
  timeoutMs = 20_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (let delay = 20; ; delay = Math.min(delay * 2, 250)) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, delay));
  }
}

let shotCounter = 0;

/**
 * Asks the runner for a screenshot of the live workbench (only when it was started with
 * SCREENSHOT=...; otherwise returns at once). `name` picks the file (`<name>.png` beside
 * $SCREENSHOT); waits until the picture is taken.
 */
export async function screenshot(name?: string): Promise<void> {
  const runDir = process.env.WRITEUP_HARNESS_RUN;
  if (process.env.WRITEUP_SCREENSHOT !== '1' || !runDir) return;
  const id = `${process.pid}-${Date.now()}-${++shotCounter}`; // each test file has its own counter
  console.log(`[harness:screenshot] ${name ?? '-'} id=${id}`);
  const done = path.join(runDir, 'shots', `${id}.done`);
  await waitFor(`screenshot ${name ?? ''}`, () => fs.existsSync(done), 30_000);
}

/**
 * Teardown for suites that work in a temporary folder: reverts the folder's unsaved documents
 * (so no save prompt blocks the next suite), closes every editor and deletes the folder.
 */
export async function discardTempFolder(folder: string): Promise<void> {
  for (const doc of vscode.workspace.textDocuments) {
    if (doc.isDirty && doc.uri.fsPath.startsWith(folder)) {
      await vscode.window.showTextDocument(doc);
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  fs.rmSync(folder, { recursive: true, force: true });
}
