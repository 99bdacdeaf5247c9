import * as fs from 'node:fs';
import type { FileHost } from '../core/host';

/** Files read from disk (the CLI; the editor falls back to it for files not open). */
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
