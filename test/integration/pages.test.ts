import * as assert from 'node:assert/strict';
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
    assert.ok(Math.abs(cli.totalPages - estimate.totalPages) < 0.02, `CLI ${cli.totalPages} vs editor ${estimate.totalPages}`);
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
});
