import type { BibIndex } from '../bib/types';
import type { CoursePack, Deliverable } from '../courses/types';
import type { PageEstimate } from '../layout/types';
import type { Range } from '../model/range';
import type { Writeup } from '../model/writeup';

export type Severity = 'error' | 'warning' | 'info';

/** A text edit as data: the engine, the CLI and code actions all apply it the same way. */
export interface TextEdit {
  /** File the edit applies to; the writeup itself when absent (e.g. a .bib path otherwise). */
  readonly file?: string;
  readonly range: Range;
  readonly newText: string;
}

/** A fix a user can choose: a title and the edits it makes. */
export interface Fix {
  readonly title: string;
  readonly edits: readonly TextEdit[];
  /** The fix most users want (shown first, used by "fix all"). */
  readonly preferred?: boolean;
}

/** What a rule reports; the engine adds the rule id and severity. */
export interface Report {
  readonly messageId: string;
  readonly data?: Readonly<Record<string, string | number>>;
  readonly range: Range;
  readonly fixes?: readonly Fix[];
}

/** Everything a rule may look at. Absent parts mean "not known": rules needing them stay quiet. */
export interface RuleContext {
  readonly writeup: Writeup;
  readonly course?: CoursePack;
  readonly deliverable?: Deliverable;
  /** All course packs, for rules that look across courses (e.g. citations). */
  readonly courses: readonly CoursePack[];
  readonly bib?: BibIndex;
  readonly pages?: PageEstimate;
  /** Rule-specific options from configuration. */
  readonly options: Readonly<Record<string, unknown>>;
}

/** A lint rule: one per file in src/core/lint/rules/<id>.ts. */
export interface Rule {
  /** Same as the file name. */
  readonly id: string;
  /** One line, shown in the docs and in `writeup lint --rules`. */
  readonly description: string;
  readonly defaultSeverity: Severity;
  /** Whether the rule needs a course (course-free rules run on every writeup). */
  readonly needsCourse: boolean;
  /** Whether any report carries a fix. */
  readonly fixable: boolean;
  /** Message templates by id; `{name}` is replaced from a report's data. */
  readonly messages: Readonly<Record<string, string>>;
  check(context: RuleContext): readonly Report[];
}
