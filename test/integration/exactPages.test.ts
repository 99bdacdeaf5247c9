/**
 * Exact pages from a background compile (pdflatex must be installed, as in CI). The writeups are
 * written to a temporary folder outside example/; the compile itself writes only to its own
 * temporary folder, which the first test checks.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { WriteupApi } from '../../src/vscode/api';
import { activateExtension, discardTempFolder, exampleUri, openExample, screenshot, waitFor } from './helpers';

/** The preamble line that keeps pdflatex busy for minutes (2e9 loop steps; 4e6 took 0.7 s on a 2-core machine), so a test can act while a compile runs. */
const BUSY = '\\newcount\\busy \\busy=0 \\loop\\advance\\busy 1 \\ifnum\\busy<2000000000 \\repeat';

/** A one-author 9.520 report (limit 5 pages) with `paragraphs` paragraphs of text; `slow` adds the busy loop, so its compile runs until it is stopped. */
function report(paragraphs: number, slow = false): string {
  const para = 'We measure how the width of a two-layer network changes the speed of gradient descent on a fixed set of labels, and compare the rates with the kernel limit. ';
  const body = Array.from({ length: paragraphs }, (_, i) => `${i % 6 === 0 ? `\\section{Part ${i / 6 + 1}}\n` : ''}${para.repeat(5)}\n`).join('\n');
  return [
    '% writeup: course=mit-9.520-fall2024 kind=report',
    '\\documentclass{article}',
    '\\usepackage[letterpaper,top=1in,textheight=9in,left=1.5in,textwidth=5.5in]{geometry}',
    '\\usepackage{times}',
    slow ? BUSY : '',
    '\\title{Width and Speed}',
    '\\author{Ada Student}',
    '\\begin{document}',
    '\\maketitle',
    '\\begin{abstract}',
    'Short.',
    '\\end{abstract}',
    body,
    '\\section*{References}',
    'None yet.',
    '\\end{document}',
    '',
  ].join('\n');
}

