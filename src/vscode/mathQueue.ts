import { macrosFingerprint } from '../core/math/macros';
import type { SvgRequest, SvgResult } from '../core/math/render';
import type { MathWorkerRequest, MathWorkerResponse } from './mathProtocol';

/** Message shown when a formula is stopped. */
export const tooLongMessage = 'The formula took too long to render (stopped after {seconds} s).';

/** A running math worker, as the queue sees it (a Node worker thread or a Web Worker). */
export interface MathWorkerPort {
  post(message: MathWorkerRequest): void;
  terminate(): void;
}

/** What a worker reports back to the queue. */
export interface MathWorkerEvents {
  message(message: MathWorkerResponse): void;
  /** The worker failed or stopped (with why). */
  failed(message: string): void;
}

interface Job {
  readonly id: number;
  readonly request: SvgRequest;
  readonly key: string;
  readonly resolve: (result: SvgResult) => void;
}

/**
 * Renders formulas in a worker, one at a time, each with a time budget: on timeout the worker is
 * terminated and a fresh one starts with the next job. Results are kept in an LRU cache keyed by
 * the formula, its macros and the look. The host supplies `start` (how a worker is made).
 * No `vscode` import: the benchmarks use it as is.
 */
export class MathRenderQueue {
  private worker: MathWorkerPort | undefined;
  private readonly queue: Job[] = [];
  private current: { job: Job; timer: ReturnType<typeof setTimeout> } | undefined;
  private nextId = 1;
  private readonly cache = new Map<string, SvgResult>();
  private disposed = false;

  constructor(
    private readonly start: (events: MathWorkerEvents) => MathWorkerPort,
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
    worker.post({ id: job.id, request: job.request });
  }

  private ensureWorker(): MathWorkerPort {
    if (this.worker) return this.worker;
    // The events fire later (a worker answers asynchronously), when `port` is set.
    const port: MathWorkerPort = this.start({
      message: (message) => {
        if (port === this.worker) this.finished(message.id, message.result, true);
      },
      failed: (message) => this.crashed(port, message),
    });
    this.worker = port;
    return port;
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
    worker?.terminate();
    const seconds = String(Math.round(this.timeoutMs / 100) / 10);
    // A timeout is cached too: the same formula would only stall again.
    this.finished(job.id, { ok: false, error: tooLongMessage.replace('{seconds}', seconds) }, true);
  }

  private crashed(worker: MathWorkerPort, message: string): void {
    if (this.worker !== worker) return;
    this.worker = undefined;
    if (this.current) this.finished(this.current.job.id, { ok: false, error: message }, false);
  }

  /** Stops the worker and answers pending jobs. */
  dispose(): void {
    this.disposed = true;
    const worker = this.worker;
    this.worker = undefined;
    worker?.terminate();
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
