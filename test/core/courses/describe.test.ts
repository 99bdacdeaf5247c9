import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { courseDetail, courseStatusText, deliverableRules, formatDate, formatDue } from '../../../src/core/courses/describe';
import { findDeliverable, loadBundledPacks } from '../../../src/core/courses/loader';

const [mit, mit9520, tum, notes] = loadBundledPacks();

describe('describe', () => {
  test('dates read like "Apr 9, 2021" whatever the locale', () => {
    assert.equal(formatDate('2021-04-09'), 'Apr 9, 2021');
    assert.equal(formatDate('someday'), 'someday');
    assert.equal(formatDue(findDeliverable(tum!, 'presentation')!), 'Jun 24, 2020 – Jun 26, 2020');
  });

  test('status bar text: course, deliverable, due date', () => {
    assert.equal(courseStatusText(mit!, findDeliverable(mit!, 'proposal')), '18.408 · proposal · due Apr 9, 2021');
    assert.equal(courseStatusText(mit!, undefined, 'poster'), '18.408 · poster?');
    assert.equal(courseStatusText(notes!, undefined), 'DL theory notes');
  });

  test('rules of a deliverable carry the page\'s sentences', () => {
    const rules = deliverableRules(findDeliverable(mit9520!, 'report')!);
    assert.deepEqual(rules, [
      { label: 'Due', text: 'Dec 10, 2024 (NeurIPS style)' },
      {
        label: 'Page limit',
        text: '5 pages individual / 8 pages team (neurips), references not counted',
        source: 'Final project reports (5 pages for individuals, 8 pages for teams, NeurIPS style) are due on Tue. Dec. 10.',
      },
    ]);
    const proposal = deliverableRules(findDeliverable(mit!, 'proposal')!);
    assert.deepEqual(proposal.map((r) => r.label), ['Due', 'Page limit', 'Group size', 'Project type', 'Project type', 'Required section', 'Required section', 'Required section', 'Required section']);
    assert.equal(proposal[0]?.text, 'Apr 9, 2021 (via Gradescope, one page)');
    assert.equal(proposal[2]?.text, 'groups of 1-4');
    assert.equal(proposal[7]?.text, 'Papers (reading projects)');
  });

  test('quick pick detail: institution, term, deliverables', () => {
    assert.equal(courseDetail(mit!), 'MIT · Spring 2021 · proposal due Apr 9, 2021 · report due May 19, 2021');
    assert.equal(courseDetail(notes!), 'reading list (102 papers)');
  });
});
