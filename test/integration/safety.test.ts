/**
 * Data safety: adding a citation's entry to a .bib that has unsaved changes keeps the user's
 * unsaved text (the edit goes to the open buffer, not over the file on disk), and one undo takes
 * the whole edit back.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { activateExtension, discardTempFolder, waitFor } from './helpers';

const proposal = `---
title: "Safety"
author:
  - name: Ada Student
course: mit-18.408
kind: proposal
project: reading
---

# Introduction

Norm-based bounds [@spectral
`;

const savedBib = `@misc{saved2020,
  title = {Saved On Disk},
  author = {Saver, S.},
  year = {2020}
}
`;

const unsaved = `
@misc{unsaved2024,
  title = {Typed But Not Saved},
  author = {Typist, T.},
  year = {2024}
}
`;

const labelOf = (item: vscode.CompletionItem): string => (typeof item.label === 'string' ? item.label : item.label.label);

suite('data safety', () => {
  let temp = '';

  let autoSave: string | undefined;

  suiteSetup(async () => {
    await activateExtension();
    // VS Code in the browser (code-server) saves after a delay by default; desktop does not.
    // A dirty buffer must stay dirty here, as on the desktop.
    const files = vscode.workspace.getConfiguration('files');
    autoSave = files.inspect<string>('autoSave')?.globalValue;
    await files.update('autoSave', 'off', vscode.ConfigurationTarget.Global);
    temp = fs.mkdtempSync(path.join(os.tmpdir(), 'writeup-safety-'));
    fs.writeFileSync(path.join(temp, 'proposal.md'), proposal);
    fs.writeFileSync(path.join(temp, 'references.bib'), savedBib);
  });

  suiteTeardown(async () => {
    await discardTempFolder(temp);
    await vscode.workspace.getConfiguration('files').update('autoSave', autoSave, vscode.ConfigurationTarget.Global);
  });

  test('a dirty .bib keeps its unsaved text when a course paper is added; one undo restores it exactly', async function () {
    if (!vscode.workspace.isTrusted) this.skip(); // the untrusted pass runs only untrusted.test.ts
    const bibPath = path.join(temp, 'references.bib');
    const bibDoc = await vscode.workspace.openTextDocument(bibPath);
    const bibEditor = await vscode.window.showTextDocument(bibDoc, { preview: false, viewColumn: vscode.ViewColumn.Two });
    await bibEditor.edit((b) => b.insert(bibDoc.positionAt(bibDoc.getText().length), unsaved));
    assert.ok(bibDoc.isDirty);
    assert.equal(fs.readFileSync(bibPath, 'utf8'), savedBib, 'typing saved the .bib (auto save?)');
    const dirtyText = bibDoc.getText();

    const doc = await vscode.workspace.openTextDocument(path.join(temp, 'proposal.md'));
    const editor = await vscode.window.showTextDocument(doc, vscode.ViewColumn.One);
    const at = doc.positionAt(doc.getText().indexOf('[@spectral') + '[@spectral'.length);
    const item = await waitFor('the course paper offered', async () => {
      const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, at, '@');
      return list.items.find((i) => labelOf(i) === 'bartlett2017spectrally');
    });
    assert.equal(item.command?.command, 'writeup.addCitationToBib');
    const applied = await vscode.commands.executeCommand<boolean>(item.command.command, ...(item.command.arguments ?? []));
    assert.equal(applied, true);

    await waitFor('the key in the writeup', () => doc.getText().includes('[@bartlett2017spectrally\n'));
    const after = await waitFor('the entry in the open .bib', () => bibDoc.getText().includes('@inproceedings{bartlett2017spectrally,') && bibDoc.getText());
    // The user's unsaved entry is still there, before the new one; nothing was lost.
    assert.ok(after.startsWith(dirtyText), 'the unsaved text was not kept as it was');
    assert.ok(after.includes('Typed But Not Saved'));
    // The file on disk was not overwritten behind the editor's back: it still holds the saved text.
    const disk = fs.readFileSync(bibPath, 'utf8');
    assert.ok(disk === savedBib, `the .bib on disk changed when the entry was added (dirty: ${bibDoc.isDirty}, writeup dirty: ${doc.isDirty}, disk has the new entry: ${disk.includes('bartlett2017spectrally')}, the unsaved one: ${disk.includes('unsaved2024')})`);
    assert.ok(bibDoc.isDirty);

    // One undo (in the writeup) takes back the key and the entry; the unsaved text stays.
    await vscode.window.showTextDocument(editor.document, vscode.ViewColumn.One);
    await vscode.commands.executeCommand('undo');
    await waitFor('the prefix back in the writeup', () => doc.getText() === proposal);
    await waitFor('the .bib back to the unsaved text', () => bibDoc.getText() === dirtyText);
    assert.ok(bibDoc.isDirty, 'the .bib was saved by the undo');
    assert.equal(fs.readFileSync(bibPath, 'utf8'), savedBib, 'the .bib on disk changed by the undo');
  });
});
