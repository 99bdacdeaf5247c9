import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { activateExtension, discardTempFolder, exampleUri, repoFile, waitFor } from './helpers';

const proposal = `---
title: "Margins and norms"
author:
  - name: Ada Student
course: mit-18.408
kind: proposal
project: reading
---

# Introduction

Norm-based bounds explain generalization [@spectral
`;

const report = `\\documentclass{article}
\\begin{document}
\\section{Introduction}
Sample complexity without depth \\citep{golowich2018sise}.
Margins \\citep{spec
\\bibliography{references}
\\end{document}
`;

const reportBib = `% references for the report
@inproceedings{golowich2018size,
  author    = {Golowich, Noah and Rakhlin, Alexander and Shamir, Ohad},
  title     = {Size-Independent Sample Complexity of Neural Networks},
  booktitle = {Conference on Learning Theory},
  year      = {2018},
  eprint    = {1712.06541},
  archivePrefix = {arXiv}
}
`;

const labelOf = (item: vscode.CompletionItem): string => (typeof item.label === 'string' ? item.label : item.label.label);

/** The position just after the first occurrence of `marker` in `doc`. */
function after(doc: vscode.TextDocument, marker: string): vscode.Position {
  const offset = doc.getText().indexOf(marker);
  assert.ok(offset >= 0, `'${marker}' is in ${doc.fileName}`);
  return doc.positionAt(offset + marker.length);
}

async function completions(doc: vscode.TextDocument, position: vscode.Position, trigger: string): Promise<vscode.CompletionItem[]> {
  return waitFor('citation completions', async () => {
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, position, trigger);
    const ours = list.items.filter((i) => i.kind === vscode.CompletionItemKind.Reference);
    return ours.length > 0 ? ours.sort((a, b) => (a.sortText ?? '').localeCompare(b.sortText ?? '')) : undefined;
  });
}

/** Accepts a completion item as the editor does: its edit, then its command. */
async function accept(editor: vscode.TextEditor, item: vscode.CompletionItem): Promise<void> {
  const range = item.range instanceof vscode.Range ? item.range : item.range?.replacing;
  assert.ok(range);
  const text = typeof item.insertText === 'string' ? item.insertText : (item.insertText?.value ?? labelOf(item));
  if (editor.document.getText(range) !== text) await editor.edit((b) => b.replace(range, text));
  if (item.command) await vscode.commands.executeCommand(item.command.command, ...(item.command.arguments ?? []));
}

async function undoIn(editor: vscode.TextEditor): Promise<void> {
  await vscode.window.showTextDocument(editor.document);
  await vscode.commands.executeCommand('undo');
}

function hoverText(hovers: vscode.Hover[]): string {
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))
    .join('\n');
}

