import { createBibIndex } from '../../src/core/bib/index';
import { parseBib } from '../../src/core/bib/parse';
import { loadBundledPacks } from '../../src/core/courses/loader';
import type { CoursePack } from '../../src/core/courses/types';
import { resolveCourse } from '../../src/core/courses/resolve';
import type { BibIndex } from '../../src/core/bib/types';
import { estimatePages } from '../../src/core/layout/index';
import { lint } from '../../src/core/lint/engine';
import type { CitationResolver } from '../../src/core/preview/citations';
import type { PreviewOptions, PreviewParts } from '../../src/core/preview/context';
import { patchSize, previewPatch } from '../../src/core/preview/patch';
import { renderPreview } from '../../src/core/preview/render';
import { PreviewSession } from '../../src/core/preview/session';
import { parseTree } from '../../src/core/readers/chunkedParse';
import { ReaderSession } from '../../src/core/readers/incremental';
import { readWriteup } from '../../src/core/readers/index';
import type { Writeup } from '../../src/core/model/writeup';
import { generateBib, generateLatex, generateMarkdown } from '../generate';
import type { BenchCase } from '../types';

interface State {
  text: string;
  readonly file: string;
  readonly session: ReaderSession;
  /** The open preview's session (reuses the HTML of the blocks an edit did not touch). */
  readonly preview: PreviewSession;
  readonly packs: readonly CoursePack[];
  readonly bib: BibIndex;
  readonly resolve: CitationResolver;
  n: number;
  last: number;
  /** The parts the preview's page holds (the previous render's). */
  shown: PreviewParts | undefined;
}

/**
 * One keystroke in an open writeup: a letter typed into a word somewhere in the text (a different
 * place each run, spread over the whole writeup), then what the editor does after it.
 */
function type(state: State): string {
  state.n++;
  const { text } = state;
  let at = Math.floor(((state.n * 0.6180339887) % 1) * text.length);
  const space = text.indexOf(' ', at);
  at = space < 0 ? at : space;
  state.text = `${text.slice(0, at)}s${text.slice(at)}`;
  return state.text;
}

function setup(format: 'md' | 'tex', pages: number): State {
  const text = format === 'md' ? generateMarkdown({ pages, bibEntries: 40 }) : generateLatex({ pages, bibEntries: 40 });
  const bib = createBibIndex([parseBib(generateBib({ entries: 40 }), '/bench/references.bib')]);
  const resolve: CitationResolver = (key) => {
    const e = bib.get(key);
    return e ? { key, authors: e.authors, ...(e.year !== undefined ? { year: e.year } : {}), ...(e.title ? { title: e.title } : {}) } : undefined;
  };
  const state: State = { text, file: `/bench/report.${format}`, session: new ReaderSession(), preview: new PreviewSession(), packs: loadBundledPacks(), bib, resolve, n: 0, last: 0, shown: undefined };
  // The document is open: the session has read it once.
  state.session.read(text, { file: state.file });
  return state;
}

/**
 * `edit-<pages>p-<format>`: one edit in an open writeup to fresh diagnostics and page estimate, as
 * the editor does it (the document's reader session reads the new text, then the estimate and the
 * full lint with course and bibliography).
 */
function diagnose(state: State, writeup: Writeup): number {
  const pages = estimatePages(writeup);
  const { course, deliverable } = resolveCourse(writeup, { packs: state.packs });
  return lint({ writeup, courses: state.packs, bib: state.bib, pages, ...(course ? { course } : {}), ...(deliverable ? { deliverable } : {}) }).length;
}

/**
 * Median ms of `runs` edits done the way the editor did before reader sessions (a fresh read with
 * the whole text through remark), measured in the same process and load as the case itself.
 */
function fullReadMedian(state: State, then: (writeup: Writeup) => unknown, runs = 7): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const text = type(state);
    const t = performance.now();
    then(readWriteup(text, { file: state.file }, parseTree));
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  state.session.read(state.text, { file: state.file });
  return Number((times[Math.floor(runs / 2)] ?? 0).toFixed(2));
}

export function editCase(name: string, format: 'md' | 'tex', pages: number): BenchCase<State> {
  return {
    name,
    runs: 30,
    setup: () => setup(format, pages),
    run(state) {
      state.last = diagnose(state, state.session.read(type(state), { file: state.file }));
      return state.last;
    },
    extra: (state) => ({ bytes: state.text.length, diagnostics: state.last, full_read_median_ms: fullReadMedian(state, (w) => diagnose(state, w)) }),
  };
}

function previewOptions(state: State, writeup: Writeup): PreviewOptions {
  return { pages: estimatePages(writeup), pageLimit: 8, resolveCitation: state.resolve, resolveImage: (p) => `https://webview/${p}` };
}

/**
 * What the preview panel does after an edit: renders through the open preview's session (which
 * reuses unchanged blocks) and, when the page holds the previous parts, computes the patch of the
 * items that changed, which is all it sends (a Markdown preview sends the whole body). Returns the
 * characters sent.
 */
function preview(state: State, writeup: Writeup): number {
  const html = state.preview.render(writeup, previewOptions(state, writeup));
  const before = state.shown;
  state.shown = html.parts;
  return html.parts && before ? patchSize(previewPatch(before, html.parts)) : html.body.length;
}

/** The whole page of the current text (what the panel sent before patches), in characters. */
function pageBytes(state: State): number {
  const writeup = state.session.read(state.text, { file: state.file });
  return state.preview.render(writeup, previewOptions(state, writeup)).body.length;
}

/** `preview-<pages>p-<format>`: one edit in an open writeup to what the preview panel sends its page (read, estimate, render, patch). */
export function previewCase(name: string, format: 'md' | 'tex', pages: number): BenchCase<State> {
  return {
    name,
    runs: 30,
    setup: () => {
      const state = setup(format, pages);
      // The preview is open: it has rendered the document once.
      state.last = preview(state, state.session.read(state.text, { file: state.file }));
      return state;
    },
    run(state) {
      state.last = preview(state, state.session.read(type(state), { file: state.file }));
      return state.last;
    },
    extra: (state) => ({
      bytes: state.text.length,
      sent_bytes: state.last,
      html_bytes: pageBytes(state),
      // Before sessions: the whole text read and the whole preview rendered afresh.
      full_read_median_ms: fullReadMedian(state, (w) => renderPreview(w, previewOptions(state, w)).body.length),
    }),
  };
}
