import { imageSize } from 'image-size';
import { dirname, resolveInside } from '../text/paths';
import type { ImageSize } from './types';

/** The pixel size in an image file's header (PNG, JPEG, GIF, SVG, PDF-free formats image-size knows); undefined when unreadable. */
export function imageSizeOfBytes(bytes: Uint8Array): ImageSize | undefined {
  try {
    const r = imageSize(bytes);
    return r.width && r.height ? { width: r.width, height: r.height } : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The page estimator's image-size callback for a writeup at `writeupFile`: resolves a figure path
 * against the writeup's folder, refuses paths outside `roots` (default: that folder's tree), asks
 * `readBytes` for the file (the host's file system: Node's on the desktop, a cache filled through
 * `workspace.fs` on the web) and reads the header. One answer per path, cached.
 */
export function imageSizeReader(
  writeupFile: string,
  readBytes: (path: string) => Uint8Array | undefined,
  roots: readonly string[] = [],
): (imagePath: string) => ImageSize | undefined {
  const dir = dirname(writeupFile);
  const cache = new Map<string, ImageSize | undefined>();
  return (imagePath) => {
    const inside = resolveInside(dir, imagePath, roots);
    if ('refused' in inside) return undefined;
    if (cache.has(inside.path)) return cache.get(inside.path);
    const bytes = readBytes(inside.path);
    const size = bytes ? imageSizeOfBytes(bytes) : undefined;
    // A file not read yet (undefined from an asynchronous host) is asked for again next time.
    if (bytes) cache.set(inside.path, size);
    return size;
  };
}
