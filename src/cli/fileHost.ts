import * as fs from 'node:fs';
import type { FileHost } from '../core/host';

/** The CLI reads files from disk. */
export const diskHost: FileHost = {
  readFile(path) {
    try {
      return fs.readFileSync(path, 'utf8');
    } catch {
      return undefined;
    }
  },
  exists: (path) => fs.existsSync(path),
};
