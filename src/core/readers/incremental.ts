import type { Writeup } from '../model/writeup';
import { readWriteup, type ReadOptions } from './index';

/**
 * One open document's reader: `read` gives the same model as `readWriteup` on the same text, and
 * re-reads only what an edit touched (see readMarkdown's chunked parse).
 */
export class ReaderSession {
  read(text: string, options: ReadOptions): Writeup {
    return readWriteup(text, options);
  }
}
