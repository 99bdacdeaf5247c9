import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { LINE_ENDS, withLineEnds } from '../helpers/lineEnds';
import { families, regressions, runFamily } from './run';

// The CI-sized fuzz run (`npm run fuzz` runs 100,000). FUZZ_RUNS overrides the per-family count.
const runs = Number(process.env.FUZZ_RUNS ?? 600);
const seed = Number(process.env.FUZZ_SEED ?? 20261123);

describe('fuzz: hostile input never crashes, hangs, or yields ranges outside the document', () => {
  for (const family of families) {
    test(`${runs} generated ${family.name} inputs`, () => {
      // Budget factor 10: only a hang fails here; speed is measured in bench/. No shrinking in CI.
      const result = runFamily(family, runs, seed, 10, false);
      assert.equal(result.failure, undefined, `${family.name}: ${result.failure}\ncounterexample: ${JSON.stringify(result.counterexample)?.slice(0, 2000)}`);
    });
  }
  for (const { file, family, text } of regressions()) {
    for (const [name, eol] of LINE_ENDS) {
      test(`regression fixture ${file} (${name})`, () => {
        assert.deepEqual(family.check(withLineEnds(text, eol)), []);
      });
    }
  }
});
