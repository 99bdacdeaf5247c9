import * as vscode from 'vscode';
import type { CoursePack } from '../core/courses/types';
import type { CitationSources } from '../core/features/citationShared';
import type { Services } from './services';

/** The course packs and the document's course, as the analysis resolves them. */
export function coursesFor(services: Services, document: vscode.TextDocument): { packs: readonly CoursePack[]; course?: CoursePack } {
  const analysis = services.analyze(document);
  const course = analysis.course;
  return { packs: analysis.packs, ...(course ? { course } : {}) };
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
