import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { contributionStated } from '../../../../src/core/lint/rules/contribution-stated';
import { emptySection } from '../../../../src/core/lint/rules/empty-section';
import { frontMatter } from '../../../../src/core/lint/rules/front-matter';
import { groupSize } from '../../../../src/core/lint/rules/group-size';
import { papersRead } from '../../../../src/core/lint/rules/papers-read';
import { runRule } from '../../../fakes/lint';

const fm = (fields: string) => `---\ntitle: Margins\n${fields}---\n\n`;

describe('group-size', () => {
  test('five authors in 18.408, on the author key, quoting the course', () => {
    const found = runRule(groupSize, `${fm('author: [A, B, C, D, E]\ncourse: mit-18.408\nkind: report\n')}# Introduction\n\nText.\n`);
    assert.deepEqual(found.map((d) => [d.severity, d.range.start.line, d.message]), [
      ['error', 2, '5 authors, but groups are at most 4 (18.408: “You can work in groups of up to four students or you can work alone.”)'],
    ]);
  });
  test('four authors and one author are fine', () => {
    assert.deepEqual(runRule(groupSize, `${fm('author: [A, B, C, D]\ncourse: mit-18.408\nkind: report\n')}# I\n\nT.\n`), []);
    assert.deepEqual(runRule(groupSize, `${fm('author: A\ncourse: mit-18.408\nkind: report\n')}# I\n\nT.\n`), []);
  });
  test('no author is reported for a course deliverable', () => {
    assert.deepEqual(runRule(groupSize, `${fm('course: mit-9.520-fall2024\nkind: report\n')}# I\n\nT.\n`).map((d) => d.messageId), ['none']);
  });
});

describe('papers-read', () => {
  const reading = (cites: string) => `${fm('course: mit-18.408\nkind: report\nproject: reading\n')}# Introduction\n\n${cites}\n`;
  test('two or three distinct papers are fine', () => {
    assert.deepEqual(runRule(papersRead, reading('[@a; @b] and [@a] and [@c]')), []);
  });
  test('four papers is information', () => {
    const found = runRule(papersRead, reading('[@a; @b; @c; @d]'));
    assert.deepEqual(found.map((d) => [d.severity, d.range.start.line]), [['info', 4]]);
    assert.match(found[0]?.message ?? '', /this cites 4 distinct papers/);
  });
  test('a research project or an unknown project type is not checked', () => {
    assert.deepEqual(runRule(papersRead, reading('[@a]').replace('reading', 'research')), []);
    assert.deepEqual(runRule(papersRead, reading('[@a]').replace('project: reading\n', '')), []);
  });
});

describe('contribution-stated', () => {
  const rep = (body: string) => `${fm('course: mit-18.408\nkind: report\n')}${body}`;
  for (const ok of ['# Our contributions\n\nList.\n', '# Intro\n\nWe prove a simpler bound.\n', '# Intro\n\n- Our main contribution is a toy model.\n', '# Intro\n\nIn this report, we connect two papers.\n']) {
    test(`stated: ${JSON.stringify(ok)}`, () => assert.deepEqual(runRule(contributionStated, rep(ok)), []));
  }
  test('an abstract can state it', () => {
    assert.deepEqual(runRule(contributionStated, `${fm('course: mit-18.408\nkind: report\nabstract: We show that depth helps.\n')}# Intro\n\nText.\n`), []);
  });
  test('a summary only: warning on the title with the course sentence', () => {
    const found = runRule(contributionStated, rep('# Intro\n\nThe paper shows a bound.\n'));
    assert.deepEqual(found.map((d) => [d.severity, d.range.start.line]), [['warning', 1]]);
    assert.match(found[0]?.message ?? '', /“As much as possible, your writeup should emphasize what your new contribution is\.”/);
  });
  test('9.520 does not ask for it', () => {
    assert.deepEqual(runRule(contributionStated, `${fm('course: mit-9.520-fall2024\nkind: report\n')}# Intro\n\nText.\n`), []);
  });
});

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

describe('empty-section', () => {
  test('a parent with only subsections is not empty; an empty subsection before its parent level is', () => {
    const found = runRule(emptySection, '# A\n\n## A.1\n\n# B\n\nText.\n\n# References\n');
    assert.deepEqual(found.map((d) => [d.severity, d.range.start.line, d.message]), [['info', 2, "Section 'A.1' is empty"]]);
  });
});
