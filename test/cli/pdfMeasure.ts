/**
 * An independent measure of a PDF for the exact-pages tests, done the way the real-reports corpus
 * measures: `pdftotext -bbox-layout` word boxes, the top of the first line reading "References"
 * (or "Bibliography"), the lowest body word on the last page, the text block given.
 */

import { spawnSync } from 'node:child_process';

export interface PdfMeasure {
  readonly sheets: number;
  readonly contentPages: number;
  readonly totalPages: number;
}

interface Word {
  readonly yMin: number;
  readonly yMax: number;
  readonly text: string;
}

const clamp01 = (x: number): number => Math.min(1, Math.max(0, x));

/** Measures `pdf` with pdftotext; `block` is the text block in bp (top and height). */
export function measurePdf(pdf: string, block: { top: number; height: number }): PdfMeasure {
  const out = spawnSync('pdftotext', ['-bbox-layout', pdf, '-'], { encoding: 'utf8' });
  if (out.status !== 0) throw new Error(`pdftotext failed: ${out.stderr}`);
  const pages: Word[][][] = [];
  for (const page of out.stdout.split(/<page\b/).slice(1)) {
    const lines: Word[][] = [];
    for (const line of page.split(/<line\b/).slice(1)) {
      const words = [...line.matchAll(/<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((m) => ({
        yMin: Number(m[1]),
        yMax: Number(m[2]),
        text: m[3] ?? '',
      }));
      if (words.length) lines.push(words);
    }
    pages.push(lines);
  }
  const bottom = block.top + block.height;
  const body = (w: Word): boolean => w.yMax <= bottom + 4 && w.yMin >= block.top - 4;
  const last = pages.length;
  const lastWords = (pages[last - 1] ?? []).flat().filter(body);
  const lowest = Math.max(...lastWords.map((w) => w.yMax));
  const totalPages = last - 1 + clamp01((lowest - block.top) / block.height);
  let contentPages = totalPages;
  search: for (let p = 0; p < pages.length; p++) {
    for (const line of pages[p] ?? []) {
      const text = line.map((w) => w.text).join(' ');
      if (/^(?:[0-9]+\.?\s+)?(?:References|Bibliography)$/.test(text)) {
        contentPages = p + clamp01((Math.min(...line.map((w) => w.yMin)) - block.top) / block.height);
        break search;
      }
    }
  }
  return { sheets: pages.length, contentPages, totalPages };
}
