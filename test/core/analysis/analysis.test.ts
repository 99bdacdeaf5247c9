import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { estimatePages } from '../../../src/core/layout/index';
import { pageStatusText } from '../../../src/core/layout/status';
import { fakeService } from '../../fakes/analysis';
import { fakeBib } from '../../fakes/lint';

/** A 9.520 report by `authors` (YAML list items as written) of about `paragraphs` paragraphs. */
function report(authors: string, paragraphs: number, extra = ''): string {
  const body = Array.from({ length: paragraphs }, (_, i) => `Paragraph ${i} of the analysis with enough words to fill a few lines of the NeurIPS text block, again and again, so that pages add up quickly.`).join('\n\n');
  return `---\ntitle: Ranks\nauthor: ${authors}\ncourse: mit-9.520-fall2024\nkind: report\n---\n\n# Introduction\n\n${body}\n${extra}`;
}

describe('createWriteupService: one pipeline for every front end', () => {
  test('authors `name: ""` and Ann are one author: the status bar, the CLI and page-limit all hold the report to 5 pages', () => {
    const analysis = fakeService().analyze({ file: '/home/student/ws/report.md', text: report('\n  - name: ""\n  - name: Ann', 120) });
    assert.equal(analysis.writeup.metadata.authors.length, 2, 'the reader keeps both entries');
    assert.equal(analysis.teamSize, 1);
    assert.equal(analysis.pageLimit?.pages, 5);
    assert.equal(analysis.pageLimit?.for, 'individual');
    const counted = analysis.countedPages?.pages ?? 0;
    assert.ok(counted > 5 && counted < 8, `between the two limits: ${counted}`);
    // What the status bar shows (it used to count the empty author and show "/ 8 pages", no warning).
    const status = pageStatusText(counted, analysis.pageLimit?.pages);
    assert.match(status.text, / \/ 5 pages$/);
    assert.equal(status.level, 'over');
    const pageLimit = analysis.diagnostics.filter((d) => d.rule === 'page-limit');
    assert.equal(pageLimit.length, 1);
    assert.match(pageLimit[0]?.message ?? '', /of 5 pages/);
  });

  test('two named authors are a team: 8 pages, and page-limit agrees', () => {
    const analysis = fakeService().analyze({ file: '/home/student/ws/report.md', text: report('[Bob, Ann]', 120) });
    assert.equal(analysis.teamSize, 2);
    assert.equal(analysis.pageLimit?.pages, 8);
    assert.deepEqual(analysis.diagnostics.filter((d) => d.rule === 'page-limit'), []);
  });

  test('the page estimate uses the host\'s image sizes (the preview used to estimate without them)', () => {
    const figure = '\n![A tall plot.](figs/tall.png){width=100%}\n';
    const text = report('Ann', 3, figure);
    const file = '/home/student/ws/report.md';
    const tall = fakeService({ images: { 'figs/tall.png': { width: 400, height: 1600 } } }).analyze({ file, text });
    const unknown = fakeService().analyze({ file, text });
    const sized = estimatePages(tall.writeup, { imageSize: () => ({ width: 400, height: 1600 }) });
    assert.equal(tall.pages?.contentPages, sized.contentPages);
    assert.ok((tall.pages?.breakdown.figures ?? 0) > (unknown.pages?.breakdown.figures ?? 0), 'a tall figure takes more room than the default');
  });

  test('course and kind: front matter first, then the settings; the deliverable follows the kind setting', () => {
    const text = '---\ntitle: T\nauthor: Ann\n---\n\n# Introduction\n\nText.\n';
    const analysis = fakeService({ settings: { course: 'mit-18.408', kind: 'proposal' } }).analyze({ file: '/home/student/ws/notes.md', text });
    assert.equal(analysis.course?.id, 'mit-18.408');
    assert.equal(analysis.kind, 'proposal');
    assert.equal(analysis.deliverable?.kind, 'proposal');
    assert.equal(analysis.pageLimit?.pages, 1);
  });

  test('the bibliography comes from the front end when given, else from the host', () => {
    const text = '---\ntitle: T\nauthor: Ann\ncourse: mit-18.408\nkind: proposal\n---\n\n# Introduction\n\nAs shown [@known; @missing].\n';
    const file = '/home/student/ws/proposal.md';
    const fromHost = fakeService({ bib: fakeBib(['known']) }).analyze({ file, text });
    const unknownKeys = (d: readonly { rule: string; message: string }[]) => d.filter((x) => x.rule === 'undefined-citation').map((x) => x.message);
    assert.equal(unknownKeys(fromHost.diagnostics).length, 1);
    assert.match(unknownKeys(fromHost.diagnostics)[0] ?? '', /missing/);
    const given = fakeService({ bib: fakeBib(['known']) }).analyze({ file, text }, { bib: fakeBib(['known', 'missing']) });
    assert.deepEqual(unknownKeys(given.diagnostics), []);
  });

  test('a reader and an exact page count plug in as options; the counted pages prefer the exact count', () => {
    let reads = 0;
    const service = fakeService({}, {
      read: (document, files) => {
        reads++;
        return fakeService().read({ ...document, text: document.text }) ?? files;
      },
      exactPages: () => ({ contentPages: 4.2, totalPages: 5.1, pdfPages: 6, compileMs: 1500, fresh: true, at: 0 }),
    });
    const analysis = service.analyze({ file: '/home/student/ws/report.md', text: report('Ann', 2) });
    assert.equal(reads, 1);
    assert.deepEqual(analysis.countedPages, { pages: 4.2, source: 'exact' });
    assert.ok((analysis.pages?.contentPages ?? 0) < 1, 'the estimate is still there');
  });

  test('parts are computed once per analysis (the status bar and the lint share one estimate)', () => {
    const analysis = fakeService().analyze({ file: '/home/student/ws/report.md', text: report('Ann', 2) });
    assert.equal(analysis.pages, analysis.pages);
    assert.equal(analysis.diagnostics, analysis.diagnostics);
  });
});

describe('editor wiring', () => {
  test('a bibliography change re-lints open writeups once (one subscription, in the diagnostics adapter)', () => {
    const sources = ['src/vscode/extension.ts', 'src/vscode/diagnostics.ts'].map((f) => readFileSync(f, 'utf8')).join('\n');
    const subscriptions = sources.match(/bib\.onDidChange\([^)]*\)\s*=>\s*[\w.]*relintAll\(\)/g) ?? [];
    assert.equal(subscriptions.length, 1, subscriptions.join('\n'));
  });
});
