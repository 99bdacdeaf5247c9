import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createBibIndex, emptyBibIndex } from '../../../src/core/bib/index';
import { parseBib } from '../../../src/core/bib/parse';
import { citationCatalog, oneEditVariants, spellingForm, toCiteResult } from '../../../src/core/bib/search';
import { generateBib } from '../../../bench/cases/_bib';
import { testPacks } from '../../fakes/courses';
import { paperPack } from '../../fakes/paperPack';

const bib = createBibIndex([
  parseBib(
    '@article{smith2020spectra, author={Smith, Ann}, title={Spectra of random matrices}, year=2020}\n' +
      '@article{lee2019tensor, author={Lee, Bo}, title={Tensor methods}, year=2019}\n',
    '/w/references.bib',
  ),
]);

describe('citation ranking', () => {
  test("typing 'spectral' in an 18.408 proposal puts bartlett2017spectrally first", () => {
    const ranked = citationCatalog(emptyBibIndex, testPacks()).search('spectral', { courseId: 'mit-18.408' });
    assert.equal(ranked[0]?.candidate.key, 'bartlett2017spectrally');
    assert.deepEqual(ranked[0]?.source, { kind: 'course', courseId: 'mit-18.408', courseName: '18.408', topic: 'Generalization Bounds I' });
  });

  test('.bib entries and the file course rank before other courses; non-matches are left out', () => {
    const ranked = citationCatalog(bib, testPacks()).search('tensor', { courseId: 'mit-18.408' });
    const keys = ranked.map((r) => r.candidate.key);
    assert.ok(keys.includes('lee2019tensor'));
    assert.ok(!keys.includes('smith2020spectra'));
    const firstOther = ranked.findIndex((r) => r.tier === 1);
    assert.ok(firstOther > 0);
    assert.ok(ranked.slice(0, firstOther).every((r) => r.source.kind === 'bib' || r.source.courseId === 'mit-18.408'));
    assert.ok(ranked.slice(firstOther).every((r) => r.source.kind === 'course' && r.source.courseId !== 'mit-18.408'));
  });

  test('a course paper already in the .bib is offered once, as the .bib entry', () => {
    const withBartlett = createBibIndex([
      parseBib('@inproceedings{bartlett2017spectrally, author={Bartlett, Peter}, title={Spectrally-normalized margin bounds for neural networks}, year=2017}', '/w/r.bib'),
    ]);
    const ranked = citationCatalog(withBartlett, testPacks()).search('spectrally', { courseId: 'mit-18.408' });
    const bartletts = ranked.filter((r) => r.candidate.key === 'bartlett2017spectrally');
    assert.equal(bartletts.length, 1);
    assert.equal(bartletts[0]?.source.kind, 'bib');
    assert.equal(bartletts[0]?.candidate.listings[0]?.pack.id, 'mit-18.408');
  });

  test('title words, an author or a year find a paper', () => {
    const catalog = citationCatalog(bib, testPacks());
    assert.equal(catalog.search('random matrices')[0]?.candidate.key, 'smith2020spectra');
    assert.equal(catalog.search('smith')[0]?.candidate.key, 'smith2020spectra');
    assert.ok(catalog.search('2019').some((r) => r.candidate.key === 'lee2019tensor'));
  });

  test('typed words starting words of the paper rank before letters scattered through it, in any order', () => {
    const catalog = citationCatalog(
      createBibIndex([
        parseBib(
          '@article{spe2002c, author={Spade, Ed}, title={Computation}, year=2002}\n' +
            '@article{zz2001a, author={Smart, Pat}, title={Exact computation of the eigenvalues of a large random matrix and its spectrum}, year=2001}\n',
          '/w/references.bib',
        ),
      ]),
      [],
    );
    // "spec" starts "spectrum", late in a long title; in the other it is scattered over "spe2002c"
    // (which the fuzzy matcher alone scores higher: 0.68 against 0.55).
    assert.deepEqual(catalog.search('spec').map((r) => r.candidate.key), ['zz2001a', 'spe2002c']);
    assert.equal(catalog.search('2001 smart')[0]?.candidate.key, 'zz2001a');
    assert.equal(catalog.search('comp spad')[0]?.candidate.key, 'spe2002c');
  });

  test('on a big .bib a limit gives the same top results as ranking everything', () => {
    const big = createBibIndex([parseBib(generateBib(2000, 7), '/w/big.bib')]);
    const catalog = citationCatalog(big, testPacks());
    for (const q of ['neural', 'spec', 'kernel', 'gauss', 'bartlett20', 'bartelt', 'spec marg', '']) {
      const limited = catalog.search(q, { limit: 100, courseId: 'mit-18.408' }).map((r) => r.candidate.key);
      const full = catalog.search(q, { courseId: 'mit-18.408' }).slice(0, 100).map((r) => r.candidate.key);
      assert.deepEqual(limited, full, q);
    }
  });

  test('the CLI shape', () => {
    const r = citationCatalog(bib, testPacks()).search('spectra')[0];
    assert.ok(r);
    assert.deepEqual(toCiteResult(r), {
      key: 'smith2020spectra',
      title: 'Spectra of random matrices',
      authors: ['Ann Smith'],
      year: 2020,
      venue: null,
      arxiv: null,
      doi: null,
      url: null,
      type: 'article',
      metadataSource: null,
      source: 'bib:/w/references.bib',
    });
  });
});

