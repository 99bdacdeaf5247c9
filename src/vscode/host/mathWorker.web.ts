/**
 * Web Worker entry (bundled as dist/web/mathWorker.js): the browser twin of src/vscode/mathWorker.ts.
 * Started by the web host from a `blob:` URL (a worker cannot start from a `vscode-remote:` or
 * `vscode-vfs:` URL).
 */
import { answer, type MathWorkerRequest } from '../mathProtocol';

interface WorkerScope {
  onmessage: ((event: { data: MathWorkerRequest }) => void) | null;
  postMessage(message: unknown): void;
}

const scope = globalThis as unknown as WorkerScope;
scope.onmessage = (event) => scope.postMessage(answer(event.data));
