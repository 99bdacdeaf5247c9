import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { summarize } from '../stats';
import type { SamplesCase } from '../types';

const root = path.join(__dirname, '..', '..');

interface HostSample {
  activate_ms: number;
  activate_cpu_ms: number;
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
    return {
      samples_ms: samples.map((s) => s.activate_ms),
      ready_median_ms: summarize(samples.map((s) => s.ready_ms)).median_ms,
      // The extension host's CPU time over the same span (all its threads): less inflated by a busy machine.
      cpu_median_ms: summarize(samples.map((s) => s.activate_cpu_ms)).median_ms,
      host: `real extension host: VS Code ${samples[0]?.vscode ?? '?'} (code-server), ${process.version}`,
      fresh_hosts: samples.length,
    };
  },
};

export default bench;
