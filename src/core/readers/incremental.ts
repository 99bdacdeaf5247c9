import type { Writeup } from '../model/writeup';
import { readWriteup, type ReadOptions } from './index';
import { ChunkedTreeParser, flat } from './chunkedParse';

/**
 * One open document's reader: `read` gives the same model as `readWriteup` on the same text, and
 * hands remark only the chunks of Markdown an edit touched (see ChunkedTreeParser). Every other
 * step of the reader is linear and runs on the whole text, so nothing of an older text survives in
 * the model; the random-edit test (test/core/readers/incremental.test.ts) compares the two.
 */
export class ReaderSession {
  private readonly markdown = new ChunkedTreeParser();

  read(text: string, options: ReadOptions): Writeup {
    return readWriteup(flat(text), options, this.markdown.parse);
  }

  /** How the last Markdown read went (for the benchmarks and tests): chunks, and how many remark parsed. */
  get lastParse(): { readonly chunks: number; readonly parsed: number; readonly whole: boolean } {
    return this.markdown.last;
  }
}
