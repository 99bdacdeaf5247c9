import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { MathRenderService } from '../../src/vscode/mathRenderer';

// A stand-in for dist/mathWorker.js: answers at once, never answers `\loop`, counts its renders.
const dir = mkdtempSync(join(tmpdir(), 'writeup-math-worker-'));
const fakeWorker = join(dir, 'fakeWorker.js');
writeFileSync(
  fakeWorker,
  `const { parentPort } = require('node:worker_threads');
let renders = 0;
parentPort.on('message', ({ id, request }) => {
  if (request.tex === '\\\\loop') { for (;;) {} }
  renders++;
  parentPort.postMessage({ id, result: request.tex === '\\\\bad'
    ? { ok: false, error: 'Undefined control sequence \\\\bad' }
    : { ok: true, svg: '<svg>' + request.tex + ' #' + renders + '</svg>', widthEx: 1, heightEx: 1 } });
});`,
);
after(() => rmSync(dir, { recursive: true, force: true }));

describe('MathRenderService (worker thread, time budget, cache)', () => {
  test('renders in the worker; the same formula and macros come from the cache', async () => {
    const service = new MathRenderService(fakeWorker, undefined, 2000, 10, 0);
    try {
      const a = await service.render({ tex: 'x', display: false });
      const b = await service.render({ tex: 'x', display: false });
      const c = await service.render({ tex: 'x', display: false, macros: { R: { name: 'R', body: '\\mathbb{R}', args: 0, source: 'setting' } } });
      assert.deepEqual([a.ok && a.svg, b.ok && b.svg, c.ok && c.svg], ['<svg>x #1</svg>', '<svg>x #1</svg>', '<svg>x #2</svg>']);
    } finally {
      service.dispose();
    }
  });

  test('a TeX error is a result, not an exception', async () => {
    const service = new MathRenderService(fakeWorker, undefined, 2000, 10, 0);
    try {
      assert.deepEqual(await service.render({ tex: '\\bad', display: false }), { ok: false, error: 'Undefined control sequence \\bad' });
    } finally {
      service.dispose();
    }
  });

  test('a formula that never finishes is stopped: the message says so and a new worker takes the next one', async () => {
    // 0.3 s per formula, plus 5 s for one that starts a worker (loading is not rendering).
    const service = new MathRenderService(fakeWorker, undefined, 300, 10, 5000);
    try {
      assert.ok((await service.render({ tex: 'a', display: false })).ok);
      const stuck = await service.render({ tex: '\\loop', display: false });
      assert.deepEqual(stuck, { ok: false, error: 'The formula took too long to render (stopped after 0.3 s).' });
      const next = await service.render({ tex: 'y', display: false });
      // #1: a fresh worker (the stuck one was terminated).
      assert.deepEqual(next.ok && next.svg, '<svg>y #1</svg>');
    } finally {
      service.dispose();
    }
  });

  test('writes the V8 code cache of the worker script after the first formula', async () => {
    const cacheFile = join(dir, 'cache', 'worker.cache');
    const service = new MathRenderService(fakeWorker, cacheFile, 2000, 10, 0);
    try {
      await service.render({ tex: 'z', display: false });
      await service.render({ tex: 'w', display: false });
      const deadline = Date.now() + 5000;
      while (!existsSync(cacheFile) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      assert.ok(existsSync(cacheFile));
    } finally {
      service.dispose();
    }
  });

  test('after dispose, requests are answered without a worker', async () => {
    const service = new MathRenderService(fakeWorker);
    service.dispose();
    assert.deepEqual(await service.render({ tex: 'x', display: false }), { ok: false, error: 'The math renderer has stopped.' });
  });
});
