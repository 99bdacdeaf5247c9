import type { Section, Writeup } from '../../model/writeup';
import { isReferencesTitle } from '../../readers/common';
import type { Report, Rule } from '../rule';

/** True for the heading the bibliography goes under (pandoc fills it in, so it is empty on purpose). */
export function isReferencesHeading(writeup: Writeup, section: Section): boolean {
  const start = writeup.referencesStart;
  if (start && start.start.line === section.range.start.line) return true;
  return isReferencesTitle(section.title);
}

/** A heading with nothing under it before the next heading of the same or a higher level. */
export const emptySection: Rule = {
  id: 'empty-section',
  description: 'A heading with no content before the next heading of the same or a higher level.',
  defaultSeverity: 'info',
  needsCourse: false,
  fixable: false,
  messages: {
    empty: "Section '{title}' is empty",
  },
  docs: {
    details:
      'Reports a heading (Markdown `#`, LaTeX `\\section`, ...) with no text, list, math, figure or table under it ' +
      'before the next heading of the same or a higher level. A heading followed by its own subsections is not empty. ' +
      'The References (or Bibliography) heading is skipped: the bibliography is filled in when the document is built.\n\n' +
      'Empty sections are usually skeletons from a template that still need writing; they also take room on the page.',
    enforces: 'No course sentence: a course-free check that runs on every writeup.',
  },
  examples: {
    ok: [
      {
        title: 'Every section has text; a section may hold only subsections',
        text: '# Introduction\n\nWe study margins.\n\n# Results\n\n## Upper bound\n\nA bound.\n\n# References\n',
      },
    ],
    notOk: [
      {
        title: 'A heading directly followed by another of the same level',
        text: '# Introduction\n\n# Results\n\nA bound.\n',
        problems: [{ messageId: 'empty', line: 0 }],
      },
      {
        title: 'A LaTeX section with nothing in it at the end',
        format: 'latex',
        text: '\\documentclass{article}\n\\begin{document}\n\\section{Introduction}\nText.\n\\section{Conclusion}\n\\end{document}\n',
        problems: [{ messageId: 'empty', line: 4 }],
      },
    ],
  },
  check({ writeup }) {
    const reports: Report[] = [];
    const sections = writeup.sections;
    sections.forEach((section, i) => {
      if (section.blocks.length > 0 || isReferencesHeading(writeup, section)) return;
      const next = sections[i + 1];
      if (next && next.level > section.level) return;
      reports.push({ messageId: 'empty', data: { title: section.title }, range: section.range });
    });
    return reports;
  },
};
