import type { Rule } from '../rule';
import { courseLabel, headlineRange } from '../helpers';

/** Headings that name the writeup's own contribution. */
const headingPattern = /\b(contributions?|our results?|main results?|what('| i)s new)\b/i;
/** Sentences that state it. */
const sentencePatterns = [
  /\b(our|my|main|new|key|novel|own)\s+(\w+\s+)?contributions?\b/i,
  /\bcontributions? (of|in) this (report|paper|writeup|work|project)\b/i,
  /\bwe (show|prove|propose|derive|establish|obtain|introduce|give a|simplify|extend|generalize|generalise|present a new|present a simpler)\b/i,
  /\bI (show|prove|propose|derive|establish|obtain|introduce|simplify|extend)\b/i,
  /\bin this (report|paper|writeup|work|project),? (we|I)\b/i,
];

/** The texts of paragraphs, list items and theorem-like blocks, and the abstract. */
function* texts(blocks: readonly { type: string; text?: string; items?: readonly string[] }[]): Generator<string> {
  for (const b of blocks) {
    if (b.text !== undefined) yield b.text;
    if (b.items) yield* b.items;
  }
}

/** A report whose course asks it to state its own contribution, with no sentence or section doing so. */
export const contributionStated: Rule = {
  id: 'contribution-stated',
  description: "A report that never states its own contribution, where the course asks for it.",
  defaultSeverity: 'warning',
  needsCourse: true,
  fixable: false,
  messages: {
    missing: 'No section or sentence states your own contribution (e.g. a "Contributions" section, or "Our contribution is ...", "We show ...") ({course}: “{source}”)',
  },
  docs: {
    details:
      'Looks for a heading such as "Contributions" or "Our results", or a sentence in the abstract or body such as ' +
      '"our contribution", "our new contribution", "we show", "we prove", "in this report we". A report with none is ' +
      "reported on its title. Only deliverables whose course asks for a stated contribution are checked.",
    enforces: 'MIT 18.408: “As much as possible, your writeup should emphasize what your new contribution is.”',
  },
  examples: {
    ok: [
      {
        title: 'A report saying what it adds',
        text: '---\ntitle: Margins\ncourse: mit-18.408\nkind: report\n---\n\n# Introduction\n\nWe give a shorter proof. Our contribution is a toy model.\n',
      },
      {
        title: 'A proposal (the course asks only the report)',
        text: '---\ntitle: Margins\ncourse: mit-18.408\nkind: proposal\n---\n\n# Introduction\n\nWe will read two papers.\n',
      },
    ],
    notOk: [
      {
        title: 'A report that only summarises',
        text: '---\ntitle: Margins\ncourse: mit-18.408\nkind: report\n---\n\n# Introduction\n\nThe paper bounds margins.\n',
        problems: [{ messageId: 'missing', line: 1 }],
      },
    ],
  },
  check({ writeup, course, deliverable }) {
    const required = deliverable?.contributionRequired;
    if (!required) return [];
    if (writeup.sections.some((s) => headingPattern.test(s.title))) return [];
    const all = [writeup.metadata.abstract ?? '', ...texts(writeup.blocks)];
    if (all.some((t) => sentencePatterns.some((p) => p.test(t)))) return [];
    return [{ messageId: 'missing', data: { course: courseLabel(course), source: required.source }, range: headlineRange(writeup) }];
  },
};
