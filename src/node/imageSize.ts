import * as fs from 'node:fs';
import * as path from 'node:path';
import { imageSizeReader } from '../core/layout/imageSize';
import type { ImageSize } from '../core/layout/types';

/** Bytes of a file on disk; undefined when it cannot be read. */
export function readBytesFromDisk(file: string): Uint8Array | undefined {
  try {
    return fs.readFileSync(file);
  } catch {
    return undefined;
  }
}

/**
 * The page estimator's image-size callback for a writeup on disk: reads the image header
 * (image-size) of a path relative to the writeup's folder; undefined when it cannot, or when
 * the path leads outside `roots` (default: the writeup's folder tree).
 */
export function diskImageSize(writeupFile: string, roots: readonly string[] = []): (imagePath: string) => ImageSize | undefined {
  return imageSizeReader(path.resolve(writeupFile), readBytesFromDisk, roots);
}
