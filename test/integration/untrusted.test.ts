/**
 * Restricted Mode (run with `npm run test:integration -- --untrusted --grep untrusted`: workspace
 * trust enabled and example/ not trusted). Skips itself in a trusted workspace (the normal run).
 * Nothing is spawned, workspace course packs are ignored, reading features still work.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { activateExtension, exampleUri, waitFor } from './helpers';

const probePack = {
  id: 'untrusted-probe',
  title: 'A pack from the workspace that must not load in Restricted Mode',
  deliverables: [{ kind: 'proposal' }],
  papers: [{ key: 'probe2024paper', title: 'Probe Paper', authors: ['Probe, P.'] }],
};

suite('untrusted workspace (Restricted Mode)', () => {
  let packDir = '';
  let createdWriteupDir = false;
  let temp = '';

  suiteSetup(async function () {
    if (vscode.workspace.isTrusted) {
      this.skip();
      return;
    }
    // The pack is on disk before the extension looks for packs.
    const writeupDir = exampleUri('.writeup').fsPath;
    createdWriteupDir = !fs.existsSync(writeupDir);
    packDir = path.join(writeupDir, 'courses');
    fs.mkdirSync(packDir, { recursive: true });
    fs.writeFileSync(path.join(packDir, 'untrusted-probe.json'), JSON.stringify(probePack, null, 2));
    temp = fs.mkdtempSync(path.join(os.tmpdir(), 'writeup-untrusted-'));
    await activateExtension();
  });

  suiteTeardown(async () => {
    if (!packDir) return;
    fs.rmSync(path.join(packDir, 'untrusted-probe.json'), { force: true });
    if (createdWriteupDir) fs.rmSync(exampleUri('.writeup').fsPath, { recursive: true, force: true });
    fs.rmSync(temp, { recursive: true, force: true });
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('untrusted: the workspace really is untrusted', () => {
    assert.equal(vscode.workspace.isTrusted, false);
  });

  test('untrusted: Export PDF spawns nothing and says it needs trust', async () => {
    const output = path.join(temp, 'report.pdf');
    const result = await vscode.commands.executeCommand<{ ok: boolean; message?: string; output?: string }>('writeup.exportPdf', {
      uri: exampleUri('report.md'),
      output,
      open: false,
    });
    assert.equal(result?.ok, false);
    assert.match(result?.message ?? '', /trust/i);
    assert.equal(fs.existsSync(output), false);
    assert.equal(fs.existsSync(exampleUri('report.pdf').fsPath), false);
  });

  test('untrusted: saving a writeup starts no background compile for exact pages', async () => {
    const api = await activateExtension();
    const file = path.join(temp, 'report.tex');
    fs.writeFileSync(file, '% writeup: course=mit-9.520-fall2024 kind=report\n\\documentclass{article}\n\\begin{document}\nText.\n\\end{document}\n');
    const document = await vscode.workspace.openTextDocument(file);
    const editor = await vscode.window.showTextDocument(document);
    await editor.edit((b) => b.insert(new vscode.Position(3, 0), 'More. '));
    assert.ok(await document.save());
    // Past the debounce (1.5 s by default): still nothing scheduled, started or running.
    await new Promise((r) => setTimeout(r, 2500));
    const stats = api.exactPages?.stats();
    assert.equal(stats?.started, 0);
    assert.deepEqual(stats?.running, []);
    assert.equal(api.exactPages?.state(document).busy, false);
    assert.equal(api.exactPages?.input(document), undefined);
    assert.deepEqual(fs.readdirSync(temp).filter((f) => f !== 'report.pdf'), ['report.tex']);
  });

  test('untrusted: a course pack in .writeup/courses is not loaded', async () => {
    const chosen = await vscode.commands.executeCommand<string | undefined>('writeup.selectCourse', 'untrusted-probe');
    assert.equal(chosen, undefined);
    // The pack's paper is not offered either (bundled packs are).
    const doc = await vscode.workspace.openTextDocument(exampleUri('proposal.md'));
    await vscode.window.showTextDocument(doc);
    const at = doc.positionAt(doc.getText().indexOf('[@bartlett2017spectrally]') + 2);
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, at, '@');
    const labels = list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
    assert.ok(!labels.includes('probe2024paper'), 'the workspace pack paper was offered');
  });

  test('untrusted: hover and completion on citations still work', async () => {
    const doc = await vscode.workspace.openTextDocument(exampleUri('proposal.md'));
    await vscode.window.showTextDocument(doc);
    const offset = doc.getText().indexOf('[@bartlett2017spectrally]');
    assert.ok(offset >= 0);
    const inKey = doc.positionAt(offset + 6);
    const hover = await waitFor('a citation hover', async () => {
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, inKey);
      const text = hovers.flatMap((h) => h.contents).map((c) => (typeof c === 'string' ? c : c.value)).join('\n');
      return /Bartlett/.test(text) ? text : undefined;
    });
    assert.match(hover.replace(/\\(.)/g, '$1'), /Spectrally-normalized/i);
    const items = await waitFor('citation completions', async () => {
      const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, doc.positionAt(offset + 2), '@');
      const ours = list.items.filter((i) => i.kind === vscode.CompletionItemKind.Reference);
      return ours.length > 0 ? ours : undefined;
    });
    const labels = items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
    assert.ok(labels.includes('golowich2018size'), labels.slice(0, 10).join(', '));
    for (const item of items.slice(0, 5)) {
      const md = item.documentation instanceof vscode.MarkdownString ? item.documentation : undefined;
      if (md) assert.ok(!md.isTrusted && !md.supportHtml);
    }
  });
});
