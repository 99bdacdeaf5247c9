import type { BenchCase } from '../types';
import { createBibIndex } from '../../src/core/bib/index';
import { parseBib } from '../../src/core/bib/parse';
import type { BibIndex } from '../../src/core/bib/types';
import { estimatePages } from '../../src/core/layout/index';
import type { CitationResolver } from '../../src/core/preview/citations';
import { renderPreview } from '../../src/core/preview/render';
import { readWriteup } from '../../src/core/readers/index';
import { generateBib, generateMarkdown } from '../generate';

interface State {
  readonly text: string;
  readonly resolve: CitationResolver;
  n: number;
  bytes: number;
  renderMs: number[];
}

function resolverOf(bib: BibIndex): CitationResolver {
  return (key) => {
    const e = bib.get(key);
    return e ? { key, authors: e.authors, ...(e.year !== undefined ? { year: e.year } : {}), ...(e.title ? { title: e.title } : {}) } : undefined;
  };
}

/**
 * `preview-10p`: one preview update of a generated 10-page Markdown writeup as the user types:
 * read the edited text, estimate pages, render the HTML body (math with KaTeX, citations from a
 * 40-entry .bib, bibliography, page marks). Each run edits one word, so the model is rebuilt while
 * unchanged formulas hit the KaTeX cache, as when typing. `render_median_ms` is the HTML step alone.
 */
const preview10p: BenchCase<State> = {
  name: 'preview-10p',
  runs: 30,
  setup() {
    const bib = createBibIndex([parseBib(generateBib({ entries: 40 }), '/bench/references.bib')]);
    return { text: generateMarkdown({ pages: 10, bibEntries: 40 }), resolve: resolverOf(bib), n: 0, bytes: 0, renderMs: [] };
  },
  run(state) {
    state.n++;
    const text = state.text.replace(/\bthe\b/, `the${state.n}`);
    const writeup = readWriteup(text, { file: '/bench/report.md' });
    const pages = estimatePages(writeup);
    const t = performance.now();
    const { body } = renderPreview(writeup, { pages, pageLimit: 8, resolveCitation: state.resolve, resolveImage: (p) => `https://webview/${p}` });
    state.renderMs.push(performance.now() - t);
    state.bytes = body.length;
    return body.length;
  },
  extra(state) {
    const sorted = [...state.renderMs].sort((a, b) => a - b);
    const median = sorted[Math.floor(sorted.length / 2)] ?? NaN;
    return { render_median_ms: Math.round(median * 1000) / 1000, html_bytes: state.bytes };
  },
};

export default preview10p;
