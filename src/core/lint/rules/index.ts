import type { Rule } from '../rule';
import { contributionStated } from './contribution-stated';
import { emptySection } from './empty-section';
import { frontMatter } from './front-matter';
import { groupSize } from './group-size';
import { mathSyntax } from './math-syntax';
import { pageLimit } from './page-limit';
import { papersRead } from './papers-read';
import { requiredSections } from './required-sections';
import { undefinedCitation } from './undefined-citation';

/**
 * Every lint rule, in the order they run. To add a rule: write src/core/lint/rules/<id>.ts
 * exporting a {@link Rule} (id == file name, docs, ok/notOk examples), import it here and add it
 * to the list, then `npm run docs:rules` to generate docs/rules/<id>.md.
 */
export const rules: readonly Rule[] = [
  frontMatter,
  groupSize,
  pageLimit,
  requiredSections,
  papersRead,
  contributionStated,
  emptySection,
  undefinedCitation,
  mathSyntax,
];

/** The rule with this id, if registered. */
export function ruleById(id: string): Rule | undefined {
  return rules.find((r) => r.id === id);
}
