import type { CoursePack, Deliverable, ProjectType, RequiredSection } from '../courses/types';

/** What both format builders receive: the resolved deliverable and the user's choices. */
export interface TemplateParts {
  readonly course: CoursePack;
  readonly deliverable: Deliverable;
  readonly projectType?: ProjectType;
  readonly sections: readonly RequiredSection[];
  readonly title: string;
  readonly authors: readonly string[];
}
