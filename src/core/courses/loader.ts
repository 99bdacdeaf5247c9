import type { ErrorObject, ValidateFunction } from 'ajv';
import { bundledPackIds } from './packs/index';
import type { CoursePack, Deliverable } from './types';
import { lazyAjv, lazyCoursePackSchema, lazyPackData } from '../lazy/index';

/** Something wrong with a course pack file; the pack is dropped only when `severity` is `error`. */
export interface PackProblem {
  /** The file the pack was read from. */
  readonly file: string;
  /** JSON pointer to the offending value (`""` for the whole document). */
  readonly pointer: string;
  /** What is wrong, in one sentence. */
  readonly message: string;
  readonly severity: 'error' | 'warning';
  /** 1-based line and column, for JSON syntax errors. */
  readonly line?: number;
  readonly column?: number;
}

/** The outcome of reading one pack: the pack when it is usable, and what is wrong with it. */
export interface LoadResult {
  readonly pack?: CoursePack;
  readonly problems: readonly PackProblem[];
}

/** A pack together with where it came from. */
export interface SourcedPack {
  readonly pack: CoursePack;
  /** File path, or `bundled`. */
  readonly file: string;
}

/** The packs after user packs override bundled ones, and what happened on the way. */
export interface MergeResult {
  readonly packs: readonly CoursePack[];
  /** One line per override, e.g. "user pack ... overrides the bundled pack 'mit-18.408'". */
  readonly notices: readonly string[];
}

/** The ids of the packs shipped with the extension, in display order. */
export const bundledCourseIds = bundledPackIds;

let bundled: readonly CoursePack[] | undefined;

/** The bundled packs (validated by the tests, so not again at run time). */
export function loadBundledPacks(): readonly CoursePack[] {
  bundled ??= lazyPackData().map((p) => p as CoursePack);
  return bundled;
}

let validator: ValidateFunction | undefined;

/** The compiled schema validator, built on first use. */
function validate(): ValidateFunction {
  if (!validator) {
    const Ajv = lazyAjv();
    const ajv = new Ajv({ allErrors: true, strict: true });
    ajv.addFormat('uri', /^[a-z][a-z0-9+.-]*:\S+$/i);
    validator = ajv.compile(lazyCoursePackSchema());
  }
  return validator;
}

/** Line and column (1-based) of a character offset. */
function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, Math.max(0, Math.min(offset, text.length)));
  const line = before.split('\n').length;
  return { line, column: before.length - before.lastIndexOf('\n') };
}

/** A one-line, readable message for an ajv error. */
function describe(error: ErrorObject): { pointer: string; message: string } {
  const pointer = error.instancePath;
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required':
      return { pointer, message: `missing required property '${String(params.missingProperty)}'` };
    case 'additionalProperties': {
      const name = String(params.additionalProperty);
      return { pointer: `${pointer}/${name.replace(/~/g, '~0').replace(/\//g, '~1')}`, message: `unknown property '${name}'` };
    }
    case 'enum':
      return { pointer, message: `must be one of ${(params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}` };
    case 'type':
      return { pointer, message: `must be ${String(params.type)}` };
    case 'pattern':
      if (/(date|due|dueEnd|endDate)$/i.test(pointer)) return { pointer, message: 'must be a date written YYYY-MM-DD (e.g. 2021-05-19)' };
      if (/\/(id|kind)$/.test(pointer)) return { pointer, message: 'must be lowercase letters, digits and . _ - (e.g. mit-18.408, report)' };
      return { pointer, message: `must match ${String(params.pattern)}` };
    case 'format':
      return { pointer, message: `must be a ${String(params.format).toUpperCase()} (e.g. https://...)` };
    default:
      return { pointer, message: error.message ?? `fails ${error.keyword}` };
  }
}

/** Cross-reference checks the schema cannot express: duplicate keys, former keys naming another paper, unknown paper keys. */
function crossCheck(pack: CoursePack, file: string): PackProblem[] {
  const problems: PackProblem[] = [];
  const keys = new Set<string>();
  pack.papers.forEach((paper, i) => {
    if (keys.has(paper.key)) {
      problems.push({ file, pointer: `/papers/${i}/key`, message: `duplicate paper key '${paper.key}'`, severity: 'warning' });
    }
    keys.add(paper.key);
  });
  // A former key that is another paper's key would send old citations to the wrong paper.
  pack.papers.forEach((paper, i) => {
    paper.formerKeys?.forEach((old, j) => {
      if (keys.has(old) && old !== paper.key) {
        problems.push({ file, pointer: `/papers/${i}/formerKeys/${j}`, message: `former key '${old}' is the key of another paper in this pack`, severity: 'warning' });
      }
    });
  });
  const checkRefs = (refs: readonly string[] | undefined, base: string) =>
    refs?.forEach((key, j) => {
      if (!keys.has(key)) {
        problems.push({ file, pointer: `${base}/papers/${j}`, message: `no paper with key '${key}' in this pack`, severity: 'warning' });
      }
    });
  pack.suggestedProjects?.forEach((project, i) => checkRefs(project.papers, `/suggestedProjects/${i}`));
  pack.schedule?.forEach((item, i) => checkRefs(item.papers, `/schedule/${i}`));
  return problems;
}

/**
 * Parses and validates one pack. Never throws: a JSON syntax error or a schema violation comes
 * back as problems (file, JSON pointer, what is wrong) and no pack.
 */
