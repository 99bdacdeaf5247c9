import type { BenchCase } from '../types';
import { MathHoverProvider } from '../../src/core/features/mathHover';
import { readWriteup } from '../../src/core/readers/index';
import { MathRenderService } from '../../src/vscode/mathRenderer';
import { hoverDocument, workerPath } from './math-hover-cold';

interface State {
  readonly service: MathRenderService;
  readonly writeup: ReturnType<typeof readWriteup>;
  n: number;
}

/**
 * `math-hover-warm`: a formula never seen before, once the worker and MathJax are loaded
 * (no cache hit: each run changes the formula). Includes the round trip to the worker thread.
 * Target: <= 20 ms.
 */
const mathHoverWarm: BenchCase<State> = {
  name: 'math-hover-warm',
  runs: 50,
  async setup() {
    const service = new MathRenderService(workerPath);
    const writeup = readWriteup(hoverDocument, { file: 'bench.md' });
    const first = await service.render({ tex: 'x', display: false });
    if (!first.ok) throw new Error(`math-hover-warm: ${first.error}`);
    return { service, writeup, n: 0 };
  },
  async run(state) {
    const info = new MathHoverProvider().provide(state.writeup, { line: 8, character: 3 });
    if (!info) throw new Error('math-hover-warm: no formula at the position');
    state.n++;
    // A new formula each run: the same display formula with a different exponent.
    const result = await state.service.render({ tex: `${info.tex} + e^{${state.n}}`, display: true, macros: info.macros, color: '#1f1f1f', exPixels: 7 });
    if (!result.ok) throw new Error(`math-hover-warm: ${result.error}`);
    return result.svg.length;
  },
};

export default mathHoverWarm;
