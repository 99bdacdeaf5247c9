import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { Session } from 'node:inspector/promises';
import * as vscode from 'vscode';
import { extension } from './helpers';

// Only for `npm run bench -- activate` (bench/cases/activate.ts), which starts a fresh VS Code per
// sample and runs just this test: it times the first `ext.activate()` in that host (wall clock,
// and the process's CPU time over the same span, which a busy machine inflates less).
// WRITEUP_BENCH_ACTIVATE_PROFILE=<file.cpuprofile> also records a CPU profile of that activation
// (open it in Chrome DevTools or VS Code); the timed figure then includes the profiler's overhead.
const out = process.env.WRITEUP_BENCH_ACTIVATE_OUT;
const profileOut = process.env.WRITEUP_BENCH_ACTIVATE_PROFILE;
if (out) {
  suite('bench activate', () => {
    test('times ext.activate() in a fresh extension host', async () => {
      const ext = extension();
      const wasActive = ext.isActive;
      const session = profileOut ? new Session() : undefined;
      if (session) {
        session.connect();
        await session.post('Profiler.enable');
        await session.post('Profiler.setSamplingInterval', { interval: 50 });
        await session.post('Profiler.start');
      }
      const cpu0 = process.cpuUsage();
      const t0 = performance.now();
      const api = await ext.activate();
      const activateMs = performance.now() - t0;
      const cpu = process.cpuUsage(cpu0);
      await api.ready;
      const readyMs = performance.now() - t0;
      if (session && profileOut) {
        const { profile } = await session.post('Profiler.stop');
        fs.writeFileSync(profileOut, JSON.stringify(profile));
        session.disconnect();
      }
      fs.writeFileSync(out, JSON.stringify({ activate_ms: activateMs, activate_cpu_ms: (cpu.user + cpu.system) / 1000, ready_ms: readyMs, was_active: wasActive, vscode: vscode.version }));
      assert.equal(wasActive, false, 'the extension was active before the measurement');
    });
  });
}
