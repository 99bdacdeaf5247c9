import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import MarkdownIt from 'markdown-it';
import { activateExtension, exampleUri, extension, openExample, screenshot, waitFor } from './helpers';

/** The SVG of the first image in a hover's Markdown, decoded. */
function svgOf(hovers: vscode.Hover[]): string | undefined {
  for (const hover of hovers) {
    for (const content of hover.contents) {
      const value = typeof content === 'string' ? content : 'value' in content ? content.value : '';
      const m = /!\[math\]\(data:image\/svg\+xml;base64,([A-Za-z0-9+/=]+)\)/.exec(value);
      if (m?.[1]) return Buffer.from(m[1], 'base64').toString('utf8');
    }
  }
  return undefined;
}

/** Hovers at the first occurrence of `needle` (plus `offset` characters) in `doc`. */
async function hoverAt(doc: vscode.TextDocument, needle: string, offset = 0): Promise<vscode.Hover[]> {
  const at = doc.getText().indexOf(needle);
  assert.ok(at >= 0, `${needle} not found in ${doc.fileName}`);
  return vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, doc.positionAt(at + offset));
}

suite('Math', () => {
  test('hover on a formula in example/report.md shows an SVG with the \\R macro expanded', async () => {
    const doc = await openExample('report.md');
    await activateExtension();
    // `$W_k \in \R^{d \times d}$`: \R comes from the front matter's header-includes.
    const svg = await waitFor('a math hover image in report.md', async () => svgOf(await hoverAt(doc, 'W_k \\in \\R', 2)), 30_000);
    assert.match(svg, /^<svg /);
    assert.match(svg, /data-c="211D"/, 'the double-struck R (U+211D) of \\mathbb{R}');
  });

  test('hover on a formula in example/report.tex shows an SVG with the preamble macro expanded', async () => {
    const doc = await openExample('report.tex');
    await activateExtension();
    const svg = await waitFor('a math hover image in report.tex', async () => svgOf(await hoverAt(doc, 'x \\in \\R^d', 1)), 30_000);
    assert.match(svg, /data-c="211D"/);
  });

  test('a broken formula shows the TeX error in the hover and a math-syntax diagnostic at the command', async () => {
    // A temporary report (outside example/, which must stay unchanged); its name makes it a writeup to lint.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'writeup-math-'));
    const file = path.join(dir, 'report-draft.md');
    fs.writeFileSync(file, '# Draft\n\nThe bound\n\n$$\na \\le \\frac{1}{n}\n  + \\sqtr{d}\n$$\n');
    try {
      const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(file));
      await vscode.window.showTextDocument(doc);
      await activateExtension();
      const hovers = await waitFor('a hover on the broken formula', async () => {
        const h = await hoverAt(doc, '\\sqtr', 1);
        return h.length > 0 ? h : undefined;
      });
      const shown = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))).join('\n');
      assert.match(shown, /\*\*TeX error\*\*[\s\S]*Undefined control sequence \\sqtr/);
      assert.equal(svgOf(hovers), undefined);
      const diagnostic = await waitFor('the math-syntax diagnostic', () =>
        vscode.languages.getDiagnostics(doc.uri).find((d) => (typeof d.code === 'object' ? d.code.value : d.code) === 'math-syntax'),
      );
      // `  + \sqtr{d}` is line 6: the range is the command itself, not the whole formula.
      assert.deepEqual(
        [diagnostic.range.start.line, diagnostic.range.start.character, diagnostic.range.end.line, diagnostic.range.end.character],
        [6, 4, 6, 9],
      );
      assert.match(diagnostic.message, /\\sqtr/);
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test('Writeup: Open Preview to the Side opens the preview webview beside report.md', async () => {
    const doc = await openExample('report.md');
    await activateExtension();
    await vscode.commands.executeCommand('writeup.openPreviewToSide');
    const tab = await waitFor('a Writeup preview tab', () =>
      vscode.window.tabGroups.all
        .flatMap((g) => g.tabs)
        .find((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith('writeup.preview')),
    );
    assert.match(tab.label, /report\.md/);
    // The page's script reports once it has run (KaTeX sizes applied), before the picture.
    await waitFor('the preview page to load', async () => {
      const state = await vscode.commands.executeCommand<{ source?: string; painted: number } | undefined>('writeup._previewState');
      return state && state.painted > 0 && state.source?.endsWith('report.md');
    });
    // For the README's picture: scroll the editor to the method (the preview follows it).
    const editor = vscode.window.visibleTextEditors.find((e) => e.document === doc);
    const method = doc.getText().indexOf('# Method');
    editor?.revealRange(new vscode.Range(doc.positionAt(method), doc.positionAt(method)), vscode.TextEditorRevealType.AtTop);
    await screenshot('preview');
  });

  test('typing in a LaTeX report patches the open preview with the changed block only, and the page applies it', async () => {
    // A copy of example/report.tex outside example/ (which must stay unchanged), so typing leaves no trace.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'writeup-preview-'));
    const file = path.join(dir, 'report.tex');
    fs.copyFileSync(exampleUri('report.tex').fsPath, file);
    try {
      const doc = await vscode.workspace.openTextDocument(file);
      const editor = await vscode.window.showTextDocument(doc);
      await activateExtension();
      await vscode.commands.executeCommand('writeup.openPreviewToSide');
      type State = { source?: string; painted: number; pieced: number; patched: number; resyncs: number };
      const state = async () => vscode.commands.executeCommand<State | undefined>('writeup._previewState');
      await waitFor('the report.tex preview to load', async () => {
        const s = await state();
        return s && s.painted > 0 && s.source === doc.uri.toString();
      });
      const at = doc.positionAt(doc.getText().indexOf('\\section{'));
      // The first edit sends the page in pieces, the next one only the block it touched.
      await editor.edit((b) => b.insert(at, 'A first sentence.\n\n'));
      await waitFor('the page to take the body in pieces', async () => ((await state())?.pieced ?? 0) > 0);
      await editor.edit((b) => b.insert(at, 'x'));
      await waitFor('the page to apply the patch', async () => ((await state())?.patched ?? 0) > 0);
      assert.equal((await state())?.resyncs, 0);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test("VS Code's Markdown preview gets author-year citations through extendMarkdownIt", async () => {
    await activateExtension();
    const exports = extension().exports as unknown as { extendMarkdownIt?: (md: MarkdownIt) => MarkdownIt };
    assert.equal(typeof exports.extendMarkdownIt, 'function');
    const md = exports.extendMarkdownIt!(new MarkdownIt());
    const env = () => ({ currentDocument: exampleUri('report.md') });
    // The bibliography loads in the background; the preview is refreshed once it is known.
    const html = await waitFor('the citation rendered from references.bib', () => {
      const out = md.render('Norm-based bounds [@bartlett2017spectrally].', env());
      return out.includes('Bartlett, Foster, and Telgarsky 2017') ? out : undefined;
    });
    assert.match(html, /<span class="citation">\(<a class="cite" href="#ref-bartlett2017spectrally"/);
  });
});
