import type { Writeup } from '../model/writeup';
import type { ReadOptions } from './index';
import { emptyWriteup } from './shared';

/** Reads pandoc Markdown. (Being written: see issue 3.) */
export function readMarkdown(text: string, options: ReadOptions): Writeup {
  return emptyWriteup(text, options.file, 'markdown');
}
