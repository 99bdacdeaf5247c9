import type { Writeup } from '../model/writeup';
import { editDistance } from '../text/distance';
import { basenameOf } from '../text/paths';
import { findDeliverable } from './loader';
import type { CoursePack, Deliverable } from './types';

/** Where the course of a writeup was found. */
export type CourseSource = 'front-matter' | 'setting' | 'file-name' | 'none';

/** Why a course or deliverable named by the writeup could not be used. */
export interface ResolveProblem {
  /** `unknown-course` or `unknown-kind`. */
  readonly code: 'unknown-course' | 'unknown-kind';
  readonly message: string;
  /** What the writeup (or setting) named. */
  readonly value: string;
  /** Where the value came from. */
  readonly from: 'front-matter' | 'setting';
  /** A likely intended value, e.g. a course id one typo away. */
  readonly suggestion?: string;
}

/** The course and deliverable that apply to a writeup. */
export interface ResolvedCourse {
  readonly course?: CoursePack;
  readonly deliverable?: Deliverable;
  readonly source: CourseSource;
  /** The deliverable kind looked for, and where it came from. */
  readonly kind?: string;
  readonly kindSource?: 'front-matter' | 'file-name';
  readonly problems?: readonly ResolveProblem[];
}

export interface ResolveOptions {
  /** The `writeup.course` setting (or `--course` on the command line). */
  readonly setting?: string | undefined;
  readonly packs: readonly CoursePack[];
}

/** The file name without directories (and without a URI's query or fragment). */
function baseName(file: string): string {
  return basenameOf(file.replace(/[?#].*$/, ''));
}

/** The deliverable kind a file name suggests: `proposal*` or `report*` (also `final-report`). */
export function kindFromFileName(file: string): string | undefined {
  const name = baseName(file).toLowerCase();
  if (/(^|[^a-z])proposal/.test(name)) return 'proposal';
  if (/(^|[^a-z])report/.test(name)) return 'report';
  return undefined;
}

/** A pack whose id (or short name) appears in the file name, e.g. `mit-18.408-proposal.md`. */
function courseFromFileName(file: string, packs: readonly CoursePack[]): CoursePack | undefined {
  const name = baseName(file).toLowerCase();
  const byLength = [...packs].sort((a, b) => b.id.length - a.id.length);
  return byLength.find((p) => name.includes(p.id.toLowerCase()));
}

/**
 * The pack id a mistyped or partial course id most likely means (`18.408` -> `mit-18.408`,
 * `mit-18408` -> `mit-18.408`), or undefined when nothing is close.
 */
export function suggestCourseId(id: string, packs: readonly CoursePack[]): string | undefined {
  const wanted = id.trim().toLowerCase();
  if (!wanted) return undefined;
  const exact = packs.find((p) => p.id.toLowerCase() === wanted);
  if (exact) return exact.id;
  const partial = packs.filter(
    (p) => p.id.toLowerCase().includes(wanted) || (p.shortName !== undefined && p.shortName.toLowerCase() === wanted),
  );
  if (partial.length === 1 && partial[0]) return partial[0].id;
  let best: { id: string; d: number } | undefined;
  for (const pack of packs) {
    const d = editDistance(wanted, pack.id.toLowerCase());
    if (!best || d < best.d) best = { id: pack.id, d };
  }
  if (best && best.d <= Math.max(2, Math.floor(wanted.length / 3))) return best.id;
  return undefined;
}

function unknownCourse(value: string, from: 'front-matter' | 'setting', packs: readonly CoursePack[]): ResolveProblem {
  const suggestion = suggestCourseId(value, packs);
  const hint = suggestion ? `; did you mean '${suggestion}'?` : `; known courses: ${packs.map((p) => p.id).join(', ')}`;
  return { code: 'unknown-course', message: `unknown course '${value}'${hint}`, value, from, ...(suggestion ? { suggestion } : {}) };
}

/**
 * Which course and deliverable apply to `writeup`: the front matter's `course:`/`kind:` (the LaTeX
 * reader fills the same fields from `% writeup: course=... kind=...`) first, then the setting,
 * then a course id written in the file name; the kind comes from the front matter, else from the
 * file name (`proposal*`, `report*`). Unknown ids come back as problems with a suggestion.
 */
export function resolveCourse(writeup: Writeup, options: ResolveOptions): ResolvedCourse {
  const { packs } = options;
  const problems: ResolveProblem[] = [];
  const metaKind = writeup.metadata.kind?.trim() || undefined;
  const guessedKind = metaKind ? undefined : kindFromFileName(writeup.file);
  const kind = metaKind ?? guessedKind;
  const kindSource = metaKind ? ('front-matter' as const) : guessedKind ? ('file-name' as const) : undefined;

  let course: CoursePack | undefined;
  let source: CourseSource = 'none';
  const metaCourse = writeup.metadata.course?.trim() || undefined;
  const setting = options.setting?.trim() || undefined;
  if (metaCourse) {
    source = 'front-matter';
    course = packs.find((p) => p.id === metaCourse);
    if (!course) problems.push(unknownCourse(metaCourse, 'front-matter', packs));
  } else if (setting) {
    source = 'setting';
    course = packs.find((p) => p.id === setting);
    if (!course) problems.push(unknownCourse(setting, 'setting', packs));
  } else {
    course = courseFromFileName(writeup.file, packs);
    if (course) source = 'file-name';
  }

  const deliverable = course ? findDeliverable(course, kind) : undefined;
  if (course && metaKind && !deliverable && course.deliverables.length > 0) {
    const kinds = course.deliverables.map((d) => d.kind);
    const suggestion = kinds.find((k) => editDistance(k, metaKind.toLowerCase()) <= 2);
    problems.push({
      code: 'unknown-kind',
      message: `course '${course.id}' has no deliverable '${metaKind}'; it has ${kinds.join(', ')}`,
      value: metaKind,
      from: 'front-matter',
      ...(suggestion ? { suggestion } : {}),
    });
  }
  return {
    source,
    ...(course ? { course } : {}),
    ...(deliverable ? { deliverable } : {}),
    ...(kind ? { kind } : {}),
    ...(kindSource ? { kindSource } : {}),
    ...(problems.length > 0 ? { problems } : {}),
  };
}
