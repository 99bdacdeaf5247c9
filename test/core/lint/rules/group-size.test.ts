import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { groupSize } from '../../../../src/core/lint/rules/group-size';
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
  test('no author is reported for a course deliverable, quoting the group size rule when the course has one', () => {
    const found = runRule(groupSize, `${fm('course: mit-18.408\nkind: report\n')}# I\n\nT.\n`);
    assert.deepEqual(found.map((d) => d.messageId), ['none']);
    assert.match(found[0]?.message ?? '', /apply \(18\.408: “You can work in groups of up to four students or you can work alone\.”\)$/);
  });
  test('no author in a course without a group size: the message quotes nothing', () => {
    const found = runRule(groupSize, `${fm('course: tum-dl-theory-2020\nkind: report\n')}# I\n\nT.\n`);
    assert.deepEqual(found.map((d) => d.messageId), ['none']);
    assert.match(found[0]?.message ?? '', /team size decides the rules that apply$/);
  });
});
