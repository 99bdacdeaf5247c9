// User-visible strings in the extension go through vscode.l10n.t: messages, quick-pick and input
// titles, status bar names and texts. This finds the ones written as bare literals.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { globSync } from 'glob';

const literal = String.raw`(?:'(?:[^'\\]|\\.)*[A-Za-z]{2}(?:[^'\\]|\\.)*'|\x60[^\x60]*[A-Za-z]{2}[^\x60]*\x60)`;
const shapes = [
  new RegExp(String.raw`show(?:Warning|Information|Error)Message\(\s*${literal}`),
  new RegExp(String.raw`\.(?:text|name) = ${literal}`),
  new RegExp(String.raw`\b(?:title|placeHolder|prompt): ${literal}`),
  new RegExp(String.raw`, ${literal}\)\.then\(\(choice\)`),
];

describe('l10n in src/vscode', () => {
  test('no user-facing string literal outside vscode.l10n.t', () => {
    const found: string[] = [];
    for (const file of globSync('src/vscode/**/*.ts', { posix: true }).sort()) {
      readFileSync(file, 'utf8').split('\n').forEach((line, i) => {
        const text = line.replace(/\$\{[^}]*\}/g, '');
        if (shapes.some((re) => re.test(text))) found.push(`${file}:${i + 1}: ${line.trim()}`);
      });
    }
    assert.deepEqual(found, []);
  });
});
