// package.json's rule and course contributions are generated (scripts/manifest.ts): this fails when
// a rule or pack changed without `npm run gen:manifest`, or when package.json was edited by hand.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { globSync } from 'glob';
import { generatedSources, withGeneratedContributions } from '../../scripts/manifest';
import { bundledCourseIds } from '../../src/core/courses/loader';
import { rules } from '../../src/core/lint/rules/index';

const read = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;

describe('generated registries', () => {
  test('the rule list and the bundled packs list every file of their folders (run npm run gen:manifest)', () => {
    for (const [file, source] of Object.entries(generatedSources((f) => readFileSync(f, 'utf8'), (d) => readdirSync(d)))) {
      assert.equal(readFileSync(file, 'utf8'), source, `${file} is stale: run npm run gen:manifest`);
    }
  });
  test('every bundled pack has a test that names it', () => {
    const tests = globSync('test/core/courses/**/*.test.ts').map((f) => readFileSync(f, 'utf8')).join('\n');
    for (const id of bundledCourseIds) assert.ok(tests.includes(`'${id}'`), `no test under test/core/courses names '${id}'`);
  });
});

describe('package.json contributions', () => {
  test('writeup.lint.rules and writeup.course are what the rules and packs say (run npm run gen:manifest)', () => {
    const pkg = read('package.json');
    const nls = read('package.nls.json');
    const generated = withGeneratedContributions(pkg, nls);
    assert.deepEqual(pkg, generated.pkg);
    assert.deepEqual(nls, generated.nls);
  });
  test('each rule\'s description there is the rule object\'s', () => {
    const pkg = read('package.json') as { contributes: { configuration: { properties: Record<string, { properties: Record<string, { description: string }> }> } } };
    const props = pkg.contributes.configuration.properties['writeup.lint.rules']?.properties ?? {};
    for (const rule of rules) assert.equal(props[rule.id]?.description, `${rule.description} Default: ${rule.defaultSeverity}.`, rule.id);
  });
});
