import type { BibIndex } from '../bib/types';
import type { CoursePack, Deliverable } from '../courses/types';
import type { ExactPagesInput } from '../layout/exact/status';
import type { PageEstimate } from '../layout/types';
import type { Range } from '../model/range';
import type { Writeup } from '../model/writeup';
import { LineIndex } from '../text/lineIndex';
import type { Fix, Report, Rule, RuleContext, Severity, TextEdit } from './rule';
import { rules as registeredRules } from './rules/index';
import { closest, headlineRange, lineRange as lineRangeOf } from './helpers';

/** What the engine lints: the model plus whatever is known about its course, bibliography and pages. */
export interface LintInputs {
  readonly writeup: Writeup;
  /** The resolved course; without one only course-free rules run (and a hint to pick one is added). */
  readonly course?: CoursePack;
  readonly deliverable?: Deliverable;
  /** Every known pack (for did-you-mean on `course:` and cross-course lookups). */
  readonly courses?: readonly CoursePack[];
  readonly bib?: BibIndex;
  readonly pages?: PageEstimate;
  /** The page count of the last compile; `page-limit` prefers it while fresh. */
  readonly exactPages?: ExactPagesInput;
}

/** A configured severity: a rule's own, or `off`. */
export type SeverityOrOff = Severity | 'off';

/** Configuration from `writeup.lint.rules` (editor) or the command line. */
export interface LintConfig {
  /** Rule id -> `error` | `warning` | `info` | `off`. Unknown ids and bad values are reported. */
  readonly rules?: Readonly<Record<string, unknown>>;
  /** Options per rule id, passed to the rule as `context.options`. */
  readonly options?: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
  /** The rules to run; the registered ones by default (tests pass their own). */
  readonly ruleSet?: readonly Rule[];
  /** Name of the configuration in messages, e.g. `writeup.lint.rules`. */
  readonly source?: string;
}

/** One problem as users see it: the rule's id, severity and message, where, and how to fix it. */
export interface Diagnostic {
  /** Rule id (or a pseudo-rule id from {@link pseudoRules}). */
  readonly rule: string;
  readonly severity: Severity;
  readonly message: string;
  readonly range: Range;
  readonly fixes: readonly Fix[];
  /** Path of the rule's docs page relative to the project (and the extension) root. */
  readonly docs: string;
  readonly messageId: string;
  readonly data?: Readonly<Record<string, string | number>>;
}

/** A rule-like entry for problems that do not come from a rule file. */
export interface PseudoRule {
  readonly id: string;
  readonly description: string;
  readonly defaultSeverity: Severity;
}

/**
 * Problems the engine itself reports. They have docs pages and can be configured like rules.
 * - `reader`: a problem the reader found (unclosed math, unclosed environment...) that no rule
 *   claims through {@link Rule.readerProblems}; its severity is the reader's unless configured.
 * - `unknown-rule`: a rule id in `writeup.lint.rules`, front matter `writeup: { disable }` or a
 *   `writeup-disable-next-line` comment that names no rule; or a bad severity value.
 * - `no-course`: the one hint shown when no course is resolved (only course-free rules ran).
 */
export const pseudoRules: readonly PseudoRule[] = [
  { id: 'reader', description: 'Problems the reader found in the source (unclosed math, environments...).', defaultSeverity: 'error' },
  { id: 'unknown-rule', description: 'A rule id in configuration or a disable comment that names no rule.', defaultSeverity: 'warning' },
  { id: 'no-course', description: 'No course is set: only course-free rules ran.', defaultSeverity: 'info' },
];

const severities: readonly string[] = ['error', 'warning', 'info', 'off'];

/** Path of a rule's docs page, relative to the project root (and to the installed extension). */
export function docsPath(ruleId: string): string {
  return `docs/rules/${ruleId}.md`;
}

/** Fills `{name}` placeholders of a message template from `data`; unknown names stay as written. */
export function formatMessage(template: string, data: Readonly<Record<string, string | number>> | undefined): string {
  if (!data) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = data[name];
    return value === undefined ? whole : String(value);
  });
}

