import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { citationKey, findDates, findGroupSize, findPageLimit, guessPageFormat, htmlToLines, importCoursePage, parseAuthors } from '../../../src/core/courses/importPage';

const fixture = (name: string) => readFileSync(`test/fixtures/courses/import/${name}`, 'utf8');
const seed = (name: string) => readFileSync(`/work/shared/seeds/${name}`, 'utf8');
const iso = (text: string, year = 2000) =>
  findDates(text).map((d) => `${d.year ?? year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}${d.endDay ? `..${d.endDay}` : ''}`);

describe('findDates', () => {
  const cases: [string, string[]][] = [
    ['due April 9', ['2000-04-09']],
    ['April 9th (proposal), May 19th', ['2000-04-09', '2000-05-19']],
    ['complete by Mon, Oct. 14', ['2000-10-14']],
    ['Oct 14, 2024', ['2024-10-14']],
    ['are due on Tue. Dec. 10.', ['2000-12-10']],
    ['June 1, 2020', ['2020-06-01']],
    ['2021-05-19', ['2021-05-19']],
    ['1 June 2020 and 14th of October 2024', ['2020-06-01', '2024-10-14']],
    ['24.06.2020', ['2020-06-24']],
    ['6/1/2020', ['2020-06-01']],
    ['June 24-26', ['2000-06-24..26']],
    ['you may 3 times resubmit; 2021-13-40 is no date', []],
  ];
  for (const [text, expected] of cases) test(text, () => assert.deepEqual(iso(text), expected));
});

describe('findPageLimit', () => {
  test('individual and team limits', () => {
    assert.deepEqual(findPageLimit('Final project reports (5 pages for individuals, 8 pages for teams, NeurIPS style) are due on Tue. Dec. 10.'), { individual: 5, team: 8, style: 'neurips' });
    assert.deepEqual(findPageLimit('5 pages for individuals and 8 for teams'), { individual: 5, team: 8 });
    assert.deepEqual(findPageLimit('Reports should be 6 pages for individuals and 10 for pairs, plus references.'), { individual: 6, team: 10, referencesCount: false });
  });
  test('one limit for everyone', () => {
    assert.deepEqual(findPageLimit('You should write a one-page project proposal'), { individual: 1, team: 1 });
    assert.deepEqual(findPageLimit('limited to 9 pages in NeurIPS format, excluding references'), { individual: 9, team: 9, style: 'neurips', referencesCount: false });
    assert.deepEqual(findPageLimit('at most 4 pages including references'), { individual: 4, team: 4, referencesCount: true });
    assert.equal(findPageLimit('see pages 3-5 of the notes'), undefined);
  });
});

describe('findGroupSize', () => {
  test('ranges, up to, pairs, exact', () => {
    assert.deepEqual(findGroupSize('groups of 1-4'), { min: 1, max: 4 });
    assert.deepEqual(findGroupSize('You can work in groups of up to four students or you can work alone.'), { min: 1, max: 4 });
    assert.deepEqual(findGroupSize('teams of two to three'), { min: 2, max: 3 });
    assert.deepEqual(findGroupSize('You may work individually or in pairs.'), { min: 1, max: 2 });
    assert.deepEqual(findGroupSize('Groups of two.'), { min: 2, max: 2 });
    assert.equal(findGroupSize('a group of papers'), undefined);
  });
});

describe('parseAuthors and citationKey', () => {
  test('names with initials, particles, et al.; titles are not names', () => {
    assert.deepEqual(parseAuthors('Peter L. Bartlett, Nick Harvey, Chris Liaw, Abbas Mehrabian'), { authors: ['Peter L. Bartlett', 'Nick Harvey', 'Chris Liaw', 'Abbas Mehrabian'], etAl: false });
    assert.deepEqual(parseAuthors('Colin Wei and Tengyu Ma'), { authors: ['Colin Wei', 'Tengyu Ma'], etAl: false });
    assert.deepEqual(parseAuthors('Ruiqi Gao et al.'), { authors: ['Ruiqi Gao'], etAl: true });
    assert.equal(parseAuthors('Going Beyond Two Layers, Allen-Zhu'), undefined);
    assert.equal(parseAuthors('a tight analysis of memorization capacity'), undefined);
  });
  test('keys: last name, year, first significant title word', () => {
    assert.equal(citationKey({ title: 'Spectrally-normalized Margin Bounds', authors: ['Peter L. Bartlett'], year: 2017 }), 'bartlett2017spectrally');
    assert.equal(citationKey({ title: 'On the Power of X', authors: ['Gilad Yehudai'], year: 2019 }), 'yehudai2019power');
    assert.equal(citationKey({ title: 'arXiv:1806.07572', authors: [], arxiv: '1806.07572' }), 'arxiv1806.07572');
  });
});

