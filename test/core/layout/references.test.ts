import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { createWriteupService } from '../../../src/core/analysis';
import { createBibIndex, parseBib } from '../../../src/core/bib';
import type { BibIndex } from '../../../src/core/bib/types';
import { estimatePages, NEURIPS } from '../../../src/core/layout';
import { entryLines, entryText, namesText, referenceStyleOf } from '../../../src/core/layout/references';
import { readWriteup } from '../../../src/core/readers';
import { CORPUS_DIR, compare, loadMeasured } from './corpus';

// The reference list set from the bibliography's entries, as the document's style prints them.

/** `n` made-up authors, BibTeX style. */
const authors = (n: number): string => Array.from({ length: n }, (_, i) => `Family${i} Given${i} M.`).join(' and ');

const BIB = `
@misc{huge, author = {${authors(200)}}, title = {A model trained by very many people}, year = {2023}}
@inproceedings{pair, author = {Doe, Jane and Roe, Richard}, title = {A short paper}, booktitle = {Proceedings of a Conference}, pages = {1--9}, year = {2020}}
@article{withurl, author = {Doe, Jane}, title = {An article with links}, journal = {A Journal}, volume = {3}, number = {2}, pages = {10--20}, year = {2021},
  doi = {10.1000/abc.2021.123}, url = {https://example.org/a/long/path/to/the/article/page/with/many/parts.html}}
@book{book, author = {Roe, Richard}, title = {A Book}, publisher = {A Press}, address = {A City}, year = {2019}}
@article{etal, author = {Doe, Jane and Roe, Richard and others}, title = {Written by a crowd}, journal = {A Journal}, year = {2022}}
`;
const bib: BibIndex = createBibIndex([parseBib(BIB, '/w/references.bib')]);

/** A NeurIPS report citing `cites` (keys or `\\nocite`s), with the list set by `style` and preamble `extra`. */
function report(body: string, options: { style?: string; preamble?: string; before?: string } = {}): string {
  const lines = [
    '\\documentclass{article}',
    '\\usepackage[final]{neurips_2024}',
    options.preamble ?? '',
    '\\begin{document}',
    '\\section{Introduction}',
    'Some text of the report that cites its sources as it goes along.',
    body,
    options.before ?? '',
    `\\bibliographystyle{${options.style ?? 'plainnat'}}`,
    '\\bibliography{references}',
    '\\end{document}',
  ];
  return lines.join('\n');
}

const estimate = (text: string, withBib: BibIndex | null = bib) => estimatePages(readWriteup(text, { file: '/w/report.tex' }), withBib ? { bibliography: withBib } : {});
/** Lines of the list at the body's 11pt leading. */
const refLines = (e: { breakdown: { references: number } }): number => (e.breakdown.references * NEURIPS.textHeight) / NEURIPS.baselineSkip;

