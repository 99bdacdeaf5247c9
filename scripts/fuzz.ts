// `npm run fuzz`: 100,000 generated and mutated inputs (writeups in both formats, .bib files,
// course packs) through the readers, course resolution, page estimator, lint engine, completion
// and preview. Failing inputs are shrunk and kept in test/fixtures/fuzz/ as regression fixtures.
// Usage: npm run fuzz [-- --runs N] [--seed S]
import { parseArgs } from 'node:util';
import { families, keepRegression, runFamily } from '../test/fuzz/run';

const { values } = parseArgs({ options: { runs: { type: 'string' }, seed: { type: 'string' } } });
const total = Number(values.runs ?? 100_000);
const seed = Number(values.seed ?? Date.now() % 2 ** 31);
const perFamily = Math.ceil(total / families.length);
console.log(`fuzz: ${perFamily} inputs per family, seed ${seed}`);
let failed = 0;
const started = performance.now();
for (const family of families) {
  // Budget factor 2: a hang guard proportional to size (2 s + 20 ms/KB), not a speed goal.
  const r = runFamily(family, perFamily, seed, 2);
  const line = `${family.name.padEnd(9)} ${String(r.runs).padStart(7)} inputs in ${(r.ms / 1000).toFixed(1)} s; slowest ${r.slowest.ms.toFixed(0)} ms of CPU (${r.slowest.bytes} bytes)`;
  if (r.failure) {
    failed++;
    const kept = r.counterexample !== undefined ? keepRegression(family, r.counterexample) : 'not kept';
    console.log(`${line}\n  FAILED: ${r.failure.split('\n').slice(0, 6).join('\n  ')}\n  kept as test/fixtures/fuzz/${kept}`);
  } else console.log(`${line}: ok`);
}
console.log(`fuzz: ${families.length - failed} families passed, ${failed} failed, ${((performance.now() - started) / 1000).toFixed(1)} s`);
process.exit(failed ? 1 : 0);
