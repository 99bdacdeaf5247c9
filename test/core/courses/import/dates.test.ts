import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { findDates, findRelativeDates, findTerm, resolveDate, yearFor } from '../../../../src/core/courses/import/dates';

const iso = (text: string, year = 2000) =>
  findDates(text).map((d) => `${d.year ?? year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}${d.endDay ? `..${d.endDay}` : ''}`);

describe('findDates', () => {
  const cases: [string, string[]][] = [
    ['due April 9', ['2000-04-09']],
    ['April 9th (proposal), May 19th', ['2000-04-09', '2000-05-19']],
    ['complete by Mon, Oct. 14', ['2000-10-14']],
    ['Oct 14, 2024', ['2024-10-14']],
    ['are due on Tue. Dec. 10.', ['2000-12-10']],
    ['by March 3, 2024', ['2024-03-03']],
    ['3 March', ['2000-03-03']],
    ['Friday, March 1', ['2000-03-01']],
    ['Mar. 3 and Sept 30th', ['2000-03-03', '2000-09-30']],
    ['2021-05-19', ['2021-05-19']],
    ['1 June 2020 and 14th of October 2024', ['2020-06-01', '2024-10-14']],
    ['24.06.2020 and 03.03.2024', ['2020-06-24', '2024-03-03']],
    ['| Final report | 03.03. | 8 pages |', ['2000-03-03']],
    ['6/1/2020', ['2020-06-01']],
    ['June 24-26', ['2000-06-24..26']],
    ['over three days, 7-9 April', ['2000-04-07..9']],
    ['you may 3 times resubmit; 2021-13-40 is no date, nor Feb 30, nor section 3.2.', []],
  ];
  for (const [text, expected] of cases) test(text, () => assert.deepEqual(iso(text), expected));
});

describe('the year of a date written without one', () => {
  test('findTerm reads seasons, two-year winters and German terms', () => {
    assert.deepEqual(findTerm('CSE 599, Fall 2025'), { text: 'Fall 2025', season: 'Fall', year: 2025 });
    assert.deepEqual(findTerm('Winter 2024/25'), { text: 'Winter 2024/25', season: 'Winter', year: 2024, endYear: 2025 });
    assert.deepEqual(findTerm('WS 2023/2024'), { text: 'WS 2023/2024', season: 'WS', year: 2023, endYear: 2024 });
    assert.equal(findTerm('no term here, only 2024'), undefined);
  });
  test('January to July of a two-year term fall in its second year', () => {
    const winter = findTerm('Winter 2024/25');
    assert.equal(yearFor(11, winter, undefined), 2024);
    assert.equal(yearFor(3, winter, undefined), 2025);
    assert.equal(yearFor(3, findTerm('Spring 2024'), 1999), 2024);
    assert.equal(yearFor(3, undefined, 2021), 2021);
    assert.equal(yearFor(3, undefined, undefined), undefined);
  });
  test('resolveDate keeps a written year and a range', () => {
    const [range] = findDates('June 24-26');
    assert.deepEqual(range && resolveDate(range, findTerm('Summer 2020'), undefined), { due: '2020-06-24', dueEnd: '2020-06-26' });
    const [written] = findDates('Dec 15, 2025');
    assert.deepEqual(written && resolveDate(written, findTerm('Fall 2024'), undefined), { due: '2025-12-15' });
  });
});

describe('findRelativeDates', () => {
  test('deadlines given relative to something else are found as words', () => {
    assert.deepEqual(findRelativeDates('Peer review: due two days after your presentation, one page.').map((r) => r.text), ['two days after your presentation,'.replace(',', '')]);
    assert.deepEqual(findRelativeDates('within 48 hours of the talk').map((r) => r.text), ['within 48 hours of the talk']);
    assert.deepEqual(findRelativeDates('pick a slot after your poster').map((r) => r.text), ['after your poster']);
    assert.deepEqual(findRelativeDates('due March 3 after class'), []);
  });
});
