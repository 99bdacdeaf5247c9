import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { diagnosticsInSteps, LatestRuns, type Pause, type StepwiseAnalysis } from '../../../src/core/analysis/supersede';
import type { Diagnostic } from '../../../src/core/lint/engine';
import { fakeService } from '../../fakes/analysis';

/** An open document as the editor has it: its text changes and its version goes up with each edit. */
class Doc {
  version = 1;
  closed = false;
  constructor(public text: string) {}
  type(s: string): void {
    this.text += s;
    this.version++;
  }
}

/** A 9.520 report with an empty section (`empty-section` is reported) and `paragraphs` paragraphs of text. */
function report(paragraphs: number): string {
  const body = Array.from({ length: paragraphs }, (_, i) => `Paragraph ${i} on margins and ranks, long enough to wrap over a line or two of the text block.`).join('\n\n');
  return `---\ntitle: Ranks\nauthor: Ann\ncourse: mit-9.520-fall2024\nkind: report\n---\n\n# Introduction\n\n${body}\n\n# Empty\n`;
}

const service = fakeService();

/** The editor's lint of `doc` at its current version: its steps are logged as they run. */
function lintRun(runs: LatestRuns, doc: Doc, log: string[]): Promise<readonly Diagnostic[] | undefined> {
  const version = doc.version;
  const text = doc.text;
  const analyze = (): StepwiseAnalysis<readonly Diagnostic[]> => {
    log.push(`read v${version}`);
    const a = service.analyze({ file: '/ws/report.md', text });
    return {
      get pages() {
        log.push(`estimate v${version}`);
        return a.pages;
      },
      get diagnostics() {
        log.push(`lint v${version}`);
        return a.diagnostics;
      },
    };
  };
  return runs.run('report.md', () => !doc.closed && doc.version === version, (run) => diagnosticsInSteps(run, analyze));
}

/** A pause that, at its n-th call, runs what `at[n]` says (a keystroke arriving during that step). */
function pauseWith(at: Record<number, () => void>): Pause {
  let n = 0;
  return async () => {
    n++;
    at[n]?.();
    await Promise.resolve();
  };
}

describe('LatestRuns: a newer edit supersedes the analysis of an older text', () => {
  test('a keystroke while the text is read stops the run before the estimate and lint; nothing is published for the old text', async () => {
    const doc = new Doc(report(40));
    const log: string[] = [];
    // Checkpoints: 1 before reading, 2 after reading, 3 after the estimate. The keystroke lands during the read.
    const runs = new LatestRuns(pauseWith({ 2: () => doc.type('x') }));
    assert.equal(await lintRun(runs, doc, log), undefined);
    assert.deepEqual(log, ['read v1']);
    assert.deepEqual(runs.stats, { started: 1, finished: 0, superseded: 1 });
    assert.equal(runs.running('report.md'), false);
  });

  test('a keystroke during the estimate stops the run before lint', async () => {
    const doc = new Doc(report(40));
    const log: string[] = [];
    const runs = new LatestRuns(pauseWith({ 3: () => doc.type('x') }));
    assert.equal(await lintRun(runs, doc, log), undefined);
    assert.deepEqual(log, ['read v1', 'estimate v1']);
  });

  test('a quiet document is read, estimated and linted once, and its problems are those of a fresh analysis', async () => {
    const doc = new Doc(report(40));
    const log: string[] = [];
    const runs = new LatestRuns();
    const found = await lintRun(runs, doc, log);
    assert.deepEqual(log, ['read v1', 'estimate v1', 'lint v1']);
    assert.deepEqual(found, service.analyze({ file: '/ws/report.md', text: doc.text }).diagnostics);
    assert.ok(found?.some((d) => d.rule === 'empty-section'), 'the empty section is reported');
    assert.deepEqual(runs.stats, { started: 1, finished: 1, superseded: 0 });
  });

  test('fast typing: each keystroke starts a run; only the last text is linted and its problems are the final text\'s', async () => {
    const doc = new Doc(report(200));
    const log: string[] = [];
    const runs = new LatestRuns();
    const pending: Promise<readonly Diagnostic[] | undefined>[] = [];
    for (let i = 0; i < 12; i++) {
      doc.type(i % 2 ? ' word' : '\n\n# Heading\n');
      pending.push(lintRun(runs, doc, log));
      // The next keystroke arrives before the run's first step has run (a macrotask later).
      await Promise.resolve();
    }
    const results = await Promise.all(pending);
    assert.deepEqual(results.slice(0, -1), Array(11).fill(undefined), 'no result for an older text');
    assert.deepEqual(results.at(-1), service.analyze({ file: '/ws/report.md', text: doc.text }).diagnostics);
    assert.deepEqual(log, [`read v${doc.version}`, `estimate v${doc.version}`, `lint v${doc.version}`], 'older texts were not even read');
    assert.deepEqual(runs.stats, { started: 12, finished: 1, superseded: 11 });
  });

  test('a run whose document closes drops its result; runs of other documents go on', async () => {
    const a = new Doc(report(5));
    const b = new Doc(report(5));
    const runs = new LatestRuns(pauseWith({ 2: () => (a.closed = true) }));
    const version = b.version;
    const other = runs.run('b.md', () => b.version === version, async (run) => {
      await run.checkpoint();
      return 'b linted';
    });
    assert.equal(await lintRun(runs, a, []), undefined);
    assert.equal(await other, 'b linted');
  });

  test('a result for a text edited while the last step ran is dropped, not published', async () => {
    const doc = new Doc('text');
    const runs = new LatestRuns(async () => undefined);
    const version = doc.version;
    const result = await runs.run('d', () => doc.version === version, async (run) => {
      await run.checkpoint();
      doc.type('!');
      return 'for the old text';
    });
    assert.equal(result, undefined);
    assert.deepEqual(runs.stats, { started: 1, finished: 0, superseded: 1 });
  });

  test('cancel stops the run at its next checkpoint; other errors reach the caller', async () => {
    const runs = new LatestRuns(async () => undefined);
    const steps: string[] = [];
    const first = runs.run('d', () => true, async (run) => {
      steps.push('one');
      await run.checkpoint();
      steps.push('two');
    });
    runs.cancel('d');
    assert.equal(await first, undefined);
    assert.deepEqual(steps, ['one']);
    await assert.rejects(runs.run('d', () => true, () => Promise.reject(new Error('reader bug'))), /reader bug/);
    assert.equal(runs.running('d'), false);
  });
});
