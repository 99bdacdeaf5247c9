import type { ExactPagesInput } from '../layout/exact/status';
import type { BibIndex } from '../bib/types';
import type { CoursePack, Deliverable } from '../courses/types';
import type { PageBreak, PageEstimate } from '../layout/types';
import type { Range } from '../model/range';
import type { Writeup, WriteupFormat } from '../model/writeup';

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
  /** Overrides the rule's severity for this report (e.g. a required section marked `warning` by its pack). */
  readonly severity?: Severity;
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
  /** The page count of the last compile (a background compile in the editor, `--exact` on the command line). */
  readonly exactPages?: ExactPagesInput;
  /** Rule-specific options from configuration. */
  readonly options: Readonly<Record<string, unknown>>;
}

/**
 * User documentation of a rule; docs/rules/<id>.md is generated from it and the examples
 * (`npm run docs:rules`), so the page and the tests never disagree.
 */
export interface RuleDocs {
  /** What the rule checks and why, in Markdown (a paragraph or two). */
  readonly details: string;
  /** The course sentence(s) the rule enforces, quoted from the seed pages, or why none applies. */
  readonly enforces: string;
  /** What the quick fix does, for fixable rules. */
  readonly fix?: string;
  /** Options the rule reads from `writeup.lint.rules` or front matter, if any. */
  readonly options?: string;
}

/** The context an example runs in: everything but the text. */
export interface ExampleContext {
  /** A bundled course id (resolved with the bundled packs) or a pack; otherwise the front matter's. */
  readonly course?: string | CoursePack;
  /** Deliverable kind; otherwise the front matter's. */
  readonly kind?: string;
  /** A page estimate to use instead of the estimator's (keeps page examples exact). */
  readonly pages?: { readonly contentPages: number; readonly totalPages?: number; readonly pageBreaks?: readonly PageBreak[] };
  /** An exact page count from a compile. */
  readonly exactPages?: ExactPagesInput;
  /** Keys of a bibliography to pretend is present. */
  readonly bibKeys?: readonly string[];
  readonly options?: Readonly<Record<string, unknown>>;
}

/** An example in a rule's docs; the generic rule test runs every one. */
export interface RuleExample {
  readonly title: string;
  /** The writeup's source text. */
  readonly text: string;
  /** `markdown` unless said otherwise. */
  readonly format?: WriteupFormat;
  readonly context?: ExampleContext;
}

/** A failing example: the reports it must produce (message id and 0-based line), in order. */
export interface FailingExample extends RuleExample {
  readonly problems: readonly { readonly messageId: string; readonly line: number }[];
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
  /**
   * Reader problem codes (`writeup.problems[].code`) this rule reports itself, e.g.
   * `['front-matter*']` (a trailing `*` matches by prefix). The engine reports the other reader
   * problems under the `reader` pseudo-rule, so none is lost and none is reported twice.
   */
  readonly readerProblems?: readonly string[];
  /** Longer documentation: docs/rules/<id>.md is generated from it. */
  readonly docs: RuleDocs;
  /** Examples that report nothing (`ok`) and that report the listed problems (`notOk`). */
  readonly examples: { readonly ok: readonly RuleExample[]; readonly notOk: readonly FailingExample[] };
  check(context: RuleContext): readonly Report[];
}
