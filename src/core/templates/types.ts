import type { CoursePack, Deliverable, ProjectType, RequiredSection } from '../courses/types';
import type { Range } from '../model/range';

/** The two formats a new writeup can be created in. */
export type TemplateFormat = 'markdown' | 'latex';

/** What a new writeup is made from. Course facts come from `course`, never from the template code. */
export interface TemplateRequest {
  readonly course: CoursePack;
  /** Deliverable kind, e.g. `proposal` or `report`. */
  readonly kind: string;
  readonly format: TemplateFormat;
  /** Author names; a placeholder author when empty. */
  readonly authors?: readonly string[];
  /** The title; a placeholder the user overwrites when absent. */
  readonly title?: string;
  /** One of the deliverable's project types (e.g. `reading`); the first one when absent. */
  readonly projectType?: string;
}

/** A built writeup: its text and where the title sits (for the cursor). */
export interface Template {
  readonly text: string;
  /** Range of the title's text, 0-based, so an editor can select it. */
  readonly titleRange: Range;
  readonly deliverable: Deliverable;
  /** The project type written into the file, when the deliverable offers several. */
  readonly projectType?: ProjectType;
  /** The required sections the template holds, in order. */
  readonly sections: readonly RequiredSection[];
}

/** Why a template could not be built (unknown kind or project type). Bad input never throws. */
export interface TemplateProblem {
  readonly message: string;
}

export type TemplateResult = { readonly ok: true; readonly template: Template } | { readonly ok: false; readonly problem: TemplateProblem };
