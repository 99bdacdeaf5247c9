import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { appendEntryEdit, bibtexForPaper, frontMatterEdit, planAddPaper, protectTitle } from '../../../src/core/bib/bibtex';
import { bibKeyFor, uniqueKey } from '../../../src/core/bib/keys';
import { parseBib } from '../../../src/core/bib/parse';
import type { CoursePaper } from '../../../src/core/courses/types';
import { LineIndex } from '../../../src/core/text/lineIndex';
import { readWriteup } from '../../../src/core/readers/index';
import { fakeWriteup } from '../../fakes/writeup';
import { bibtexName } from '../../../src/core/bib/names';

/** Applies one edit to a text (what the editor does). */
function apply(text: string, edit: { range: { start: { line: number; character: number }; end: { line: number; character: number } }; newText: string }): string {
  const lines = new LineIndex(text);
  return text.slice(0, lines.offsetAt(edit.range.start)) + edit.newText + text.slice(lines.offsetAt(edit.range.end));
}

const spectral: CoursePaper = {
  key: 'bartlett2017spectrally',
  title: 'Spectrally-normalized Margin Bounds for Neural Networks',
  authors: ['Bartlett', 'Foster', 'Telgarsky'],
  year: 2017,
  venue: 'NeurIPS',
  topic: 'Generalization Bounds I',
};

describe('BibTeX keys', () => {
  test('readable keys from author, year and the first significant title word', () => {
    assert.equal(bibKeyFor({ key: '', title: 'On the Expressive Power of Deep Learning', authors: ['Nadav Cohen'], year: 2016 }), 'cohen2016expressive');
    assert.equal(bibKeyFor({ key: '', title: 'Über Müller', authors: ['Jörg Müller'], year: 2020 }), 'muller2020uber');
    assert.equal(bibKeyFor(spectral), 'bartlett2017spectrally', "a pack's own valid key is kept");
  });
  test('unique in the target file: a, b, ... suffixes', () => {
    assert.equal(uniqueKey('x2017', new Set()), 'x2017');
    assert.equal(uniqueKey('x2017', new Set(['x2017'])), 'x2017a');
    assert.equal(uniqueKey('x2017', new Set(['x2017', 'x2017a'])), 'x2017b');
  });
});

