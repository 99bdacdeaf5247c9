import type { Rule } from '../rule';
import { courseLabel, headlineRange, metadataValueRange, projectTypeOf } from '../helpers';

/** A reading project citing fewer (or more) distinct papers than the course asks for. */
export const papersRead: Rule = {
  id: 'papers-read',
  description: 'A reading project that cites fewer distinct papers than the course asks for (or more, as information).',
  defaultSeverity: 'warning',
  needsCourse: true,
  fixable: false,
  messages: {
    tooFew: 'A reading project covers {min}-{max} papers, but this cites {count} distinct paper(s) ({course}: “{source}”)',
    tooMany: 'A reading project covers {min}-{max} papers; this cites {count} distinct papers: say which {max} it covers ({course}: “{source}”)',
  },
  docs: {
    details:
      'For a writeup that declares a reading project (front matter `project: reading`), counts the distinct citation keys ' +
      "and compares them with the project type's paper range. Fewer is a warning; more is information only, since " +
      'background citations are welcome, but the papers the project covers should be clear.',
    enforces: 'MIT 18.408: “For a reading project, you should select 2-3 related papers and give an exposition of their main results.”',
  },
  examples: {
    ok: [
      {
        title: 'An 18.408 reading proposal citing two papers',
        text: '---\ntitle: Margins\ncourse: mit-18.408\nkind: proposal\nproject: reading\n---\n\n# Papers\n\nWe read [@bartlett2017spectrally] and [@golowich2018size].\n',
      },
    ],
    notOk: [
      {
        title: 'An 18.408 reading report citing one paper',
        text: '---\ntitle: Margins\ncourse: mit-18.408\nkind: report\nproject: reading\n---\n\n# Introduction\n\nWe read [@bartlett2017spectrally] twice [@bartlett2017spectrally].\n',
        problems: [{ messageId: 'tooFew', line: 4 }],
      },
    ],
  },
  check({ writeup, course, deliverable }) {
    const type = projectTypeOf(writeup, deliverable);
    const papers = type?.papers;
    if (!type || !papers) return [];
    const count = new Set(writeup.citations.map((c) => c.key)).size;
    const data = { count, min: papers.min ?? 0, max: papers.max ?? '', course: courseLabel(course), source: type.source ?? type.description ?? '' };
    const range = metadataValueRange(writeup, 'project', 'projectType', 'project-type') ?? headlineRange(writeup);
    if (papers.min !== undefined && count < papers.min) return [{ messageId: 'tooFew', data, range }];
    if (papers.max !== undefined && count > papers.max) return [{ messageId: 'tooMany', data, range, severity: 'info' }];
    return [];
  },
};