export function loadPack(text: string, file: string): LoadResult {
  let data: unknown;
  // Windows editors (Notepad) save UTF-8 with a byte order mark, which JSON.parse refuses.
  const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  try {
    data = JSON.parse(bom ? text.slice(1) : text);
  } catch (error) {
    const raw = error instanceof Error ? error.message : String(error);
    const at = /position (\d+)/.exec(raw);
    const message = raw.replace(/\s*in JSON at position \d+.*$/s, '').replace(/^JSON\.parse: /, '');
    // "Unexpected token 'x', ..." says no position: no line and column rather than a wrong one.
    const offset = at ? Number(at[1]) + bom : /end of JSON input/i.test(raw) ? text.length : undefined;
    if (offset === undefined) return { problems: [{ file, pointer: '', message: `invalid JSON: ${message}`, severity: 'error' }] };
    const { line, column } = lineColumn(text, offset);
    return { problems: [{ file, pointer: '', message: `invalid JSON at line ${line}, column ${column}: ${message}`, severity: 'error', line, column }] };
  }
  const check = validate();
  if (!check(data)) {
    const seen = new Set<string>();
    const problems: PackProblem[] = [];
    for (const error of check.errors ?? []) {
      // anyOf reports each failed branch; the branch errors already say what is wrong.
      if (error.keyword === 'anyOf') continue;
      const { pointer, message } = describe(error);
      const id = `${pointer}\u0000${message}`;
      if (seen.has(id)) continue;
      seen.add(id);
      problems.push({ file, pointer, message, severity: 'error' });
    }
    return { problems };
  }
  const pack = data as CoursePack;
  return { pack, problems: crossCheck(pack, file) };
}

/** Formats a problem as one line: `file#/pointer: message` (or `file:line:column: message`). */
export function formatProblem(problem: PackProblem): string {
  if (problem.line !== undefined) return `${problem.file}:${problem.line}:${problem.column ?? 1}: ${problem.message}`;
  return `${problem.file}#${problem.pointer || '/'}: ${problem.message}`;
}

/**
 * Bundled packs followed by user packs; a user pack with a bundled (or earlier user) pack's id
 * replaces it in place, with a notice saying so.
 */
export function mergePacks(bundledPacks: readonly CoursePack[], user: readonly SourcedPack[]): MergeResult {
  const packs: CoursePack[] = [...bundledPacks];
  const origin = new Map<string, string>(bundledPacks.map((p) => [p.id, 'bundled']));
  const notices: string[] = [];
  for (const { pack, file } of user) {
    const index = packs.findIndex((p) => p.id === pack.id);
    if (index >= 0) {
      const was = origin.get(pack.id);
      notices.push(
        was === 'bundled'
          ? `${file}: course pack '${pack.id}' overrides the bundled pack of the same id`
          : `${file}: course pack '${pack.id}' overrides the one in ${was ?? 'another file'}`,
      );
      packs[index] = pack;
    } else {
      packs.push(pack);
    }
    origin.set(pack.id, file);
  }
  return { packs, notices };
}

/** A user pack file as its host read it: its text, or why it could not be read. */
export interface PackSource {
  /** Path shown in messages (relative to the workspace or working folder). */
  readonly file: string;
  readonly text?: string;
  readonly readError?: string;
}

/**
 * Reads user pack files and merges them over the bundled packs (or `base`): broken ones are left
 * out and reported, the rest still load; overrides come back as notices. The CLI and the editor
 * both read their files and hand them here.
 */
export function loadUserPacks(sources: readonly PackSource[], base: readonly CoursePack[] = loadBundledPacks()): MergeResult & { readonly user: readonly SourcedPack[]; readonly problems: readonly PackProblem[] } {
  const problems: PackProblem[] = [];
  const user: SourcedPack[] = [];
  for (const source of sources) {
    if (source.text === undefined) {
      problems.push({ file: source.file, pointer: '', message: `cannot read: ${source.readError ?? 'unknown error'}`, severity: 'error' });
      continue;
    }
    const result = loadPack(source.text, source.file);
    problems.push(...result.problems);
    if (result.pack) user.push({ pack: result.pack, file: source.file });
  }
  return { ...mergePacks(base, user), user, problems };
}

/** The deliverable of `kind` (case-insensitive), if the pack has one. */
export function findDeliverable(pack: CoursePack, kind: string | undefined): Deliverable | undefined {
  if (!kind) return undefined;
  const wanted = kind.trim().toLowerCase();
  return pack.deliverables.find((d) => d.kind.toLowerCase() === wanted);
}

/** The page limit that applies to a writeup by `teamSize` authors. */
export interface AppliedPageLimit {
  readonly pages: number;
  /** `individual` or `team`: which of the course's limits applied. */
  readonly for: 'individual' | 'team';
  readonly style: 'neurips';
  readonly referencesCount: boolean;
  readonly source?: string;
}

/**
 * The limit for `teamSize` authors: the team limit for two or more, the individual one otherwise;
 * when the course gives only one of them, that one. Undefined when the course gives none.
 */
export function pageLimitFor(deliverable: Deliverable | undefined, teamSize: number): AppliedPageLimit | undefined {
  const limit = deliverable?.pageLimit;
  if (!limit) return undefined;
  const team = teamSize >= 2;
  const pick: 'individual' | 'team' | undefined = team
    ? limit.team !== undefined ? 'team' : limit.individual !== undefined ? 'individual' : undefined
    : limit.individual !== undefined ? 'individual' : limit.team !== undefined ? 'team' : undefined;
  if (!pick) return undefined;
  const pages = pick === 'team' ? limit.team : limit.individual;
  if (pages === undefined) return undefined;
  return {
    pages,
    for: pick,
    style: limit.style ?? 'neurips',
    referencesCount: limit.referencesCount ?? false,
    ...(limit.source !== undefined ? { source: limit.source } : {}),
  };
}
