import type { RequiredSection } from '../../courses/types';
import type { Position } from '../../model/range';
import type { Section, Writeup } from '../../model/writeup';
import { LineIndex } from '../../text/lineIndex';
import type { Fix, Report, Rule } from '../rule';
import { courseLabel, editDistance, headlineRange, lineIndexOf } from '../helpers';

const stopWords = new Set(['the', 'a', 'an', 'of', 'and', 'or', 'to', 'for', 'we', 'our', 'my', 'in', 'on', 'plan', 'planned']);

/** Lower-case word stems of a heading: numbering, markup and plural `s` dropped. */
export function headingTokens(title: string): string[] {
  return title
    .toLowerCase()
    .replace(/\\[a-z]+\*?/g, ' ')
    .replace(/^[\s\d.ivx]*[.)]\s+/, ' ')
    .replace(/^\s*\d+(\.\d+)*\s+/, ' ')
    .split(/[^a-z0-9]+/)
    .filter((t) => t !== '' && !stopWords.has(t))
    .map((t) => (t.length > 3 && t.endsWith('s') && !t.endsWith('ss') ? t.slice(0, -1) : t));
}

function tokenMatches(want: string, have: string): boolean {
  if (want === have) return true;
  return want.length >= 5 && have.length >= 5 && editDistance(want, have) <= 1;
}

/**
 * Whether a heading counts as the required section: every significant word of one of its aliases
 * (or its title) appears in the heading, allowing a typo in longer words ("Introdution").
 */
export function headingMatches(title: string, required: RequiredSection): boolean {
  const have = headingTokens(title);
  if (have.length === 0) return false;
  return [required.title, ...required.aliases].some((alias) => {
    const want = headingTokens(alias);
    return want.length > 0 && want.every((w) => have.some((h) => tokenMatches(w, h)));
  });
}

/** Required sections of the deliverable that apply to the writeup's project type (all when it is unknown). */
function applicable(sections: readonly RequiredSection[], projectType: string | undefined): RequiredSection[][] {
  const type = projectType?.toLowerCase();
  const groups: RequiredSection[][] = [];
  const bySource = new Map<string, RequiredSection[]>();
  for (const s of sections) {
    if (s.projectTypes && s.projectTypes.length > 0) {
      if (type !== undefined) {
        if (s.projectTypes.some((t) => t.toLowerCase() === type)) groups.push([s]);
        continue;
      }
      // Project type unknown: sections for different types are alternatives ("papers ..., or research questions").
      const group = bySource.get(s.source);
      if (group) group.push(s);
      else {
        const fresh = [s];
        bySource.set(s.source, fresh);
        groups.push(fresh);
      }
      continue;
    }
    groups.push([s]);
  }
  return groups;
}

/** The line after a section and its subsections (where the next heading of the same or a higher level starts). */
function subtreeEnd(writeup: Writeup, index: number): number | undefined {
  const section = writeup.sections[index];
  if (!section) return undefined;
  for (let i = index + 1; i < writeup.sections.length; i++) {
    const next = writeup.sections[i];
    if (next && next.level <= section.level) return next.range.start.line;
  }
  return undefined;
}

function skeleton(writeup: Writeup, required: RequiredSection, level: number, course: string): string {
  const guidance = [required.guidance, `${course ? `${course}: ` : ''}“${required.source}”`].filter(Boolean).join(' ');
  if (writeup.format === 'latex') {
    const command = `\\${'sub'.repeat(Math.max(0, Math.min(level, 3) - 1))}section`;
    return `${command}{${required.title}}\n% ${guidance.replace(/\n/g, ' ')}\n\n`;
  }
  return `${'#'.repeat(Math.max(1, Math.min(level, 6)))} ${required.title}\n\n<!-- ${guidance.replace(/--/g, '-')} -->\n\n`;
}

/** Where a missing section goes: after the required section before it, else before the next one, References, or the end. */
function insertionPoint(writeup: Writeup, order: RequiredSection[][], position: number, found: Map<RequiredSection[], number>) {
  const index = lineIndexOf(writeup);
  const atLine = (line: number): Position => ({ line, character: 0 });
  for (let k = position - 1; k >= 0; k--) {
    const group = order[k];
    const at = group ? found.get(group) : undefined;
    if (at === undefined) continue;
    const section = writeup.sections[at];
    const end = subtreeEnd(writeup, at);
    if (end !== undefined) return { position: atLine(end), level: section?.level ?? 1, prefix: false };
    return { ...tail(writeup, index, section?.range.start.line ?? 0), level: section?.level ?? 1 };
  }
  for (let k = position + 1; k < order.length; k++) {
    const group = order[k];
    const at = group ? found.get(group) : undefined;
    const section = at !== undefined ? writeup.sections[at] : undefined;
    if (section) return { position: atLine(section.range.start.line), level: section.level, prefix: false };
  }
  const level = writeup.sections.find((s) => !isReferences(writeup, s))?.level ?? 1;
  return { ...tail(writeup, index, -1), level };
}

