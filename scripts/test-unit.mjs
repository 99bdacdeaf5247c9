// Runs the plain-Node unit tests (test/**/*.test.ts, not test/integration) with node:test.
// Extra arguments are passed through, e.g. `npm run test:unit -- test/core/readers`.
import { spawnSync } from 'node:child_process';
import { globSync } from 'glob';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const filters = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const flags = process.argv.slice(2).filter((a) => a.startsWith('-'));
const files = globSync('test/**/*.test.ts', { ignore: ['test/integration/**'] })
  .sort()
  .filter((f) => filters.length === 0 || filters.some((p) => f.includes(p)));
if (files.length === 0) {
  console.error('test:unit: no test files match', filters.join(' '));
  process.exit(1);
}
// spec on the terminal (with node:test's summary), TAP to a file for the one-line count below.
const tapDir = mkdtempSync(path.join(os.tmpdir(), 'test-unit-'));
const tapFile = path.join(tapDir, 'unit.tap');
const result = spawnSync(
  process.execPath,
  [
    '--import', 'tsx', '--test', '--test-concurrency=2',
    '--test-reporter=spec', '--test-reporter-destination=stdout',
    '--test-reporter=tap', `--test-reporter-destination=${tapFile}`,
    ...flags, ...files,
  ],
  { stdio: 'inherit' },
);
try {
  const tap = readFileSync(tapFile, 'utf8');
  // The last summary block is the whole run's (TAP may hold earlier per-file ones).
  const count = (key) => Number([...tap.matchAll(new RegExp(`^# ${key} (\\d+)$`, 'gm'))].at(-1)?.[1] ?? 0);
  console.log(`unit: ${count('pass')} passed, ${count('fail') + count('cancelled')} failed`);
} catch {
  // no TAP output: node:test did not start
} finally {
  rmSync(tapDir, { recursive: true, force: true });
}
process.exit(result.status ?? 1);
