import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { activateExtension, repoFile, waitFor } from './helpers';

/** The writeup problems of a rule on a document, as the Problems panel shows them. */
function problems(uri: vscode.Uri, rule: string): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'writeup' && typeof d.code === 'object' && d.code.value === rule);
}

/** Replaces the whole text of an open document and saves it. */
async function replaceAndSave(doc: vscode.TextDocument, text: string): Promise<void> {
  // applyEdit is refused while the editor's version is ahead of ours (e.g. just after a save): retry.
  await waitFor('the edit to apply', async () => {
    const edit = new vscode.WorkspaceEdit();
    edit.replace(doc.uri, new vscode.Range(0, 0, doc.lineCount, 0), text);
    return vscode.workspace.applyEdit(edit);
  });
  assert.equal(doc.getText(), text);
  await waitFor('the save', async () => (await doc.save()) || !doc.isDirty);
}

suite('Lint', () => {
  let dir: string;
  const longReport = () => fs.readFileSync(repoFile('test/fixtures/lint/cli/submissions/alice/report.md'), 'utf8');

  suiteSetup(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'writeup-lint-'));
    await activateExtension();
  });

  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('saving an over-limit 9.520 individual report shows the page-limit error; three authors do not', async () => {
    const file = path.join(dir, 'report.md');
    const text = longReport();
    fs.writeFileSync(file, text.replace(/\n# (Results|Experiments|Discussion)\n[\s\S]*?(?=\n# )/g, ''));
    const doc = await vscode.workspace.openTextDocument(file);
    await vscode.window.showTextDocument(doc);

    await replaceAndSave(doc, text);
    const [over] = await waitFor('a page-limit error after saving', () => {
      const found = problems(doc.uri, 'page-limit');
      return found.length > 0 ? found : undefined;
    });
    assert.equal(over?.severity, vscode.DiagnosticSeverity.Error);
    assert.match(over?.message ?? '', /^\d\.\d of 5 pages \(estimated\); about \d\.\d pages over \(9\.520: 5 pages for individuals, NeurIPS style\)$/);
    const target = (over?.code as { target: vscode.Uri }).target;
    assert.match(target.path, /docs\/rules\/page-limit\.md$/, 'the code links to the rule docs');

    await replaceAndSave(doc, text.replace('author: Alice Student', 'author: [Alice Student, Bob Student, Cy Student]'));
    await waitFor('the page-limit error to go with three authors', () => problems(doc.uri, 'page-limit').length === 0);
  });

  test('deleting a required section shows the problem on save and its quick fix restores a skeleton', async () => {
    const file = path.join(dir, 'proposal.md');
    const full =
      '---\ntitle: Depth separations\nauthor: Ada Student\ncourse: mit-18.408\nkind: proposal\nproject: reading\n---\n\n' +
      '# Introduction\n\nWe will read two papers on depth.\n\n# Group\n\nAda Student, alone.\n\n# Papers\n\nTwo papers on depth separations.\n';
    fs.writeFileSync(file, full);
    const doc = await vscode.workspace.openTextDocument(file);
    await vscode.window.showTextDocument(doc);
    await waitFor('the complete proposal to be linted', () => problems(doc.uri, 'required-sections').length === 0);

    await replaceAndSave(doc, full.replace('# Group\n\nAda Student, alone.\n\n', ''));
    const [missing] = await waitFor('the missing Group section', () => {
      const found = problems(doc.uri, 'required-sections');
      return found.length > 0 ? found : undefined;
    });
    assert.match(missing?.message ?? '', /^Missing section 'Group': 18\.408 asks “/);
    assert.ok(missing);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, missing.range);
    const insert = actions.find((a) => a.title === "Insert a 'Group' section");
    assert.ok(insert?.edit, `quick fix offered (got: ${actions.map((a) => a.title).join(', ')})`);
    const fix = insert.edit;
    await waitFor('the quick fix to apply', () => Promise.resolve(vscode.workspace.applyEdit(fix)));
    assert.match(doc.getText(), /# Introduction\n\nWe will read two papers on depth\.\n\n# Group\n\n<!-- Say who is in your group\. [^\n]*-->\n\n# Papers\n/);
    await waitFor('the save', async () => (await doc.save()) || !doc.isDirty);
    await waitFor('the problem to go after the fix', () => problems(doc.uri, 'required-sections').length === 0);
  });

  test('writeup.lint.rules turns a rule off (settings restored after)', async () => {
    const file = path.join(dir, 'notes-report.md');
    fs.writeFileSync(file, '---\ntitle: Notes\nauthor: Ada\ncourse: mit-9.520-fall2024\nkind: report\n---\n\n# Introduction\n\n# Results\n\nA bound.\n');
    const doc = await vscode.workspace.openTextDocument(file);
    await vscode.window.showTextDocument(doc);
    await waitFor('the empty-section problem', () => problems(doc.uri, 'empty-section').length === 1);
    const config = vscode.workspace.getConfiguration('writeup.lint');
    const before = config.inspect('rules')?.globalValue;
    try {
      await config.update('rules', { 'empty-section': 'off' }, vscode.ConfigurationTarget.Global);
      await waitFor('empty-section to be turned off', () => problems(doc.uri, 'empty-section').length === 0);
      await config.update('rules', { 'empty-section': 'error' }, vscode.ConfigurationTarget.Global);
      const [shown] = await waitFor('empty-section as an error', () => {
        const found = problems(doc.uri, 'empty-section');
        return found.length > 0 ? found : undefined;
      });
      assert.equal(shown?.severity, vscode.DiagnosticSeverity.Error);
    } finally {
      await config.update('rules', before, vscode.ConfigurationTarget.Global);
    }
    await waitFor('the default severity back', () => problems(doc.uri, 'empty-section')[0]?.severity === vscode.DiagnosticSeverity.Information);
  });

  test('typing fast in a long writeup with onType: edits supersede older lint runs; the problems shown are those of the last text and stay so', async () => {
    const file = path.join(dir, 'fast-report.md');
    const paragraphs = Array.from({ length: 400 }, (_, i) => `Paragraph ${i} on margins and ranks, long enough to wrap over a line or two of the text block [@a${i % 7}].`).join('\n\n');
    fs.writeFileSync(file, `---\ntitle: Fast\nauthor: Ada\ncourse: mit-9.520-fall2024\nkind: report\n---\n\n# Introduction\n\n${paragraphs}\n`);
    const doc = await vscode.workspace.openTextDocument(file);
    await vscode.window.showTextDocument(doc);
    const api = await activateExtension();
    const config = vscode.workspace.getConfiguration('writeup.lint');
    const before = config.inspect('run')?.globalValue;
    try {
      await config.update('run', 'onType', vscode.ConfigurationTarget.Global);
      const start = api.lintRuns?.();
      assert.ok(start, 'the API reports lint runs');
      // Twelve edits as fast as the editor takes them, a save in the middle (a save lints at once, no debounce).
      const edits = 12;
      for (let i = 0; i < edits; i++) {
        await waitFor('the edit to apply', async () => {
          const edit = new vscode.WorkspaceEdit();
          edit.insert(doc.uri, new vscode.Position(doc.lineCount - 1, 0), `\n# Empty ${i}\n`);
          return vscode.workspace.applyEdit(edit);
        });
        if (i === edits / 2) void doc.save();
      }
      // Text after the last heading: every heading typed but the last is empty.
      await waitFor('the last edit to apply', async () => {
        const edit = new vscode.WorkspaceEdit();
        edit.insert(doc.uri, new vscode.Position(doc.lineCount - 1, 0), '\nThe end.\n');
        return vscode.workspace.applyEdit(edit);
      });
      await waitFor('the problems of the last text', () => problems(doc.uri, 'empty-section').length === edits - 1);
      // A moment later nothing older has overwritten them.
      await new Promise((resolve) => setTimeout(resolve, 1500));
      assert.equal(problems(doc.uri, 'empty-section').length, edits - 1);
      const end = api.lintRuns?.();
      assert.ok(end);
      // Runs of every open document count (a settings change relints them all); still fewer than the edits.
      const finished = end.finished - start.finished;
      assert.ok(finished >= 1 && finished < edits, `${finished} runs published problems for ${edits + 1} edits (${end.superseded - start.superseded} superseded)`);
    } finally {
      await config.update('run', before, vscode.ConfigurationTarget.Global);
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
  });

  test('writeup.lint.run: onType checks without saving, off clears the problems (settings restored after)', async () => {
    const file = path.join(dir, 'typing-report.md');
    fs.writeFileSync(file, '---\ntitle: Typing\nauthor: Ada\ncourse: mit-9.520-fall2024\nkind: report\n---\n\n# Introduction\n\nText.\n');
    const doc = await vscode.workspace.openTextDocument(file);
    await vscode.window.showTextDocument(doc);
    const config = vscode.workspace.getConfiguration('writeup.lint');
    const before = config.inspect('run')?.globalValue;
    try {
      await config.update('run', 'onType', vscode.ConfigurationTarget.Global);
      await waitFor('the edit to apply', async () => {
        const edit = new vscode.WorkspaceEdit();
        edit.insert(doc.uri, new vscode.Position(doc.lineCount - 1, 0), '\n# Empty\n\n# End\n\nDone.\n');
        return vscode.workspace.applyEdit(edit);
      });
      assert.ok(doc.isDirty);
      await waitFor('an empty-section problem while typing', () => problems(doc.uri, 'empty-section').length === 1);
      await config.update('run', 'off', vscode.ConfigurationTarget.Global);
      await waitFor('problems cleared when lint is off', () => vscode.languages.getDiagnostics(doc.uri).filter((d) => d.source === 'writeup').length === 0);
    } finally {
      await config.update('run', before, vscode.ConfigurationTarget.Global);
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
  });
});
