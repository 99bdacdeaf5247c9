import type { WriteupDocument, WriteupReader } from '../analysis/host';
import type { FileHost } from '../host';
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

/** Most reader sessions kept (least recently read dropped first: it only costs that file a full parse). */
const MAX_SESSIONS = 8;

/**
 * The analysis pipeline's read step with a ReaderSession per file (see createWriteupService's
 * `read` option): the editor reads each open writeup after every edit through its own session.
 */
export class ReaderSessions {
  private readonly sessions = new Map<string, ReaderSession>();

  readonly read: WriteupReader = (document: WriteupDocument, files: FileHost): Writeup => {
    let session = this.sessions.get(document.file);
    if (session) this.sessions.delete(document.file);
    else session = new ReaderSession();
    this.sessions.set(document.file, session);
    if (this.sessions.size > MAX_SESSIONS) this.sessions.delete(this.sessions.keys().next().value as string);
    return session.read(document.text, { file: document.file, host: files, ...(document.format ? { format: document.format } : {}) });
  };
}

