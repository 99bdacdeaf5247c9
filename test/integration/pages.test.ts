import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { pagesCommand } from '../../src/cli/commands/pages';
import type { ShownEstimate } from '../../src/vscode/pageStatus';
import { activateExtension, exampleUri, openExample, screenshot, waitFor } from './helpers';

/** The estimate the extension's command returns for the active editor. */
async function shown(): Promise<ShownEstimate | undefined> {
  return await vscode.commands.executeCommand<ShownEstimate | undefined>('writeup.showPageEstimate');
}

/** What `writeup pages --json` says about an example file. */
async function cliPages(file: string): Promise<{ contentPages: number; totalPages: number }> {
  let out = '';
  const code = await pagesCommand.run(['--json', file], { stdout: (t) => (out += t), stderr: () => undefined, cwd: exampleUri().fsPath });
  assert.equal(code, 0);
  const [row] = JSON.parse(out) as { contentPages: number; totalPages: number }[];
  assert.ok(row);
  return row;
}

suite('Page estimate', () => {
  test('writeup.showPageEstimate returns the estimate of example/report.md, the same as the CLI', async () => {
    await openExample('report.md');
    await activateExtension();
    const estimate = await waitFor('a page estimate for report.md', shown);
    assert.ok(estimate.contentPages > 0, `content pages ${estimate.contentPages}`);
    assert.ok(estimate.totalPages >= estimate.contentPages);
    assert.equal(estimate.style, 'neurips');
    // report.md: course mit-9.520-fall2024, one author: the individual limit of 5 pages.
    assert.equal(estimate.limit, 5);
    assert.ok(estimate.file.endsWith('report.md'));
    const cli = await cliPages('report.md');
    assert.ok(Math.abs(cli.contentPages - estimate.contentPages) < 0.02, `CLI ${cli.contentPages} vs editor ${estimate.contentPages}`);
    // The reference list is set from references.bib once the editor has read it (in the background): then the totals agree.
    let last = estimate;
    await waitFor('the editor total with the bibliography read, as the CLI gives it', async () => {
      last = (await shown()) ?? last;
      return Math.abs(cli.totalPages - last.totalPages) < 0.02;
    }).catch(() => assert.fail(`CLI ${cli.totalPages} vs editor ${last.totalPages}`));
    assert.ok(!(last.notes ?? []).some((n) => /guess/.test(n)), JSON.stringify(last.notes));
    await screenshot('pages-status');
  });

  test('the estimate follows edits of the buffer', async () => {
    // An untitled copy of report.md: edits never reach example/ on disk.
    const original = await openExample('report.md');
    await activateExtension();
    const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: original.getText() });
    const editor = await vscode.window.showTextDocument(doc);
    try {
      const before = await waitFor('an estimate of the copy', async () => {
        const e = await shown();
        return e && vscode.window.activeTextEditor?.document === doc ? e : undefined;
      });
      const paragraph = `\n\n${'More words about the kernel regime and its limits. '.repeat(200)}\n`;
      await editor.edit((b) => b.insert(new vscode.Position(doc.lineCount, 0), paragraph));
      const after = await waitFor('a longer estimate', async () => {
        const e = await shown();
        return e && e.totalPages > before.totalPages + 0.5 ? e : undefined;
      });
      assert.ok(after.totalPages > before.totalPages);
    } finally {
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
    assert.equal(original.isDirty, false, 'example/report.md is left unchanged');
  });

  test('the status tooltip says why the estimate may be off: a figure it cannot read', async () => {
    const api = await activateExtension();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'writeup-notes-'));
    try {
      const file = path.join(dir, 'report.tex');
      fs.writeFileSync(
        file,
        [
          '\\documentclass{article}',
          '\\usepackage[final]{neurips_2024}',
          '\\usepackage{graphicx}',
          '\\title{Kernels and width}',
          '\\author{Ada Student}',
          '\\begin{document}',
          '\\maketitle',
          '\\section{Introduction}',
          'Wide networks behave like kernel machines early in training. '.repeat(20),
          '\\begin{figure}[t]',
          '\\centering',
          '\\includegraphics[width=0.6\\linewidth]{plots/loss-curve.png}',
          '\\caption{Training loss against width.}',
          '\\end{figure}',
          '\\end{document}',
          '',
        ].join('\n'),
      );
      const doc = await vscode.workspace.openTextDocument(file);
      await vscode.window.showTextDocument(doc);
      const estimate = await waitFor('an estimate of the report', async () => {
        const e = await shown();
        return e && e.file.endsWith('report.tex') && e.file.includes('writeup-notes-') ? e : undefined;
      });
      assert.ok(
        estimate.notes?.some((n) => n.includes('plots/loss-curve.png')),
        `notes name the missing image (got: ${JSON.stringify(estimate.notes)})`,
      );
      const status = await waitFor('the status bar item', () => {
        const s = api.pageStatusShown?.();
        return s && s.tooltip.includes('loss-curve') ? s : undefined;
      });
      assert.match(status.text, /pages/);
      assert.match(status.tooltip, /May be off because:/);
      // The path is shown as written, its Markdown characters escaped.
      assert.match(status.tooltip, /image not found or not readable: plots\/loss-curve\.png/);
      await screenshot('pages-tooltip-notes');
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
