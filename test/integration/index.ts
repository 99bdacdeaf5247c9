/**
 * Mocha entry point of the integration suite, loaded INSIDE the VS Code extension host
 * (`extensionTestsPath` = out/test/integration). VS Code calls `run()`; the returned promise
 * rejects when a test fails. Every `*.test.js` beside this file (bundled from
 * test/integration/*.test.ts by scripts/build.mjs) is part of the suite.
 *
 * Environment (set by scripts/test-integration.mjs, inherited from code-server):
 * - `WRITEUP_TEST_GREP`: only run tests whose full title matches this regular expression;
 * - `WRITEUP_TEST_RESULTS`: where to write `{ passes, failures, stats }` as JSON (the runner's
 *   second channel besides the exit code);
 * - `WRITEUP_TEST_COLOR=1`: colour the spec reporter's output.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

/** What the results file holds. */
export interface SuiteResults {
  passes: string[];
  failures: { title: string; error: string }[];
  pending: string[];
  stats?: Mocha.Stats | undefined;
}

function grepOf(pattern: string | undefined): RegExp | undefined {
  if (!pattern) return undefined;
  try {
    return new RegExp(pattern);
  } catch {
    return new RegExp(pattern.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  }
}

/** Runs the suite; resolves when every test passed. */
export function run(): Promise<void> {
  const grep = grepOf(process.env.WRITEUP_TEST_GREP);
  const mocha = new Mocha({
    ui: 'tdd',
    reporter: 'spec',
    color: process.env.WRITEUP_TEST_COLOR === '1',
    timeout: 60_000,
    ...(grep ? { grep } : {}),
  });
  const files = fs
    .readdirSync(__dirname)
    .filter((f) => f.endsWith('.test.js'))
    .sort();
  for (const f of files) mocha.addFile(path.join(__dirname, f));
  const resultsFile = process.env.WRITEUP_TEST_RESULTS ?? path.join(__dirname, 'results.json');
  const results: SuiteResults = { passes: [], failures: [], pending: [] };

  return new Promise((resolve, reject) => {
    try {
      const runner = mocha.run((failures) => {
        results.stats = runner.stats;
        try {
          fs.writeFileSync(resultsFile, JSON.stringify(results, null, 2));
        } catch (e) {
          console.error(`cannot write ${resultsFile}:`, e);
        }
        if (failures > 0) reject(new Error(`${failures} integration test(s) failed`));
        else resolve();
      });
      runner.on('pass', (t) => results.passes.push(t.fullTitle()));
      runner.on('pending', (t) => results.pending.push(t.fullTitle()));
      runner.on('fail', (t, err: unknown) =>
        results.failures.push({ title: t.fullTitle(), error: err instanceof Error ? err.message : String(err) }),
      );
    } catch (e) {
      console.error(e);
      reject(e instanceof Error ? e : new Error(String(e)));
    }
  });
}
