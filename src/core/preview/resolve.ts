import type { BibIndex } from '../bib/types';
import type { CoursePack } from '../courses/types';
import type { CitationResolver, CitedWork } from './citations';

/**
 * Citation lookup for the preview: the writeup's .bib first, then its course's papers, then
 * every other pack's (the order of the completion list).
 */
export function citationResolver(bib: BibIndex | undefined, course: CoursePack | undefined, packs: readonly CoursePack[]): CitationResolver {
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
