import { createBibIndex } from '../../src/core/bib/index';
import { parseBib } from '../../src/core/bib/parse';
import { loadBundledPacks } from '../../src/core/courses/loader';
import { resolveCourse } from '../../src/core/courses/resolve';
import { estimatePages } from '../../src/core/layout/index';
import { lint, type Diagnostic, type LintInputs } from '../../src/core/lint/engine';
import { readWriteup } from '../../src/core/readers/index';
import { generateBib, generateMarkdown } from '../generate';
import type { BenchCase } from '../types';

interface State {
  readonly inputs: LintInputs;
  readonly bytes: number;
  last?: Diagnostic[];
}

/**
 * A full lint (every registered rule, course resolved, bibliography and page estimate present) of
 * a generated `pages`-page Markdown writeup. The model, the bib index and the page estimate are
 * built in setup, as the editor has them when it lints; `with_estimate_median_ms` adds the estimate.
 */
export function lintCase(name: string, pages: number): BenchCase<State> {
  return {
    name,
    setup: () => {
      const text = generateMarkdown({ pages, bibEntries: 40 });
      const writeup = readWriteup(text, { file: '/bench/report.md' });
      const packs = loadBundledPacks();
      const { course, deliverable } = resolveCourse(writeup, { packs });
      const bib = createBibIndex([parseBib(generateBib({ entries: 40 }), '/bench/references.bib')]);
      const inputs: LintInputs = { writeup, courses: packs, bib, pages: estimatePages(writeup), ...(course ? { course } : {}), ...(deliverable ? { deliverable } : {}) };
      return { inputs, bytes: text.length };
    },
    run(state) {
      state.last = lint(state.inputs);
      return state.last;
    },
    runs: 30,
    extra(state) {
      const times: number[] = [];
      for (let i = 0; i < 7; i++) {
        const t = performance.now();
        lint({ ...state.inputs, pages: estimatePages(state.inputs.writeup) });
        times.push(performance.now() - t);
      }
      times.sort((a, b) => a - b);
      return {
        bytes: state.bytes,
        course: state.inputs.course?.id ?? null,
        diagnostics: state.last?.length ?? 0,
        rules: [...new Set(state.last?.map((d) => d.rule))].join(','),
        with_estimate_median_ms: Number((times[3] ?? 0).toFixed(2)),
      };
    },
  };
}
