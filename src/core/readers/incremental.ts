import type { WriteupDocument, WriteupReader } from '../analysis/host';
import type { FileHost } from '../host';
import type { Writeup } from '../model/writeup';
import { readWriteup, type ReadOptions } from './index';
import { ChunkedTreeParser, flat } from './chunkedParse';
import { LatexSession } from './latex/session';

/**
 * One open document's reader: `read` gives the same model as `readWriteup` on the same text, and
 * hands remark only the chunks of Markdown an edit touched (see ChunkedTreeParser); every other
 * step of the Markdown reader is linear and runs on the whole text. LaTeX is scanned again only in
 * the sections an edit touched (see LatexSession). The random-edit test
 * (test/core/readers/incremental.test.ts) compares both with a fresh read.
 */
export class ReaderSession {
  private readonly markdown = new ChunkedTreeParser();
  private readonly latex = new LatexSession();
  private readonly readLatex = (text: string, options: ReadOptions): Writeup => this.latex.read(text, options);

  read(text: string, options: ReadOptions): Writeup {
    return readWriteup(flat(text), options, this.markdown.parse, this.readLatex);
  }

  /** How the last LaTeX read went (for the benchmarks and tests): chunks, how many were scanned, whether it was read whole. */
  get lastLatex(): { readonly chunks: number; readonly scanned: number; readonly whole: boolean } {
    return this.latex.last;
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

