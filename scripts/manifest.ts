// package.json's contributions that describe rules and courses, computed from the rule objects and
// the bundled packs so they cannot drift (`npm run gen:manifest` writes them; a unit test checks).
import { bundledCourseIds, loadBundledPacks } from '../src/core/courses/loader';
import { pseudoRules } from '../src/core/lint/engine';
import { rules } from '../src/core/lint/rules/index';

type Json = Record<string, unknown>;
const severities = ['error', 'warning', 'info', 'off'];

/** `writeup.lint.rules.properties`: one entry per rule and pseudo-rule, its description and default. */
export function lintRuleProperties(): Json {
  const ordered = [...rules, ...pseudoRules];
  return Object.fromEntries(ordered.map((r) => [r.id, { type: 'string', enum: severities, description: `${r.description} Default: ${r.defaultSeverity}.` }]));
}

/** The `writeup.course` enum: the bundled ids, each described by its own package.nls.json entry. */
export function courseEnum(): { enum: string[]; enumDescriptions: string[] } {
  return { enum: [...bundledCourseIds], enumDescriptions: bundledCourseIds.map((id) => `%writeup.course.${id}%`) };
}

/** A one-line description of a bundled pack for package.nls.json, used when a pack has none there yet. */
export function courseNlsDefault(id: string): string {
  const pack = loadBundledPacks().find((p) => p.id === id);
  if (!pack) return id;
  return [pack.title, pack.term && `(${pack.term})`].filter(Boolean).join(' ');
}

/** package.json and package.nls.json with the generated parts replaced; everything else as it was. */
export function withGeneratedContributions(pkg: Json, nls: Json): { pkg: Json; nls: Json } {
  const copy = JSON.parse(JSON.stringify(pkg)) as {
    contributes: { configuration: { properties: Record<string, Json & { anyOf?: Json[]; properties?: Json }> } };
  };
  const props = copy.contributes.configuration.properties;
  const lintRules = props['writeup.lint.rules'];
  if (lintRules) lintRules.properties = lintRuleProperties();
  const course = props['writeup.course'];
  const choice = course?.anyOf?.find((a) => 'enum' in a);
  if (choice) Object.assign(choice, courseEnum());
  const nlsOut: Json = { ...nls };
  for (const id of bundledCourseIds) nlsOut[`writeup.course.${id}`] ??= courseNlsDefault(id);
  return { pkg: copy as unknown as Json, nls: nlsOut };
}
