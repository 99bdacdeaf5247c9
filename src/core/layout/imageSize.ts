import { lazyImageSize } from '../lazy/index';
import { dirname, resolveInside } from '../text/paths';
import type { ImageSize } from './types';

/** Inflates a zlib stream (a PDF's compressed objects); the host's, since the core does no I/O. */
export type Inflate = (bytes: Uint8Array) => Uint8Array;

const latin1 = new TextDecoder('latin1');
const text = (bytes: Uint8Array, start = 0, end = bytes.length): string => latin1.decode(bytes.subarray(start, Math.min(end, bytes.length)));
const u32be = (b: Uint8Array, at: number): number => ((b[at] ?? 0) * 0x1000000 + (((b[at + 1] ?? 0) << 16) | ((b[at + 2] ?? 0) << 8) | (b[at + 3] ?? 0))) >>> 0;
const u32le = (b: Uint8Array, at: number): number => u32be(Uint8Array.of(b[at + 3] ?? 0, b[at + 2] ?? 0, b[at + 1] ?? 0, b[at] ?? 0), 0);
const u16be = (b: Uint8Array, at: number): number => ((b[at] ?? 0) << 8) | (b[at + 1] ?? 0);

/**
 * The natural size in big points that pdflatex gives an image file's bytes: a PNG or JPEG at the
 * resolution it records (72 dpi when none), a PDF's first page (CropBox, else MediaBox; compressed
 * object streams only with `inflate`), an EPS's `%%BoundingBox`, other formats (SVG, GIF...) at
 * their pixel size. Undefined when unreadable. Works on bytes: the desktop reads them from disk,
 * the web from `workspace.fs`.
 */
export function naturalSizeOfBytes(bytes: Uint8Array, inflate?: Inflate): ImageSize | undefined {
  try {
    if (bytes.length < 4) return undefined;
    const head = text(bytes, 0, 1024);
    if (head.startsWith('%PDF')) return pdfSize(bytes, inflate);
    if (head.startsWith('%!PS') || u32be(bytes, 0) === 0xc5d0d3c6) return epsSize(bytes);
    const r = lazyImageSize()(bytes);
    if (!r.width || !r.height) return undefined;
    const dpi = r.type === 'png' ? pngDpi(bytes) : r.type === 'jpg' ? jpegDpi(bytes) : undefined;
    const scale = dpi !== undefined && dpi[0] > 0 && dpi[1] > 0 ? [72 / dpi[0], 72 / dpi[1]] : [1, 1];
    // EXIF orientation 5-8 turns the picture a quarter: pdfTeX does not, so width and height stay as stored.
    return { width: r.width * (scale[0] ?? 1), height: r.height * (scale[1] ?? 1) };
  } catch {
    return undefined;
  }
}

/** A PNG's `pHYs` resolution (pixels per metre) in dots per inch, x and y. */
function pngDpi(bytes: Uint8Array): [number, number] | undefined {
  let at = 8;
  while (at + 12 <= bytes.length) {
    const length = u32be(bytes, at);
    const type = text(bytes, at + 4, at + 8);
    if (type === 'pHYs' && length >= 9) {
      if (bytes[at + 16] !== 1) return undefined;
      return [u32be(bytes, at + 8) * 0.0254, u32be(bytes, at + 12) * 0.0254];
    }
    if (type === 'IDAT' || type === 'IEND') return undefined;
    at += 12 + length;
  }
  return undefined;
}

/** A JPEG's JFIF density in dots per inch (units 1: per inch, 2: per cm). */
function jpegDpi(bytes: Uint8Array): [number, number] | undefined {
  let at = 2;
  while (at + 4 <= bytes.length && bytes[at] === 0xff) {
    const marker = bytes[at + 1] ?? 0;
    const length = u16be(bytes, at + 2);
    if (marker === 0xe0 && text(bytes, at + 4, at + 9) === 'JFIF\0') {
      const units = bytes[at + 11];
      const x = u16be(bytes, at + 12);
      const y = u16be(bytes, at + 14);
      if (units === 1) return [x, y];
      if (units === 2) return [x * 2.54, y * 2.54];
      return undefined;
    }
    if (marker === 0xda) return undefined;
    at += 2 + length;
  }
  return undefined;
}

