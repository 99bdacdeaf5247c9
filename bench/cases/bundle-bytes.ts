import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { SizeCase } from '../types';

const root = path.join(__dirname, '..', '..');

function size(file: string): { bytes: number; gzip: number } | undefined {
  if (!existsSync(file)) return undefined;
  const data = readFileSync(file);
  return { bytes: data.length, gzip: gzipSync(data, { level: 9 }).length };
}

/**
 * `bundle-bytes`: size of the shipped bundles after `npm run build` (`bytes` is
 * dist/extension.js, what VS Code loads on activation), plus dist/cli.js and the newest
 * .vsix in the repository root when `npm run package` made one.
 */
const bench: SizeCase = {
  name: 'bundle-bytes',
  measure() {
    const extension = size(path.join(root, 'dist', 'extension.js'));
    const cli = size(path.join(root, 'dist', 'cli.js'));
    const csl = size(path.join(root, 'dist', 'cslEngine.js'));
    if (!extension || !cli) throw new Error('dist/extension.js or dist/cli.js is missing: run npm run build');
    const vsix = readdirSync(root)
      .filter((f) => f.endsWith('.vsix'))
      .map((f) => ({ file: f, mtime: statSync(path.join(root, f)).mtimeMs }))
      .sort((a, b) => b.mtime - a.mtime)[0];
    const minified = !readFileSync(path.join(root, 'dist', 'extension.js'), 'utf8').includes('\n//# sourceMappingURL=');
    return {
      bytes: extension.bytes,
      extension_gzip_bytes: extension.gzip,
      cli_bytes: cli.bytes,
      cli_gzip_bytes: cli.gzip,
      // citation-js, required from its own file on the first formatted reference.
      ...(csl ? { csl_engine_bytes: csl.bytes } : {}),
      // Libraries and data required from dist/lazy-*.js when a feature first needs them (src/core/lazy).
      lazy_bytes: readdirSync(path.join(root, 'dist'))
        .filter((f) => /^lazy-.*\.js$/.test(f))
        .reduce((n, f) => n + statSync(path.join(root, 'dist', f)).size, 0),
      minified,
      ...(vsix ? { vsix_bytes: statSync(path.join(root, vsix.file)).size, vsix: vsix.file } : {}),
    };
  },
};

export default bench;
