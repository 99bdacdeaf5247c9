import * as fs from 'node:fs';

/** The most a text file the readers use (an `\input` file, a .bib) may hold: more is not a writeup's part. */
export const MAX_TEXT_FILE_BYTES = 64 * 1024 * 1024;

/** The most an image may hold for its size to be read. */
export const MAX_IMAGE_FILE_BYTES = 256 * 1024 * 1024;

/**
 * The bytes of a regular file of at most `max` bytes; undefined for anything else. A name in a
 * writeup's folder can be a link to a device (`/dev/zero`, read for ever, gigabytes of memory) or a
 * named pipe (`readFileSync` waits for a writer that never comes, and the editor with it).
 */
export function readRegularFile(file: string, max: number): Buffer | undefined {
  try {
    const stat = fs.statSync(file);
    if (!stat.isFile() || stat.size > max) return undefined;
    return fs.readFileSync(file);
  } catch {
    return undefined;
  }
}

/** `readRegularFile` as UTF-8 text. */
export function readRegularText(file: string, max = MAX_TEXT_FILE_BYTES): string | undefined {
  return readRegularFile(file, max)?.toString('utf8');
}

/** `readRegularText` without blocking: stat first, then read. */
export async function readRegularTextAsync(file: string, max = MAX_TEXT_FILE_BYTES): Promise<string | undefined> {
  try {
    const stat = await fs.promises.stat(file);
    if (!stat.isFile() || stat.size > max) return undefined;
    return await fs.promises.readFile(file, 'utf8');
  } catch {
    return undefined;
  }
}
