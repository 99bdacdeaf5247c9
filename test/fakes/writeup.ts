/**
 * Writeup models for tests: hand-built ones with only the parts a test cares about, and real
 * ones read by the project's readers.
 */
import type { Metadata, Writeup, WriteupFormat } from '../../src/core/model/writeup';
import { readWriteup } from '../../src/core/readers/index';
import { emptyWriteup } from '../../src/core/readers/common';

/** A model with the given parts; everything else empty. */
export function fakeWriteup(parts: Partial<Omit<Writeup, 'metadata'>> & { metadata?: Partial<Metadata> } = {}): Writeup {
  const { metadata, ...rest } = parts;
  const base = emptyWriteup(parts.text ?? '', parts.file ?? 'test.md', parts.format ?? 'markdown');
  return { ...base, ...rest, metadata: { ...base.metadata, ...metadata } };
}

/** Reads `text` with the real reader, as `test.md` or `test.tex` unless a file name is given. */
export function readForTest(text: string, format: WriteupFormat = 'markdown', file?: string): Writeup {
  return readWriteup(text, { file: file ?? (format === 'latex' ? 'test.tex' : 'test.md'), format });
}
