import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { emptySection } from '../../../../src/core/lint/rules/empty-section';
import { runRule } from '../../../fakes/lint';

describe('empty-section', () => {
  test('a parent with only subsections is not empty; an empty subsection before its parent level is', () => {
    const found = runRule(emptySection, '# A\n\n## A.1\n\n# B\n\nText.\n\n# References\n');
    assert.deepEqual(found.map((d) => [d.severity, d.range.start.line, d.message]), [['info', 2, "Section 'A.1' is empty"]]);
  });
});
