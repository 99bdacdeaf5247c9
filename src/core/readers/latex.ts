import type { Writeup } from '../model/writeup';
import type { ReadOptions } from './index';
import { emptyWriteup } from './shared';

/** Reads a NeurIPS-template LaTeX file. (Being written: see issue 3.) */
export function readLatex(text: string, options: ReadOptions): Writeup {
  return emptyWriteup(text, options.file, 'latex');
}
