import * as fs from 'node:fs';
import * as path from 'node:path';
import { inflateSync } from 'node:zlib';
import { imageSize } from 'image-size';
import type { ImageSize } from '../core/layout/types';
import { resolveInside } from '../core/text/paths';

/**
 * The page estimator's image-size callback for a writeup on disk: the natural size in big points
 * that pdflatex gives the image at `imagePath` (relative to the writeup's folder) — a PNG or JPEG
 * at the resolution it records (72 dpi when none), a PDF's first page (CropBox, else MediaBox),
 * an EPS's `%%BoundingBox`. Undefined when it cannot be read, or when the path leads outside
 * `roots` (default: the writeup's folder tree).
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
      size = naturalSize(fs.readFileSync(full));
    } catch {
      size = undefined;
    }
    cache.set(full, size);
    return size;
  };
}

/** The natural size in bp of an image file's bytes, or undefined. */
export function naturalSize(bytes: Buffer): ImageSize | undefined {
  const head = bytes.subarray(0, 1024).toString('latin1');
  if (head.startsWith('%PDF')) return pdfSize(bytes);
  if (head.startsWith('%!PS') || bytes.readUInt32BE(0) === 0xc5d0d3c6) return epsSize(bytes);
  const r = imageSize(bytes);
  if (!r.width || !r.height) return undefined;
  const dpi = r.type === 'png' ? pngDpi(bytes) : r.type === 'jpg' ? jpegDpi(bytes) : undefined;
  const scale = dpi !== undefined && dpi[0] > 0 && dpi[1] > 0 ? [72 / dpi[0], 72 / dpi[1]] : [1, 1];
  // EXIF orientation 5-8 turns the picture a quarter: pdfTeX does not, so width and height stay as stored.
  return { width: r.width * (scale[0] ?? 1), height: r.height * (scale[1] ?? 1) };
}

/** A PNG's `pHYs` resolution (pixels per metre) in dots per inch, x and y. */
function pngDpi(bytes: Buffer): [number, number] | undefined {
  let at = 8;
  while (at + 12 <= bytes.length) {
    const length = bytes.readUInt32BE(at);
    const type = bytes.toString('latin1', at + 4, at + 8);
    if (type === 'pHYs' && length >= 9) {
      if (bytes[at + 16] !== 1) return undefined;
      return [bytes.readUInt32BE(at + 8) * 0.0254, bytes.readUInt32BE(at + 12) * 0.0254];
    }
    if (type === 'IDAT' || type === 'IEND') return undefined;
    at += 12 + length;
  }
  return undefined;
}

/** A JPEG's JFIF density in dots per inch (units 1: per inch, 2: per cm). */
function jpegDpi(bytes: Buffer): [number, number] | undefined {
  let at = 2;
  while (at + 4 <= bytes.length && bytes[at] === 0xff) {
    const marker = bytes[at + 1] ?? 0;
    const length = bytes.readUInt16BE(at + 2);
    if (marker === 0xe0 && bytes.toString('latin1', at + 4, at + 9) === 'JFIF\0') {
      const units = bytes[at + 11];
      const x = bytes.readUInt16BE(at + 12);
      const y = bytes.readUInt16BE(at + 14);
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
function pdfSize(bytes: Buffer): ImageSize | undefined {
  const found = boxIn(bytes.toString('latin1'));
  if (found) return found;
  const text = bytes.toString('latin1');
  const streams = /\/(?:Type\s*\/ObjStm|Filter\s*\/FlateDecode)[^]*?stream\r?\n/g;
  for (let m = streams.exec(text); m; m = streams.exec(text)) {
    const start = m.index + m[0].length;
    const end = text.indexOf('endstream', start);
    if (end < 0) break;
    try {
      const inner = boxIn(inflateSync(bytes.subarray(start, end)).toString('latin1'));
      if (inner) return inner;
    } catch {
      // Not a zlib stream (or a damaged one): try the next.
    }
    streams.lastIndex = end;
  }
  return undefined;
}

function boxIn(text: string): ImageSize | undefined {
  let media: ImageSize | undefined;
  BOX.lastIndex = 0;
  for (let m = BOX.exec(text); m; m = BOX.exec(text)) {
    const size = { width: Math.abs(Number(m[4]) - Number(m[2])), height: Math.abs(Number(m[5]) - Number(m[3])) };
    if (!(size.width > 0 && size.height > 0)) continue;
    if (m[1] === 'CropBox') return size;
    media ??= size;
  }
  return media;
}

/** An EPS's `%%BoundingBox` (HiResBoundingBox when given); a DOS EPS header points at the PostScript. */
function epsSize(bytes: Buffer): ImageSize | undefined {
  const offset = bytes.readUInt32BE(0) === 0xc5d0d3c6 ? bytes.readUInt32LE(4) : 0;
  const text = bytes.toString('latin1', offset, offset + 64 * 1024);
  const m = /%%(?:HiRes)?BoundingBox:\s*(-?[\d.]+)\s+(-?[\d.]+)\s+(-?[\d.]+)\s+(-?[\d.]+)/.exec(text);
  if (!m) return undefined;
  const width = Number(m[3]) - Number(m[1]);
  const height = Number(m[4]) - Number(m[2]);
  return width > 0 && height > 0 ? { width, height } : undefined;
}
