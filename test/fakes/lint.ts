/** Runs rules and lint examples over fakes: shared by the rule tests. */
import type { BibEntry, BibIndex } from '../../src/core/bib/types';
import type { CoursePack } from '../../src/core/courses/types';
import type { PageEstimate } from '../../src/core/layout/types';
import { lint, type Diagnostic, type LintConfig } from '../../src/core/lint/engine';
import type { ExampleContext, Rule, RuleExample } from '../../src/core/lint/rule';
import type { Writeup } from '../../src/core/model/writeup';
import { testPacks } from './courses';
import { readForTest } from './writeup';

/** A bibliography index holding just these keys. */
export function fakeBib(keys: readonly string[]): BibIndex {
  const entries = new Map<string, BibEntry>(
    keys.map((key) => [key, { key, type: 'article', fields: {}, authors: [], file: 'references.bib', range: zero, keyRange: zero }]),
  );
  return { files: [], get: (k) => entries.get(k), has: (k) => entries.has(k), size: entries.size, entries: () => entries.values() };
}
const zero = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

/** A page estimate with these figures (breakdown all in `text`). */
export function fakePages(pages: NonNullable<ExampleContext['pages']>): PageEstimate {
  const total = pages.totalPages ?? pages.contentPages;
  return {
    contentPages: pages.contentPages,
    totalPages: total,
    pageBreaks: pages.pageBreaks ?? [],
    style: 'neurips',
    breakdown: { title: 0, text: pages.contentPages, math: 0, figures: 0, tables: 0, lists: 0, other: 0, references: total - pages.contentPages },
  };
}

/** The lint inputs for a writeup in an example context (course from the context, else the front matter). */
export function inputsFor(writeup: Writeup, context: ExampleContext = {}, packs: readonly CoursePack[] = testPacks()) {
  const courseRef = context.course ?? writeup.metadata.course;
  const course = typeof courseRef === 'string' ? packs.find((p) => p.id === courseRef) : courseRef;
  const kind = context.kind ?? writeup.metadata.kind;
  const deliverable = course?.deliverables.find((d) => d.kind === kind);
  return {
    writeup,
    courses: packs,
    ...(course ? { course } : {}),
    ...(deliverable ? { deliverable } : {}),
    ...(context.pages ? { pages: fakePages(context.pages) } : {}),
    ...(context.exactPages ? { exactPages: context.exactPages } : {}),
    ...(context.bibKeys ? { bib: fakeBib(context.bibKeys) } : {}),
  };
}

/** Lints an example's text with only `rule` (at its default severity). */
export function runExample(rule: Rule, example: RuleExample, config: LintConfig = {}): Diagnostic[] {
  const writeup = readForTest(example.text, example.format ?? 'markdown');
  const options = example.context?.options ? { [rule.id]: example.context.options } : {};
  return lint(inputsFor(writeup, example.context), { ruleSet: [rule], options, ...config }).filter((d) => d.rule === rule.id);
}

/** Lints `text` with only `rule`; the context as in examples. */
export function runRule(rule: Rule, text: string, context: ExampleContext = {}, format: 'markdown' | 'latex' = 'markdown'): Diagnostic[] {
  return runExample(rule, { title: '', text, format, context });
}
