import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { loadBundledPacks } from '../../src/core/courses/loader';
import { lint } from '../../src/core/lint/engine';
import { readWriteup } from '../../src/core/readers/index';
import type { ExportPdfResult } from '../../src/vscode/commands/exportPdf';
import { activateExtension, EXTENSION_ID, exampleUri, extension, openExample, screenshot, waitFor } from './helpers';

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

  test('the walkthrough is contributed, each step with its image and completion event', async () => {
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
    await vscode.commands.executeCommand('workbench.action.openWalkthrough', `${EXTENSION_ID}#writeup.gettingStarted`, false);
    // Only for the picture: the walkthrough's images load after the page opens, with no signal to wait on.
    if (process.env.WRITEUP_SCREENSHOT === '1') await new Promise((resolve) => setTimeout(resolve, 2000));
    await screenshot('walkthrough');
  });

  test('.bib files open in the BibTeX language', async () => {
    const doc = await vscode.workspace.openTextDocument(exampleUri('references.bib'));
    assert.equal(doc.languageId, 'bibtex');
    if (process.env.WRITEUP_SCREENSHOT === '1') {
      // Pictures of the scopes VS Code gives (the web workbench has no API that returns tokens).
      await vscode.window.showTextDocument(doc);
      await screenshot('bibtex');
      const report = await openExample('report.md');
      const editor = await vscode.window.showTextDocument(report);
      // The inspector is a toggle that follows the cursor: open it once, then move.
      for (const [i, [name, word]] of ([['inspect-citation', 'bartlett2017spectrally'], ['inspect-front-matter', 'course:']] as const).entries()) {
        const at = report.positionAt(report.getText().indexOf(word) + 2);
        editor.selection = new vscode.Selection(at, at);
        if (i === 0) await vscode.commands.executeCommand('editor.action.inspectTMScopes');
        await new Promise((resolve) => setTimeout(resolve, 1000));
        await screenshot(name);
      }
      await vscode.commands.executeCommand('editor.action.inspectTMScopes');
    }
  });

  test('Export PDF turns example/report.md into a PDF', async function () {
    this.timeout(180_000);
    await openExample('report.md');
    await vscode.commands.executeCommand('workbench.action.closeOtherEditors');
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
    await vscode.commands.executeCommand('writeup.showOutput');
    await screenshot('export-pdf');
  });

  test('a LaTeX error from Export PDF lands as a diagnostic on its source line', async function () {
    this.timeout(180_000);
    const bad = path.join(temp, 'bad.tex');
    fs.writeFileSync(bad, '\\documentclass{article}\n\\begin{document}\nHello.\n\n\\foo\n\\end{document}\n');
    const result = await vscode.commands.executeCommand<ExportPdfResult>('writeup.exportPdf', { uri: vscode.Uri.file(bad), open: false });
    assert.equal(result.ok, false);
    const diagnostics = await waitFor('export diagnostics on bad.tex', () => {
      const found = vscode.languages.getDiagnostics(vscode.Uri.file(bad)).filter((d) => d.source === 'writeup export');
      return found.length > 0 ? found : undefined;
    });
    assert.equal(diagnostics[0]?.message, 'Undefined control sequence \\foo.');
    assert.equal(diagnostics[0]?.range.start.line, 4);
    assert.equal(diagnostics[0]?.severity, vscode.DiagnosticSeverity.Error);
  });
});
