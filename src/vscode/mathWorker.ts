/**
 * Worker thread entry (bundled as dist/mathWorker.js): renders TeX to SVG with MathJax off the
 * extension host's thread, so a pathological formula can be stopped by terminating the worker.
 * MathJax is set up on the first message, not at load.
 */
import { parentPort } from 'node:worker_threads';
import { createSvgRenderer, type SvgRenderer, type SvgRequest, type SvgResult } from '../core/math/render';

/** A message to the worker. */
export interface MathWorkerRequest {
  readonly id: number;
  readonly request: SvgRequest;
}

/** The worker's answer. */
export interface MathWorkerResponse {
  readonly id: number;
  readonly result: SvgResult;
}

let renderer: SvgRenderer | undefined;

parentPort?.on('message', (message: MathWorkerRequest) => {
  let result: SvgResult;
  try {
    renderer ??= createSvgRenderer();
    result = renderer.render(message.request);
  } catch (e) {
    result = { ok: false, error: e instanceof Error ? e.message : String(e) };
  }
  parentPort?.postMessage({ id: message.id, result } satisfies MathWorkerResponse);
});
