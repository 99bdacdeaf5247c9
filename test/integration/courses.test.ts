import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { activateExtension, exampleUri, repoFile, waitFor } from './helpers';

/** A pack with three mistakes the schema catches. */
const brokenPack = `{
  "id": "Broken Course",
  "title": "A pack with mistakes",
  "deliverables": [{ "kind": "report", "due": "May 19", "pageLimit": { "individual": "five" } }],
  "papers": [],
  "instructorr": "typo"
}
`;

const exampleFiles = (dir: string): string[] => fs.readdirSync(dir).sort();

suite('Courses', () => {
  let temp = '';
  let exampleBefore: string[] = [];
  let settingsExisted = false;
  let courseBefore: string | undefined;
  const settingsFile = () => path.join(exampleUri().fsPath, '.vscode', 'settings.json');
  const writeupDir = () => path.join(exampleUri().fsPath, '.writeup');

  suiteSetup(async () => {
    await activateExtension();
    temp = fs.mkdtempSync(path.join(os.tmpdir(), 'writeup-courses-'));
    exampleBefore = exampleFiles(exampleUri().fsPath);
    settingsExisted = fs.existsSync(settingsFile());
    courseBefore = vscode.workspace.getConfiguration('writeup').inspect<string>('course')?.workspaceValue;
  });

  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace.getConfiguration('writeup').update('course', courseBefore, vscode.ConfigurationTarget.Workspace);
    if (!settingsExisted) fs.rmSync(path.dirname(settingsFile()), { recursive: true, force: true });
    fs.rmSync(writeupDir(), { recursive: true, force: true });
    fs.rmSync(temp, { recursive: true, force: true });
    assert.deepEqual(exampleFiles(exampleUri().fsPath), exampleBefore, 'example/ holds the same files as before the suite');
  });

  test('the course pack schema reports mistakes in .writeup/courses/*.json as diagnostics', async () => {
    const file = path.join(temp, '.writeup', 'courses', 'broken.json');
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, brokenPack);
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(file));
    await vscode.window.showTextDocument(doc);
    assert.equal(doc.languageId, 'json');
    const diagnostics = await waitFor(
      'JSON schema diagnostics for broken.json',
      () => {
        const found = vscode.languages.getDiagnostics(doc.uri);
        return found.length >= 4 ? found : undefined;
      },
      60_000,
    );
    const at = (needle: string) => diagnostics.find((d) => doc.getText(d.range).includes(needle));
    assert.ok(at('instructorr'), `unknown property flagged: ${diagnostics.map((d) => d.message).join(' | ')}`);
    assert.ok(at('"five"'), 'a page limit that is not a number is flagged');
    assert.ok(at('"May 19"'), 'a due date that is not YYYY-MM-DD is flagged');
    assert.ok(at('"Broken Course"'), 'an id with capitals and spaces is flagged');
    assert.ok(diagnostics.every((d) => d.source === undefined || /json/i.test(d.source)), 'the diagnostics come from the JSON language service');
  });

  test('the schema gives no diagnostics for a bundled pack', async () => {
    const bundled = repoFile('src', 'core', 'courses', 'packs', 'mit-18.408.json');
    const copy = path.join(temp, 'mit-18.408.writeup-course.json');
    fs.copyFileSync(bundled, copy);
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(copy));
    await vscode.window.showTextDocument(doc);
    // Make an error appear and disappear, so "no diagnostics" means validated, not "not yet validated".
    const editor = vscode.window.activeTextEditor;
    assert.ok(editor);
    await editor.edit((e) => e.insert(new vscode.Position(1, 0), '  "bogus": 1,\n'));
    await waitFor('the bogus property to be flagged', () => vscode.languages.getDiagnostics(doc.uri).length > 0 || undefined, 60_000);
    await vscode.commands.executeCommand('undo');
    await waitFor('no diagnostics once the bogus property is gone', () => vscode.languages.getDiagnostics(doc.uri).length === 0 || undefined, 60_000);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  test('Select Course (with an id, as automation passes it) writes writeup.course in the workspace settings', async () => {
    const chosen = await vscode.commands.executeCommand<string | undefined>('writeup.selectCourse', 'mit-9.520-fall2024');
    assert.equal(chosen, 'mit-9.520-fall2024');
    const inspected = vscode.workspace.getConfiguration('writeup').inspect<string>('course');
    assert.equal(inspected?.workspaceValue, 'mit-9.520-fall2024');
    const unknown = await vscode.commands.executeCommand<string | undefined>('writeup.selectCourse', 'no-such-course');
    assert.equal(unknown, undefined, 'an unknown id is refused');
    assert.equal(vscode.workspace.getConfiguration('writeup').get('course'), 'mit-9.520-fall2024');
  });

  test('Import Course from Page saves a draft pack in .writeup/courses/ that the course list then offers', async function () {
    if (!vscode.workspace.isTrusted) this.skip();
    const page = vscode.Uri.file(repoFile('test', 'fixtures', 'courses', 'import', 'seminar.html'));
    const uri = await vscode.commands.executeCommand<vscode.Uri | undefined>('writeup.importCourse', page);
    assert.ok(uri, 'the command returns the new pack file');
    assert.equal(path.relative(exampleUri().fsPath, uri.fsPath), path.join('.writeup', 'courses', 'cs-7999-topics-in-learning-theory.json'));
    const pack = JSON.parse(fs.readFileSync(uri.fsPath, 'utf8')) as { id: string; deliverables: { kind: string; due?: string }[] };
    assert.deepEqual(pack.deliverables.map((d) => [d.kind, d.due]), [['proposal', '2023-09-29'], ['report', '2023-12-08']]);
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), uri.toString(), 'the draft is opened');
    // The file watcher reloads the packs; selecting the new id then succeeds.
    const chosen = await waitFor('the imported pack to be offered', async () =>
      (await vscode.commands.executeCommand<string | undefined>('writeup.selectCourse', 'cs-7999-topics-in-learning-theory')) ?? undefined,
    );
    assert.equal(chosen, 'cs-7999-topics-in-learning-theory');
  });
});
