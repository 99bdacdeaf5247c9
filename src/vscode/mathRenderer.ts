import { Worker } from 'node:worker_threads';
import { macrosFingerprint } from '../core/math/macros';
import type { SvgRequest, SvgResult } from '../core/math/render';
import type { MathWorkerRequest, MathWorkerResponse } from './mathWorker';

/** Message shown when a formula is stopped. */
export const tooLongMessage = 'The formula took too long to render (stopped after {seconds} s).';

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

interface Job {
  readonly id: number;
  readonly request: SvgRequest;
  readonly key: string;
  readonly resolve: (result: SvgResult) => void;
}

/**
 * Renders formulas in a worker thread (dist/mathWorker.js), one at a time, each with a time
 * budget: on timeout the worker is terminated and a fresh one starts with the next job.
 * Results are kept in an LRU cache keyed by the formula, its macros and the look.
 * No `vscode` import: the benchmarks use it as is.
 */
export class MathRenderService {
  private worker: Worker | undefined;
  private readonly queue: Job[] = [];
  private current: { job: Job; timer: ReturnType<typeof setTimeout> } | undefined;
  private nextId = 1;
  private readonly cache = new Map<string, SvgResult>();
  private disposed = false;

  /**
   * @param workerPath dist/mathWorker.js
   * @param cacheFile where to keep V8's code cache of the worker bundle (e.g. in the extension's
   *   global storage); no cache when undefined
   */
  constructor(
    private readonly workerPath: string,
    private readonly cacheFile?: string,
    private readonly timeoutMs = 2000,
    private readonly cacheSize = 500,
    /** Extra time for a job that starts a worker (loading MathJax), so a slow start is not a timeout. */
    private readonly startupMs = 5000,
  ) {}

  /** Starts the worker and loads MathJax ahead of the first hover (e.g. when the cursor enters math). */
  warm(): void {
    if (this.worker || this.disposed) return;
    void this.render({ tex: 'x', display: false });
  }

  /** Renders one formula; never rejects (errors and timeouts are results). */
  render(request: SvgRequest): Promise<SvgResult> {
    const key = cacheKey(request);
    const hit = this.cache.get(key);
    if (hit) {
      this.cache.delete(key);
      this.cache.set(key, hit);
      return Promise.resolve(hit);
    }
    if (this.disposed) return Promise.resolve({ ok: false, error: 'The math renderer has stopped.' });
    return new Promise((resolve) => {
      this.queue.push({ id: this.nextId++, request, key, resolve });
      this.pump();
    });
  }

  private pump(): void {
    if (this.current || this.disposed) return;
    const job = this.queue.shift();
    if (!job) return;
    const starting = this.worker === undefined;
    const worker = this.ensureWorker();
    const timer = setTimeout(() => this.timedOut(job), this.timeoutMs + (starting ? this.startupMs : 0));
    this.current = { job, timer };
    worker.postMessage({ id: job.id, request: job.request } satisfies MathWorkerRequest);
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    // No inherited flags (a test runner's loader, the host's inspector): the bundle needs none.
    const worker = new Worker(bootstrap, { eval: true, execArgv: [], workerData: { file: this.workerPath, cacheFile: this.cacheFile } });
    worker.on('message', (message: MathWorkerResponse) => this.finished(message.id, message.result, true));
    worker.on('error', (error: Error) => this.crashed(worker, error.message));
    worker.on('exit', () => this.crashed(worker, 'The math renderer stopped.'));
    // An idle worker must not keep a CLI or test process alive.
    worker.unref();
    this.worker = worker;
    return worker;
  }

  private finished(id: number, result: SvgResult, cacheable: boolean): void {
    const current = this.current;
    if (!current || current.job.id !== id) return;
    clearTimeout(current.timer);
    this.current = undefined;
    if (cacheable) {
      this.cache.set(current.job.key, result);
      if (this.cache.size > this.cacheSize) this.cache.delete(this.cache.keys().next().value as string);
    }
    current.job.resolve(result);
    this.pump();
  }

  private timedOut(job: Job): void {
    const worker = this.worker;
    this.worker = undefined;
    void worker?.terminate();
    const seconds = String(Math.round(this.timeoutMs / 100) / 10);
    // A timeout is cached too: the same formula would only stall again.
    this.finished(job.id, { ok: false, error: tooLongMessage.replace('{seconds}', seconds) }, true);
  }

  private crashed(worker: Worker, message: string): void {
    if (this.worker !== worker) return;
    this.worker = undefined;
    if (this.current) this.finished(this.current.job.id, { ok: false, error: message }, false);
  }

  /** Stops the worker and answers pending jobs. */
  dispose(): void {
    this.disposed = true;
    const worker = this.worker;
    this.worker = undefined;
    void worker?.terminate();
    if (this.current) {
      clearTimeout(this.current.timer);
      this.current.job.resolve({ ok: false, error: 'The math renderer has stopped.' });
      this.current = undefined;
    }
    for (const job of this.queue.splice(0)) job.resolve({ ok: false, error: 'The math renderer has stopped.' });
  }
}

function cacheKey(r: SvgRequest): string {
  return [r.display ? 'D' : 'I', r.environment ?? '', r.color ?? '', r.exPixels ?? '', r.tex, macrosFingerprint(r.macros ?? {})].join('\u0000');
}
