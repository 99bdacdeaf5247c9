import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { BenchCase } from '../types';
import { MathHoverProvider } from '../../src/core/features/mathHover';
import { readWriteup } from '../../src/core/readers/index';
import { MathRenderService } from '../../src/vscode/mathRenderer';

/** The example report's first display formula, with its `\R` and `\Rad` macros. */
export const hoverDocument = [
  '---',
  'title: Bench',
  'header-includes: |',
  '  \\newcommand{\\R}{\\mathbb{R}}',
  '  \\newcommand{\\Rad}{\\mathfrak{R}}',
  '---',
  '',
  '$$',
  '\\Rad_n(\\mathcal{F}_r) \\le \\frac{B \\prod_{k=1}^{L} \\|W_k\\|_\\sigma}{\\sqrt{n}} \\sqrt{\\sum_{k=1}^{L} r_k \\log d}, \\quad x \\in \\R^d.',
  '$$',
  '',
].join('\n');

/** The worker bundle built by `npm run build` (the bench script builds first). */
export const workerPath = resolve('dist/mathWorker.js');

/** V8 code cache of the bundle, as the extension keeps it in its global storage. */
export const cacheFile = join(tmpdir(), `writeup-bench-mathWorker-${process.pid}.cache`);

async function hoverOnce(writeup: ReturnType<typeof readWriteup>, cache: string | undefined): Promise<number> {
  const info = new MathHoverProvider().provide(writeup, { line: 8, character: 3 });
  if (!info) throw new Error('math-hover-cold: no formula at the position');
  const service = new MathRenderService(workerPath, cache);
  try {
    const result = await service.render({ tex: info.tex, display: info.display, macros: info.macros, color: '#1f1f1f', exPixels: 7 });
    if (!result.ok) throw new Error(`math-hover-cold: ${result.error}`);
    return result.svg.length;
  } finally {
    service.dispose();
  }
}

/**
 * `math-hover-cold`: the first hover after activation. Every run starts a fresh worker thread,
 * so it pays for the thread, loading MathJax (with V8's code cache from an earlier session, as
 * the extension keeps it) and setting up its TeX input and SVG output, and renders one formula.
 * `no_code_cache_ms` is the very first hover after installing (no cache yet). Target: <= 300 ms.
 */
const mathHoverCold: BenchCase<{ writeup: ReturnType<typeof readWriteup>; noCacheMs: number }> = {
  name: 'math-hover-cold',
  cold: true,
  runs: 10,
  async setup() {
    const writeup = readWriteup(hoverDocument, { file: 'bench.md' });
    rmSync(cacheFile, { force: true });
    const t = performance.now();
    await hoverOnce(writeup, cacheFile);
    const noCacheMs = performance.now() - t;
    // The cache is written just after the first formula: one more hover makes sure it is on disk.
    await hoverOnce(writeup, cacheFile);
    return { writeup, noCacheMs };
  },
  run({ writeup }) {
    return hoverOnce(writeup, cacheFile);
  },
  extra({ noCacheMs }) {
    rmSync(cacheFile, { force: true });
    return { no_code_cache_ms: Math.round(noCacheMs * 1000) / 1000 };
  },
};

export default mathHoverCold;