/** Types a space at the end (or removes the busy loop, `unslow`) and saves: a real save event with a new version. */
async function editAndSave(document: vscode.TextDocument, unslow = false): Promise<void> {
  const editor = await vscode.window.showTextDocument(document);
  const busy = document.getText().split('\n').indexOf(BUSY);
  if (unslow) assert.ok(busy >= 0, 'the busy loop is in the document');
  await editor.edit((b) => (unslow ? b.delete(document.lineAt(busy).range) : b.insert(new vscode.Position(document.lineCount - 1, 0), ' ')));
  // The web workbench may have auto-saved it already; either way it is saved now.
  await document.save();
  await waitFor('the document saved', () => !document.isDirty);
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

suite('Exact pages (background compile)', () => {
  let temp = '';
  let api: WriteupApi;
  let exact: NonNullable<WriteupApi['exactPages']>;

  suiteSetup(async function () {
    if (!vscode.workspace.isTrusted) {
      this.skip();
      return;
    }
    temp = fs.mkdtempSync(path.join(os.tmpdir(), 'writeup-exact-it-'));
    api = await activateExtension();
    assert.ok(api.exactPages, 'the API exposes the background compile');
    exact = api.exactPages;
  });

  suiteTeardown(async () => {
    if (temp) await discardTempFolder(temp);
  });

  test('saving an over-limit .tex gives an exact page-limit error; nothing is written beside it', async function () {
    this.timeout(90_000);
    const file = path.join(temp, 'over', 'report.tex');
    fs.mkdirSync(path.dirname(file));
    fs.writeFileSync(file, report(48));
    const document = await vscode.workspace.openTextDocument(file);
    await vscode.window.showTextDocument(document);
    await editAndSave(document);
    const input = await waitFor('an exact page count', () => {
      const i = exact.input(document);
      return i?.fresh ? i : undefined;
    }, 60_000);
    assert.ok(input.contentPages > 5, `exact content pages ${input.contentPages}`);
    assert.ok(input.pdfPages >= 6);
    assert.ok(input.compileMs > 0);
    const diagnostic = await waitFor('the exact page-limit error', () =>
      vscode.languages.getDiagnostics(document.uri).find((d) => d.code !== undefined && typeof d.code === 'object' && d.code.value === 'page-limit' && /exact, from a compile/.test(d.message)),
    );
    assert.equal(diagnostic.severity, vscode.DiagnosticSeverity.Error);
    assert.match(diagnostic.message, new RegExp(`^${input.contentPages.toFixed(2)} of 5 pages \\(exact, from a compile\\)`));
    assert.deepEqual(fs.readdirSync(path.dirname(file)), ['report.tex']);
    // The budget adds up to the exact content pages.
    const budget = api.pageBudget?.(document);
    assert.ok(budget?.exact);
    const sum = (budget?.rows ?? []).filter((r) => !r.afterContent).reduce((a, r) => a + r.shownPages, 0);
    assert.ok(Math.abs(sum - input.contentPages) < 0.05, `budget ${sum} vs ${input.contentPages}`);
    // An edit makes the figure stale: page-limit falls back to the estimate and says so.
    const editor = await vscode.window.showTextDocument(document);
    await editor.edit((b) => b.insert(new vscode.Position(1, 0), '% edited\n'));
    assert.equal(exact.input(document)?.fresh, false);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  test('a LaTeX error: the first error as a diagnostic, the last good figure kept (stale)', async function () {
    this.timeout(90_000);
    const file = path.join(temp, 'broken', 'report.tex');
    fs.mkdirSync(path.dirname(file));
    fs.writeFileSync(file, report(12));
    const document = await vscode.workspace.openTextDocument(file);
    await editAndSave(document);
    const good = await waitFor('a first exact count', () => exact.input(document)?.fresh && exact.input(document), 60_000);
    const editor = await vscode.window.showTextDocument(document);
    await editor.edit((b) => b.insert(new vscode.Position(13, 0), '\\undefinedmacro\n'));
    await document.save();
    const error = await waitFor('the LaTeX error', () => vscode.languages.getDiagnostics(document.uri).find((d) => d.source === 'writeup (compile)'), 60_000);
    assert.match(error.message, /Undefined control sequence/);
    assert.equal(error.range.start.line, 13);
    const kept = exact.input(document);
    assert.equal(kept?.contentPages, good.contentPages);
    assert.equal(kept?.fresh, false);
  });

  test('saving again cancels the running compile: one compile left, the cancelled one killed', async function () {
    this.timeout(120_000);
    const file = path.join(temp, 'cancel', 'report.tex');
    fs.mkdirSync(path.dirname(file));
    fs.writeFileSync(file, report(12, true));
    const document = await vscode.workspace.openTextDocument(file);
    const before = exact.stats();
    await editAndSave(document);
    const first = await waitFor('the first compile running', () => {
      const s = exact.stats();
      return s.started > before.started && s.running.length > 0 ? s.running.slice() : undefined;
    }, 30_000);
    // The second save drops the busy loop: the first compile could not have ended by itself, the second ends quickly.
    await editAndSave(document, true);
    await waitFor('the first compile cancelled', () => exact.stats().cancelled > before.cancelled);
    await waitFor('its process gone', () => first.every((pid) => !alive(pid)), 10_000);
    let most = 0;
    await waitFor('the second compile finished', () => {
      most = Math.max(most, exact.stats().running.length);
      return exact.input(document)?.fresh;
    }, 90_000);
    assert.ok(most <= 1, `at most one compile process at a time (saw ${most})`);
    assert.equal(exact.stats().started, before.started + 2);
  });

  test('closing the document stops its compile: no process is left', async function () {
    this.timeout(90_000);
    const file = path.join(temp, 'close', 'report.tex');
    fs.mkdirSync(path.dirname(file));
    fs.writeFileSync(file, report(12, true));
    const document = await vscode.workspace.openTextDocument(file);
    const before = exact.stats();
    await editAndSave(document);
    const pids = await waitFor('a compile running', () => {
      const s = exact.stats();
      return s.started > before.started && s.running.length > 0 ? s.running.slice() : undefined;
    }, 30_000);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await waitFor('no compile running', () => exact.stats().running.length === 0, 20_000);
    await waitFor('the processes gone', () => pids.every((pid) => !alive(pid)), 10_000);
  });

  test('Count Exact Pages on example/report.md: exact figures and a budget, nothing written into example/', async function () {
    this.timeout(90_000);
    const before = fs.readdirSync(exampleUri().fsPath).sort();
    const document = await openExample('report.md');
    await vscode.window.showTextDocument(document);
    const input = await vscode.commands.executeCommand<{ contentPages: number; fresh: boolean } | undefined>('writeup.countExactPages');
    assert.ok(input?.fresh, 'fresh exact figures');
    assert.ok((input?.contentPages ?? 0) > 1);
    assert.deepEqual(fs.readdirSync(exampleUri().fsPath).sort(), before);
    const rows = api.pageBudget?.(document)?.rows ?? [];
    assert.ok(rows.some((r) => r.title === 'Method' && r.exactPages !== undefined));
    // For the picture: the Page Budget view in focus, the hover on "# Method".
    await vscode.commands.executeCommand('workbench.files.action.collapseExplorerFolders');
    {
      await vscode.commands.executeCommand('writeup.pageBudget.focus');
      const editor = await vscode.window.showTextDocument(document);
      const method = document.getText().split('\n').indexOf('# Method');
      editor.selection = new vscode.Selection(method, 3, method, 3);
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, new vscode.Position(method, 3));
      assert.ok(hovers.some((h) => h.contents.some((c) => /Method: [\d.]+ pages estimated/.test(typeof c === 'string' ? c : c.value))));
      // The view renders the rows it is given once visible: wait for them, not only for the header.
      await waitFor('the view showing the exact rows', () => api.pageBudgetShown?.().rows.some((r) => r.title === 'Method' && r.exactPages !== undefined));
      // The workbench paints the rows a moment after it is given them (seen in the harness): for the picture only.
      if (process.env.WRITEUP_SCREENSHOT === '1') await new Promise((resolve) => setTimeout(resolve, 2000));
      await vscode.commands.executeCommand('editor.action.showHover');
      await screenshot('exact-pages');
    }
  });
});
