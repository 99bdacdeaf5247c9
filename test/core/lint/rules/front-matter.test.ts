import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { frontMatter } from '../../../../src/core/lint/rules/front-matter';
import { runRule } from '../../../fakes/lint';

const fm = (fields: string) => `---\ntitle: Margins\n${fields}---\n\n`;

describe('front-matter', () => {
  test("unknown course: did-you-mean and a fix \"Change to 'mit-18.408'\" on the value", () => {
    const found = runRule(frontMatter, `${fm('course: 18.408\n')}# I\n\nT.\n`);
    assert.equal(found[0]?.message, "Unknown course '18.408'; did you mean 'mit-18.408'?");
    assert.deepEqual(found[0]?.range, { start: { line: 2, character: 8 }, end: { line: 2, character: 14 } });
    assert.equal(found[0]?.fixes[0]?.title, "Change to 'mit-18.408'");
  });
  test('a course nothing resembles lists the known ones', () => {
    const found = runRule(frontMatter, `${fm('course: cs229\n')}# I\n\nT.\n`);
    assert.match(found[0]?.message ?? '', /^Unknown course 'cs229'; known courses: mit-18\.408, /);
    assert.deepEqual(found[0]?.fixes, []);
  });
  test('unknown kind and project type', () => {
    const found = runRule(frontMatter, `${fm('course: mit-18.408\nkind: proposal\nproject: readin\n')}# I\n\nT.\n`);
    assert.deepEqual(found.map((d) => d.message), ["Course mit-18.408 has no project type 'readin' for its proposal; it has reading, research; did you mean 'reading'?"]);
    const kind = runRule(frontMatter, `${fm('course: mit-9.520-fall2024\nkind: slides\n')}# I\n\nT.\n`);
    assert.deepEqual(kind.map((d) => d.message), ["Course mit-9.520-fall2024 has no deliverable 'slides'; it has proposal, report"]);
  });
});
