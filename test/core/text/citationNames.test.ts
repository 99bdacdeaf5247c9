import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { citationNames } from '../../../src/core/text/citationNames';

describe('citationNames: the names of a pandoc author-year citation (Chicago author-date)', () => {
  test('one, two and three names listed; et al. from four on', () => {
    assert.equal(citationNames(['Zhang']), 'Zhang');
    assert.equal(citationNames(['Neyshabur', 'Tomioka']), 'Neyshabur and Tomioka');
    assert.equal(citationNames(['Bartlett', 'Foster', 'Telgarsky']), 'Bartlett, Foster, and Telgarsky');
    assert.equal(citationNames(['Arora', 'Ge', 'Neyshabur', 'Zhang']), 'Arora et al.');
    assert.equal(citationNames(['A', 'B', 'C', 'D', 'E']), 'A et al.');
  });

  test('the first name as the caller gives it (initials where two first authors share a surname)', () => {
    assert.equal(citationNames(['J. Smith', 'Doe', 'Roe']), 'J. Smith, Doe, and Roe');
  });
});