const BOX = /\/(CropBox|MediaBox)\s*\[\s*(-?[\d.]+)\s+(-?[\d.]+)\s+(-?[\d.]+)\s+(-?[\d.]+)\s*\]/g;

/** A PDF's first page box (CropBox before MediaBox), looking inside compressed object streams when the page dictionary is there. */
function pdfSize(bytes: Uint8Array, inflate: Inflate | undefined): ImageSize | undefined {
  const whole = text(bytes);
  const found = boxIn(whole);
  if (found || !inflate) return found;
  const streams = /\/(?:Type\s*\/ObjStm|Filter\s*\/FlateDecode)[^]*?stream\r?\n/g;
  for (let m = streams.exec(whole); m; m = streams.exec(whole)) {
    const start = m.index + m[0].length;
    const end = whole.indexOf('endstream', start);
    if (end < 0) break;
    try {
      const inner = boxIn(text(inflate(bytes.subarray(start, end))));
      if (inner) return inner;
    } catch {
      // Not a zlib stream (or a damaged one): try the next.
    }
    streams.lastIndex = end;
  }
  return undefined;
}

function boxIn(source: string): ImageSize | undefined {
  let media: ImageSize | undefined;
  BOX.lastIndex = 0;
  for (let m = BOX.exec(source); m; m = BOX.exec(source)) {
    const size = { width: Math.abs(Number(m[4]) - Number(m[2])), height: Math.abs(Number(m[5]) - Number(m[3])) };
    if (!(size.width > 0 && size.height > 0)) continue;
    if (m[1] === 'CropBox') return size;
    media ??= size;
  }
  return media;
}

/** An EPS's `%%BoundingBox` (HiResBoundingBox when given); a DOS EPS header points at the PostScript. */
function epsSize(bytes: Uint8Array): ImageSize | undefined {
  const offset = u32be(bytes, 0) === 0xc5d0d3c6 ? u32le(bytes, 4) : 0;
  const m = /%%(?:HiRes)?BoundingBox:\s*(-?[\d.]+)\s+(-?[\d.]+)\s+(-?[\d.]+)\s+(-?[\d.]+)/.exec(text(bytes, offset, offset + 64 * 1024));
  if (!m) return undefined;
  const width = Number(m[3]) - Number(m[1]);
  const height = Number(m[4]) - Number(m[2]);
  return width > 0 && height > 0 ? { width, height } : undefined;
}

/**
 * The page estimator's image-size callback for a writeup at `writeupFile`: resolves a figure path
 * against the writeup's folder, refuses paths outside `roots` (default: that folder's tree), asks
 * `readBytes` for the file (the host's file system: Node's on the desktop, a cache filled through
 * `workspace.fs` on the web) and measures it ({@link naturalSizeOfBytes}). One answer per path, cached.
 */
export function imageSizeReader(
  writeupFile: string,
  readBytes: (path: string) => Uint8Array | undefined,
  roots: readonly string[] = [],
  inflate?: Inflate,
): (imagePath: string) => ImageSize | undefined {
  const dir = dirname(writeupFile);
  const cache = new Map<string, ImageSize | undefined>();
  return (imagePath) => {
    const inside = resolveInside(dir, imagePath, roots);
    if ('refused' in inside) return undefined;
    if (cache.has(inside.path)) return cache.get(inside.path);
    const bytes = readBytes(inside.path);
    const size = bytes ? naturalSizeOfBytes(bytes, inflate) : undefined;
    // A file not read yet (undefined from an asynchronous host) is asked for again next time.
    if (bytes) cache.set(inside.path, size);
    return size;
  };
}
