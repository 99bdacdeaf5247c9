import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { loadBundledPacks } from '../../src/core/courses/loader';
import { lint } from '../../src/core/lint/engine';
import { readWriteup } from '../../src/core/readers/index';
import type { ExportPdfResult } from '../../src/vscode/commands/exportPdf';
import { activateExtension, exampleUri, extension, screenshot, waitFor } from './helpers';

interface Walkthrough {
  id: string;
  steps: { id: string; media: { svg?: string }; completionEvents?: string[] }[];
}

/** Lists the example folder so the suite can check it leaves it as it found it. */
const exampleFiles = (): string[] => fs.readdirSync(exampleUri().fsPath).sort();

suite('Authoring', () => {
  let temp = '';
  let before: string[] = [];

  suiteSetup(async () => {
    await activateExtension();
    temp = fs.mkdtempSync(path.join(os.tmpdir(), 'writeup-authoring-'));
    before = exampleFiles();
  });

  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    fs.rmSync(temp, { recursive: true, force: true });
    assert.deepEqual(exampleFiles(), before, 'example/ holds the same files as before the suite');
  });

  test('New Proposal for 18.408 in Markdown has the sections the required-sections rule asks for', async () => {
    const uri = await vscode.commands.executeCommand<vscode.Uri | undefined>('writeup.newProposal', {
      course: 'mit-18.408',
      format: 'md',
      authors: 'Ada Lovelace, Alan Turing',
      projectType: 'reading',
      folder: temp,
    });
    assert.ok(uri, 'the command returns the new file');
    assert.equal(path.basename(uri.fsPath), 'proposal.md');
    assert.ok(fs.existsSync(path.join(temp, 'references.bib')), 'references.bib is created beside it');

    const editor = await waitFor('the new proposal in the active editor', () =>
      vscode.window.activeTextEditor?.document.uri.toString() === uri.toString() ? vscode.window.activeTextEditor : undefined,
    );
    assert.equal(editor.document.getText(editor.selection), 'Working Title', 'the title is selected');
    assert.equal(editor.document.isDirty, false, 'the file is saved');
    await screenshot('new-proposal');

    const packs = loadBundledPacks();
    const course = packs.find((p) => p.id === 'mit-18.408');
    const deliverable = course?.deliverables.find((d) => d.kind === 'proposal');
    assert.ok(course && deliverable);
    const writeup = readWriteup(editor.document.getText(), { file: uri.fsPath, format: 'markdown' });
    assert.deepEqual(writeup.metadata.authors.map((a) => a.name), ['Ada Lovelace', 'Alan Turing']);
    const problems = lint({ writeup, course, deliverable, courses: packs });
    assert.deepEqual(problems.filter((d) => d.rule === 'required-sections').map((d) => d.message), []);
    assert.ok(problems.some((d) => d.rule === 'empty-section'), 'the fresh sections are honestly empty');

    // A second proposal never overwrites the first.
    const second = await vscode.commands.executeCommand<vscode.Uri | undefined>('writeup.newProposal', {
      course: 'mit-18.408',
      format: 'markdown',
      authors: [],
      folder: temp,
    });
    assert.equal(second && path.basename(second.fsPath), 'proposal-2.md');
  });

  test('snippets expand through editor.action.insertSnippet', async () => {
    const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: '' });
    await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand('editor.action.insertSnippet', { langId: 'markdown', name: 'Theorem' });
    await waitFor('the theorem snippet', () => doc.getText().length > 0);
    assert.equal(doc.getText(), '**Theorem 1** (Name). *Statement.*\n');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');

    const tex = await vscode.workspace.openTextDocument({ language: 'latex', content: '' });
    await vscode.window.showTextDocument(tex);
    await vscode.commands.executeCommand('editor.action.insertSnippet', { langId: 'latex', name: 'Aligned equations' });
    await waitFor('the align snippet', () => tex.getText().length > 0);
    assert.equal(tex.getText(), '\\begin{align}\n  f(x) &= a \\label{eq:label} \\\\\n  &\\le b\n\\end{align}\n');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  test('the walkthrough is contributed, each step with its image and completion event', () => {
    const contributes = (extension().packageJSON as { contributes: { walkthroughs?: Walkthrough[] } }).contributes;
    const walkthrough = contributes.walkthroughs?.find((w) => w.id === 'writeup.gettingStarted');
    assert.ok(walkthrough, 'writeup.gettingStarted is contributed');
    assert.deepEqual(
      walkthrough.steps.map((s) => s.completionEvents?.[0]),
      [
        'onCommand:writeup.selectCourse',
        'onCommand:writeup.newProposal',
        'onCommand:editor.action.triggerSuggest',
        'onCommand:writeup.showPageEstimate',
        'onCommand:writeup.openPreviewToSide',
        'onCommand:writeup.exportPdf',
      ],
    );
    for (const step of walkthrough.steps) {
      assert.ok(step.media.svg && fs.existsSync(path.join(extension().extensionPath, step.media.svg)), `${step.id} has its SVG`);
    }
  });

  test('Export PDF turns example/report.md into a PDF', async function () {
    this.timeout(180_000);
    const output = path.join(temp, 'report.pdf');
    const result = await vscode.commands.executeCommand<ExportPdfResult>('writeup.exportPdf', {
      uri: exampleUri('report.md'),
      output,
      open: false,
    });
    assert.equal(result.message, undefined);
    assert.equal(result.ok, true);
    assert.equal(result.output, output);
    const pdf = fs.readFileSync(output);
    assert.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-');
    assert.ok(pdf.length > 10_000, 'the PDF has content');
  });
});
