import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { SamplesCase } from '../types';

const root = path.join(__dirname, '..', '..');

interface HostSample {
  activate_ms: number;
  ready_ms: number;
  was_active: boolean;
  vscode: string;
}

/**
 * `activate`: time of `ext.activate()` (loading dist/extension.js and running `activate`) in a
 * fresh, real VS Code extension host: each sample starts the offline integration harness
 * (code-server 4.100.3 = VS Code 1.100.3, Node 20) and runs only the `bench activate` test
 * (test/integration/benchActivate.test.ts). Samples: $WRITEUP_BENCH_ACTIVATE_RUNS (default 5).
 */
const bench: SamplesCase = {
  name: 'activate',
  async samples() {
    const runs = Number(process.env.WRITEUP_BENCH_ACTIVATE_RUNS ?? 5);
    const dir = mkdtempSync(path.join(os.tmpdir(), 'bench-activate-'));
    const samples: HostSample[] = [];
    try {
      for (let i = 0; i < runs; i++) {
        const out = path.join(dir, `run${i}.json`);
        const r = spawnSync(
          process.execPath,
          [path.join(root, 'scripts', 'test-integration.mjs'), '--no-build', '--grep', '^bench activate'],
          { cwd: root, encoding: 'utf8', env: { ...process.env, WRITEUP_BENCH_ACTIVATE_OUT: out } },
        );
        if (r.status !== 0) throw new Error(`integration harness exited ${r.status}:\n${(r.stdout + r.stderr).slice(-2000)}`);
        const sample = JSON.parse(readFileSync(out, 'utf8')) as HostSample;
        if (sample.was_active) throw new Error('the extension was already active before the measurement (an eager activation event?)');
        samples.push(sample);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    const ready = samples.map((s) => s.ready_ms).sort((a, b) => a - b);
    return {
      samples_ms: samples.map((s) => s.activate_ms),
      ready_median_ms: Math.round((ready[Math.floor(ready.length / 2)] ?? NaN) * 1000) / 1000,
      host: `real extension host: VS Code ${samples[0]?.vscode ?? '?'} (code-server), ${process.version}`,
      fresh_hosts: samples.length,
    };
  },
};

export default bench;
