/**
 * Fact-level comparison of an imported draft pack with a fixture's `.expected.json`: which expected
 * facts were imported, which imported facts are wrong (a different value, or a fact the page does
 * not give), and which are missing. Shared by the fixture test and bench/import-facts.
 */
import type { CoursePack } from '../../../../src/core/courses/types';

/** What a fixture page states, as written in its `<name>.expected.json`. */
export interface ExpectedPage {
  readonly options?: { readonly year?: number };
  readonly term?: string;
  readonly instructor?: string;
  readonly groupSize?: { readonly min?: number; readonly max?: number };
  readonly deliverables: Readonly<Record<string, ExpectedDeliverable>>;
  readonly papers: readonly ExpectedPaper[];
  /** Facts the page leaves open (e.g. a relative date): absent from the pack, named in "to check". */
  readonly toCheck?: readonly { readonly fact: string; readonly todo: string }[];
}

export interface ExpectedDeliverable {
  readonly due?: string;
  readonly dueEnd?: string;
  readonly pageLimit?: Readonly<Record<string, number | string | boolean>>;
  readonly requiredSections?: readonly string[];
}

export interface ExpectedPaper {
  readonly title: string;
  readonly authors?: readonly string[];
  readonly etAl?: boolean;
  readonly year?: number;
  readonly venue?: string;
  readonly arxiv?: string;
  readonly doi?: string;
  readonly url?: string;
  readonly titleUnverified?: boolean;
}

type Facts = Map<string, string>;

const paperFields = ['authors', 'etAl', 'year', 'venue', 'arxiv', 'doi', 'url', 'titleUnverified'] as const;
const limitFields = ['individual', 'team', 'style', 'template', 'referencesCount', 'appendixCounts'] as const;
const normTitle = (t: string) => t.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
const show = (v: unknown) => (Array.isArray(v) ? v.join('; ') : String(v));

/** The facts of an expected page, one `path -> value` each. */
export function expectedFacts(page: ExpectedPage): Facts {
  const facts: Facts = new Map();
  if (page.term) facts.set('term', page.term);
  if (page.instructor) facts.set('instructor', page.instructor);
  for (const [k, v] of Object.entries(page.groupSize ?? {})) facts.set(`groupSize.${k}`, show(v));
  for (const [kind, d] of Object.entries(page.deliverables)) {
    facts.set(`${kind}`, 'present');
    if (d.due) facts.set(`${kind}.due`, d.due);
    if (d.dueEnd) facts.set(`${kind}.dueEnd`, d.dueEnd);
    for (const [k, v] of Object.entries(d.pageLimit ?? {})) facts.set(`${kind}.pageLimit.${k}`, show(v));
    if (d.requiredSections) facts.set(`${kind}.requiredSections`, d.requiredSections.join('; '));
  }
  for (const p of page.papers) {
    const id = `paper "${normTitle(p.title)}"`;
    facts.set(id, 'present');
    for (const f of paperFields) {
      const v = p[f];
      if (f === 'authors' && (!v || (Array.isArray(v) && v.length === 0))) continue;
      if (v !== undefined && v !== false) facts.set(`${id}.${f}`, show(v));
    }
  }
  return facts;
}

/** The same facts read from an imported pack. */
export function importedFacts(pack: CoursePack): Facts {
  const facts: Facts = new Map();
  if (pack.term) facts.set('term', pack.term);
  if (pack.instructor) facts.set('instructor', pack.instructor);
  const sizes = new Set(pack.deliverables.map((d) => JSON.stringify(d.groupSize ? { min: d.groupSize.min, max: d.groupSize.max } : undefined)).filter((s) => s !== undefined));
  for (const s of sizes) {
    const g = JSON.parse(s) as { min?: number; max?: number };
    for (const [k, v] of Object.entries(g)) {
      const key = `groupSize.${k}`;
      // Two deliverables with different group sizes: both values are kept so that a wrong one shows.
      facts.set(key, facts.has(key) && facts.get(key) !== show(v) ? `${facts.get(key)} | ${show(v)}` : show(v));
    }
  }
  for (const d of pack.deliverables) {
    const kind = facts.has(d.kind) ? `${d.kind} (again)` : d.kind;
    facts.set(kind, 'present');
    if (d.due) facts.set(`${kind}.due`, d.due);
    if (d.dueEnd) facts.set(`${kind}.dueEnd`, d.dueEnd);
    const limit = d.pageLimit as Readonly<Record<string, unknown>> | undefined;
    for (const f of limitFields) if (limit?.[f] !== undefined) facts.set(`${kind}.pageLimit.${f}`, show(limit[f]));
    if (d.requiredSections?.length) facts.set(`${kind}.requiredSections`, d.requiredSections.map((s) => s.title).join('; '));
  }
  for (const p of pack.papers) {
    let id = `paper "${normTitle(p.title)}"`;
    if (facts.has(id)) id = `${id} (again)`;
    facts.set(id, 'present');
    for (const f of paperFields) {
      const v = (p as unknown as Record<string, unknown>)[f];
      if (f === 'authors' && (!v || (Array.isArray(v) && v.length === 0))) continue;
      if (v !== undefined && v !== false) facts.set(`${id}.${f}`, show(v));
    }
  }
  return facts;
}

/** The comparison, fact by fact. */
export interface FactReport {
  readonly expected: number;
  readonly correct: string[];
  /** `path: imported value (expected value or "not on the page")`. */
  readonly wrong: string[];
  /** Expected facts not imported. */
  readonly missing: string[];
  /** Missing facts that the "to check" list names. */
  readonly sentToCheck: string[];
  /** Facts the page leaves open that were imported anyway, or are not named in "to check". */
  readonly openFactProblems: string[];
}

/** Compares an imported pack (and its to-check list) with what the page states. */
export function compareFacts(page: ExpectedPage, pack: CoursePack, todo: readonly string[]): FactReport {
  const want = expectedFacts(page);
  const got = importedFacts(pack);
  const correct: string[] = [];
  const wrong: string[] = [];
  const missing: string[] = [];
  const sentToCheck: string[] = [];
  for (const [path, value] of want) {
    const have = got.get(path);
    if (have === undefined) {
      missing.push(path);
      const [head] = path.split('.');
      const subject = head?.startsWith('paper "') ? head.slice(7, -1) : head ?? path;
      const field = path.slice((head ?? '').length + 1).split('.').pop() ?? '';
      if (todo.some((t) => t.toLowerCase().includes(subject) && (field === '' || t.includes(field)))) sentToCheck.push(path);
    } else if (have === value) correct.push(path);
    else wrong.push(`${path}: ${have} (expected ${value})`);
  }
  for (const [path, have] of got) if (!want.has(path)) wrong.push(`${path}: ${have} (not on the page)`);
  const openFactProblems: string[] = [];
  for (const open of page.toCheck ?? []) {
    if (got.has(open.fact)) openFactProblems.push(`${open.fact} was imported as ${got.get(open.fact)}; the page leaves it open`);
    if (!todo.some((t) => t.includes(open.todo))) openFactProblems.push(`"to check" does not quote '${open.todo}'`);
  }
  return { expected: want.size, correct, wrong, missing, sentToCheck, openFactProblems };
}
