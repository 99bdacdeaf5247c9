import type { Writeup, WriteupFormat } from '../model/writeup';
import { LineIndex } from '../text/lineIndex';

/** A model with no content, the starting point of both readers. */
export function emptyWriteup(text: string, file: string, format: WriteupFormat): Writeup {
  return {
    file,
    format,
    text,
    lineCount: new LineIndex(text).lineCount,
    metadata: { authors: [], bibliography: [], disabledRules: [], keyRanges: {}, raw: {} },
    sections: [],
    blocks: [],
    citations: [],
    math: [],
    disableDirectives: [],
    includes: [],
    problems: [],
  };
}
