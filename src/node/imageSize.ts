import * as fs from 'node:fs';
import * as path from 'node:path';
import { inflateSync } from 'node:zlib';
import { imageSizeReader, naturalSizeOfBytes } from '../core/layout/imageSize';
import type { ImageSize } from '../core/layout/types';

/**
 * Bytes of a file on disk; undefined when it cannot be read. A name not found as written is looked
 * for in its folder regardless of case, as TeX Live's kpathsea does (`\\includegraphics{result.png}`
 * finds `Result.png` on a case-sensitive disk too).
 */
export function readBytesFromDisk(file: string): Uint8Array | undefined {
  try {
    return fs.readFileSync(file);
  } catch {
    try {
      const name = path.basename(file).toLowerCase();
      const match = fs.readdirSync(path.dirname(file)).find((entry) => entry.toLowerCase() === name);
      return match === undefined ? undefined : fs.readFileSync(path.join(path.dirname(file), match));
    } catch {
      return undefined;
    }
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
