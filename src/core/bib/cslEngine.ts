/**
 * citation-js with its CSL plugin: the one module that loads them. The extension and the CLI
 * bundle it apart (dist/cslEngine.js, see scripts/build.mjs) and require it on the first formatted
 * reference, so its megabyte is never read at activation.
 */
import { Cite } from '@citation-js/core';
import '@citation-js/plugin-csl';

export { Cite };
