// The calibration corpus (test/fixtures/calibration/): its measured pages and the estimator's
// errors on it. Used by the accuracy test and by `npm run calibrate`.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { imageSize } from 'image-size';
import { cliHost } from '../../../src/cli/analysisHost';
import { diskHost } from '../../../src/node/diskHost';
import { diskImageSize } from '../../../src/node/imageSize';
import { estimatePages } from '../../../src/core/layout';
import { readWriteup } from '../../../src/core/readers';

export const CORPUS_DIR = join(__dirname, '../../fixtures/calibration');

/** One compiled writeup as measured from its PDF. */
export interface Measured {
  readonly file: string;
  readonly contentPages: number;
  readonly totalPages: number;
  readonly pdfPages: number;
  /** Held back: never used to tune the estimator. */
  readonly heldOut: boolean;
}

/** A measured writeup next to its estimate. */
export interface Compared extends Measured {
  readonly estimatedContent: number;
  readonly estimatedTotal: number;
  readonly contentError: number;
  readonly totalError: number;
}

export function loadMeasured(): Measured[] {
  return (JSON.parse(readFileSync(join(CORPUS_DIR, 'measured.json'), 'utf8')) as { writeups: Measured[] }).writeups;
}

/** Image sizes read from disk, relative to the writeup's folder. */
export function imageSizer(file: string) {
  return (path: string) => {
    try {
      const size = imageSize(readFileSync(join(dirname(file), path)));
      return size.width && size.height ? { width: size.width, height: size.height } : undefined;
    } catch {
      return undefined;
    }
  };
}

export function compare(measured: readonly Measured[]): Compared[] {
  return measured.map((m) => {
    const path = join(CORPUS_DIR, m.file);
    // As the CLI reads them: `\input` children and image sizes (resolution, PDF page box) from disk.
    const writeup = readWriteup(readFileSync(path, 'utf8'), { file: path, host: diskHost });
    // The bibliography as the CLI reads it: the .bib the writeup names (refs.bib beside it).
    const bibliography = cliHost({ packs: [], cwd: CORPUS_DIR, warn: () => undefined }).bibliography?.(writeup);
    const e = estimatePages(writeup, { imageSize: diskImageSize(path), ...(bibliography ? { bibliography } : {}) });
    return {
      ...m,
      estimatedContent: e.contentPages,
      estimatedTotal: e.totalPages,
      contentError: Math.abs(e.contentPages - m.contentPages),
      totalError: Math.abs(e.totalPages - m.totalPages),
    };
  });
}

/** Median and worst of a list of errors. */
export function stats(errors: readonly number[]): { median: number; worst: number } {
  const s = [...errors].sort((a, b) => a - b);
  if (s.length === 0) return { median: 0, worst: 0 };
  const mid = Math.floor(s.length / 2);
  const median = s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
  return { median, worst: s[s.length - 1] as number };
}
