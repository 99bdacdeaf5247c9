/**
 * The extension in a browser's web-worker extension host (as on vscode.dev, github.dev, Codespaces
 * in a browser), with real documents read through `vscode.workspace.fs`. The workspace is a copy of
 * example/ made by scripts/test-web.mjs, with `expected-pages.json` (the CLI's estimate of
 * report.md, figure included) beside it.
 */
import assert from 'assert';
import * as vscode from 'vscode';
import type { WriteupApi } from '../../src/vscode/api';

const EXTENSION_ID = 'research-writeup.research-writeup';

function folder(): vscode.Uri {
  const first = vscode.workspace.workspaceFolders?.[0];
  assert.ok(first, 'a workspace folder is open');
  return first.uri;
}

const fileUri = (...segments: string[]): vscode.Uri => vscode.Uri.joinPath(folder(), ...segments);

async function activate(): Promise<WriteupApi> {
  const ext = vscode.extensions.getExtension<WriteupApi>(EXTENSION_ID);
  assert.ok(ext, `${EXTENSION_ID} is loaded`);
  const api = await ext.activate();
  await api.ready;
  return api;
}

/** Polls `probe` until it returns a value other than undefined/false (the extension's own signals, no fixed sleeps). */
async function waitFor<T>(what: string, probe: () => T | undefined | false | Promise<T | undefined | false>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined && value !== false) return value;
    } catch (e) {
      last = e;
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}${last ? `: ${String(last)}` : ''}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * Asks the runner for a screenshot (with SCREENSHOT=dir/) and waits until it is taken: the runner
 * answers by creating .harness/<id>.done in the workspace (at once when no screenshot is wanted).
 */
async function screenshot(name: string): Promise<void> {
  const id = `${name}-${Date.now().toString(36)}`;
  console.log(`[harness:screenshot] ${name} id=${id}`);
  await waitFor(`the screenshot ${name}`, () => Promise.resolve(vscode.workspace.fs.stat(fileUri('.harness', `${id}.done`))).then(() => true));
}

async function write(uri: vscode.Uri, text: string): Promise<void> {
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
}

async function open(uri: vscode.Uri): Promise<{ doc: vscode.TextDocument; editor: vscode.TextEditor }> {
  const doc = await vscode.workspace.openTextDocument(uri);
  const editor = await vscode.window.showTextDocument(doc, { preview: false });
  return { doc, editor };
}

function endOf(doc: vscode.TextDocument, marker: string): vscode.Position {
  const at = doc.getText().indexOf(marker);
  assert.ok(at >= 0, `'${marker}' is in ${doc.uri.path}`);
  return doc.positionAt(at + marker.length);
}

const labelOf = (item: vscode.CompletionItem): string => (typeof item.label === 'string' ? item.label : item.label.label);

async function citationLabels(doc: vscode.TextDocument, position: vscode.Position): Promise<string[]> {
  return waitFor('citation completions', async () => {
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, position, '@');
    const ours = list.items.filter((i) => i.kind === vscode.CompletionItemKind.Reference);
    ours.sort((a, b) => (a.sortText ?? '').localeCompare(b.sortText ?? ''));
    return ours.length > 0 ? ours.map(labelOf) : undefined;
  });
}

const undefinedCitation = (d: vscode.Diagnostic): boolean => (typeof d.code === 'object' ? d.code.value : d.code) === 'undefined-citation';

/** A proposal for 18.408 whose bibliography holds one entry no course lists. */
const proposal = `---
title: "Norms in the browser"
author:
  - name: Ada Student
course: mit-18.408
kind: proposal
project: reading
bibliography: web.bib
---

# Introduction

Norm-based bounds [@spectral
`;
const bib = `@article{webstudent2026norms,
  author  = {Student, Ada},
  title   = {Reading Norm Bounds in a Browser},
  journal = {Course Notes},
  year    = {2026}
}
`;

