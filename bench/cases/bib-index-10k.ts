import { createBibIndex } from '../../src/core/bib/index';
import { parseBib } from '../../src/core/bib/parse';
import type { BenchCase } from '../types';
import { generateBib } from './_bib';

/** Parsing and indexing a generated 10,000-entry .bib with the project's parser (goal: median <= 200 ms). */
const bench: BenchCase<{ text: string }> = {
  name: 'bib-index-10k',
  setup: () => ({ text: generateBib(10_000) }),
  run: ({ text }) => createBibIndex([parseBib(text, '/bench/references.bib')]).size,
  runs: 15,
  extra: ({ text }) => ({ bytes: text.length, entries: 10_000, baseline: 'bib-index-10k-citationjs', goal_ms: 200 }),
};

export default bench;
