// Runs the plain-Node unit tests (test/**/*.test.ts, not test/integration) with node:test.
// Extra arguments are passed through, e.g. `npm run test:unit -- test/core/readers`.
import { spawnSync } from 'node:child_process';
import { globSync } from 'glob';

const filters = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const flags = process.argv.slice(2).filter((a) => a.startsWith('-'));
const files = globSync('test/**/*.test.ts', { ignore: ['test/integration/**'] })
  .sort()
  .filter((f) => filters.length === 0 || filters.some((p) => f.includes(p)));
if (files.length === 0) {
  console.error('test:unit: no test files match', filters.join(' '));
  process.exit(1);
}
const result = spawnSync(
  process.execPath,
  ['--import', 'tsx', '--test', '--test-concurrency=2', ...flags, ...files],
  { stdio: 'inherit' },
);
process.exit(result.status ?? 1);
