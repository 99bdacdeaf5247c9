import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { MathWorkerRequest } from '../../src/vscode/mathProtocol';
import { MathRenderQueue, type MathWorkerEvents, type MathWorkerPort } from '../../src/vscode/mathQueue';

/**
 * A worker that lives in this process (as the web's Web Worker, it answers asynchronously):
 * `\loop` never answers, `\crash` reports a failure; every start and termination is counted.
 */
function fakeWorkers() {
  const log = { started: 0, terminated: 0, rendered: [] as string[] };
  const start = (events: MathWorkerEvents): MathWorkerPort => {
    log.started++;
    let alive = true;
    return {
      post(message: MathWorkerRequest) {
        setTimeout(() => {
          if (!alive) return;
          const tex = message.request.tex;
          if (tex === '\\loop') return;
          if (tex === '\\crash') {
            alive = false;
            events.failed('the worker crashed');
            return;
          }
          log.rendered.push(tex);
          events.message({ id: message.id, result: { ok: true, svg: `<svg>${tex}</svg>`, widthEx: 1, heightEx: 1 } });
        }, 1);
      },
      terminate() {
        alive = false;
        log.terminated++;
      },
    };
  };
  return { log, start };
}

describe('MathRenderQueue (any worker: a thread on the desktop, a Web Worker on the web)', () => {
  test('renders in order through one worker and answers repeats from the cache', async () => {
    const { log, start } = fakeWorkers();
    const queue = new MathRenderQueue(start, 1000, 10, 0);
    const [a, b, c] = await Promise.all([queue.render({ tex: 'a', display: false }), queue.render({ tex: 'b', display: false }), queue.render({ tex: 'a', display: false })]);
    assert.deepEqual([a, b, c].map((r) => r.ok && r.svg), ['<svg>a</svg>', '<svg>b</svg>', '<svg>a</svg>']);
    assert.equal(log.started, 1);
    // The repeat of `a` waited in the queue behind `b` and was rendered again; the next one is cached.
    const d = await queue.render({ tex: 'a', display: false });
    assert.equal(d.ok && d.svg, '<svg>a</svg>');
    assert.deepEqual(log.rendered, ['a', 'b', 'a']);
    queue.dispose();
  });

  test('a formula over its time budget stops the worker; the next formula starts a fresh one', async () => {
    const { log, start } = fakeWorkers();
    const queue = new MathRenderQueue(start, 50, 10, 0);
    const stuck = await queue.render({ tex: '\\loop', display: false });
    assert.equal(stuck.ok, false);
    assert.match(!stuck.ok ? stuck.error : '', /took too long/);
    assert.equal(log.terminated, 1);
    const next = await queue.render({ tex: 'x', display: false });
    assert.equal(next.ok, true);
    assert.equal(log.started, 2);
    queue.dispose();
  });

  test('a crashed worker answers its job with the reason, and is replaced', async () => {
    const { log, start } = fakeWorkers();
    const queue = new MathRenderQueue(start, 1000, 10, 0);
    const crashed = await queue.render({ tex: '\\crash', display: false });
    assert.deepEqual(crashed, { ok: false, error: 'the worker crashed' });
    assert.equal((await queue.render({ tex: 'y', display: false })).ok, true);
    assert.equal(log.started, 2);
    queue.dispose();
  });

  test('dispose answers pending jobs and stops the worker', async () => {
    const { log, start } = fakeWorkers();
    const queue = new MathRenderQueue(start, 1000, 10, 0);
    const pending = [queue.render({ tex: '\\loop', display: false }), queue.render({ tex: 'z', display: false })];
    queue.dispose();
    for (const r of await Promise.all(pending)) assert.deepEqual(r, { ok: false, error: 'The math renderer has stopped.' });
    assert.equal(log.terminated, 1);
    assert.deepEqual(await queue.render({ tex: 'w', display: false }), { ok: false, error: 'The math renderer has stopped.' });
  });
});
