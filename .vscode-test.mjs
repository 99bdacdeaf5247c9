// `npm run test:electron`: the integration suite (out/test/integration/*.test.js, built by
// scripts/build.mjs from test/integration/*.test.ts) in desktop VS Code, downloaded by
// @vscode/test-electron into .vscode-test/. Needs internet; the offline runner for the same suite
// is scripts/test-integration.mjs (`npm run test:integration`).
//   npm run test:electron                          latest stable VS Code
//   VSCODE_VERSION=1.100.3 npm run test:electron   the oldest version package.json accepts
//   npm run test:electron -- --grep "Extension"    mocha options pass through
import { defineConfig } from '@vscode/test-cli';
import path from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';

const root = path.dirname(fileURLToPath(import.meta.url));

export default defineConfig({
  label: 'integration',
  files: 'out/test/integration/*.test.js',
  version: process.env.VSCODE_VERSION ?? 'stable',
  extensionDevelopmentPath: root,
  workspaceFolder: path.join(root, 'example'),
  // Other installed extensions stay off; the extension under development still loads.
  launchArgs: ['--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes'],
  mocha: { ui: 'tdd', timeout: 60_000, color: true },
});
