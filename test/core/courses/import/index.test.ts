import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { guessPageFormat, importCoursePage } from '../../../../src/core/courses/import';

const fixture = (name: string) => readFileSync(`test/fixtures/courses/import/${name}`, 'utf8');
const page = (name: string) => readFileSync(`test/fixtures/courses/import/pages/${name}`, 'utf8');

describe('guessPageFormat', () => {
  test('from the name, then the content', () => {
    assert.equal(guessPageFormat('<p>hi</p>'), 'html');
    assert.equal(guessPageFormat('# Title\n'), 'markdown');
    assert.equal(guessPageFormat('plain words'), 'text');
    assert.equal(guessPageFormat('anything', 'page.htm'), 'html');
  });
});

describe('importCoursePage', () => {
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
    assert.deepEqual({ ...report?.pageLimit, source: undefined }, { individual: 9, team: 9, style: 'neurips', template: 'NeurIPS', referencesCount: false, source: undefined });
    assert.deepEqual({ ...report?.groupSize, source: undefined }, { min: 2, max: 3, source: undefined });
    assert.deepEqual(pack.papers.map((p) => [p.key, p.topic]), [
      ['arxiv1611.03530', 'Generalization'],
      ['arora2018stronger', 'Generalization'],
      ['dugradient', 'Optimization & kernels'],
      ['arxiv1806.07572', 'Optimization & kernels'],
    ]);
    assert.equal(pack.papers[0]?.title, 'Understanding deep learning requires rethinking generalization');
    assert.equal(pack.papers[0]?.titleUnverified, undefined, 'a link whose text reads as a title gives the title');
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

  test('relative deadlines and one-sided limits go to "to check", never become a guess', () => {
    const { pack, todo } = importCoursePage(page('acm-poster.html'), { file: 'acm-poster.html' });
    const review = pack.deliverables.find((d) => d.kind === 'peer-review');
    assert.equal(review?.due, undefined);
    assert.deepEqual(review?.notes, ['Peer review: due two days after your presentation, one page per review.']);
    assert.ok(todo.some((t) => /\(peer-review\): the page gives its date relative to something else \('two days after your presentation'\)/.test(t)));
    const { pack: chicago, todo: chicagoTodo } = importCoursePage('Project\n\nThe final report is due December 8, 2023. Individual reports are limited to 4 pages.', { file: 'p.txt' });
    assert.deepEqual({ ...chicago.deliverables[0]?.pageLimit }, { individual: 4, source: 'Individual reports are limited to 4 pages.' });
    assert.ok(chicagoTodo.some((t) => /page limit for individuals only; add "team"/.test(t)));
  });

  test('a span "between 2 June and 27 June 2025", and a limit for something that is not a deliverable', () => {
    const { pack, todo } = importCoursePage('Seminar\n\nEach participant gives a talk between 2 June and 27 June 2025.\nA summary of 2 pages is due the week after.', { file: 'p.txt' });
    assert.deepEqual(pack.deliverables.map((d) => [d.kind, d.due, d.dueEnd, d.pageLimit]), [['presentation', '2025-06-02', '2025-06-27', undefined]]);
    assert.ok(todo.some((t) => t === 'a page limit with no deliverable next to it: A summary of 2 pages is due the week after.'));
  });

  test('a table cell of authors that are not names, and the same arXiv paper in two versions', () => {
    const page = '# P\n\n| Title | Authors | Year |\n|---|---|---|\n| A Study of Things | the ML group at X | 2020 |\n\n- [A Study of Things, v2](https://arxiv.org/abs/2001.00001v2)\n- Other copy: arXiv:2001.00001';
    const { pack, todo } = importCoursePage(page, { file: 'p.md' });
    assert.deepEqual(pack.papers.map((p) => [p.title, p.authors, p.year, p.arxiv]), [['A Study of Things', [], 2020, undefined], ['A Study of Things, v2', [], undefined, '2001.00001v2']]);
    assert.ok(todo.includes(`paper 'A Study of Things': the authors cell 'the ML group at X' could not be read as names; add "authors"`));
  });

  test('a sentence with a paper link still gives its deliverable', () => {
    const { pack } = importCoursePage('# P\n\nThe proposal is due 2025-03-03; start from https://arxiv.org/abs/1806.07572 if unsure.', { file: 'p.md' });
    assert.deepEqual(pack.deliverables.map((d) => [d.kind, d.due]), [['proposal', '2025-03-03']]);
    assert.deepEqual(pack.papers.map((p) => [p.arxiv, p.title, p.titleUnverified]), [['1806.07572', 'arXiv:1806.07572', true]], 'the sentence around the link is not its title');
  });

  test('a template other than NeurIPS is noted and said to check', () => {
    const { pack, todo } = importCoursePage(page('apa-fall2025.md'), { file: 'apa-fall2025.md' });
    assert.equal(pack.deliverables.find((d) => d.kind === 'report')?.pageLimit?.template, 'ICML');
    assert.ok(todo.some((t) => /asks for the ICML template; page estimates are made in the NeurIPS style/.test(t)));
  });

  test('a page without a year for its dates says what to fill', () => {
    const { pack, todo } = importCoursePage('Project\n\nThe proposal is due April 9.', { file: 'p.txt' });
    assert.equal(pack.deliverables[0]?.due, undefined);
    assert.match(todo[0] ?? '', /deliverables\[0\] \(proposal\): the page says 'April 9' without a year; set "due" as YYYY-MM-DD/);
  });

  test('empty or hostile input never throws', () => {
    const { pack, todo } = importCoursePage('');
    assert.equal(pack.id, 'imported-course');
    assert.ok(todo.some((t) => /no deliverables found/.test(t)));
    for (const input of ['<table><tr><td>', '@article{x, title = {unclosed', '| a |\n|---|\n| b', '"'.repeat(5000), `${'Smith, J., '.repeat(2000)}(2020). T.`, `x${' '.repeat(50000)}y 5 pages whereas`]) {
      assert.doesNotThrow(() => importCoursePage(input));
    }
  });
});
