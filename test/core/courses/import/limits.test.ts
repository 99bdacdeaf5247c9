import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { findGroupSize, findLimitNotes, findPageLimit } from '../../../../src/core/courses/import/limits';

describe('findPageLimit', () => {
  test('individual and team limits in one sentence', () => {
    assert.deepEqual(findPageLimit('Final project reports (5 pages for individuals, 8 pages for teams, NeurIPS style) are due on Tue. Dec. 10.'), { individual: 5, team: 8, style: 'neurips', template: 'NeurIPS' });
    assert.deepEqual(findPageLimit('5 pages for individuals and 8 for teams'), { individual: 5, team: 8 });
    assert.deepEqual(findPageLimit('Reports should be 6 pages for individuals and 10 for pairs, plus references.'), { individual: 6, team: 10, referencesCount: false });
    assert.deepEqual(findPageLimit('6 pages (individual) / 9 pages (team)'), { individual: 6, team: 9 });
    assert.deepEqual(findPageLimit('should not exceed 6 pages if you work alone; teams of two may use 9 pages.'), { individual: 6, team: 9 });
    assert.deepEqual(findPageLimit('limited to 8 pages for single-author projects and 12 pages for team projects.'), { individual: 8, team: 12 });
    assert.deepEqual(findPageLimit('The final write-up should be at most 6 pages (8 if you work in a pair).'), { individual: 6, team: 8 });
    assert.deepEqual(findPageLimit('at most 10 pages for a single student and 15 pages for a pair, references excluded'), { individual: 10, team: 15, referencesCount: false });
    assert.equal(findPageLimit('at most 10 pages for X and 15 pages for a pair'), undefined, 'two counts it cannot tell apart give neither');
  });
  test('a limit that names only individuals or only teams leaves the other out', () => {
    assert.deepEqual(findPageLimit('Individual papers are limited to 6 pages.'), { individual: 6 });
    assert.deepEqual(findPageLimit('Group papers may run to 10 pages.'), { team: 10 });
  });
  test('one limit for everyone', () => {
    assert.deepEqual(findPageLimit('You should write a one-page project proposal'), { individual: 1, team: 1 });
    assert.deepEqual(findPageLimit('limited to 9 pages in NeurIPS format, excluding references'), { individual: 9, team: 9, style: 'neurips', template: 'NeurIPS', referencesCount: false });
    assert.deepEqual(findPageLimit('at most 4 pages including references'), { individual: 4, team: 4, referencesCount: true });
    assert.deepEqual(findPageLimit('Two pages at most.'), { individual: 2, team: 2 });
    assert.deepEqual(findPageLimit('Proposal: Sept. 15th (no longer than five (5) pages)'), { individual: 5, team: 5 });
    assert.deepEqual(findPageLimit('send the outline (a single page)'), { individual: 1, team: 1 });
    assert.deepEqual(findPageLimit('it should be 3 pages and must contain the sections A and B'), { individual: 3, team: 3 });
    assert.equal(findPageLimit('see pages 3-5 of the notes'), undefined);
    assert.equal(findPageLimit('the first 2 pages of papers such as this one'), undefined);
  });
});

describe('findLimitNotes', () => {
  test('references, appendices and the template', () => {
    assert.deepEqual(findLimitNotes('excluding references and appendix, in the ICML template'), { referencesCount: false, appendixCounts: false, template: 'ICML' });
    assert.deepEqual(findLimitNotes('Appendices do not count toward the limit.'), { appendixCounts: false });
    assert.deepEqual(findLimitNotes('at most 8 pages, NeurIPS template, references not counted'), { referencesCount: false, template: 'NeurIPS', style: 'neurips' });
    assert.deepEqual(findLimitNotes('Use the ACL style file.'), { template: 'ACL' });
    assert.deepEqual(findLimitNotes('We follow IEEE style for references.'), {});
    assert.deepEqual(findLimitNotes('Read the references below.'), {});
  });
});

describe('findGroupSize', () => {
  test('ranges, up to, pairs, exact, alone', () => {
    assert.deepEqual(findGroupSize('groups of 1-4'), { min: 1, max: 4 });
    assert.deepEqual(findGroupSize('You can work in groups of up to four students or you can work alone.'), { min: 1, max: 4 });
    assert.deepEqual(findGroupSize('teams of two to three'), { min: 2, max: 3 });
    assert.deepEqual(findGroupSize('Students may work in groups of two to four, or on their own.'), { min: 1, max: 4 });
    assert.deepEqual(findGroupSize('Teams: 2-3 students.'), { min: 2, max: 3 });
    assert.deepEqual(findGroupSize('Teams of up to 2.'), { max: 2 });
    assert.deepEqual(findGroupSize('You may work individually or in pairs.'), { min: 1, max: 2 });
    assert.deepEqual(findGroupSize('You can work alone or with one partner.'), { min: 1, max: 2 });
    assert.deepEqual(findGroupSize('The report should not exceed 6 pages if you work alone; teams of two may use 9 pages.'), { min: 1, max: 2 });
    assert.deepEqual(findGroupSize('Groups of two.'), { min: 2, max: 2 });
    assert.deepEqual(findGroupSize('You will work in groups of 2 or 3.'), { min: 2, max: 3 });
    assert.deepEqual(findGroupSize('Work in groups of two or alone.'), { min: 1, max: 2 });
    assert.deepEqual(findGroupSize('Everyone writes alone: projects are individual.'), { min: 1, max: 1 });
    assert.deepEqual(findGroupSize('The seminar is individual; there are no group projects.'), { min: 1, max: 1 });
    assert.deepEqual(findGroupSize('at most 6 pages (8 if you work in a pair)'), { max: 2 });
    assert.equal(findGroupSize('a group of papers'), undefined);
    assert.equal(findGroupSize('Presentations are scheduled individually with the TA.'), undefined);
  });
});
