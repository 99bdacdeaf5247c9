/**
 * Import Course from Page: reads a course page (Markdown, HTML or plain text) into a draft course
 * pack and a "to check" list. This file assembles the readers: html (HTML to lines), text (page
 * structure), dates, limits, deliverables, citations and papers.
 */
import { loadPack, type PackProblem } from '../loader';
import type { CoursePack } from '../types';
import { findDates, findTerm } from './dates';
import { findDeliverables } from './deliverables';
import { htmlToLines } from './html';
import { findPapers } from './papers';
import { readLines, slug } from './text';

export { findDates, findRelativeDates, findTerm, type FoundDate, type Term } from './dates';
export { findGroupSize, findLimitNotes, findPageLimit } from './limits';
export { findKinds, findRequiredSections } from './deliverables';
export { parseAuthors, readReference } from './citations';
export { citationKey } from './papers';
export { htmlToLines } from './html';

/** The layouts a course page can be saved in. */
export type PageFormat = 'markdown' | 'html' | 'text';

export interface ImportOptions {
  /** File name, used to guess the format and in messages. */
  readonly file?: string;
  readonly format?: PageFormat;
  /** Pack id to use; otherwise made from the title. */
  readonly id?: string;
  /** Year for dates the page writes without one (otherwise the page's term, or its own most common year). */
  readonly year?: number;
}

/** A draft pack and what the user still has to check or fill in. */
export interface ImportResult {
  readonly pack: CoursePack;
  /** One line each: what could not be read from the page and where to fill it in. */
  readonly todo: readonly string[];
  /** Schema problems of the draft (none when the draft validates). */
  readonly problems: readonly PackProblem[];
}

/** The format of a page from its name or content. */
export function guessPageFormat(text: string, file = ''): PageFormat {
  if (/\.html?$/i.test(file)) return 'html';
  if (/\.(md|markdown)$/i.test(file)) return 'markdown';
  if (/<(html|body|p|div|h[1-6]|ul|li|a|table)\b[^>]*>/i.test(text)) return 'html';
  if (/^#{1,6}\s|\]\(https?:/m.test(text)) return 'markdown';
  return 'text';
}

/** The page as the readers see it: HTML converted to Markdown-like lines, line ends normalised. */
export function pageText(input: string, format: PageFormat): string {
  return format === 'html' ? htmlToLines(input) : input.replace(/\r\n?/g, '\n');
}

const person = "\\p{Lu}[\\p{L}'’-]*\\.?(?:[ \\t]+(?:\\p{Lu}[\\p{L}'’-]*\\.?|van|von|de|der|da|di|du|la|le))*";

/** "Instructor: Jane Q. Example", "Taught by Dana Okafor.", "Lecturer: A. Person and B. Person". */
function findInstructor(page: string): string | undefined {
  const text = page.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1');
  const m = new RegExp(`(?:^|[\\s·|•,;(])(?:\\*\\*)?(?:Instructors?|Lecturers?|Professors?|Taught by|Organi[sz]ers?|Conven[eo]rs?|Teachers?)(?:\\*\\*)?[ \\t]*:?[ \\t]*(?:\\*\\*)?[ \\t]*(?:(?:Prof|Dr|Professor)\\.?[ \\t]+)*(${person}(?:(?:,[ \\t]*|[ \\t]+and[ \\t]+|[ \\t]*&[ \\t]*)${person})*)`, 'imu').exec(text);
  const name = m?.[1]?.trim();
  if (!name) return undefined;
  // A trailing period ends the sentence unless it closes an initial ("R. Castellanos." -> "R. Castellanos").
  return name.replace(/(?<!\b\p{Lu})\.$/u, '');
}

/**
 * Reads a course page (Markdown, HTML or plain text) into a draft course pack: title, term,
 * instructor, deliverables with due dates, page limits, group sizes and required sections, and
 * the papers it lists. Never throws; what it cannot find or is not sure of is listed in `todo`.
 */
export function importCoursePage(input: string, options: ImportOptions = {}): ImportResult {
  const format = options.format ?? guessPageFormat(input, options.file);
  const text = pageText(input, format);
  const lines = readLines(text);
  const todo: string[] = [];

  const titleLine = lines.find((l) => /^#\s/.test(l.raw))?.heading ?? lines.find((l) => !l.code && l.text.length > 0)?.text ?? '';
  const title = titleLine.replace(/\*\*/g, '').trim() || 'Imported course';
  const term = findTerm(text);
  const instructor = findInstructor(text);
  const explicitYears = findDates(text)
    .map((d) => d.year)
    .filter((y): y is number => y !== undefined);

  const { papers, lines: paperLines, todo: paperTodo } = findPapers(lines, text);
  const found = findDeliverables(lines, { term: options.year !== undefined ? undefined : term, year: options.year ?? mostCommon(explicitYears), paperLines });
  todo.push(...found.todo, ...paperTodo);

  if (papers.some((p) => p.titleUnverified)) todo.push('papers marked "titleUnverified": the page gives only a link or phrase; check their titles and authors');
  if (!term) todo.push('no term found (e.g. "Spring 2021"): set "term"');
  todo.push('no institution on record: set "institution" if you want it shown');

  const pack: CoursePack = {
    id: options.id ?? slug(title),
    title,
    ...(instructor ? { instructor } : {}),
    ...(term ? { term: term.text } : {}),
    ...(options.file ? { sources: [options.file.split(/[\\/]/).pop() ?? options.file] } : {}),
    deliverables: found.deliverables,
    papers,
  };
  const { problems } = loadPack(JSON.stringify(pack), options.file ?? 'imported.json');
  for (const p of problems) todo.push(`${p.pointer || '/'}: ${p.message}`);
  return { pack, todo, problems };
}

function mostCommon(values: readonly number[]): number | undefined {
  const counts = new Map<number, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0]?.[0];
}