describe('bibtexForPaper', () => {
  test('a conference paper is a complete @inproceedings that parses back to the same data', () => {
    const text = bibtexForPaper(spectral, 'bartlett2017spectrally');
    assert.match(text, /^@inproceedings\{bartlett2017spectrally,\n/);
    const entry = parseBib(text, 'r.bib').entries[0];
    assert.equal(entry?.title, spectral.title);
    assert.deepEqual(entry?.authors, ['Bartlett', 'Foster', 'Telgarsky']);
    assert.equal(entry?.year, 2017);
    assert.equal(entry?.venue, 'NeurIPS');
    assert.deepEqual(parseBib(text, 'r.bib').problems, []);
  });
  test('only a link known: @misc with eprint, archivePrefix and url; special characters escaped', () => {
    const text = bibtexForPaper({ key: 'k', title: 'Deep & wide: 100% {ReLU}', authors: ['Ada Lovelace'], url: 'https://arxiv.org/abs/1806.07572v4' }, 'k');
    assert.match(text, /^@misc\{k,/);
    assert.match(text, /eprint\s+= \{1806\.07572\}/);
    assert.match(text, /archivePrefix = \{arXiv\}/);
    assert.match(text, /url\s+= \{https:\/\/arxiv\.org\/abs\/1806\.07572v4\}/);
    assert.match(text, /author\s+= \{Lovelace, Ada\}/);
    assert.equal(parseBib(text, 'r.bib').entries[0]?.title, 'Deep & wide: 100% ReLU');
  });
  test('a journal is an @article', () => {
    assert.match(bibtexForPaper({ key: 'k', title: 'T', authors: ['A B'], venue: 'Annals of Statistics', year: 2020 }, 'k'), /^@article\{k,[\s\S]*journal\s+= \{Annals of Statistics\}/);
  });
});

describe('complete entries for each type', () => {
  const sensitivity: CoursePaper = {
    key: 'novak2018sensitivity',
    title: 'Sensitivity and Generalization in Neural Networks: an Empirical Study',
    authors: ['Roman Novak', 'Yasaman Bahri', 'Daniel A. Abolafia', 'Jeffrey Pennington', 'Jascha Sohl-Dickstein'],
    year: 2018,
    venue: 'International Conference on Learning Representations',
    type: 'inproceedings',
    arxiv: '1802.08760',
  };
  test('names: Last, First with particles and suffixes', () => {
    assert.equal(bibtexName('Peter L. Bartlett'), 'Bartlett, Peter L.');
    assert.equal(bibtexName('Twan van Laarhoven'), 'van Laarhoven, Twan');
    assert.equal(bibtexName('Guy L. Steele Jr.'), 'Steele, Jr., Guy L.');
    assert.equal(bibtexName('Remi Tachet des Combes'), 'des Combes, Remi Tachet');
    assert.equal(bibtexName('Aristotle'), 'Aristotle');
  });
  test('capitals protected: {P}rotected words, {ReLU} acronyms, math kept', () => {
    assert.equal(protectTitle('Deep ReLU Networks and SGD'), '{D}eep {ReLU} {N}etworks and {SGD}');
    assert.equal(protectTitle('Spectrally-normalized margin bounds'), '{S}pectrally-normalized margin bounds');
    assert.equal(protectTitle('Rates for $\\ell_1$ Gaussian'), '{R}ates for $\\ell_1$ {G}aussian');
  });
  test('@inproceedings: full names, booktitle, year, arXiv eprint; parses back with first names', () => {
    const text = bibtexForPaper(sensitivity, 'novak2018sensitivity');
    assert.match(text, /^@inproceedings\{novak2018sensitivity,\n/);
    assert.match(text, /author\s+= \{Novak, Roman and Bahri, Yasaman and Abolafia, Daniel A\. and Pennington, Jeffrey and Sohl-Dickstein, Jascha\}/);
    assert.match(text, /title\s+= \{\{S\}ensitivity and \{G\}eneralization in \{N\}eural \{N\}etworks: an \{E\}mpirical \{S\}tudy\}/);
    assert.match(text, /booktitle\s+= \{International Conference on Learning Representations\}/);
    assert.match(text, /eprint\s+= \{1802\.08760\}/);
    assert.match(text, /url\s+= \{https:\/\/arxiv\.org\/abs\/1802\.08760\}/);
    const parsed = parseBib(text, 'r.bib');
    assert.deepEqual(parsed.problems, []);
    assert.equal(parsed.entries[0]?.title, sensitivity.title);
    assert.deepEqual(parsed.entries[0]?.authors, sensitivity.authors);
  });
  test('@article: journal, volume, number, pages (en dash to --), doi', () => {
    const text = bibtexForPaper(
      { key: 'k', title: 'Benign overfitting in linear regression', authors: ['Peter L. Bartlett', 'Philip M. Long', 'Gábor Lugosi', 'Alexander Tsigler'], year: 2020, venue: 'Proceedings of the National Academy of Sciences', type: 'article', volume: '117', number: '48', pages: '30063–30070', doi: '10.1073/pnas.1907378117' },
      'k',
    );
    assert.match(text, /^@article\{k,/);
    assert.match(text, /journal\s+= \{Proceedings of the National Academy of Sciences\}/);
    assert.match(text, /volume\s+= \{117\}/);
    assert.match(text, /number\s+= \{48\}/);
    assert.match(text, /pages\s+= \{30063--30070\}/);
    assert.match(text, /doi\s+= \{10\.1073\/pnas\.1907378117\}/);
    assert.doesNotMatch(text, /booktitle|eprint/);
  });
  test('theses, reports and books put the venue in the field BibTeX requires', () => {
    assert.match(bibtexForPaper({ key: 'k', title: 'T', authors: ['A B'], type: 'phdthesis', venue: 'MIT', year: 2019 }, 'k'), /^@phdthesis\{k,[\s\S]*school\s+= \{MIT\}/);
    assert.match(bibtexForPaper({ key: 'k', title: 'T', authors: ['A B'], type: 'techreport', venue: 'CBMM', year: 2020 }, 'k'), /institution\s+= \{CBMM\}/);
    const book = bibtexForPaper({ key: 'k', title: 'T', authors: ['A B'], type: 'book', venue: 'Cambridge University Press', year: 2014 }, 'k');
    assert.match(book, /publisher\s+= \{Cambridge University Press\}/);
    assert.equal(book.match(/publisher/g)?.length, 1);
  });

  test('@misc for a preprint: howpublished names arXiv; unconfirmed fields get a note', () => {
    const text = bibtexForPaper({ key: 'k', title: 'A preprint', authors: ['Ada Lovelace'], venue: 'arXiv', arxiv: '2210.07082', year: 2022, unverified: ['year'] }, 'k');
    assert.match(text, /^@misc\{k,/);
    assert.match(text, /howpublished\s+= \{arXiv preprint arXiv:2210\.07082\}/);
    assert.match(text, /note\s+= \{to check: year not confirmed/);
  });
});

describe('appendEntryEdit', () => {
  const entry = '@misc{k,\n  title = {T}\n}\n';
  test('appends after a blank line without touching a byte already there', () => {
    const before = '@misc{a,   title={odd   spacing}}\n%   a comment\n';
    const after = apply(before, appendEntryEdit(before, entry, 'r.bib'));
    assert.ok(after.startsWith(before));
    assert.equal(after, `${before}\n${entry}`);
  });
  test('a file without a final newline, an empty file, a missing file, CRLF files', () => {
    assert.equal(apply('@misc{a}', appendEntryEdit('@misc{a}', entry, 'r.bib')), `@misc{a}\n\n${entry}`);
    assert.equal(apply('', appendEntryEdit('', entry, 'r.bib')), entry);
    assert.equal(appendEntryEdit(undefined, entry, 'r.bib').newText, entry);
    assert.equal(apply('@misc{a}\r\n', appendEntryEdit('@misc{a}\r\n', entry, 'r.bib')), `@misc{a}\r\n\r\n${entry.replace(/\n/g, '\r\n')}`);
    assert.equal(apply('@misc{a}\n\n', appendEntryEdit('@misc{a}\n\n', entry, 'r.bib')), `@misc{a}\n\n${entry}`);
  });
});

describe('planAddPaper', () => {
  test('a key taken by another entry gets a suffix; the front matter gets bibliography:', () => {
    const writeup = readWriteup('---\ntitle: X\n---\n\nText [@spec\n', { file: '/w/proposal.md' });
    const plan = planAddPaper(writeup, '/w/references.bib', '@misc{bartlett2017spectrally, title={Other}}\n', spectral);
    assert.equal(plan.key, 'bartlett2017spectrallya');
    assert.equal(plan.createBibFile, false);
    assert.equal(plan.edits.length, 2);
    assert.equal(apply(writeup.text, plan.edits[1] ?? { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: '' }), '---\ntitle: X\nbibliography: references.bib\n---\n\nText [@spec\n');
  });
  test('no front matter: one is created; a writeup naming its bibliography is left alone', () => {
    const bare = fakeWriteup({ file: '/w/proposal.md', text: 'Text\n' });
    assert.equal(frontMatterEdit(bare, '/w/references.bib')?.newText, '---\nbibliography: references.bib\n---\n\n');
    const named = fakeWriteup({ file: '/w/proposal.md', text: '---\nbibliography: refs.bib\n---\n', metadata: { bibliography: ['refs.bib'] } });
    assert.equal(frontMatterEdit(named, '/w/refs.bib'), undefined);
    const plan = planAddPaper(named, '/w/refs.bib', undefined, spectral);
    assert.equal(plan.createBibFile, true);
    assert.equal(plan.edits.length, 1);
  });
});

describe('frontMatterEdit: where the Markdown reader found the front matter', () => {
  const added = (text: string): string | undefined => {
    const edit = frontMatterEdit(readWriteup(text, { file: '/w/report.md' }), '/w/references.bib');
    return edit && apply(text, edit);
  };
  test('before the closing `---`, or the `...` pandoc also closes it with', () => {
    assert.equal(added('---\ntitle: X\nauthor: A\n---\n\n# Intro\n'), '---\ntitle: X\nauthor: A\nbibliography: references.bib\n---\n\n# Intro\n');
    assert.equal(added('---\ntitle: X\n...\n\n# Intro\n\n---\n\nAfter a rule.\n'), '---\ntitle: X\nbibliography: references.bib\n...\n\n# Intro\n\n---\n\nAfter a rule.\n');
  });
  test('CRLF lines: the new line ends as the others do', () => {
    assert.equal(added('---\r\ntitle: X\r\n---\r\n\r\nText.\r\n'), '---\r\ntitle: X\r\nbibliography: references.bib\r\n---\r\n\r\nText.\r\n');
    assert.equal(added('Text.\r\n'), '---\r\nbibliography: references.bib\r\n---\r\n\r\nText.\r\n');
  });
  test('no front matter, or a rule that opens no front matter: one is created at the top', () => {
    assert.equal(added('# Intro\n\nText.\n'), '---\nbibliography: references.bib\n---\n\n# Intro\n\nText.\n');
    assert.equal(added('---\n\nText.\n'), '---\nbibliography: references.bib\n---\n\n---\n\nText.\n');
  });
  test('front matter that names a bibliography is left alone', () => {
    assert.equal(added('---\ntitle: X\nbibliography: refs.bib\n---\n'), undefined);
  });
});
