import { createBibIndex } from '../../src/core/bib/index';
import { parseBib } from '../../src/core/bib/parse';
import type { BibIndex } from '../../src/core/bib/types';
import { loadBundledPacks } from '../../src/core/courses/loader';
import type { CoursePack } from '../../src/core/courses/types';
import { CitationCompletionProvider } from '../../src/core/features/citationCompletion';
import type { Position } from '../../src/core/model/range';
import type { BenchCase } from '../types';
import { generateBib } from './_bib';

interface State {
  readonly provider: CitationCompletionProvider;
  readonly bib: BibIndex;
  readonly packs: readonly CoursePack[];
  readonly documents: readonly { text: string; position: Position }[];
  i: number;
}

const prefixes = ['spec', 'neural', 'bartlett20', 'gauss', 'kernel'];

/**
 * Completion items for a typed prefix with 10,000 .bib entries indexed plus the course packs
 * (goal: median <= 10 ms). The index is built in setup, as the editor keeps it between keystrokes.
 */
const bench: BenchCase<State> = {
  name: 'complete-10k',
  setup: () => {
    const bib = createBibIndex([parseBib(generateBib(10_000), '/bench/references.bib')]);
    const documents = prefixes.map((p) => {
      const text = `---\ncourse: mit-18.408\nbibliography: references.bib\n---\n\n# Introduction\n\nMargins matter [@${p}`;
      const lines = text.split('\n');
      return { text, position: { line: lines.length - 1, character: (lines[lines.length - 1] ?? '').length } };
    });
    return { provider: new CitationCompletionProvider(), bib, packs: loadBundledPacks(), documents, i: 0 };
  },
  run: (state) => {
    const doc = state.documents[state.i++ % state.documents.length];
    if (!doc) return 0;
    const list = state.provider.provide({ text: doc.text, format: 'markdown' }, doc.position, {
      bib: state.bib,
      packs: state.packs,
      courseId: 'mit-18.408',
    });
    return list?.items.length ?? 0;
  },
  runs: 50,
  extra: () => ({ entries: 10_000, prefixes, goal_ms: 10 }),
};

export default bench;
