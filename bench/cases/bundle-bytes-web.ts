import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { SizeCase } from '../types';

const dir = path.join(__dirname, '..', '..', 'dist', 'web');

/**
 * `bundle-bytes-web`: size of the web extension after `npm run build` (`bytes` is
 * dist/web/extension.js, what the browser's web-worker extension host loads on activation), with
 * its gzip size (what a browser downloads) and the other files of dist/web (the MathJax worker,
 * loaded on the first math hover, and any lazy chunk).
 */
const bench: SizeCase = {
  name: 'bundle-bytes-web',
  measure() {
    const entry = path.join(dir, 'extension.js');
    if (!existsSync(entry)) throw new Error('dist/web/extension.js is missing: run npm run build');
    const data = readFileSync(entry);
    const others = readdirSync(dir)
      .filter((f) => f.endsWith('.js') && f !== 'extension.js')
      .sort()
      .map((f) => {
        const bytes = readFileSync(path.join(dir, f));
        return [`${f.replace(/\.js$/, '')}_bytes`, bytes.length] as const;
      });
    return {
      bytes: data.length,
      gzip_bytes: gzipSync(data, { level: 9 }).length,
      minified: !data.toString('utf8').includes('\n//# sourceMappingURL='),
      ...Object.fromEntries(others),
    };
  },
};

export default bench;
