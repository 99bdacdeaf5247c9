import { createSvgRenderer, type SvgRenderer, type SvgRequest, type SvgResult } from '../core/math/render';

/** A message to a math worker. */
export interface MathWorkerRequest {
  readonly id: number;
  readonly request: SvgRequest;
}

/** A math worker's answer. */
export interface MathWorkerResponse {
  readonly id: number;
  readonly result: SvgResult;
}

let renderer: SvgRenderer | undefined;

/** What both workers (worker thread, Web Worker) do with a message: MathJax set up on the first one. */
export function answer(message: MathWorkerRequest): MathWorkerResponse {
  let result: SvgResult;
  try {
    renderer ??= createSvgRenderer();
    result = renderer.render(message.request);
  } catch (e) {
    result = { ok: false, error: e instanceof Error ? e.message : String(e) };
  }
  return { id: message.id, result };
}
