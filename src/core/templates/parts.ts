import type { CoursePack, Deliverable, ProjectType } from '../courses/types';
import type { TemplateSection } from './notes';

/** What both format builders receive: the resolved deliverable and the user's choices. */
export interface TemplateParts {
  readonly course: CoursePack;
  readonly deliverable: Deliverable;
  readonly projectType?: ProjectType;
  /** Every heading the template writes, with its guidance. */
  readonly headings: readonly TemplateSection[];
  readonly title: string;
  readonly authors: readonly string[];
}
