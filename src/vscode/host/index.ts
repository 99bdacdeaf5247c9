/**
 * The host the extension runs in. This file binds the desktop host; the browser build of
 * scripts/build.mjs resolves `./node` to `./web` instead, so Node built-ins never reach the web bundle.
 */
export { host } from './node';
export type { Host, MathRenderer } from './types';
