import { resolve } from 'node:path';
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

/**
 * `math-hover-cold`: the first hover after activation. Every run starts a fresh worker thread,
 * so it pays for the thread, loading MathJax and setting up its TeX input and SVG output, and
 * renders one formula (the same work the editor does on the first hover). Target: <= 300 ms.
 */
const mathHoverCold: BenchCase<{ writeup: ReturnType<typeof readWriteup> }> = {
  name: 'math-hover-cold',
  cold: true,
  runs: 10,
  setup() {
    return { writeup: readWriteup(hoverDocument, { file: 'bench.md' }) };
  },
  async run({ writeup }) {
    const info = new MathHoverProvider().provide(writeup, { line: 8, character: 3 });
    if (!info) throw new Error('math-hover-cold: no formula at the position');
    const service = new MathRenderService(workerPath);
    try {
      const result = await service.render({ tex: info.tex, display: info.display, macros: info.macros, color: '#1f1f1f', exPixels: 7 });
      if (!result.ok) throw new Error(`math-hover-cold: ${result.error}`);
      return result.svg.length;
    } finally {
      service.dispose();
    }
  },
};

export default mathHoverCold;