/** Every id the configuration may name: the rules' and the pseudo-rules'. */
export function knownRuleIds(ruleSet: readonly Rule[] = registeredRules): string[] {
  return [...ruleSet.map((r) => r.id), ...pseudoRules.map((r) => r.id)];
}

/** Whether a reader problem's code is claimed by a rule (`prefix*` patterns match by prefix). */
function claims(rule: Rule, code: string): boolean {
  return (rule.readerProblems ?? []).some((p) => (p.endsWith('*') ? code.startsWith(p.slice(0, -1)) : p === code));
}

function lineRange(writeup: Writeup, line: number): Range {
  return lineRangeOf(writeup.text, line);
}

/**
 * Lints one writeup: runs every enabled rule, applies severities from configuration, drops what
 * front matter (`writeup: { disable }`) and `writeup-disable-next-line` comments silence, and adds
 * reader problems, configuration problems and the no-course hint. Never throws; sorted by position.
 */
export function lint(inputs: LintInputs, config: LintConfig = {}): Diagnostic[] {
  const ruleSet = config.ruleSet ?? registeredRules;
  const { writeup } = inputs;
  const known = new Set(knownRuleIds(ruleSet));
  const out: Diagnostic[] = [];
  const configured = new Map<string, SeverityOrOff>();
  const configProblems: { data: Record<string, string>; messageId: string; range: Range }[] = [];
  const source = config.source ?? 'writeup.lint.rules';

  for (const [id, value] of Object.entries(config.rules ?? {})) {
    if (!known.has(id)) {
      configProblems.push({ messageId: 'unknownInConfig', data: { id, source, suggestion: suggest(id, known) }, range: lineRange(writeup, 0) });
    } else if (typeof value !== 'string' || !severities.includes(value)) {
      configProblems.push({ messageId: 'badSeverity', data: { id, source, value: JSON.stringify(value) ?? String(value) }, range: lineRange(writeup, 0) });
    } else {
      configured.set(id, value as SeverityOrOff);
    }
  }
  const disabled = new Set<string>();
  const disableRange = writeup.metadata.keyRanges['writeup'] ?? writeup.metadata.range ?? lineRange(writeup, 0);
  for (const id of writeup.metadata.disabledRules) {
    if (known.has(id)) disabled.add(id);
    else configProblems.push({ messageId: 'unknownInFrontMatter', data: { id, suggestion: suggest(id, known) }, range: disableRange });
  }
  for (const directive of writeup.disableDirectives) {
    for (const id of directive.rules) {
      if (!known.has(id)) {
        configProblems.push({ messageId: 'unknownInComment', data: { id, suggestion: suggest(id, known) }, range: lineRange(writeup, directive.line - 1) });
      }
    }
  }

  const severityOf = (id: string, fallback: Severity): Severity | undefined => {
    if (disabled.has(id)) return undefined;
    const s = configured.get(id) ?? fallback;
    return s === 'off' ? undefined : s;
  };

  for (const rule of ruleSet) {
    const severity = severityOf(rule.id, rule.defaultSeverity);
    if (!severity) continue;
    if (rule.needsCourse && !inputs.course) continue;
    const context: RuleContext = {
      writeup,
      courses: inputs.courses ?? [],
      options: config.options?.[rule.id] ?? {},
      ...(inputs.course ? { course: inputs.course } : {}),
      ...(inputs.deliverable ? { deliverable: inputs.deliverable } : {}),
      ...(inputs.bib ? { bib: inputs.bib } : {}),
      ...(inputs.pages ? { pages: inputs.pages } : {}),
      ...(inputs.exactPages ? { exactPages: inputs.exactPages } : {}),
    };
    let reports: readonly Report[];
    try {
      reports = rule.check(context);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      out.push(diagnostic(rule.id, 'info', `Internal error in rule ${rule.id}: ${message}`, 'internalError', lineRange(writeup, 0), []));
      continue;
    }
    for (const report of reports) {
      const template = rule.messages[report.messageId] ?? report.messageId;
      // A configured severity wins over a report's own (e.g. a pack marking a section optional).
      const s = configured.get(rule.id) ?? report.severity ?? severity;
      if (s === 'off') continue;
      out.push({
        rule: rule.id,
        severity: s,
        message: formatMessage(template, report.data),
        range: report.range,
        fixes: report.fixes ?? [],
        docs: docsPath(rule.id),
        messageId: report.messageId,
        ...(report.data ? { data: report.data } : {}),
      });
    }
  }

  const readerSeverity = configured.get('reader');
  if (!disabled.has('reader') && readerSeverity !== 'off') {
    for (const problem of writeup.problems) {
      if (ruleSet.some((r) => claims(r, problem.code))) continue;
      out.push(diagnostic('reader', readerSeverity ?? problem.severity, problem.message, problem.code, problem.range, [], { code: problem.code }));
    }
  }

  const unknownSeverity = severityOf('unknown-rule', 'warning');
  if (unknownSeverity) {
    for (const p of configProblems) {
      out.push(diagnostic('unknown-rule', unknownSeverity, formatMessage(metaMessages[p.messageId] ?? p.messageId, p.data), p.messageId, p.range, [], p.data));
    }
  }

  const hasCourseRules = ruleSet.some((r) => r.needsCourse && severityOf(r.id, r.defaultSeverity));
  const hintSeverity = severityOf('no-course', 'info');
  // A course named but unknown is front-matter's to report (with a did-you-mean): no second note.
  const namedUnknown = Boolean(writeup.metadata.course?.trim()) && ruleSet.some((r) => r.id === 'front-matter') && severityOf('front-matter', 'error') !== undefined;
  if (!inputs.course && hasCourseRules && hintSeverity && !namedUnknown) {
    out.push(diagnostic('no-course', hintSeverity, metaMessages['noCourse'] ?? '', 'noCourse', headlineRange(writeup), []));
  }

  const directives = writeup.disableDirectives;
  const kept = directives.length === 0 ? out : out.filter((d) => !directives.some((x) => x.line === d.range.start.line && (x.rules.length === 0 || x.rules.includes(d.rule))));
  return kept.sort(compareDiagnostics);
}

