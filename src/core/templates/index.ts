import type { CoursePack, Deliverable, ProjectType } from '../courses/types';
import { latexTemplate } from './latex';
import { markdownTemplate } from './markdown';
import { sectionsFor, templateSections } from './notes';
import type { TemplateFormat, TemplateRequest, TemplateResult } from './types';

export type { Template, TemplateFormat, TemplateProblem, TemplateRequest, TemplateResult } from './types';
export { escapeLatex, NEURIPS_STYLE_URL } from './latex';

/** The title written when the user gives none; the editor selects it so typing replaces it. */
export const PLACEHOLDER_TITLE = 'Working Title';
/** The author written when the user gives none. */
export const PLACEHOLDER_AUTHOR = 'Your Name';

/**
 * Builds a new proposal or report for a course's deliverable: front matter (Markdown) or a
 * NeurIPS-style preamble (LaTeX), the course's notes (due date, page limit, group size, the
 * contribution it asks for) and every required section with its guidance in the course's words.
 * Unknown kinds or project types give a problem naming the valid ones.
 */
export function buildTemplate(request: TemplateRequest): TemplateResult {
  const { course, kind } = request;
  const deliverable = course.deliverables.find((d) => d.kind === kind);
  if (!deliverable) {
    const kinds = course.deliverables.map((d) => d.kind);
    const has = kinds.length > 0 ? `it has: ${kinds.join(', ')}` : 'it has no deliverables';
    return { ok: false, problem: { message: `${course.id} has no ${kind} deliverable (${has})` } };
  }
  const types = deliverable.projectTypes ?? [];
  let projectType: ProjectType | undefined;
  if (request.projectType !== undefined) {
    projectType = types.find((t) => t.id === request.projectType);
    if (!projectType) {
      const ids = types.length > 0 ? `one of: ${types.map((t) => t.id).join(', ')}` : 'none: the course has no project types';
      return { ok: false, problem: { message: `unknown project type '${request.projectType}' for ${course.id} ${kind} (${ids})` } };
    }
  } else projectType = types[0];
  const authors = (request.authors ?? []).map((a) => a.trim()).filter((a) => a.length > 0);
  const title = request.title?.trim() || PLACEHOLDER_TITLE;
  const sections = sectionsFor(deliverable, projectType);
  const parts = {
    course,
    deliverable,
    ...(projectType ? { projectType } : {}),
    headings: templateSections(deliverable, projectType),
    title,
    authors: authors.length > 0 ? authors : [PLACEHOLDER_AUTHOR],
  };
  const built = request.format === 'latex' ? latexTemplate(parts) : markdownTemplate(parts);
  return {
    ok: true,
    template: { ...built, deliverable, ...(projectType ? { projectType } : {}), sections },
  };
}

/** The file a new writeup goes to by default: `proposal.md`, `report.md`, `report.tex`... */
export function defaultFileName(kind: string, format: TemplateFormat): string {
  return `${kind}.${format === 'latex' ? 'tex' : 'md'}`;
}

/** `name` when `exists(name)` is false, else the first free `stem-2.ext`, `stem-3.ext`... */
export function freeFileName(name: string, exists: (name: string) => boolean): string {
  if (!exists(name)) return name;
  const dot = name.lastIndexOf('.');
  const stem = dot > 0 ? name.slice(0, dot) : name;
  const ext = dot > 0 ? name.slice(dot) : '';
  for (let i = 2; ; i++) {
    const candidate = `${stem}-${i}${ext}`;
    if (!exists(candidate)) return candidate;
  }
}

/** The deliverable kinds a course offers, for pickers and messages. */
export function deliverableKinds(course: CoursePack): string[] {
  return course.deliverables.map((d: Deliverable) => d.kind);
}

/** The text of a starter references.bib: no entries, one comment on how to cite. */
export function starterBibliography(format: TemplateFormat): string {
  const how = format === 'latex' ? '\\cite{key}' : '[@key]';
  return [
    '% references.bib: the BibTeX entries your writeup cites.',
    `% Cite an entry by its key, e.g. ${how}; the key is the first field of the entry.`,
    '',
  ].join('\n');
}
