import { isDeepStrictEqual } from 'node:util';
import { createBibIndex, parseBib } from '../../src/core/bib/index';
import type { BibIndex } from '../../src/core/bib/types';
import { loadBundledPacks, loadPack } from '../../src/core/courses/loader';
import { resolveCourse } from '../../src/core/courses/resolve';
import { CitationCompletionProvider } from '../../src/core/features/citationCompletion';
import { estimatePages } from '../../src/core/layout/index';
import { lint } from '../../src/core/lint/engine';
import type { Range } from '../../src/core/model/range';
import type { Writeup, WriteupFormat } from '../../src/core/model/writeup';
import { renderPreview } from '../../src/core/preview/render';
import { parseTree } from '../../src/core/readers/chunkedParse';
import { ReaderSession } from '../../src/core/readers/incremental';
import { readWriteup } from '../../src/core/readers/index';
import { LineIndex } from '../../src/core/text/lineIndex';

/**
 * Runs one generated input through every part of the core a user's file reaches and checks
 * the fuzz properties: nothing throws, every range lies inside the document, results are
 * deterministic, numbers are finite. Returns the broken properties (empty when all hold).
 */

const packs = loadBundledPacks();
const completion = new CitationCompletionProvider({ limit: 20 });
const sampleBib = createBibIndex([parseBib('@article{bartlett2017spectrally, title={Spectrally-normalized margin bounds}, author={Bartlett, Peter}, year=2017}', 'references.bib')]);

/** Checks that `r` is a well-formed range inside `lines`. */
function rangeProblem(what: string, r: Range, lines: LineIndex): string | undefined {
  const inside = (p: { line: number; character: number }) =>
    Number.isInteger(p.line) && Number.isInteger(p.character) && p.line >= 0 && p.line < lines.lineCount &&
    p.character >= 0 && p.character <= lines.lineEnd(p.line) - lines.lineStart(p.line);
  if (!inside(r.start) || !inside(r.end)) return `${what} range ${JSON.stringify(r)} lies outside the document (${lines.lineCount} lines)`;
  if (r.start.line > r.end.line || (r.start.line === r.end.line && r.start.character > r.end.character)) return `${what} range ${JSON.stringify(r)} ends before it starts`;
  return undefined;
}

/** Every range the model exposes, labelled. */
function modelRanges(w: Writeup): [string, Range][] {
  const out: [string, Range][] = [];
  for (const s of w.sections) out.push(['section', s.range], ['section title', s.titleRange], ['section body', s.bodyRange]);
  for (const b of w.blocks) out.push([`block ${b.type}`, b.range]);
  for (const c of w.citations) out.push(['citation', c.range], ['citation group', c.groupRange]);
  for (const m of w.math) out.push(['math', m.range], ['math content', m.contentRange]);
  for (const f of w.footnotes ?? []) out.push(['footnote', f.range], ['footnote body', f.bodyRange]);
  for (const p of w.problems) out.push([`problem ${p.code}`, p.range]);
  if (w.referencesStart) out.push(['referencesStart', w.referencesStart]);
  if (w.appendixStart) out.push(['appendixStart', w.appendixStart]);
  if (w.metadata.titleRange) out.push(['titleRange', w.metadata.titleRange]);
  if (w.metadata.range) out.push(['metadata', w.metadata.range]);
  for (const [k, r] of Object.entries(w.metadata.keyRanges)) out.push([`metadata key ${k}`, r]);
  return out;
}

/** The parts of a model that must come out the same every time. */
function fingerprint(w: Writeup): string {
  return JSON.stringify([w.sections.map((s) => [s.level, s.title, s.range]), w.citations.map((c) => [c.key, c.range]), w.math.map((m) => [m.tex, m.range]), w.problems.map((p) => p.code), w.metadata.title, w.metadata.authors]);
}

function attempt<T>(what: string, failures: string[], fn: () => T): T | undefined {
  try {
    return fn();
  } catch (error) {
    failures.push(`${what} threw: ${error instanceof Error ? `${error.message}\n${error.stack ?? ''}` : String(error)}`);
    return undefined;
  }
}

