import { Worker } from 'node:worker_threads';
import type { MathWorkerResponse } from './mathProtocol';
import { MathRenderQueue, type MathWorkerEvents, type MathWorkerPort } from './mathQueue';

export { tooLongMessage } from './mathQueue';

/**
 * Worker bootstrap: loads the MathJax bundle through `vm.Script` with V8's code cache, so a later
 * session skips compiling it. The cache is written once, after the first formula (so it also holds
 * the functions that rendering compiled); V8 rejects a cache that does not match the bundle.
 */
const bootstrap = `
const { parentPort, workerData } = require('node:worker_threads');
const fs = require('node:fs');
const path = require('node:path');
const vm = require('node:vm');
const Module = require('node:module');
const { file, cacheFile } = workerData;
let cachedData;
try { if (cacheFile) cachedData = fs.readFileSync(cacheFile); } catch { cachedData = undefined; }
const script = new vm.Script(Module.wrap(fs.readFileSync(file, 'utf8')), { filename: file, cachedData });
const mod = { exports: {} };
script.runInThisContext().call(mod.exports, mod.exports, require, mod, file, path.dirname(file));
if (cacheFile && (!cachedData || script.cachedDataRejected)) {
  parentPort.once('message', () => setTimeout(() => {
    try { fs.mkdirSync(path.dirname(cacheFile), { recursive: true }); fs.writeFileSync(cacheFile, script.createCachedData()); } catch { /* no cache */ }
  }, 0));
}
`;

/**
 * Renders formulas in a worker thread (dist/mathWorker.js): the desktop's {@link MathRenderQueue}.
 * No `vscode` import: the benchmarks use it as is.
 */
export class MathRenderService extends MathRenderQueue {
  /**
   * @param workerPath dist/mathWorker.js
   * @param cacheFile where to keep V8's code cache of the worker bundle (e.g. in the extension's
   *   global storage); no cache when undefined
   */
  constructor(workerPath: string, cacheFile?: string, timeoutMs = 2000, cacheSize = 500, startupMs = 5000) {
    super((events) => startThread(workerPath, cacheFile, events), timeoutMs, cacheSize, startupMs);
  }
}

function startThread(file: string, cacheFile: string | undefined, events: MathWorkerEvents): MathWorkerPort {
  // No inherited flags (a test runner's loader, the host's inspector): the bundle needs none.
  const worker = new Worker(bootstrap, { eval: true, execArgv: [], workerData: { file, cacheFile } });
  worker.on('message', (message: MathWorkerResponse) => events.message(message));
  worker.on('error', (error: Error) => events.failed(error.message));
  worker.on('exit', () => events.failed('The math renderer stopped.'));
  // An idle worker must not keep a CLI or test process alive.
  worker.unref();
  return {
    post: (message) => worker.postMessage(message),
    terminate: () => void worker.terminate(),
  };
}
