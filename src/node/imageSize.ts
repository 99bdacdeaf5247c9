import * as fs from 'node:fs';
import * as path from 'node:path';
import { inflateSync } from 'node:zlib';
import { imageSizeReader, naturalSizeOfBytes } from '../core/layout/imageSize';
import type { ImageSize } from '../core/layout/types';
import { MAX_IMAGE_FILE_BYTES, readRegularFile } from './regularFile';

/**
 * Bytes of a file on disk; undefined when it cannot be read. A name not found as written is looked
 * for in its folder regardless of case, as TeX Live's kpathsea does (`\\includegraphics{result.png}`
 * finds `Result.png` on a case-sensitive disk too).
 */
export function readBytesFromDisk(file: string): Uint8Array | undefined {
  // Only regular files (not a link to /dev/zero, not a named pipe), of a size an image has.
  if (fs.existsSync(file)) return readRegularFile(file, MAX_IMAGE_FILE_BYTES);
  try {
    const name = path.basename(file).toLowerCase();
    const match = fs.readdirSync(path.dirname(file)).find((entry) => entry.toLowerCase() === name);
    return match === undefined ? undefined : readRegularFile(path.join(path.dirname(file), match), MAX_IMAGE_FILE_BYTES);
  } catch {
    return undefined;
  }
}

/** Node's zlib for a PDF's compressed objects. */
export const inflate = (bytes: Uint8Array): Uint8Array => inflateSync(bytes);

/**
 * The page estimator's image-size callback for a writeup on disk: the natural size in big points
 * that pdflatex gives the image at `imagePath` (relative to the writeup's folder; see
 * core/layout/imageSize.ts). Undefined when it cannot be read, or when the path leads outside
 * `roots` (default: the writeup's folder tree).
 */
export function diskImageSize(writeupFile: string, roots: readonly string[] = []): (imagePath: string) => ImageSize | undefined {
  return imageSizeReader(path.resolve(writeupFile), readBytesFromDisk, roots, inflate);
}

/** The natural size in bp of an image file's bytes, or undefined. */
export function naturalSize(bytes: Uint8Array): ImageSize | undefined {
  return naturalSizeOfBytes(bytes, inflate);
}
