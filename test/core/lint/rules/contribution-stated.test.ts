import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { contributionStated } from '../../../../src/core/lint/rules/contribution-stated';
import { runRule } from '../../../fakes/lint';

const fm = (fields: string) => `---\ntitle: Margins\n${fields}---\n\n`;

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