describe('forgiving search over real titles (fixture pack)', () => {
  const packs = [paperPack];
  const catalog = citationCatalog(emptyBibIndex, packs);
  const top = (q: string) => catalog.search(q)[0]?.candidate.key;
  const keys = (q: string) => catalog.search(q).map((r) => r.candidate.key);

  test('real title words, surnames, first names, years, arXiv ids, labels and aliases find the paper', () => {
    assert.equal(top('sensitivity generalization empirical'), 'novak2018sensitivity');
    assert.equal(top('Sohl-Dickstein'), 'novak2018sensitivity');
    assert.equal(top('jascha'), 'novak2018sensitivity', 'a first name');
    assert.equal(top('hongler 2018'), 'jacot2018neural');
    assert.equal(top('1806.07572'), 'jacot2018neural');
    assert.equal(top('arXiv:1806.07572v3'), 'jacot2018neural', 'a versioned id with its prefix');
    assert.equal(top('kingma 15'), 'kingma2015adam', "the course page's link text");
    assert.equal(top('novak 18'), 'novak2018sensitivity', 'an alias');
    assert.equal(top('double descent'), 'belkin2019reconciling', 'a label');
  });

  test('one typo per word is forgiven: a dropped, doubled, swapped or wrong letter', () => {
    assert.equal(top('sensitivty'), 'novak2018sensitivity', 'dropped');
    assert.equal(top('senssitivity'), 'novak2018sensitivity', 'doubled');
    assert.equal(top('sensitvity'), 'novak2018sensitivity', 'dropped in the middle');
    assert.equal(top('tangnet kernel'), 'jacot2018neural', 'swapped');
    assert.equal(top('reconcilimg'), 'belkin2019reconciling', 'wrong letter');
    assert.equal(top('stochastik optimization'), 'kingma2015adam');
    assert.deepEqual(keys('zzzzqqq'), []);
  });

  test('British and American spellings find each other', () => {
    assert.equal(top('regularisation'), 'vanlaarhoven2017l2');
    assert.equal(top('normalisation'), 'vanlaarhoven2017l2');
    assert.equal(top('generalisation'), 'novak2018sensitivity');
    assert.equal(spellingForm('behaviour'), 'behavior');
    assert.equal(spellingForm('analyse'), 'analyze');
    assert.equal(spellingForm('generalisation'), 'generalization');
  });

  test('exact word matches rank before typo matches', () => {
    const bibWithBoth = createBibIndex([
      parseBib('@article{a, author={Ann Smith}, title={Kernel regimes}, year=2020}\n@article{b, author={Bo Lee}, title={Kernal regimes}, year=2020}\n', '/w/r.bib'),
    ]);
    assert.deepEqual(citationCatalog(bibWithBoth, []).search('kernal').map((r) => r.candidate.key), ['b', 'a']);
    assert.deepEqual(citationCatalog(bibWithBoth, []).search('kernel').map((r) => r.candidate.key), ['a', 'b']);
  });

  test('typo variants: Damerau distance one, only for words of four or more letters', () => {
    const v = oneEditVariants('gaus');
    assert.ok(v.has('gauss') && v.has('agus') && v.has('gus') && v.has('gaus0'));
    assert.ok(!v.has('gaus'));
    assert.equal(oneEditVariants('ntk').size, 0);
  });
});