suite('Citations', () => {
  let temp = '';

  suiteSetup(async () => {
    await activateExtension();
    temp = fs.mkdtempSync(path.join(os.tmpdir(), 'writeup-citations-'));
    fs.writeFileSync(path.join(temp, 'proposal.md'), proposal);
    fs.writeFileSync(path.join(temp, 'report.tex'), report);
  });

  suiteTeardown(async () => {
    await discardTempFolder(temp);
  });

  test('[@spectral in an 18.408 proposal: Bartlett-Foster-Telgarsky first; accepting cites it and creates references.bib; one undo removes both', async () => {
    const bibPath = path.join(temp, 'references.bib');
    const doc = await vscode.workspace.openTextDocument(path.join(temp, 'proposal.md'));
    const editor = await vscode.window.showTextDocument(doc);
    const items = await completions(doc, after(doc, '[@spectral'), '@');
    const first = items[0];
    assert.ok(first);
    assert.equal(labelOf(first), 'bartlett2017spectrally');
    assert.match(String(first.detail), /^Bartlett et al\., 2017 · Spectrally-normalized margin bounds for neural networks/i);
    const docs = first.documentation instanceof vscode.MarkdownString ? first.documentation : undefined;
    assert.ok(docs && !docs.isTrusted && !docs.supportHtml);
    assert.match(docs.value, /18\\\.408 \\- Generalization Bounds I/);
    assert.equal(first.command?.command, 'writeup.addCitationToBib');

    await accept(editor, first);
    await waitFor('the key in the proposal', () => doc.getText().includes('[@bartlett2017spectrally\n'));
    const bib = await waitFor('references.bib with the entry', () => fs.existsSync(bibPath) && fs.readFileSync(bibPath, 'utf8'));
    assert.match(bib, /^@inproceedings\{bartlett2017spectrally,\n {2}author\s+= \{Bartlett\b[^}]* and [^}]*Telgarsky\b[^}]*\},\n {2}title\s+= \{\{S\}pectrally-normalized \{?[Mm]\}?argin/);
    assert.match(bib, /\n {2}year\s+= \{2017\}/);
    assert.match(doc.getText(), /\nbibliography: references\.bib\n---\n/);

    // One undo in the writeup takes back the whole edit: key, front matter line and the new .bib.
    await undoIn(editor);
    await waitFor('the typed prefix back', () => doc.getText() === proposal);
    await waitFor('references.bib gone or empty again', () => {
      const open = vscode.workspace.textDocuments.find((d) => d.uri.fsPath === bibPath);
      const text = open && !open.isClosed ? open.getText() : fs.existsSync(bibPath) ? fs.readFileSync(bibPath, 'utf8') : '';
      return !text.includes('bartlett2017spectrally');
    });
    // The .bib this edit created is deleted again by the same undo (VS Code undoes the whole WorkspaceEdit).
    await waitFor('references.bib deleted by the undo', () => !fs.existsSync(bibPath));
  });

  test('hover and go to definition on a cited key', async () => {
    const bibPath = path.join(temp, 'references.bib');
    fs.writeFileSync(bibPath, reportBib);
    const doc = await vscode.workspace.openTextDocument(path.join(temp, 'proposal.md'));
    const editor = await vscode.window.showTextDocument(doc);
    const at = after(doc, '[@spectral');
    await editor.edit((b) => b.insert(at, '; @golowich2018size]'));
    const inKey = after(doc, '@golowich20');
    const hovers = await waitFor('a citation hover', async () => {
      const result = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, inKey);
      return result.some((h) => /Golowich/.test(hoverText([h]))) ? result : undefined;
    });
    // The Markdown escapes every character of the reference; read it back as plain text.
    const text = hoverText(hovers).replace(/\\(.)/g, '$1');
    assert.match(text, /^Golowich, N\., Rakhlin, A\., & Shamir, O\. \(2018\)\. Size-Independent Sample Complexity of Neural Networks\./);
    assert.match(text, /Source:\* your \.bib \(references\.bib\); 18\.408 - Generalization Bounds II/);
    // The APA reference comes from citation-js (dist/cslEngine.js, required on the first hover): it
    // gives the arXiv link as a URL where the plain fallback writes `arXiv:1712.06541`.
    let cslText = '';
    await waitFor('the reference formatted by citation-js', async () => {
      const result = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, inKey);
      cslText = hoverText(result).replace(/\\(.)/g, '$1');
      return /Networks\. Conference on Learning Theory\. https:\/\/arxiv\.org\/abs\/1712\.06541/.test(cslText) ? true : undefined;
    }).catch((error: unknown) => {
      throw new Error(`${String(error)}; the hover said: ${cslText}`);
    });
    const locations = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>('vscode.executeDefinitionProvider', doc.uri, inKey);
    const target = locations[0];
    assert.ok(target);
    const uri = 'targetUri' in target ? target.targetUri : target.uri;
    const range = 'targetUri' in target ? (target.targetSelectionRange ?? target.targetRange) : target.range;
    assert.equal(uri.fsPath, bibPath);
    assert.equal(range?.start.line, 1);
    await vscode.commands.executeCommand('workbench.action.files.revert');
    fs.rmSync(bibPath);
  });

  test('LaTeX: \\citep{ offers the paper first; accepting appends to the open references.bib; one undo removes both; an unknown key is an error whose quick fix repairs it', async () => {
    const bibPath = path.join(temp, 'references.bib');
    fs.writeFileSync(bibPath, reportBib);
    const bibDoc = await vscode.workspace.openTextDocument(bibPath);
    await vscode.window.showTextDocument(bibDoc, { preview: false, viewColumn: vscode.ViewColumn.Two });
    const doc = await vscode.workspace.openTextDocument(path.join(temp, 'report.tex'));
    const editor = await vscode.window.showTextDocument(doc, vscode.ViewColumn.One);
    await editor.edit((b) => b.insert(after(doc, '\\citep{spec'), 'tral'));
    const items = await completions(doc, after(doc, '\\citep{spectral'), '{');
    assert.equal(labelOf(items[0] ?? { label: '' }), 'bartlett2017spectrally');
    await accept(editor, items[0] ?? new vscode.CompletionItem(''));
    await waitFor('the key in report.tex', () => doc.getText().includes('\\citep{bartlett2017spectrally\n'));
    await waitFor('the entry appended to the open references.bib', () => bibDoc.getText().startsWith(reportBib) && bibDoc.getText().includes('\n\n@inproceedings{bartlett2017spectrally,'));
    await undoIn(editor);
    await waitFor('the key taken back', () => doc.getText().includes('\\citep{spectral\n'));
    await waitFor('the .bib entry taken back', () => bibDoc.getText() === reportBib);

    // The unknown key: an error at its range, with "Change to" as a quick fix.
    await doc.save();
    const keyStart = doc.positionAt(doc.getText().indexOf('golowich2018sise'));
    const diagnostic = await waitFor('the undefined-citation diagnostic', () =>
      vscode.languages.getDiagnostics(doc.uri).find((d) => d.code === 'undefined-citation' || (typeof d.code === 'object' && d.code.value === 'undefined-citation')),
    );
    assert.equal(diagnostic.severity, vscode.DiagnosticSeverity.Error);
    assert.deepEqual([diagnostic.range.start.line, diagnostic.range.start.character], [keyStart.line, keyStart.character]);
    // Fixes are offered once the save's check of this very text has finished (never from an older text).
    const change = await waitFor("the quick fix 'Change to golowich2018size'", async () => {
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, diagnostic.range);
      return actions.find((a) => a.title === "Change to 'golowich2018size'");
    });
    assert.ok(change.edit);
    assert.ok(await vscode.workspace.applyEdit(change.edit));
    assert.match(doc.getText(), /\\citep\{golowich2018size\}/);
    await doc.save();
    await waitFor('the diagnostic gone', () => !vscode.languages.getDiagnostics(doc.uri).some((d) => /golowich2018sise/.test(d.message)));
  });

  test('a .bib with a broken entry, a duplicate key and missing fields: diagnostics at their lines', async () => {
    const broken = path.join(temp, 'broken.bib');
    fs.writeFileSync(
      broken,
      '@misc{good, author={A B}, title={T}, year=2020}\n\n@article{bad, title = {never closed,\n  year = 2019\n\n@misc{good, title={Again}}\n',
    );
    const doc = await vscode.workspace.openTextDocument(broken);
    await vscode.window.showTextDocument(doc);
    const diagnostics = await waitFor('.bib diagnostics', () => {
      const found = vscode.languages.getDiagnostics(doc.uri);
      return found.length >= 3 ? found : undefined;
    });
    const summary = diagnostics.map((d) => [String(d.code), d.range.start.line, d.severity]).sort();
    assert.deepEqual(summary, [
      ['bib-duplicate-key', 5, vscode.DiagnosticSeverity.Warning],
      ['bib-missing-field', 5, vscode.DiagnosticSeverity.Warning],
      ['bib-syntax', 2, vscode.DiagnosticSeverity.Error],
    ]);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });

  test('a course key missing from the .bib: quick fix "Add ... from 18.408 to references.bib"', async () => {
    const bibPath = path.join(temp, 'references.bib');
    const doc = await vscode.workspace.openTextDocument(path.join(temp, 'report.tex'));
    const editor = await vscode.window.showTextDocument(doc, vscode.ViewColumn.One);
    await editor.edit((b) => b.replace(new vscode.Range(after(doc, '\\citep{'), after(doc, '\\citep{spectral')), 'razin2020implicit}'));
    await doc.save();
    const diagnostic = await waitFor('the diagnostic for razin2020implicit', () =>
      vscode.languages.getDiagnostics(doc.uri).find((d) => /razin2020implicit/.test(d.message)),
    );
    const add = await waitFor('the quick fix adding the course paper', async () => {
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, diagnostic.range);
      return actions.find((a) => /^Add '.*' from 18\.408 to references\.bib$/.test(a.title));
    });
    assert.ok(add.edit);
    assert.ok(await vscode.workspace.applyEdit(add.edit));
    const bibDoc = vscode.workspace.textDocuments.find((d) => d.uri.fsPath === bibPath);
    assert.ok(bibDoc?.getText().includes('@inproceedings{razin2020implicit,'));
    // No save needed: a change to the .bib re-checks the writeups that use it.
    await waitFor('the diagnostic gone after the fix', () => !vscode.languages.getDiagnostics(doc.uri).some((d) => /razin2020implicit/.test(d.message)));
  });

  test('the bundled reading list: a paper found by an author the course page never names, accepted, lands in references.bib complete (full author names, title, year, eprint)', async () => {
    const dir = fs.mkdtempSync(path.join(temp, 'notes-'));
    const bibPath = path.join(dir, 'references.bib');
    // The reading list links this paper as "neural tangent kernel (jacot et al. 2018)"; its third author comes from the pack's metadata.
    fs.writeFileSync(path.join(dir, 'proposal.md'), '---\ntitle: Kernels\ncourse: dl-theory-notes\nbibliography: references.bib\n---\n\nWide networks train like kernels [@hongler\n');
    const doc = await vscode.workspace.openTextDocument(path.join(dir, 'proposal.md'));
    const editor = await vscode.window.showTextDocument(doc, vscode.ViewColumn.One);
    const first = await waitFor('the reading-list paper offered first', async () => {
      const items = await completions(doc, after(doc, '[@hongler'), '@');
      return items[0] && labelOf(items[0]) === 'jacot2018neural' ? items[0] : undefined;
    });
    await accept(editor, first);
    const bib = await waitFor('references.bib with the entry', () => fs.existsSync(bibPath) && fs.readFileSync(bibPath, 'utf8'));
    assert.match(bib, /^@inproceedings\{jacot2018neural,\n/);
    const field = (name: string) => new RegExp(`\\n {2}${name}\\s*= \\{(.*)\\},?\\n`).exec(bib)?.[1];
    assert.equal(field('author'), 'Jacot, Arthur and Gabriel, Franck and Hongler, Clément');
    assert.match(field('title') ?? '', /^\{N\}eural \{T\}angent \{K\}ernel: \{C\}onvergence and \{G\}eneralization in \{N\}eural \{N\}etworks$/);
    assert.equal(field('booktitle'), 'Advances in Neural Information Processing Systems');
    assert.equal(field('year'), '2018');
    assert.equal(field('eprint'), '1806.07572');
    assert.equal(field('archivePrefix'), 'arXiv');
    assert.match(doc.getText(), /\[@jacot2018neural/);
    await doc.save();
  });

  test('a reading-list paper with full metadata (user pack): [@ with a typo finds it; accepting writes a complete entry; a preprint of it in a .bib gets the published-version fix', async () => {
    const config = vscode.workspace.getConfiguration('writeup');
    // The setting goes into example/.vscode/settings.json; a file this test created is removed after it.
    const settingsDir = path.join(exampleUri().fsPath, '.vscode');
    const settingsExisted = fs.existsSync(path.join(settingsDir, 'settings.json'));
    await config.update('coursePacks', [repoFile('test', 'fixtures', 'courses', 'papers-pack.json')], vscode.ConfigurationTarget.Workspace);
    try {
      const dir = fs.mkdtempSync(path.join(temp, 'pack-'));
      const bibPath = path.join(dir, 'references.bib');
      const text = '---\ntitle: Sensitivity\ncourse: test-papers\nbibliography: references.bib\n---\n\nJacobian norms track generalization [@sensitivty\n';
      fs.writeFileSync(path.join(dir, 'proposal.md'), text);
      const doc = await vscode.workspace.openTextDocument(path.join(dir, 'proposal.md'));
      const editor = await vscode.window.showTextDocument(doc, vscode.ViewColumn.One);
      const first = await waitFor('the user pack paper offered first', async () => {
        const items = await completions(doc, after(doc, '[@sensitivty'), '@');
        // The bundled 18.408 list has this paper too: wait until the user pack (short name TP) is loaded.
        const docs = items[0]?.documentation instanceof vscode.MarkdownString ? items[0].documentation.value : '';
        return items[0] && labelOf(items[0]) === 'novak2018sensitivity' && /TP \\- Generalization/.test(docs) ? items[0] : undefined;
      });
      await accept(editor, first);
      const bib = await waitFor('references.bib with the entry', () => fs.existsSync(bibPath) && fs.readFileSync(bibPath, 'utf8'));
      assert.match(bib, /^@inproceedings\{novak2018sensitivity,\n/);
      const field = (name: string) => new RegExp(`\\n {2}${name}\\s*= \\{(.*)\\},?\\n`).exec(bib)?.[1];
      assert.equal(field('author'), 'Novak, Roman and Bahri, Yasaman and Abolafia, Daniel A. and Pennington, Jeffrey and Sohl-Dickstein, Jascha');
      assert.equal(field('title'), '{S}ensitivity and {G}eneralization in {N}eural {N}etworks: an {E}mpirical {S}tudy');
      assert.equal(field('booktitle'), 'International Conference on Learning Representations');
      assert.equal(field('year'), '2018');
      assert.equal(field('eprint'), '1802.08760');
      assert.equal(field('archivePrefix'), 'arXiv');
      await doc.save();

      // The same paper cited as an arXiv preprint: an information diagnostic in the .bib, fixed to the published entry.
      const preprintPath = path.join(dir, 'preprint.bib');
      fs.writeFileSync(preprintPath, '@article{novak_sens,\n  title = {Sensitivity and Generalization in Neural Networks: an Empirical Study},\n  author = {Novak, Roman and others},\n  journal = {arXiv preprint arXiv:1802.08760},\n  year = {2018}\n}\n');
      const preprint = await vscode.workspace.openTextDocument(preprintPath);
      await vscode.window.showTextDocument(preprint, vscode.ViewColumn.Two);
      const info = await waitFor('the published-version diagnostic', () => vscode.languages.getDiagnostics(preprint.uri).find((d) => d.code === 'bib-published-version'));
      assert.equal(info.severity, vscode.DiagnosticSeverity.Information);
      assert.equal(info.range.start.line, 0);
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', preprint.uri, info.range);
      const fix = actions.find((a) => /^Replace with the published version/.test(a.title));
      assert.ok(fix?.edit, actions.map((a) => a.title).join(', '));
      assert.ok(await vscode.workspace.applyEdit(fix.edit));
      // The bundled 18.408 pack knows the paper too (its venue names ICLR in parentheses): either pack's published entry.
      assert.match(preprint.getText(), /^@inproceedings\{novak_sens,\n[\s\S]*booktitle\s+= \{International Conference on Learning Representations( \(ICLR\))?\}/);
      await waitFor('the diagnostic gone after the fix', () => !vscode.languages.getDiagnostics(preprint.uri).some((d) => d.code === 'bib-published-version'));
      await vscode.commands.executeCommand('workbench.action.files.revert');
    } finally {
      await config.update('coursePacks', undefined, vscode.ConfigurationTarget.Workspace);
      if (!settingsExisted) fs.rmSync(settingsDir, { recursive: true, force: true });
    }
  });
});
