import { Cite } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import type { BenchCase } from '../types';
import { generateBib } from './_bib';

/** The baseline for `bib-index-10k`: citation-js (plugin-bibtex) parsing the same generated file. */
const bench: BenchCase<{ text: string }> = {
  name: 'bib-index-10k-citationjs',
  setup: () => ({ text: generateBib(10_000) }),
  run: ({ text }) => new Cite(text).data.length,
  runs: 5,
  extra: ({ text }) => ({ bytes: text.length, entries: 10_000, baselineOf: 'bib-index-10k' }),
};

export default bench;