const metaMessages: Readonly<Record<string, string>> = {
  unknownInConfig: "Unknown rule '{id}' in {source}{suggestion}",
  badSeverity: "{source}: '{id}' must be error, warning, info or off (got {value})",
  unknownInFrontMatter: "Unknown rule '{id}' in front matter writeup.disable{suggestion}",
  unknownInComment: "Unknown rule '{id}' in writeup-disable-next-line{suggestion}",
  noCourse:
    "No course set: only course-free checks ran. Pick one with 'Writeup: Select Course' or front matter `course:` (e.g. course: mit-18.408)",
};

function diagnostic(
  rule: string,
  severity: Severity,
  message: string,
  messageId: string,
  range: Range,
  fixes: readonly Fix[],
  data?: Readonly<Record<string, string | number>>,
): Diagnostic {
  return { rule, severity, message, range, fixes, docs: docsPath(rule), messageId, ...(data ? { data } : {}) };
}

function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character || a.rule.localeCompare(b.rule);
}

/** `; did you mean 'x'?` for the closest known id, or an empty string. */
function suggest(id: string, known: ReadonlySet<string>): string {
  const best = closest(id, [...known]);
  return best ? `; did you mean '${best}'?` : '';
}

/**
 * Applies edits (those without a `file`, i.e. to this text) and returns the new text. Edits are
 * applied from the end so earlier ranges stay valid; an edit overlapping one already applied is skipped.
 */
export function applyFixes(text: string, edits: readonly TextEdit[]): string {
  const index = new LineIndex(text);
  const spans = edits
    .filter((e) => e.file === undefined)
    .map((e, order) => ({ start: index.offsetAt(e.range.start), end: index.offsetAt(e.range.end), text: e.newText, order }))
    .sort((a, b) => b.start - a.start || b.end - a.end || b.order - a.order);
  let result = text;
  let limit = Infinity;
  for (const s of spans) {
    if (s.end > limit) continue;
    result = result.slice(0, s.start) + s.text + result.slice(s.end);
    limit = s.start;
  }
  return result;
}
