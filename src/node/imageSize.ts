import * as fs from 'node:fs';
import * as path from 'node:path';
import { imageSize } from 'image-size';
import type { ImageSize } from '../core/layout/types';
import { resolveInside } from '../core/text/paths';

/**
 * The page estimator's image-size callback for a writeup on disk: reads the image header
 * (image-size) of a path relative to the writeup's folder; undefined when it cannot, or when
 * the path leads outside `roots` (default: the writeup's folder tree).
 */
export function diskImageSize(writeupFile: string, roots: readonly string[] = []): (imagePath: string) => ImageSize | undefined {
  const dir = path.dirname(path.resolve(writeupFile));
  const cache = new Map<string, ImageSize | undefined>();
  return (imagePath) => {
    const inside = resolveInside(dir, imagePath, roots);
    if ('refused' in inside) return undefined;
    const full = path.resolve(inside.path);
    if (cache.has(full)) return cache.get(full);
    let size: ImageSize | undefined;
    try {
      const r = imageSize(fs.readFileSync(full));
      size = r.width && r.height ? { width: r.width, height: r.height } : undefined;
    } catch {
      size = undefined;
    }
    cache.set(full, size);
    return size;
  };
}
