import type { BenchCase } from '../types';
import { estimatePages } from '../../src/core/layout/index';
import { renderPreview } from '../../src/core/preview/render';
import { readWriteup } from '../../src/core/readers/index';
import { generateWriteup } from './read-100p';

interface State {
  readonly text: string;
  n: number;
  bytes: number;
}

const works = ['bartlett2017spectrally', 'golowich2018size', 'yang2019tensor', 'arora2019exact', 'razin2020implicit', 'safran2019depth'];

/**
 * `preview-10p`: one preview update of a 10-page Markdown writeup as the user types: read the
 * edited text, estimate pages, render the HTML body (math with KaTeX, citations, bibliography,
 * page marks). Each run edits one word, so the model is rebuilt while unchanged formulas hit
 * KaTeX's cache, as when typing.
 */
const preview10p: BenchCase<State> = {
  name: 'preview-10p',
  runs: 30,
  setup() {
    return { text: generateWriteup(10, 'markdown', 10), n: 0, bytes: 0 };
  },
  run(state) {
    state.n++;
    const text = state.text.replace('network', `network${state.n}`);
    const writeup = readWriteup(text, { file: 'report.md' });
    const pages = estimatePages(writeup);
    const { body } = renderPreview(writeup, {
      pages,
      pageLimit: 8,
      resolveCitation: (key) => (works.includes(key) ? { key, authors: ['Ada Lovelace', 'Alan Turing', 'Grace Hopper'], year: 2019, title: `Paper ${key}` } : undefined),
      resolveImage: (p) => `https://webview/${p}`,
    });
    state.bytes = body.length;
    return body.length;
  },
  extra(state) {
    return { htmlBytes: state.bytes };
  },
};

export default preview10p;
