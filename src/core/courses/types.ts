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
  /** Whether appendices count towards the limit, when the page says. */
  readonly appendixCounts?: boolean;
  /** The template the page asks for, as named there (e.g. `NeurIPS`, `ICML`, `ACL`). */
  readonly template?: string;
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
  /** Last day (ISO date) when the deliverable spans several days, e.g. presentations over three days. */
  readonly dueEnd?: string;
  /** How it is handed in, as the page says (e.g. `Gradescope`, `online form`). */
  readonly submission?: string;
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

/** A dated event of the course's time plan (meetings, deadlines, presentation slots). */
export interface ScheduleItem {
  /** ISO date. */
  readonly date: string;
  /** Last day (ISO date) of an event spanning several days. */
  readonly endDate?: string;
  /** Time of day as written, e.g. `10:00-10:40`. */
  readonly time?: string;
  readonly title: string;
  /** Keys into the pack's papers (e.g. the paper presented in a slot). */
  readonly papers?: readonly string[];
  readonly source?: SourceSentence;
}

/** A link the page gives (home page, forms, related courses). */
export interface CourseLink {
  readonly title: string;
  readonly url: string;
}

/** BibTeX entry types a course paper can have. */
export type PaperType = 'inproceedings' | 'article' | 'misc' | 'book' | 'techreport' | 'phdthesis';

export interface CoursePaper {
  /** Stable citation key, e.g. `bartlett2017spectrally`. */
  readonly key: string;
  readonly title: string;
  /** Full names, "First Last" (particles and suffixes kept: `Twan van Laarhoven`), in published order. */
  readonly authors: readonly string[];
  readonly year?: number;
  /** Full name of the journal or proceedings of the published version; absent (or `arXiv`) for a preprint. */
  readonly venue?: string;
  /** arXiv identifier, e.g. `1910.12478`. */
  readonly arxiv?: string;
  readonly doi?: string;
  readonly url?: string;
  /** BibTeX entry type of the published version; guessed from `venue` when absent. */
  readonly type?: PaperType;
  readonly volume?: string;
  readonly number?: string;
  /** Page range, e.g. `6240--6249`. */
  readonly pages?: string;
  readonly publisher?: string;
  /** Where the bibliographic facts were confirmed (arXiv, proceedings, DBLP, OpenReview page). */
  readonly metadataSource?: string;
  /** Further pages the facts were confirmed on. */
  readonly metadataSources?: readonly string[];
  /** Other wordings the course page uses for the paper: searching any of them finds it. */
  readonly aliases?: readonly string[];
  /** Fields that could not be confirmed in a public source (e.g. `year`). */
  readonly unverified?: readonly string[];
  /** Keys the paper had in earlier versions of the pack: citing one still finds it. */
  readonly formerKeys?: readonly string[];
  /** The topic or heading the page lists it under. */
  readonly topic?: string;
  /** A sub-heading under the topic, where the page has one. */
  readonly subtopic?: string;
  /** Further headings the page lists the same paper under. */
  readonly otherTopics?: readonly string[];
  /** True when the page gives only the first author followed by "et al.". */
  readonly etAl?: boolean;
  /** Words the page writes next to the paper (e.g. `(shen 2019)`), kept as written. */
  readonly context?: string;
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
  /** Marked on the page as an ongoing project of the course staff (e.g. with `*`). */
  readonly ongoing?: boolean;
}

export interface CoursePack {
  readonly id: string;
  readonly title: string;
  /** Short label for the status bar, e.g. `18.408`. */
  readonly shortName?: string;
  readonly institution?: string;
  readonly term?: string;
  readonly instructor?: string;
  readonly url?: string;
  /** Contact address the page gives. */
  readonly contact?: string;
  /** Meeting times as written, e.g. `Wednesdays 12-3`. */
  readonly meetings?: string;
  /** The course description, as written. */
  readonly description?: string;
  /** Themes or topics the course covers, as listed. */
  readonly topics?: readonly string[];
  readonly prerequisites?: readonly SourceSentence[];
  /** Other facts of the page, sentence by sentence. */
  readonly notes?: readonly SourceSentence[];
  readonly links?: readonly CourseLink[];
  /** The time plan. */
  readonly schedule?: readonly ScheduleItem[];
  /** The seed pages (file names) the facts come from. */
  readonly sources?: readonly string[];
  readonly deliverables: readonly Deliverable[];
  readonly papers: readonly CoursePaper[];
  readonly suggestedProjects?: readonly SuggestedProject[];
}
