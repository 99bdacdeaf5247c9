import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { pageLimit } from '../../../../src/core/lint/rules/page-limit';
import { runRule } from '../../../fakes/lint';

const report = (authors: string) =>
  `---\ntitle: Ranks\nauthor: ${authors}\ncourse: mit-9.520-fall2024\nkind: report\n---\n\n# Introduction\n\nText.\n\n# Results\n\nMore.\n`;

describe('page-limit', () => {
  test('an individual 9.520 report over 5 pages: error at the first line past the limit, by how much', () => {
    const found = runRule(pageLimit, report('Ada'), { pages: { contentPages: 6.9, totalPages: 7.4, pageBreaks: [{ page: 4, line: 9 }, { page: 5, line: 11 }] } });
    assert.deepEqual(
      found.map((d) => [d.severity, d.range.start.line, d.message]),
      [['error', 11, '6.9 of 5 pages (estimated); about 1.9 pages over (9.520: 5 pages for individuals, NeurIPS style)']],
    );
  });

  test('the same text by three authors is within the team limit of 8', () => {
    assert.deepEqual(runRule(pageLimit, report('[Ada, Bob, Cy]'), { pages: { contentPages: 6.9 } }), []);
  });

  test('a team over 8 pages is told the team limit', () => {
    const found = runRule(pageLimit, report('[Ada, Bob]'), { pages: { contentPages: 8.46 } });
    assert.equal(found[0]?.message, '8.5 of 8 pages (estimated); about 0.5 pages over (9.520: 8 pages for teams, NeurIPS style)');
  });

  test('references do not count: total pages over the limit, content within', () => {
    assert.deepEqual(runRule(pageLimit, report('Ada'), { pages: { contentPages: 4.5, totalPages: 5.6 } }), []);
  });

  test('within a tenth of a page of the limit is a warning on the title', () => {
    const found = runRule(pageLimit, report('Ada'), { pages: { contentPages: 4.93 } });
    assert.deepEqual(found.map((d) => [d.severity, d.range.start.line]), [['warning', 1]]);
    assert.match(found[0]?.message ?? '', /^4\.9 of 5 pages \(estimated\): within a tenth of a page/);
  });

  test('just over the limit says so without rounding it away', () => {
    const found = runRule(pageLimit, report('Ada'), { pages: { contentPages: 5.02 } });
    assert.equal(found[0]?.message, '5.02 of 5 pages (estimated); about 0.1 pages over (9.520: 5 pages for individuals, NeurIPS style)');
  });

  test('no estimate, no deliverable limit (9.520 proposal) or no course: nothing', () => {
    assert.deepEqual(runRule(pageLimit, report('Ada')), []);
    assert.deepEqual(runRule(pageLimit, report('Ada').replace('kind: report', 'kind: proposal'), { pages: { contentPages: 9 } }), []);
    assert.deepEqual(runRule(pageLimit, '# A\n\nText.\n', { pages: { contentPages: 9 } }), []);
  });

  test('the 18.408 proposal is one page for everyone', () => {
    const found = runRule(pageLimit, '---\ntitle: M\nauthor: [A, B]\ncourse: mit-18.408\nkind: proposal\n---\n\n# Introduction\n\nText.\n', { pages: { contentPages: 1.4 } });
    assert.equal(found[0]?.message, '1.4 of 1 pages (estimated); about 0.4 pages over (18.408: 1 page)');
  });

  test('a fresh compile wins over the estimate and the message says so', () => {
    const exactPages = { contentPages: 5.31, totalPages: 5.9, pdfPages: 6, compileMs: 1800, fresh: true, at: 0 };
    const found = runRule(pageLimit, report('Ada'), { pages: { contentPages: 4.2 }, exactPages });
    assert.equal(found[0]?.message, '5.31 of 5 pages (exact, from a compile); about 0.3 pages over (9.520: 5 pages for individuals, NeurIPS style)');
    assert.equal(found[0]?.severity, 'error');
  });

  test('a stale compile is not used: the estimate decides, and says it is one', () => {
    const exactPages = { contentPages: 5.31, totalPages: 5.9, pdfPages: 6, compileMs: 1800, fresh: false, at: 0 };
    assert.deepEqual(runRule(pageLimit, report('Ada'), { pages: { contentPages: 4.2 }, exactPages }), []);
    const over = runRule(pageLimit, report('Ada'), { pages: { contentPages: 5.5 }, exactPages });
    assert.match(over[0]?.message ?? '', /^5\.5 of 5 pages \(estimated\)/);
  });

  test('an exact count under the limit clears an estimate that was over', () => {
    const exactPages = { contentPages: 4.7, totalPages: 5.2, pdfPages: 6, compileMs: 1800, fresh: true, at: 0 };
    assert.deepEqual(runRule(pageLimit, report('Ada'), { pages: { contentPages: 5.4 }, exactPages }), []);
  });
});
