import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { papersRead } from '../../../../src/core/lint/rules/papers-read';
import { runRule } from '../../../fakes/lint';

const fm = (fields: string) => `---\ntitle: Margins\n${fields}---\n\n`;

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
