import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, extension, openExample, waitFor } from './helpers';

interface DeclaredCommand {
  command: string;
}

/** A symbol's title without a leading section number ("2.1 Wide networks" -> "Wide networks"). */
const title = (s: vscode.DocumentSymbol): string => s.name.replace(/^\d+(\.\d+)*\.?\s+/, '');

suite('Extension', () => {
  test('activates when example/report.md is opened', async () => {
    const doc = await openExample('report.md');
    assert.equal(doc.languageId, 'markdown');
    await waitFor('the extension to activate', () => extension().isActive);
    const api = await activateExtension();
    assert.ok(api.ready instanceof Promise, 'activate() returns the WriteupApi with its ready signal');
  });

  test('registers every command declared in package.json', async () => {
    await activateExtension();
    const declared = ((extension().packageJSON as { contributes?: { commands?: DeclaredCommand[] } }).contributes?.commands ?? []).map(
      (c) => c.command,
    );
    assert.ok(declared.length > 0, 'package.json declares commands');
    const registered = new Set(await vscode.commands.getCommands(true));
    const missing = declared.filter((id) => !registered.has(id));
    assert.deepEqual(missing, [], `declared in package.json but not registered: ${missing.join(', ')}`);
  });

  test('outline of example/report.tex nests subsections under their sections', async () => {
    const doc = await openExample('report.tex');
    assert.equal(doc.languageId, 'latex');
    await activateExtension();
    const symbols = await waitFor('document symbols of report.tex', async () => {
      const result = await vscode.commands.executeCommand<vscode.DocumentSymbol[] | undefined>(
        'vscode.executeDocumentSymbolProvider',
        doc.uri,
      );
      return result && result.length > 0 ? result : undefined;
    });
    assert.deepEqual(symbols.map(title), ['Introduction', 'Background', 'Method', 'Results', 'Conclusion']);
    const background = symbols.find((s) => title(s) === 'Background');
    assert.ok(background);
    assert.deepEqual(background.children.map(title), ['Generalization bounds', 'Wide networks']);
    const bounds = background.children.find((s) => title(s) === 'Generalization bounds');
    assert.ok(bounds);
    assert.deepEqual(bounds.children.map(title), ['Low-rank weights']);
    const line = (s: vscode.DocumentSymbol) => doc.lineAt(s.selectionRange.start.line).text;
    assert.match(line(background), /\\section\{Background\}/);
    assert.ok(background.range.contains(bounds.range), 'a subsection lies inside its section');
  });
});
