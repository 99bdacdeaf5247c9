import type { CoursePack, Deliverable, ProjectType, RequiredSection } from '../courses/types';

/**
 * The course's own words about a deliverable, as comment lines for the top of a template:
 * due date, page limit, group size, format, project type and the contribution the course asks for.
 * Everything comes from the pack; nothing here knows a course.
 */
export function deliverableNotes(course: CoursePack, deliverable: Deliverable, projectType?: ProjectType): string[] {
  const notes: string[] = [];
  const what = deliverable.title ?? capitalize(deliverable.kind);
  const due = deliverable.due ? `, due ${deliverable.due}` : '';
  const via = deliverable.submission ? ` (${deliverable.submission})` : '';
  notes.push(`${course.title} (${course.id}): ${what}${due}${via}.`);
  const limit = deliverable.pageLimit;
  if (limit && (limit.individual !== undefined || limit.team !== undefined)) {
    const parts: string[] = [];
    if (limit.individual !== undefined && limit.individual === limit.team) parts.push(pages(limit.individual));
    else {
      if (limit.individual !== undefined) parts.push(`${pages(limit.individual)} for one author`);
      if (limit.team !== undefined) parts.push(`${pages(limit.team)} for a team`);
    }
    const style = (limit.style ?? 'neurips') === 'neurips' ? 'NeurIPS style' : limit.style;
    const refs = limit.referencesCount ? 'references count' : 'references do not count';
    notes.push(`Page limit: ${parts.join(', ')} (${style}; ${refs}).${quote(limit.source)}`);
  }
  const group = deliverable.groupSize;
  if (group && (group.min !== undefined || group.max !== undefined)) {
    const range = group.max === undefined ? `at least ${group.min}` : `${group.min ?? 1}-${group.max}`;
    notes.push(`Group size: ${range} authors.${quote(group.source)}`);
  }
  if (deliverable.format) notes.push(`Format: ${deliverable.format}`);
  if (projectType) {
    const detail = projectType.description ? `: ${projectType.description}` : '.';
    notes.push(`Project type: ${projectType.title}${detail}${quote(projectType.source)}`);
  }
  if (deliverable.contributionRequired) notes.push(`The course asks: "${deliverable.contributionRequired.source}"`);
  for (const note of deliverable.notes ?? []) if (!notes.some((n) => n.includes(note))) notes.push(`"${note}"`);
  return notes;
}

/** The comment text for one required section: the pack's guidance, then the course page's sentence. */
export function sectionGuidance(section: RequiredSection): string[] {
  const lines: string[] = [];
  if (section.guidance) lines.push(section.guidance);
  if (section.source && section.source !== section.guidance) lines.push(`Course page: "${section.source}"`);
  return lines;
}

/** The sections a template holds: those of the deliverable that apply to the project type. */
export function sectionsFor(deliverable: Deliverable, projectType?: ProjectType): RequiredSection[] {
  return (deliverable.requiredSections ?? []).filter(
    (s) => !s.projectTypes || s.projectTypes.length === 0 || (projectType !== undefined && s.projectTypes.includes(projectType.id)),
  );
}

/** A heading of a template with the comment lines written under it. */
export interface TemplateSection {
  readonly title: string;
  readonly guidance: readonly string[];
}

/**
 * Every heading of a template: the required sections; a "Contributions" section where the course
 * asks the writeup to state its contribution (with the course's sentence); and, when the course
 * prescribes no sections at all, a common structure marked as such.
 */
export function templateSections(deliverable: Deliverable, projectType?: ProjectType): TemplateSection[] {
  const required = sectionsFor(deliverable, projectType);
  const sections: TemplateSection[] = required.map((s) => ({ title: s.title, guidance: sectionGuidance(s) }));
  if (required.length === 0) {
    const common = deliverable.kind === 'proposal' ? ['Introduction', 'Plan'] : ['Introduction', 'Related Work', 'Main Results', 'Discussion'];
    const note = 'A common structure: the course page prescribes no sections.';
    sections.push(...common.map((title, i) => ({ title, guidance: i === 0 ? [note] : [] })));
  }
  const contribution = deliverable.contributionRequired;
  if (contribution && !sections.some((s) => /\bcontributions?\b/i.test(s.title))) {
    // Before the closing discussion when there is one: the contribution belongs up front.
    const at = sections.length > 1 ? 1 : sections.length;
    sections.splice(at, 0, { title: 'Contributions', guidance: ['State what is new in your work.', `Course page: "${contribution.source}"`] });
  }
  return sections;
}

/** Breaks `text` into lines of at most `width` characters at spaces. */
export function wrap(text: string, width = 88): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter((w) => w.length > 0)) {
    if (line.length > 0 && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line.length > 0 ? `${line} ${word}` : word;
  }
  if (line.length > 0) lines.push(line);
  return lines;
}

function pages(n: number): string {
  return n === 1 ? '1 page' : `${n} pages`;
}

function quote(source: string | undefined): string {
  return source ? ` Course page: "${source}"` : '';
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