suite('On the web (web-worker extension host)', () => {
  suiteSetup(async () => {
    await write(fileUri('web', 'proposal.md'), proposal);
    await write(fileUri('web', 'web.bib'), bib);
  });

  test('runs in a web worker: no process, no Node require, and the extension is ready', async () => {
    const g = globalThis as Record<string, unknown>;
    assert.equal(typeof g.process, 'undefined', 'no Node `process` in the host');
    assert.equal(typeof g.importScripts, 'function', 'a worker global scope');
    assert.equal(vscode.env.uiKind, vscode.UIKind.Web);
    await activate();
    assert.equal(vscode.extensions.getExtension(EXTENSION_ID)?.isActive, true);
  });

  test('citation completion offers the course list first and the .bib read through workspace.fs', async () => {
    await activate();
    const { doc } = await open(fileUri('web', 'proposal.md'));
    const labels = await citationLabels(doc, endOf(doc, '[@spectral'));
    assert.equal(labels[0], 'bartlett2017spectrally', `18.408's list first (got ${labels.slice(0, 5).join(', ')})`);
    const all = await citationLabels(doc, endOf(doc, '[@'));
    assert.ok(all.includes('webstudent2026norms'), `the key from web.bib (got ${all.slice(0, 12).join(', ')})`);
  });

  test('hover on a cited key shows the formatted reference, and go to definition opens its .bib entry', async () => {
    await activate();
    const { doc } = await open(fileUri('report.md'));
    const inKey = endOf(doc, '@golowich20');
    const text = await waitFor('the reference formatted by citation-js in the hover', async () => {
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, inKey);
      const value = hovers
        .flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : '')))
        .join('\n')
        .replace(/\\(.)/g, '$1');
      return /Golowich, N\., Rakhlin, A\., & Shamir, O\. \(2018\)\. Size-Independent Sample Complexity of Neural Networks\..*https:\/\/arxiv\.org\/abs\/1712\.06541/s.test(value) ? value : undefined;
    });
    assert.match(text, /references\.bib/);
    const [target] = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>('vscode.executeDefinitionProvider', doc.uri, inKey);
    assert.ok(target, 'a definition');
    const uri = 'targetUri' in target ? target.targetUri : target.uri;
    const range = 'targetUri' in target ? (target.targetSelectionRange ?? target.targetRange) : target.range;
    assert.equal(uri.toString(), fileUri('references.bib').toString());
    const bibText = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
    assert.equal(range.start.line, bibText.split('\n').findIndex((l) => l.includes('{golowich2018size,')));
  });

  test('an undefined key is an error on save, and its quick fix repairs it', async () => {
    await activate();
    const { doc, editor } = await open(fileUri('web', 'proposal.md'));
    const start = endOf(doc, '[@');
    await editor.edit((b) => b.replace(new vscode.Range(start, endOf(doc, '[@spectral')), 'webstudent2026norm]'));
    await doc.save();
    const diagnostic = await waitFor('the undefined-citation error for the typo', () =>
      vscode.languages.getDiagnostics(doc.uri).find((d) => undefinedCitation(d) && /webstudent2026norm\b/.test(d.message)),
    );
    assert.equal(diagnostic.severity, vscode.DiagnosticSeverity.Error);
    assert.deepEqual([diagnostic.range.start.line, diagnostic.range.start.character], [start.line, start.character]);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, diagnostic.range);
    const change = actions.find((a) => a.title === "Change to 'webstudent2026norms'");
    assert.ok(change?.edit, `quick fix offered (got: ${actions.map((a) => a.title).join(', ')})`);
    assert.ok(await vscode.workspace.applyEdit(change.edit));
    assert.match(doc.getText(), /\[@webstudent2026norms\]/);
    await doc.save();
    await waitFor('the error gone', () => !vscode.languages.getDiagnostics(doc.uri).some(undefinedCitation));
  });

  test('the page estimate of report.md (its figure read through workspace.fs) matches the CLI', async () => {
    const expected = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(fileUri('expected-pages.json')))) as { contentPages: number; totalPages: number };
    await activate();
    await open(fileUri('report.md'));
    const estimate = await waitFor('the estimate with the figure measured', async () => {
      const e = await vscode.commands.executeCommand<{ contentPages: number; totalPages: number; limit?: number; file: string } | undefined>('writeup.showPageEstimate');
      return e && Math.abs(e.contentPages - expected.contentPages) < 0.02 ? e : undefined;
    });
    assert.ok(Math.abs(estimate.totalPages - expected.totalPages) < 0.02, `total ${estimate.totalPages} vs CLI ${expected.totalPages}`);
    assert.equal(estimate.limit, 5, "9.520's individual limit");
    assert.ok(estimate.file.endsWith('/report.md'));
  });

  test('math hover renders the formula with MathJax in a Web Worker', async () => {
    await activate();
    const { doc } = await open(fileUri('report.md'));
    const at = doc.getText().indexOf('W_k \\in \\R');
    assert.ok(at >= 0);
    const svg = await waitFor(
      'a math hover image',
      async () => {
        const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, doc.positionAt(at + 2));
        for (const hover of hovers) {
          for (const content of hover.contents) {
            const value = typeof content === 'string' ? content : 'value' in content ? content.value : '';
            const m = /!\[math\]\(data:image\/svg\+xml;base64,([A-Za-z0-9+/=]+)\)/.exec(value);
            if (m?.[1]) return new TextDecoder().decode(Uint8Array.from(atob(m[1]), (c) => c.charCodeAt(0)));
          }
        }
        return undefined;
      },
      30_000,
    );
    assert.match(svg, /^<svg /);
    assert.match(svg, /data-c="211D"/, 'the double-struck R of the \\R macro');
  });

  test('Export PDF says it needs the desktop', async () => {
    await activate();
    await open(fileUri('report.md'));
    await vscode.commands.executeCommand('notifications.clearAll');
    const result = await vscode.commands.executeCommand<{ ok: boolean; message?: string }>('writeup.exportPdf');
    assert.equal(result.ok, false);
    assert.match(result.message ?? '', /desktop/);
  });

  test('a workspace course pack (.writeup/courses, read through workspace.fs) drives New Proposal', async () => {
    await activate();
    // The pack loads in the background: Select Course accepts its id once it is there.
    await waitFor('the workspace pack to load', async () => (await vscode.commands.executeCommand<string | undefined>('writeup.selectCourse', 'web-seminar')) ?? undefined);
    const uri = await vscode.commands.executeCommand<vscode.Uri | undefined>('writeup.newProposal', {
      course: 'web-seminar',
      format: 'md',
      authors: 'Ada Student',
      projectType: 'reading',
      folder: fileUri('from-pack').toString(),
    });
    assert.ok(uri, 'New Proposal returns the new file');
    assert.equal(uri.toString(), fileUri('from-pack', 'proposal.md').toString());
    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
    assert.match(text, /^course: web-seminar$/m);
    assert.match(text, /^# Introduction/m);
    await vscode.workspace.fs.stat(fileUri('from-pack', 'references.bib'));
  });

  test('the preview opens beside the writeup and paints', async () => {
    await activate();
    const { doc } = await open(fileUri('report.md'));
    await vscode.commands.executeCommand('writeup.openPreviewToSide');
    const tab = await waitFor('the preview tab', () =>
      vscode.window.tabGroups.all.flatMap((g) => g.tabs).find((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith('writeup.preview')),
    );
    assert.match(tab.label, /report\.md/);
    await waitFor('the preview page to paint', async () => {
      const state = await vscode.commands.executeCommand<{ source?: string; painted: number } | undefined>('writeup._previewState');
      return state !== undefined && state.painted > 0 && state.source?.endsWith('report.md');
    });
    // For the README: the formula's hover in the editor beside the preview (the runner waits for the hover's image).
    const editor = await vscode.window.showTextDocument(doc, vscode.ViewColumn.One);
    const math = doc.positionAt(doc.getText().indexOf('W_k \\in \\R') + 2);
    editor.selection = new vscode.Selection(math, math);
    editor.revealRange(new vscode.Range(math, math), vscode.TextEditorRevealType.InCenter);
    await vscode.commands.executeCommand('editor.action.showHover');
    await screenshot('web-hover');
  });

});
