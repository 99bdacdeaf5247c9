import type { BenchCase } from '../types';
import { generateLatex, generateMarkdown } from '../generate';
import { readWriteup } from '../../src/core/readers/index';
import type { Writeup } from '../../src/core/model/writeup';

interface State {
  readonly markdown: string;
  readonly latex: string;
  last?: Writeup;
}

/**
 * `read-100p`: the Markdown reader on a generated 100-page writeup. The LaTeX reader on the same
 * writeup in LaTeX is reported beside it (`latex_median_ms`, five runs).
 */
const bench: BenchCase<State> = {
  name: 'read-100p',
  setup: () => ({ markdown: generateMarkdown({ pages: 100, bibEntries: 40 }), latex: generateLatex({ pages: 100, bibEntries: 40 }) }),
  run(state) {
    state.last = readWriteup(state.markdown, { file: 'report.md' });
    return state.last;
  },
  runs: 15,
  extra(state) {
    const times: number[] = [];
    for (let i = 0; i < 5; i++) {
      const t = performance.now();
      readWriteup(state.latex, { file: 'report.tex' });
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    return {
      bytes: state.markdown.length,
      sections: state.last?.sections.length ?? 0,
      citations: state.last?.citations.length ?? 0,
      math: state.last?.math.length ?? 0,
      latex_median_ms: Number((times[2] ?? 0).toFixed(2)),
      latex_bytes: state.latex.length,
    };
  },
};

export default bench;
