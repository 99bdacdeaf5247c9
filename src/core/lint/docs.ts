import type { Rule, RuleExample } from './rule';
import { pseudoRules, type PseudoRule } from './engine';

function fence(example: RuleExample): string {
  const lang = example.format === 'latex' ? 'latex' : 'markdown';
  const longest = Math.max(2, ...[...example.text.matchAll(/`+/g)].map((m) => m[0].length));
  const ticks = '`'.repeat(longest + 1);
  return `${ticks}${lang}\n${example.text.replace(/\n$/, '')}\n${ticks}`;
}

function context(example: RuleExample): string {
  const c = example.context;
  if (!c) return '';
  const parts: string[] = [];
  if (c.course !== undefined) parts.push(`course \`${typeof c.course === 'string' ? c.course : c.course.id}\``);
  if (c.kind !== undefined) parts.push(`kind \`${c.kind}\``);
  if (c.pages) parts.push(`estimated ${c.pages.contentPages} content pages`);
  if (c.exactPages) parts.push(`${c.exactPages.contentPages} content pages from a ${c.exactPages.fresh ? 'fresh' : 'stale'} compile`);
  if (c.bibKeys) parts.push(`bibliography keys ${c.bibKeys.map((k) => `\`${k}\``).join(', ') || '(none)'}`);
  return parts.length ? ` (${parts.join(', ')})` : '';
}

/**
 * The user documentation of a rule as Markdown: docs/rules/<id>.md is exactly this text
 * (`npm run docs:rules` writes it; the rule test checks the file is current).
 */
export function ruleDocsMarkdown(rule: Rule): string {
  const lines = [
    `# ${rule.id}`,
    '',
    `${rule.description}`,
    '',
    `- Default severity: \`${rule.defaultSeverity}\``,
    `- Needs a course: ${rule.needsCourse ? 'yes (skipped when no course is set)' : 'no (runs on every writeup)'}`,
    `- Quick fix: ${rule.fixable ? 'yes' : 'no'}`,
    '',
    '## What it checks',
    '',
    rule.docs.details,
    '',
    '## The course sentence it enforces',
    '',
    rule.docs.enforces,
    '',
  ];
  if (rule.docs.fix) lines.push('## Fix', '', rule.docs.fix, '');
  if (rule.docs.options) lines.push('## Options', '', rule.docs.options, '');
  lines.push(
    '## Configuration',
    '',
    'Change the severity or turn the rule off in settings (`writeup.lint.rules`):',
    '',
    '```json',
    `"writeup.lint.rules": { "${rule.id}": "off" }`,
    '```',
    '',
    'or for one file in its front matter (`writeup: { disable: [' + rule.id + '] }`), or for one line with',
    `\`<!-- writeup-disable-next-line ${rule.id} -->\` (Markdown) or \`% writeup-disable-next-line ${rule.id}\` (LaTeX) on the line before.`,
    '',
    '## Examples',
    '',
  );
  for (const example of rule.examples.ok) {
    lines.push(`### Passes: ${example.title}${context(example)}`, '', fence(example), '');
  }
  for (const example of rule.examples.notOk) {
    const messages = example.problems.map((p) => `line ${p.line + 1}: ${rule.messages[p.messageId] ?? p.messageId}`);
    lines.push(`### Fails: ${example.title}${context(example)}`, '', fence(example), '', 'Reports:', '', ...messages.map((m) => `- ${m}`), '');
  }
  return lines.join('\n');
}

const pseudoDetails: Readonly<Record<string, string>> = {
  reader:
    'Problems the reader found while reading the source (for example unclosed math or an unclosed LaTeX environment) ' +
    'that no rule reports itself. Front matter problems are reported by `front-matter`, TeX errors by `math-syntax` when that ' +
    "rule claims them. The severity is the reader's own unless configured.",
  'unknown-rule':
    'A rule id in the `writeup.lint.rules` setting, in front matter `writeup: { disable: [...] }` or in a ' +
    '`writeup-disable-next-line` comment that names no rule (with a did-you-mean), or a severity other than ' +
    '`error`, `warning`, `info` or `off`. Misspelt ids would otherwise silently do nothing.',
  'no-course':
    'Shown once, on the title, when no course is set (front matter `course:`, the `Writeup: Select Course` command or ' +
    'the `--course` option): only the course-free rules ran, so page limits and required sections were not checked.',
};

/** Documentation of an engine pseudo-rule (`reader`, `unknown-rule`, `no-course`). */
export function pseudoRuleDocsMarkdown(rule: PseudoRule): string {
  return [
    `# ${rule.id}`,
    '',
    rule.description,
    '',
    `- Default severity: \`${rule.defaultSeverity}\``,
    '- Reported by the lint engine itself (no rule file).',
    '',
    '## What it checks',
    '',
    pseudoDetails[rule.id] ?? '',
    '',
    '## Configuration',
    '',
    '```json',
    `"writeup.lint.rules": { "${rule.id}": "off" }`,
    '```',
    '',
  ].join('\n');
}

/** Every docs page: file name (under docs/rules) -> content. */
export function allRuleDocs(ruleSet: readonly Rule[]): Map<string, string> {
  const pages = new Map<string, string>();
  for (const rule of ruleSet) pages.set(`${rule.id}.md`, ruleDocsMarkdown(rule));
  for (const rule of pseudoRules) pages.set(`${rule.id}.md`, pseudoRuleDocsMarkdown(rule));
  pages.set('README.md', indexMarkdown(ruleSet));
  return pages;
}

/** docs/rules/README.md: every rule with its default severity and whether it needs a course. */
function indexMarkdown(ruleSet: readonly Rule[]): string {
  const row = (id: string, description: string, severity: string, course: string, fix: string) => `| [\`${id}\`](${id}.md) | ${description.replace(/\|/g, '\\|')} | ${severity} | ${course} | ${fix} |`;
  return [
    '# Lint rules',
    '',
    'Generated from src/core/lint/rules/*.ts by `npm run docs:rules`. Problems show in the Problems panel (source',
    '`writeup`) on open and save, and from `writeup lint` on the command line. Change a severity or turn a rule',
    'off with the `writeup.lint.rules` setting, front matter `writeup: { disable: [id] }`, or a',
    '`writeup-disable-next-line id` comment on the line before.',
    '',
    '| Rule | Checks | Default | Needs a course | Quick fix |',
    '|---|---|---|---|---|',
    ...ruleSet.map((r) => row(r.id, r.description, r.defaultSeverity, r.needsCourse ? 'yes' : 'no', r.fixable ? 'yes' : 'no')),
    ...pseudoRules.map((r) => row(r.id, r.description, r.defaultSeverity, 'no', 'no')),
    '',
  ].join('\n');
}