/** Reader, course resolution, page estimate, lint, completion and preview over one writeup. */
export function checkWriteup(text: string, format: WriteupFormat): string[] {
  const failures: string[] = [];
  const file = format === 'latex' ? '/fuzz/report.tex' : '/fuzz/report.md';
  const lines = new LineIndex(text);
  const writeup = attempt('readWriteup', failures, () => readWriteup(text, { file, format }));
  if (!writeup) return failures;
  for (const [what, r] of modelRanges(writeup)) {
    const p = rangeProblem(what, r, lines);
    if (p) failures.push(p);
  }
  const again = attempt('readWriteup (again)', failures, () => readWriteup(text, { file, format }));
  if (again && fingerprint(again) !== fingerprint(writeup)) failures.push('reading the same text twice gave different models');
  // The editor's path: a reader session that read an earlier text (here: without the middle line).
  const session = new ReaderSession();
  const middle = lines.lineStart(Math.floor(lines.lineCount / 2));
  const edited = attempt('ReaderSession.read', failures, () => {
    session.read(text.slice(0, middle) + text.slice(lines.lineStart(Math.floor(lines.lineCount / 2) + 1)), { file, format });
    return session.read(text, { file, format });
  });
  const whole = format === 'markdown' ? attempt('readWriteup (whole parse)', failures, () => readWriteup(text, { file, format }, parseTree)) : writeup;
  // isDeepStrictEqual, not JSON: front matter with YAML aliases can make `metadata.raw` circular.
  if (edited && whole && !isDeepStrictEqual(edited, whole)) failures.push('a reader session after an edit read the text differently from a fresh whole read');
  if (whole && !isDeepStrictEqual(writeup, whole)) failures.push('the chunked Markdown parse read the text differently from a whole parse');

  const resolved = attempt('resolveCourse', failures, () => resolveCourse(writeup, { packs, setting: 'mit-9.520-fall2024' }));
  const pages = attempt('estimatePages', failures, () => estimatePages(writeup));
  if (pages) {
    if (!Number.isFinite(pages.contentPages) || !Number.isFinite(pages.totalPages) || pages.contentPages < 0) failures.push(`page estimate not finite: ${pages.contentPages}/${pages.totalPages}`);
    if (pages.contentPages > pages.totalPages + 1e-9) failures.push(`content pages ${pages.contentPages} exceed total ${pages.totalPages}`);
    for (const b of pages.pageBreaks) if (b.line < 0 || b.line >= lines.lineCount) failures.push(`page break at line ${b.line} outside the document`);
  }
  const bib: BibIndex = sampleBib;
  const diagnostics = attempt('lint', failures, () =>
    lint({
      writeup,
      courses: packs,
      bib,
      ...(resolved?.course ? { course: resolved.course } : {}),
      ...(resolved?.deliverable ? { deliverable: resolved.deliverable } : {}),
      ...(pages ? { pages } : {}),
    }),
  );
  for (const d of diagnostics ?? []) {
    const p = rangeProblem(`diagnostic ${d.rule}`, d.range, lines);
    if (p) failures.push(p);
    // A JavaScript `undefined` or `NaN` printed into a message; not the word inside a rule id such as `undefined-citation`.
    if (!d.message || /(?<![\w-])undefined(?![\w-])|(?<![\w-])NaN(?![\w-])|\[object Object\]/.test(d.message)) failures.push(`diagnostic ${d.rule} has a broken message: ${JSON.stringify(d.message)}`);
  }
  // Completion at a few positions: the end of each of the first lines and the very end.
  const probes = [lines.positionAt(text.length), ...Array.from({ length: Math.min(lines.lineCount, 5) }, (_, l) => lines.positionAt(lines.lineEnd(l)))];
  for (const position of probes) {
    const list = attempt('completion', failures, () => completion.provide({ text, format }, position, { bib, packs, courseId: 'mit-18.408' }));
    for (const item of list?.items ?? []) {
      const p = rangeProblem('completion replace', item.range, lines);
      if (p) failures.push(p);
    }
  }
  const preview = attempt('renderPreview', failures, () => renderPreview(writeup, pages ? { pages, pageLimit: 5 } : {}));
  if (preview && /<script|<[^>]*\son[a-z]+\s*=|(?:href|src|action)\s*=\s*["']?\s*javascript:/i.test(preview.body)) failures.push('preview HTML contains a script, an inline handler or a javascript: URL');
  return failures;
}

/** The .bib reader: never throws, ranges inside, each problem located. */
export function checkBib(text: string): string[] {
  const failures: string[] = [];
  const lines = new LineIndex(text);
  const bib = attempt('parseBib', failures, () => parseBib(text, '/fuzz/references.bib'));
  if (!bib) return failures;
  for (const e of bib.entries) {
    for (const [what, r] of [['entry', e.range], ['entry key', e.keyRange]] as const) {
      const p = rangeProblem(what, r, lines);
      if (p) failures.push(p);
    }
  }
  for (const pr of bib.problems) {
    const p = rangeProblem(`bib problem ${pr.code}`, pr.range, lines);
    if (p) failures.push(p);
  }
  attempt('createBibIndex', failures, () => createBibIndex([bib]));
  return failures;
}

/** The course-pack loader: a broken pack yields problems, never an exception. */
export function checkPack(text: string): string[] {
  const failures: string[] = [];
  const result = attempt('loadPack', failures, () => loadPack(text, '/fuzz/pack.json'));
  if (result && !result.pack && result.problems.length === 0) failures.push('a pack that did not load came back with no problem saying why');
  for (const p of result?.problems ?? []) if (!p.message) failures.push('a pack problem has no message');
  return failures;
}