describe('formats', () => {
  test('guessPageFormat', () => {
    assert.equal(guessPageFormat('<p>hi</p>'), 'html');
    assert.equal(guessPageFormat('# Title\n'), 'markdown');
    assert.equal(guessPageFormat('plain words'), 'text');
    assert.equal(guessPageFormat('anything', 'page.htm'), 'html');
  });
  test('htmlToLines keeps headings, list items and links; drops scripts and styles', () => {
    const lines = htmlToLines(fixture('seminar.html'));
    assert.match(lines, /^# CS 7999: Topics in Learning Theory — Fall 2023$/m);
    assert.match(lines, /^- \[Understanding deep learning requires rethinking generalization\]\(https:\/\/arxiv\.org\/abs\/1611\.03530\)$/m);
    assert.match(lines, /is due \*\*Sep\. 29, 2023\*\*\./);
    assert.doesNotMatch(lines, /not a paper|font-family/);
  });
});

describe('importCoursePage on pages in several layouts', () => {
  test('HTML seminar page', () => {
    const { pack, problems } = importCoursePage(fixture('seminar.html'), { file: 'seminar.html' });
    assert.deepEqual(problems, []);
    assert.equal(pack.title, 'CS 7999: Topics in Learning Theory');
    assert.equal(pack.term, 'Fall 2023');
    assert.equal(pack.instructor, 'Jane Q. Example');
    const [proposal, report] = pack.deliverables;
    assert.equal(proposal?.due, '2023-09-29');
    assert.deepEqual(proposal?.pageLimit?.individual, 2);
    assert.equal(report?.due, '2023-12-08');
    assert.deepEqual({ ...report?.pageLimit, source: undefined }, { individual: 9, team: 9, style: 'neurips', referencesCount: false, source: undefined });
    assert.deepEqual({ ...report?.groupSize, source: undefined }, { min: 2, max: 3, source: undefined });
    assert.deepEqual(pack.papers.map((p) => [p.key, p.topic]), [
      ['arxiv1611.03530', 'Generalization'],
      ['arora2018stronger', 'Generalization'],
      ['dugradient', 'Optimization & kernels'],
      ['arxiv1806.07572', 'Optimization & kernels'],
    ]);
    assert.deepEqual(pack.papers[1]?.authors, ['Sanjeev Arora', 'Rong Ge', 'Behnam Neyshabur', 'Yi Zhang']);
    assert.equal(pack.papers[1]?.venue, 'ICML');
    assert.equal(pack.papers[3]?.label, 'the NTK paper');
    assert.equal(pack.papers[3]?.titleUnverified, true);
  });

  test('plain-text syllabus with ISO dates and numbered references', () => {
    const { pack, problems } = importCoursePage(fixture('syllabus.txt'), { file: 'syllabus.txt' });
    assert.deepEqual(problems, []);
    assert.deepEqual(pack.deliverables.map((d) => [d.kind, d.due, d.pageLimit?.individual, d.pageLimit?.team, d.groupSize?.max]), [
      ['proposal', '2022-02-25', 1, 1, 2],
      ['report', '2022-05-06', 6, 10, 2],
    ]);
    assert.deepEqual(pack.papers.map((p) => [p.key, p.venue, p.year]), [
      ['bartlett2020benign', 'PNAS', 2020],
      ['bartlett2021deep', 'Acta Numerica', 2021],
      ['arxiv1812.11118', undefined, undefined],
    ]);
    assert.equal(pack.papers[2]?.title, 'Reconciling modern machine learning practice and the bias-variance trade-off');
  });

  test('Markdown seminar with a table of deadlines in European formats', () => {
    const { pack } = importCoursePage(fixture('seminar-de.md'), { file: 'seminar-de.md' });
    assert.equal(pack.term, 'Summer 2021');
    assert.deepEqual(pack.deliverables.map((d) => [d.kind, d.due, d.dueEnd]), [
      ['report', '2021-06-14', undefined],
      ['slides', '2021-06-21', undefined],
      ['presentation', '2021-07-05', '2021-07-06'],
    ]);
    assert.equal(pack.deliverables[0]?.pageLimit?.individual, 12);
    assert.deepEqual(pack.papers.map((p) => p.key), ['yarotsky2017error', 'arxiv1608.03287', 'chizat2018global']);
    assert.equal(pack.papers[0]?.venue, 'Neural Networks');
  });

  test('seed pages: what a course page gives comes out as in the bundled packs', () => {
    const mit = importCoursePage(seed('mit-18.408-project.md'), { file: 'mit-18.408-project.md', year: 2021 }).pack;
    assert.equal(mit.deliverables[0]?.due, '2021-04-09');
    assert.deepEqual({ ...mit.deliverables[0]?.groupSize, source: undefined }, { min: 1, max: 4, source: undefined });
    assert.equal(mit.papers.length, 10);
    const mit9520 = importCoursePage(seed('mit-9.520-fall2024-projects.md')).pack;
    assert.deepEqual(mit9520.deliverables.map((d) => [d.kind, d.due, d.pageLimit?.individual, d.pageLimit?.team]), [
      ['proposal', '2024-10-14', undefined, undefined],
      ['report', '2024-12-10', 5, 8],
    ]);
    const tum = importCoursePage(seed('tum-dl-theory-seminar-2020.md')).pack;
    assert.deepEqual(tum.deliverables.map((d) => [d.kind, d.due]), [['report', '2020-06-01'], ['slides', '2020-06-01'], ['presentation', '2020-06-24']]);
    assert.equal(tum.papers.length, 15);
    assert.ok(tum.papers.every((p) => p.authors.length > 0 && p.year && p.venue));
  });

  test('a page without a year for its dates says what to fill', () => {
    const { pack, todo } = importCoursePage('Project\n\nThe proposal is due April 9.', { file: 'p.txt' });
    assert.equal(pack.deliverables[0]?.due, undefined);
    assert.match(todo[0] ?? '', /deliverables\[0\] \(proposal\): the page says 'April 9' without a year; set "due" as YYYY-MM-DD/);
  });

  test('empty input never throws', () => {
    const { pack, todo } = importCoursePage('');
    assert.equal(pack.id, 'imported-course');
    assert.ok(todo.some((t) => /no deliverables found/.test(t)));
  });
});
