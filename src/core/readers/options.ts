import type { FileHost } from '../host';
import type { WriteupFormat } from '../model/writeup';

/** How a reader reads one writeup. */
export interface ReadOptions {
  /** Path (or URI string) of the writeup; `\input` and bibliography paths resolve against it. */
  readonly file: string;
  /** Forces a format; otherwise taken from the file name. */
  readonly format?: WriteupFormat;
  /** Where included files come from; without one, `\input` is not followed. */
  readonly host?: FileHost;
}
