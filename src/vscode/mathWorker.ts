/**
 * Worker thread entry (bundled as dist/mathWorker.js): renders TeX to SVG with MathJax off the
 * extension host's thread, so a pathological formula can be stopped by terminating the worker.
 * MathJax is set up on the first message, not at load. The web's twin is host/mathWorker.web.ts.
 */
import { parentPort } from 'node:worker_threads';
import { answer, type MathWorkerRequest } from './mathProtocol';

export type { MathWorkerRequest, MathWorkerResponse } from './mathProtocol';

parentPort?.on('message', (message: MathWorkerRequest) => {
  parentPort?.postMessage(answer(message));
});
