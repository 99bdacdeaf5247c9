/**
 * The shape of a course pack (see schemas/course-pack.schema.json, which must agree).
 * Every fact in a bundled pack comes from its seed page.
 */

/** A sentence of the course page a fact comes from, kept with the fact. */
export type SourceSentence = string;

export interface PageLimit {
  /** Pages for a writeup by one author. */
  readonly individual?: number;
  /** Pages for a writeup by two or more authors. */
  readonly team?: number;
  /** Page style the limit is counted in; `neurips` by default. */
  readonly style?: 'neurips';
  /** Whether references count towards the limit; false by default. */
  readonly referencesCount?: boolean;
  readonly source?: SourceSentence;
}

export interface GroupSize {
  readonly min?: number;
  readonly max?: number;
  readonly source?: SourceSentence;
}

export interface ProjectType {
  /** e.g. `reading`, `research`. */
  readonly id: string;
  readonly title: string;
  readonly description?: string;
  /** How many papers a reading project covers. */
  readonly papers?: { readonly min?: number; readonly max?: number };
  readonly source?: SourceSentence;
}

export interface RequiredSection {
  readonly id: string;
  readonly title: string;
  /** Headings that count as this section (matched case-insensitively and fuzzily). */
  readonly aliases: readonly string[];
  /** The course page's sentence that asks for it. */
  readonly source: SourceSentence;
  readonly severity: 'error' | 'warning' | 'info';
  /** Guidance written into a template's section. */
  readonly guidance?: string;
  /** Only for these project types, when set. */
  readonly projectTypes?: readonly string[];
}

export interface Deliverable {
  /** `proposal`, `report`, `slides`, `presentation`... */
  readonly kind: string;
  readonly title?: string;
  /** ISO date, e.g. `2021-05-19`. */
  readonly due?: string;
  /** Format notes as the page gives them. */
  readonly format?: string;
  readonly notes?: readonly SourceSentence[];
  readonly pageLimit?: PageLimit;
  readonly groupSize?: GroupSize;
  readonly projectTypes?: readonly ProjectType[];
  readonly requiredSections?: readonly RequiredSection[];
  /** Whether the course asks the writeup to state its own contribution. */
  readonly contributionRequired?: { readonly source: SourceSentence };
}

export interface CoursePaper {
  /** Stable citation key, e.g. `bartlett2017spectrally`. */
  readonly key: string;
  readonly title: string;
  readonly authors: readonly string[];
  readonly year?: number;
  readonly venue?: string;
  readonly arxiv?: string;
  readonly doi?: string;
  readonly url?: string;
  /** The topic or heading the page lists it under. */
  readonly topic?: string;
  /** Link text where the page gives only a link and a phrase. */
  readonly label?: string;
  /** True when the title is a phrase from the page, to be checked by the user. */
  readonly titleUnverified?: boolean;
}

export interface SuggestedProject {
  readonly id: string;
  readonly title: string;
  readonly group?: string;
  readonly description?: string;
  /** Keys into the pack's papers. */
  readonly papers?: readonly string[];
  readonly bonus?: SourceSentence;
}

export interface CoursePack {
  readonly id: string;
  readonly title: string;
  readonly institution?: string;
  readonly term?: string;
  readonly instructor?: string;
  readonly url?: string;
  readonly deliverables: readonly Deliverable[];
  readonly papers: readonly CoursePaper[];
  readonly suggestedProjects?: readonly SuggestedProject[];
}
