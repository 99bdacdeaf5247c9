/* global queueMicrotask -- a web worker has it */
// The little of Node's `process` that the npm `assert` and `util` packages read, for the web
// integration suite (a web worker has no `process`). Injected by scripts/build.mjs into the test
// bundle only: the extension itself never sees it, so the suite can check that `process` is absent.
export const process = {
  env: {},
  platform: 'browser',
  version: '',
  versions: {},
  argv: [],
  cwd: () => '/',
  nextTick: (fn, ...args) => queueMicrotask(() => fn(...args)),
};
