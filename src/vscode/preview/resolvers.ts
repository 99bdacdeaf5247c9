import type * as vscode from 'vscode';
import type { BibIndex } from '../../core/bib/types';
import type { CoursePack, Deliverable } from '../../core/courses/types';
import type { CitationResolver, CitedWork } from '../../core/preview/citations';
import type { Services } from '../services';

/** Course and deliverable of a document, when the courses service knows them. */
export function courseOf(services: Services, document: vscode.TextDocument): { course?: CoursePack; deliverable?: Deliverable } {
  try {
    const { course, deliverable } = services.courses.forDocument(document);
    return { ...(course ? { course } : {}), ...(deliverable ? { deliverable } : {}) };
  } catch {
    return {};
  }
}

/** Citation lookup for a document: its .bib files first, then its course's papers, then every pack's. */
export async function citationResolver(services: Services, document: vscode.TextDocument): Promise<CitationResolver> {
  let bib: BibIndex | undefined;
  try {
    bib = await services.bib.forDocument(document);
  } catch {
    bib = undefined;
  }
  const course = courseOf(services, document).course;
  let packs: readonly CoursePack[];
  try {
    packs = services.courses.all();
  } catch {
    packs = [];
  }
  const ordered = course ? [course, ...packs.filter((p) => p.id !== course.id)] : packs;
  return (key) => {
    const entry = bib?.get(key);
    if (entry) {
      return {
        key,
        authors: entry.authors,
        ...(entry.year !== undefined ? { year: entry.year } : {}),
        ...(entry.title !== undefined ? { title: entry.title } : {}),
        ...(entry.venue !== undefined ? { venue: entry.venue } : {}),
        ...(entry.fields['url'] !== undefined ? { url: entry.fields['url'] } : {}),
      } satisfies CitedWork;
    }
    for (const pack of ordered) {
      const paper = pack.papers.find((p) => p.key === key);
      if (paper) {
        return {
          key,
          authors: paper.authors,
          ...(paper.year !== undefined ? { year: paper.year } : {}),
          title: paper.title,
          ...(paper.venue !== undefined ? { venue: paper.venue } : {}),
          ...(paper.url !== undefined ? { url: paper.url } : paper.arxiv !== undefined ? { url: `https://arxiv.org/abs/${paper.arxiv}` } : {}),
        } satisfies CitedWork;
      }
    }
    return undefined;
  };
}

/** The page limit for a writeup with this many authors, from its deliverable. */
export function pageLimitOf(deliverable: Deliverable | undefined, authors: number): number | undefined {
  const limit = deliverable?.pageLimit;
  if (!limit) return undefined;
  return authors >= 2 ? (limit.team ?? limit.individual) : (limit.individual ?? limit.team);
}
