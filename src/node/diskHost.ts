import * as fs from 'node:fs';
import type { FileHost } from '../core/host';
import { readRegularText } from './regularFile';

/** Files read from disk (the CLI; the editor falls back to it for files not open). */
export const diskHost: FileHost = {
  // Only regular files: a link to /dev/zero or a named pipe would be read for ever.
  readFile: (path) => readRegularText(path),
  exists: (path) => fs.existsSync(path),
};
