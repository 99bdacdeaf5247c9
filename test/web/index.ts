/**
 * Mocha entry point of the web integration suite, loaded INSIDE the web-worker extension host of
 * the browser workbench (`extensionTestsPath` = out/test/web/index.js; scripts/test-web.mjs).
 * Mocha's browser build (no file system: the test module is required inside `run()`); the results
 * go to the console as one `[writeup:web-results] {json}` line, which the runner reads.
 */
import 'mocha/mocha';

declare function require(id: string): unknown;

interface Results {
  passes: string[];
  failures: { title: string; error: string }[];
}

export function run(): Promise<void> {
  return new Promise((resolve, reject) => {
    // reporter undefined: the browser build's default (spec-like) output on the console.
    mocha.setup({ ui: 'tdd', reporter: undefined, timeout: 60_000 });
    require('./suite');
    const results: Results = { passes: [], failures: [] };
    try {
      const runner = mocha.run((failures) => {
        console.log(`[writeup:web-results] ${JSON.stringify(results)}`);
        if (failures > 0) reject(new Error(`${failures} web integration test(s) failed`));
        else resolve();
      });
      runner.on('pass', (t) => results.passes.push(t.fullTitle()));
      runner.on('fail', (t, err: unknown) => results.failures.push({ title: t.fullTitle(), error: err instanceof Error ? err.message : String(err) }));
    } catch (e) {
      reject(e instanceof Error ? e : new Error(String(e)));
    }
  });
}
