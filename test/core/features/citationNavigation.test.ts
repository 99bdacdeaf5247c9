import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createBibIndex, emptyBibIndex } from '../../../src/core/bib/index';
import { parseBib } from '../../../src/core/bib/parse';
import { CitationDefinitionProvider } from '../../../src/core/features/citationDefinition';
import { CitationHoverProvider } from '../../../src/core/features/citationHover';
import { CitationReferencesProvider } from '../../../src/core/features/citationReferences';
import { citationMarkdown } from '../../../src/core/features/citationShared';
import type { Citation } from '../../../src/core/model/writeup';
import { testPacks } from '../../fakes/courses';

const r = (line: number, start: number, end: number) => ({ start: { line, character: start }, end: { line, character: end } });
const cite = (key: string, line: number, start: number): Citation => ({
  key,
  range: r(line, start, start + key.length),
  groupRange: r(line, start - 2, start + key.length + 1),
  command: 'pandoc',
});

const bibText = '% refs\n@article{evil2020, author={<b>Mallory</b>, Eve}, title={<img src=x onerror=alert(1)> [click](javascript:alert(1)) *bold*}, year=2020, url={javascript:alert(1)}}\n\n@misc{good2021, author={Doe, Jane}, title={Good}, year=2021, doi={10.1/xyz}}\n';
const bib = createBibIndex([parseBib(bibText, '/w/references.bib')]);
const writeup = { file: '/w/proposal.md', citations: [cite('evil2020', 3, 6), cite('good2021', 4, 2), cite('bartlett2017spectrally', 5, 2), cite('nobody', 6, 2)] };

describe('citation hover', () => {
  const hover = new CitationHoverProvider();
  test('a .bib entry: reference, source, links, with nothing from the .bib left as markup', () => {
    const h = hover.provide(writeup, { line: 3, character: 8 }, { bib, packs: testPacks() });
    assert.ok(h?.info);
    assert.equal(h.defined, true);
    assert.deepEqual(h.range, r(3, 6, 14));
    const md = citationMarkdown(h.info);
    assert.doesNotMatch(md, /(?<!\\)[<>]|(?<!\\)\]\(|(?<!\\)\*bold/, 'every < > ]( and * from the .bib is escaped');
    assert.match(md, /\\<img src=x onerror=alert\\\(1\\\)\\>/);
    assert.match(md, /\*Source:\* your \\\.bib \\\(references\\\.bib\\\)/);
    assert.deepEqual(h.info.links, [], 'a javascript: URL is not a link');
  });
  test('the DOI link of an entry', () => {
    const h = hover.provide(writeup, { line: 4, character: 2 }, { bib, packs: testPacks() });
    assert.deepEqual(h?.info?.links, [{ label: 'doi:10.1/xyz', url: 'https://doi.org/10.1/xyz' }]);
  });
  test('a course paper not in the .bib: its course listing, marked as not defined', () => {
    const h = hover.provide(writeup, { line: 5, character: 4 }, { bib, packs: testPacks(), courseId: 'mit-18.408' });
    assert.equal(h?.defined, false);
    assert.equal(h?.info?.source, '18.408 - Generalization Bounds I; DL theory notes - adam vs sgd');
  });
  test('an unknown key: no info; outside citations: nothing', () => {
    assert.deepEqual(hover.provide(writeup, { line: 6, character: 3 }, { bib, packs: testPacks() }), { key: 'nobody', range: r(6, 2, 8), defined: false });
    assert.equal(hover.provide(writeup, { line: 0, character: 0 }, { bib, packs: testPacks() }), undefined);
  });
});

describe('go to definition and references', () => {
  test('definition: the key of the entry in the .bib', () => {
    const loc = new CitationDefinitionProvider().provide(writeup, { line: 4, character: 3 }, bib);
    assert.equal(loc?.file, '/w/references.bib');
    assert.deepEqual(loc?.range, r(3, 6, 14));
    assert.equal(new CitationDefinitionProvider().provide(writeup, { line: 6, character: 3 }, emptyBibIndex), undefined);
  });
  test('references: every citation of the key across writeups, with the definition when asked', () => {
    const other = { file: '/w/report.md', citations: [cite('good2021', 1, 2), cite('evil2020', 2, 2), cite('good2021', 9, 2)] };
    const provider = new CitationReferencesProvider();
    assert.equal(provider.keyInWriteup(writeup, { line: 4, character: 5 }), 'good2021');
    assert.equal(provider.keyInBib(bib.files[0]!, { line: 3, character: 2 }), 'good2021');
    assert.deepEqual(
      provider.provide('good2021', [writeup, other], { bib }).map((l) => `${l.file}:${l.range.start.line}`),
      ['/w/references.bib:3', '/w/proposal.md:4', '/w/report.md:1', '/w/report.md:9'],
    );
  });
});