/** The end of the body after `afterLine`: the references, else `\end{document}`, else the end of the text. */
function tail(writeup: Writeup, index: LineIndex, afterLine: number): { position: Position; prefix: boolean } {
  const refs = writeup.referencesStart?.start.line;
  if (refs !== undefined && refs > afterLine) return { position: { line: refs, character: 0 }, prefix: false };
  if (writeup.format === 'latex') {
    const at = writeup.metadata.documentEnd;
    if (at && at.line > afterLine) return { position: { line: at.line, character: 0 }, prefix: false };
  }
  return { position: endOf(index, writeup), prefix: true };
}

function isReferences(writeup: Writeup, s: Section): boolean {
  return writeup.referencesStart?.start.line === s.range.start.line;
}

function endOf(index: LineIndex, writeup: Writeup): Position {
  return index.positionAt(writeup.text.length);
}

/** Each section the deliverable requires, found among the headings by alias and fuzzy match. */
export const requiredSections: Rule = {
  id: 'required-sections',
  description: 'A section the course asks for is missing (headings matched by aliases and fuzzily).',
  defaultSeverity: 'warning',
  needsCourse: true,
  fixable: true,
  messages: {
    missing: "Missing section '{title}': {course} asks “{source}”",
    missingOneOf: "Missing a section '{titles}': {course} asks “{source}”",
  },
  docs: {
    details:
      "Each required section of the deliverable (the course pack's `requiredSections`) must match a heading of the writeup. " +
      'A heading matches when all significant words of the section\'s title or one of its aliases appear in it ' +
      '(case, numbering, plurals and one typo in longer words are ignored): "2. Papers we plan to read" matches "Papers", ' +
      '"Reading list" and "Research questions" are aliases of the 18.408 proposal\'s papers/research questions. Sections ' +
      'tied to a project type apply only to that type (front matter `project: reading`); when the type is not given, one ' +
      'of the alternatives is enough. A missing section is reported on the title (or first heading) with the severity ' +
      'the course pack gives it.',
    enforces:
      'MIT 18.408 proposal: “It should contain an introduction to the reading or research topic that would be understandable ' +
      'to someone else taking the class. It should also have logistical information about who is in your group and what papers ' +
      'you plan to read, or what research questions you plan to work on.” Other packs: their `requiredSections`.',
    fix:
      "Inserts the section's skeleton (a heading of the level of its neighbours and a comment with the course's words: " +
      '`<!-- ... -->` in Markdown, `% ...` in LaTeX) after the required section that precedes it, else before the one that ' +
      'follows it, else before References (or `\\end{document}`), else at the end.',
  },
  examples: {
    ok: [
      {
        title: 'An 18.408 reading proposal with every section (aliases and numbering accepted)',
        text:
          '---\ntitle: Margins\ncourse: mit-18.408\nkind: proposal\nproject: reading\n---\n\n# 1. Introduction\n\nText.\n\n' +
          '# Team members\n\nAda.\n\n# Reading list\n\nTwo papers.\n',
      },
    ],
    notOk: [
      {
        title: 'An 18.408 proposal without its group',
        text: '---\ntitle: Margins\ncourse: mit-18.408\nkind: proposal\n---\n\n# Introduction\n\nText.\n\n# Research questions\n\nWhy?\n',
        problems: [{ messageId: 'missing', line: 1 }],
      },
      {
        title: 'An 18.408 proposal with neither papers nor research questions (project type not given)',
        text: '---\ntitle: Margins\ncourse: mit-18.408\nkind: proposal\n---\n\n# Introduction\n\nText.\n\n# Group\n\nAda.\n',
        problems: [{ messageId: 'missingOneOf', line: 1 }],
      },
    ],
  },
  check({ writeup, course, deliverable }) {
    const required = deliverable?.requiredSections;
    if (!required || required.length === 0) return [];
    const order = applicable(required, writeup.metadata.projectType);
    const found = new Map<RequiredSection[], number>();
    for (const group of order) {
      const at = writeup.sections.findIndex((s) => !isReferences(writeup, s) && group.some((r) => headingMatches(s.title, r)));
      if (at >= 0) found.set(group, at);
    }
    const label = courseLabel(course);
    const reports: Report[] = [];
    order.forEach((group, position) => {
      const first = group[0];
      if (!first || found.has(group)) return;
      const where = insertionPoint(writeup, order, position, found);
      const fixes: Fix[] = group.map((r) => {
        const text = skeleton(writeup, r, where.level, label);
        return { title: `Insert a '${r.title}' section`, edits: [{ range: { start: where.position, end: where.position }, newText: where.prefix ? `${writeup.text.endsWith('\n') ? '\n' : '\n\n'}${text.trimEnd()}\n` : text }], preferred: group.length === 1 };
      });
      const severity = group.map((r) => r.severity).sort((a, b) => rank(a) - rank(b))[0] ?? first.severity;
      reports.push({
        messageId: group.length === 1 ? 'missing' : 'missingOneOf',
        data: { title: first.title, titles: group.map((r) => r.title).join("' or '"), course: label, source: first.source },
        range: headlineRange(writeup),
        fixes,
        severity,
      });
    });
    return reports;
  },
};

function rank(s: 'error' | 'warning' | 'info'): number {
  return s === 'error' ? 0 : s === 'warning' ? 1 : 2;
}
