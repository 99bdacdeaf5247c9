import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { extension } from './helpers';

// Only for `npm run bench -- activate` (bench/cases/activate.ts), which starts a fresh VS Code per
// sample and runs just this test: it times the first `ext.activate()` in that host.
const out = process.env.WRITEUP_BENCH_ACTIVATE_OUT;
if (out) {
  suite('bench activate', () => {
    test('times ext.activate() in a fresh extension host', async () => {
      const ext = extension();
      const wasActive = ext.isActive;
      const t0 = performance.now();
      const api = await ext.activate();
      const activateMs = performance.now() - t0;
      await api.ready;
      const readyMs = performance.now() - t0;
      fs.writeFileSync(out, JSON.stringify({ activate_ms: activateMs, ready_ms: readyMs, was_active: wasActive, vscode: vscode.version }));
      assert.equal(wasActive, false, 'the extension was active before the measurement');
    });
  });
}