describe('reference list from the bibliography', () => {
  test('an entry with 200 authors takes many more lines than one with two', () => {
    const huge = refLines(estimate(report('\\cite{huge}')));
    const pair = refLines(estimate(report('\\cite{pair}')));
    // 200 names of ~20 characters: over 30 lines of ~95 characters, against 2 lines.
    assert.ok(huge > pair + 30, `${huge.toFixed(1)} vs ${pair.toFixed(1)} lines`);
    const style = referenceStyleOf(readWriteup(report(''), { file: '/w/report.tex' }));
    const lines = (key: string) => entryLines(entryText(bib.get(key)!, style), NEURIPS.textWidth - 10, 10, 10);
    assert.ok(lines('huge') >= 35, String(lines('huge')));
    assert.equal(lines('pair'), 1);
  });

  test('biblatex prints three names at most, then "et al.": the 200-author entry is short', () => {
    const e = estimate(report('\\cite{huge}', { preamble: '\\usepackage{biblatex}' }));
    assert.ok(refLines(e) < 6, String(refLines(e)));
    const style = referenceStyleOf(readWriteup(report('', { preamble: '\\usepackage{biblatex}' }), { file: '/w/report.tex' }));
    assert.equal(namesText(['A One', 'B Two', 'C Three', 'D Four'], style), 'A One et al.');
    assert.equal(namesText(['A One', 'B Two', 'C Three'], style), 'A One, B Two, and C Three');
  });

  test('"and others" prints as "et al."; abbrv prints initials, so its list is shorter than plainnat\'s', () => {
    const plainnat = referenceStyleOf(readWriteup(report(''), { file: '/w/report.tex' }));
    assert.equal(namesText(bib.get('etal')!.authors, plainnat), 'Jane Doe, Richard Roe, et al.');
    const abbrv = referenceStyleOf(readWriteup(report('', { style: 'abbrv' }), { file: '/w/report.tex' }));
    assert.equal(namesText(['Jane Q. Doe', 'Richard Roe'], abbrv), 'J. Q. Doe and R. Roe');
    assert.ok(refLines(estimate(report('\\cite{huge}', { style: 'abbrv' }))) < refLines(estimate(report('\\cite{huge}'))) - 5);
  });

  test('natbib styles print the DOI and URL; plain does not', () => {
    const text = (style: string) =>
      entryText(bib.get('withurl')!, referenceStyleOf(readWriteup(report('', { style }), { file: '/w/report.tex' })))
        .map(([t]) => t)
        .join(' ');
    assert.match(text('plainnat'), /10\.1000\/abc\.2021\.123/);
    assert.match(text('plainnat'), /example\.org/);
    assert.doesNotMatch(text('plain'), /example\.org|10\.1000/);
    assert.ok(refLines(estimate(report('\\cite{withurl}'))) > refLines(estimate(report('\\cite{withurl}', { style: 'plain' }))));
  });

  test('an entry printed before is printed afresh for another style, and an edited .bib prints its new text', () => {
    const style = (name: string) => referenceStyleOf(readWriteup(report('', { style: name }), { file: '/w/report.tex' }));
    const words = (text: ReturnType<typeof entryText>) => text.map(([t]) => t).join(' ');
    const entry = bib.get('pair')!;
    const full = words(entryText(entry, style('plainnat')));
    const initials = words(entryText(entry, style('abbrvnat')));
    assert.match(full, /^Jane Doe and Richard Roe\./);
    assert.match(initials, /^J\. Doe and R\. Roe\./);
    assert.equal(words(entryText(entry, style('plainnat'))), full);
    // The same key after the student retitles it in the .bib: a new entry, its new title printed and set.
    const edited = createBibIndex([parseBib(BIB.replace('title = {A short paper}', `title = {${'A much longer title '.repeat(12)}}`), '/w/references.bib')]);
    assert.match(words(entryText(edited.get('pair')!, style('plainnat'))), /A much longer title/);
    assert.equal(words(entryText(entry, style('plainnat'))), full);
    const before = refLines(estimate(report('\\cite{pair}')));
    assert.ok(refLines(estimate(report('\\cite{pair}'), edited)) > before + 2);
    assert.equal(refLines(estimate(report('\\cite{pair}'))), before);
  });

  test('\\nocite{*} lists every entry; \\nocite{a,b} adds those keys', () => {
    const all = refLines(estimate(report('\\cite{pair} \\nocite{*}')));
    const each = refLines(estimate(report('\\cite{pair,huge,withurl,book,etal}')));
    assert.ok(Math.abs(all - each) < 1e-6, `${all} vs ${each}`);
    const one = refLines(estimate(report('\\cite{pair}')));
    const added = refLines(estimate(report('\\cite{pair} \\nocite{book,etal}')));
    assert.ok(added > one + 2, `${added} vs ${one}`);
    assert.ok(added < all);
  });

  test('a key missing from the .bib still takes a short entry; no note says the list is a guess', () => {
    const missing = estimate(report('\\cite{pair,nowhere}'));
    const found = estimate(report('\\cite{pair}'));
    const extra = refLines(missing) - refLines(found);
    assert.ok(extra > 0.5 && extra < 2, String(extra));
    assert.ok(!(missing.notes ?? []).some((n) => /guess/.test(n)));
  });

  test('without a bibliography each key takes the fitted average and a note says the length is a guess', () => {
    const e = estimate(report('\\cite{pair,huge}'), null);
    assert.ok((e.notes ?? []).some((n) => /reference list .* guess/.test(n)), JSON.stringify(e.notes));
    // The heading (about 2.5 lines) and two keys of 2.3 lines.
    assert.ok(refLines(e) > 6 && refLines(e) < 9, String(refLines(e)));
  });

  test('\\small before the list sets it in 9pt on 10pt: fewer lines of less leading', () => {
    const normal = estimate(report('\\cite{huge,pair}')).breakdown.references;
    const small = estimate(report('\\cite{huge,pair}', { before: '\\small' })).breakdown.references;
    assert.ok(small < normal * 0.85, `${small} vs ${normal}`);
  });

  test('a hand-written thebibliography is set from its items, once', () => {
    const list = (items: string[]) =>
      ['\\documentclass{article}', '\\usepackage[final]{neurips_2024}', '\\begin{document}', 'Text \\cite{a}.', '\\begin{thebibliography}{9}', ...items, '\\end{thebibliography}', '\\end{document}'].join('\n');
    const short = estimate(list(['\\bibitem{a} J. Doe. A title. 2020.', '\\bibitem{b} R. Roe. Another. 2021.']), null);
    const long = estimate(list([`\\bibitem{a} ${'A. Person, '.repeat(60)}and J. Doe. A title. 2020.`, '\\bibitem{b} R. Roe. Another. 2021.']), null);
    // The heading and two one-line items: about 60pt (the items are not also set as a paragraph).
    assert.ok(short.totalPages - short.contentPages < 0.12, String(short.totalPages - short.contentPages));
    assert.ok(refLines(long) > refLines(short) + 5);
    assert.ok(!(short.notes ?? []).some((n) => /guess/.test(n)));
  });

  test('natbib prints a label that is not author-year (`[Doe 2020]`) before its item, and none for `Doe(2020)`', () => {
    const list = (label: string) =>
      ['\\documentclass{article}', '\\usepackage[final]{neurips_2024}', '\\begin{document}', 'Text \\cite{k0}.', '\\begin{thebibliography}{9}',
        ...Array.from({ length: 30 }, (_, i) => `\\bibitem[${label}]{k${i}} ${'A. Person, '.repeat(1 + i)}and J. Doe. A rather long title about margins and depth. 2020.`),
        '\\end{thebibliography}', '\\end{document}'].join('\n');
    const authorYear = refLines(estimate(list('Doe et~al.(2020a)'), null));
    // pdflatex with natbib prints `[Doe 2020] J. Doe. ...`: the label takes room from the first line of each entry.
    assert.ok(refLines(estimate(list('Doe 2020'), null)) > authorYear + 1, 'a label with a year but not in parentheses is printed');
    assert.equal(refLines(estimate(list('Doe(2020)'), null)), authorYear);
  });

  test('a list after the appendix is set too', () => {
    const text = report('\\cite{huge}\n\\appendix\n\\section{More}\nSome more text in the appendix.');
    const e = estimate(text);
    assert.ok(refLines(e) > 30, String(refLines(e)));
  });

  test('the analysis passes the host bibliography to the estimate (what the CLI, status bar and preview show)', () => {
    const text = report('\\cite{huge}');
    const host = (withBib: boolean) =>
      createWriteupService({ files: { readFile: () => undefined, exists: () => false }, packs: () => [], ...(withBib ? { bibliography: () => bib } : {}) }).analyze({ file: '/w/report.tex', text });
    assert.ok(refLines(host(true).pages!) > refLines(host(false).pages!) + 25);
  });

  test('the project-written fixtures: the estimated reference pages are within 0.05 page of a real compile', () => {
    const rows = compare(loadMeasured().filter((m) => m.file.startsWith('tex-construct-bibliography')));
    assert.equal(rows.length, 2);
    for (const r of rows) {
      const truth = r.totalPages - r.contentPages;
      const est = r.estimatedTotal - r.estimatedContent;
      assert.ok(truth > 1, `${r.file}: ${truth}`);
      assert.ok(Math.abs(est - truth) < 0.05, `${r.file}: estimated ${est.toFixed(3)}, compiled ${truth.toFixed(3)}`);
    }
    // The fixture's bibliography holds the long author lists the test is about.
    const fixture = parseBib(readFileSync(join(CORPUS_DIR, 'construct-bibliography.bib'), 'utf8'), 'construct-bibliography.bib');
    assert.ok(fixture.entries.some((e) => e.authors.length === 200));
  });
});
