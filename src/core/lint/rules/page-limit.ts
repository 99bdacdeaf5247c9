import { pageLimitFor } from '../../courses/loader';
import type { CoursePack, Deliverable } from '../../courses/types';
import type { Report, Rule } from '../rule';
import { authorCount, courseLabel, headlineRange, lineRange } from '../helpers';

/** How close to the limit (in pages) counts as "at the limit". */
const margin = 0.1;

/** The limit for a team of `authors` (as the status bar and the CLI apply it) and the course's words for it (`9.520: 5 pages for individuals, NeurIPS style`). */
export function limitFor(deliverable: Deliverable | undefined, authors: number, course: CoursePack | undefined): { pages: number; rule: string; referencesCount: boolean } | undefined {
  const applied = pageLimitFor(deliverable, authors);
  const limit = deliverable?.pageLimit;
  if (!applied || !limit) return undefined;
  const both = limit.team !== undefined && limit.individual !== undefined && limit.team !== limit.individual;
  const who = both ? (applied.for === 'team' ? ' for teams' : ' for individuals') : '';
  const style = limit.style === 'neurips' ? ', NeurIPS style' : '';
  const unit = applied.pages === 1 ? 'page' : 'pages';
  const label = courseLabel(course);
  return { pages: applied.pages, referencesCount: applied.referencesCount, rule: `${label ? `${label}: ` : ''}${applied.pages} ${unit}${who}${style}` };
}

/** One decimal, or two when one would hide the difference from `limit`. */
function format(value: number, limit: number): string {
  const one = value.toFixed(1);
  return Number(one) === limit && value !== limit ? value.toFixed(2) : one;
}

/** Content pages (exact from a fresh compile, else estimated) against the deliverable's page limit for the team size. */
export const pageLimit: Rule = {
  id: 'page-limit',
  description: "Pages over the deliverable's page limit for the team size, exact from a fresh compile or else estimated (references excluded unless the course counts them).",
  defaultSeverity: 'error',
  needsCourse: true,
  fixable: false,
  messages: {
    over: '{used} of {limit} pages ({source}); about {over} pages over ({rule})',
    close: '{used} of {limit} pages ({source}): within a tenth of a page of the limit ({rule})',
  },
  docs: {
    details:
      'Compares the page estimate (the same as the status bar and `writeup pages`) with the page limit of the deliverable, ' +
      'for the team size: one author is an individual, two or more a team. References (and, as in the estimate, the ' +
      "appendix) are left out unless the course pack says they count (`pageLimit.referencesCount`). Over the limit is an error at the first line " +
      'that falls past it; within a tenth of a page of the limit is a warning on the title, since the estimate is not the compiled PDF. ' +
      'When the editor has compiled the writeup in the background (`writeup.pages.exact`) and the text has not changed since, the rule uses ' +
      'the exact figure from that compile instead, and the message says which of the two it used ("exact, from a compile" or "estimated").',
    enforces:
      'MIT 9.520: “Final project reports (5 pages for individuals, 8 pages for teams, NeurIPS style) are due on Tue. Dec. 10.” ' +
      'MIT 18.408: “You should write a one-page project proposal and submit it by April 9th via Gradescope.”',
  },
  examples: {
    ok: [
      {
        title: 'A three-author 9.520 report of 6.9 pages (the team limit is 8)',
        text: '---\ntitle: Ranks\nauthor: [Ada, Bob, Cy]\ncourse: mit-9.520-fall2024\nkind: report\n---\n\n# Introduction\n\nText.\n',
        context: { pages: { contentPages: 6.9 } },
      },
    ],
    notOk: [
      {
        title: 'A one-author 9.520 report of 6.9 pages (the individual limit is 5)',
        text: '---\ntitle: Ranks\nauthor: Ada\ncourse: mit-9.520-fall2024\nkind: report\n---\n\n# Introduction\n\nText.\n\n# Results\n\nMore text.\n',
        context: { pages: { contentPages: 6.9, totalPages: 7.3, pageBreaks: [{ page: 5, line: 14 }] } },
        problems: [{ messageId: 'over', line: 14 }],
      },
      {
        title: 'An 18.408 proposal just under one page',
        text: '---\ntitle: Margins\nauthor: Ada\ncourse: mit-18.408\nkind: proposal\n---\n\n# Introduction\n\nText.\n',
        context: { pages: { contentPages: 0.95 } },
        problems: [{ messageId: 'close', line: 1 }],
      },
      {
        title: 'A one-author 9.520 report estimated at 4.6 pages that compiles to 5.31 (a fresh compile wins)',
        text: '---\ntitle: Ranks\nauthor: Ada\ncourse: mit-9.520-fall2024\nkind: report\n---\n\n# Introduction\n\nText.\n',
        context: { pages: { contentPages: 4.6 }, exactPages: { contentPages: 5.31, totalPages: 5.8, pdfPages: 6, compileMs: 2100, fresh: true, at: 0 } },
        problems: [{ messageId: 'over', line: 1 }],
      },
    ],
  },
  check({ writeup, course, deliverable, pages, exactPages }) {
    const exact = exactPages?.fresh ? exactPages : undefined;
    if (!pages && !exact) return [];
    const found = limitFor(deliverable, authorCount(writeup), course);
    if (!found) return [];
    const counted = exact ?? pages;
    if (!counted) return [];
    const used = found.referencesCount ? counted.totalPages : counted.contentPages;
    const source = exact ? 'exact, from a compile' : 'estimated';
    // An exact count is shown as the status bar shows it, to the hundredth.
    const shown = exact ? used.toFixed(2) : format(used, found.pages);
    const reports: Report[] = [];
    if (used > found.pages) {
      const breakAt = exact ? undefined : pages?.pageBreaks.find((b) => b.page === Math.floor(found.pages));
      reports.push({
        messageId: 'over',
        data: { used: shown, limit: found.pages, over: Math.max(0.1, used - found.pages).toFixed(1), rule: found.rule, source },
        range: breakAt ? lineRange(writeup.text, breakAt.line) : headlineRange(writeup),
      });
    } else if (used >= found.pages - margin) {
      reports.push({ messageId: 'close', data: { used: shown, limit: found.pages, rule: found.rule, source }, range: headlineRange(writeup), severity: 'warning' });
    }
    return reports;
  },
};
