import * as vscode from 'vscode';
import { loadBundledPacks } from '../core/courses/loader';
import { resolveCourse } from '../core/courses/resolve';
import type { CoursePack } from '../core/courses/types';
import type { CitationSources } from '../core/features/citationShared';
import type { Services } from './services';

/** What the courses adapter puts on Services (used when present; bundled packs otherwise). */
interface CoursesLike {
  all(): readonly CoursePack[];
  forDocument(document: vscode.TextDocument): { course?: CoursePack } | undefined;
}

/** The course packs and the document's course, from the courses service when there is one. */
export function coursesFor(services: Services, document: vscode.TextDocument): { packs: readonly CoursePack[]; course?: CoursePack } {
  const courses = (services as unknown as { courses?: CoursesLike }).courses;
  if (courses) {
    const course = courses.forDocument(document)?.course;
    return { packs: courses.all(), ...(course ? { course } : {}) };
  }
  const packs = loadBundledPacks();
  const setting = vscode.workspace.getConfiguration('writeup', document.uri).get<string>('course');
  const course = resolveCourse(services.documents.get(document), { packs, ...(setting ? { setting } : {}) }).course;
  return { packs, ...(course ? { course } : {}) };
}

/** The .bib index, the packs and the course of a writeup document. */
export async function citationSourcesFor(services: Services, document: vscode.TextDocument): Promise<CitationSources> {
  const bib = await services.bib.forDocument(document);
  const { packs, course } = coursesFor(services, document);
  return { bib, packs, ...(course ? { courseId: course.id } : {}) };
}

/** Markdown and LaTeX writeups, saved or not. */
export const writeupSelector: vscode.DocumentSelector = [
  { language: 'markdown' },
  { language: 'latex' },
  { pattern: '**/*.{md,tex}' },
];
