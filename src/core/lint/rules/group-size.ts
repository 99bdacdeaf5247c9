import type { Report, Rule } from '../rule';
import { authorCount, courseLabel, headlineRange } from '../helpers';

/** Team size (the number of authors) against the deliverable's group size. */
export const groupSize: Rule = {
  id: 'group-size',
  description: 'More authors than the course allows, fewer than it asks for, or none.',
  defaultSeverity: 'error',
  needsCourse: true,
  fixable: false,
  messages: {
    none: 'No authors: list who wrote this (front matter `author:` or `\\author{}`); team size decides the rules that apply{quote}',
    tooMany: '{count} authors, but groups are at most {max} ({course}: “{source}”)',
    tooFew: '{count} author(s), but groups have at least {min} ({course}: “{source}”)',
  },
  docs: {
    details:
      'Counts the authors (front matter `author:`/`authors:` in Markdown, `\\author{... \\and ...}` in LaTeX) and compares ' +
      "the count with the deliverable's group size. A writeup with no author is reported too: the page limit of some " +
      'courses (9.520: 5 pages for individuals, 8 for teams) depends on the team size.',
    enforces:
      'MIT 18.408: “You can work in groups of up to four students or you can work alone.” Other packs: their `groupSize`.',
  },
  examples: {
    ok: [
      {
        title: 'Two authors of an 18.408 report',
        text: '---\ntitle: Margins\nauthor: [Ada, Bob]\ncourse: mit-18.408\nkind: report\n---\n\n# Introduction\n\nText.\n',
      },
    ],
    notOk: [
      {
        title: 'Five authors where groups are at most four',
        text: '---\ntitle: Margins\nauthor: [A, B, C, D, E]\ncourse: mit-18.408\nkind: report\n---\n\n# Introduction\n\nText.\n',
        problems: [{ messageId: 'tooMany', line: 2 }],
      },
      {
        title: 'No author at all',
        text: '---\ntitle: Margins\ncourse: mit-18.408\nkind: proposal\n---\n\n# Introduction\n\nText.\n',
        problems: [{ messageId: 'none', line: 1 }],
      },
    ],
  },
  check({ writeup, course, deliverable }) {
    const size = deliverable?.groupSize;
    const count = authorCount(writeup);
    const where = writeup.metadata.keyRanges['author'] ?? writeup.metadata.keyRanges['authors'] ?? headlineRange(writeup);
    const base = { course: courseLabel(course), source: size?.source ?? '' };
    const reports: Report[] = [];
    if (count === 0) {
      // A pack without a group size has no rule to quote.
      const quote = size?.source ? ` (${base.course}: “${size.source}”)` : '';
      if (deliverable) reports.push({ messageId: 'none', data: { quote }, range: headlineRange(writeup) });
    } else if (size?.max !== undefined && count > size.max) {
      reports.push({ messageId: 'tooMany', data: { ...base, count, max: size.max }, range: where });
    } else if (size?.min !== undefined && count < size.min) {
      reports.push({ messageId: 'tooFew', data: { ...base, count, min: size.min }, range: where });
    }
    return reports;
  },
};
