import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { bundledCourseIds, loadBundledPacks } from '../../../src/core/courses/loader';
import type { CoursePaper } from '../../../src/core/courses/types';

// Paper metadata of the bundled packs (docs/course-packs.md, "Sources of paper metadata"):
// looked up in public pages, each fact either confirmed there or named in `unverified`.

const sources = (p: CoursePaper): readonly string[] => [...(p.metadataSource ? [p.metadataSource] : []), ...(p.metadataSources ?? [])];
const unverified = (p: CoursePaper, field: string): boolean => (p.unverified ?? []).includes(field);

/** verified: confirmed from public pages, nothing left unconfirmed; partial: a source, some fields unconfirmed; unverified: no source or no title. */
function status(p: CoursePaper): 'verified' | 'partial' | 'unverified' {
  if (p.titleUnverified || sources(p).length === 0) return 'unverified';
  return (p.unverified ?? []).length > 0 ? 'partial' : 'verified';
}

describe('paper metadata of the bundled packs', () => {
  const packs = loadBundledPacks();

  test('every paper has full-name authors, a year and a source, or says which of them is unverified', () => {
    for (const pack of packs) {
      for (const p of pack.papers) {
        const where = `${pack.id}/${p.key}`;
        if (!unverified(p, 'authors')) {
          assert.ok(p.authors.length > 0, `${where}: authors`);
          for (const a of p.authors) assert.match(a, /\S \S/, `${where}: '${a}' is not a full name`);
        }
        assert.ok(p.year !== undefined || unverified(p, 'year'), `${where}: year`);
        assert.ok(sources(p).length > 0 || (p.unverified ?? []).length > 0, `${where}: metadataSource`);
        for (const url of sources(p)) assert.match(url, /^https?:\/\//, `${where}: ${url}`);
        if (p.titleUnverified) assert.ok(unverified(p, 'title'), `${where}: titleUnverified without 'title' in unverified`);
      }
    }
  });

  test('types, venues and arXiv ids follow the published-version rule', () => {
    for (const pack of packs) {
      for (const p of pack.papers) {
        const where = `${pack.id}/${p.key}`;
        if (p.type === 'misc') assert.equal(p.venue, undefined, `${where}: an arXiv-only preprint has no venue`);
        if (p.type === 'inproceedings' || p.type === 'article') assert.ok(p.venue !== undefined || unverified(p, 'venue'), `${where}: venue`);
        if (p.venue !== undefined) {
          assert.doesNotMatch(p.venue, /^(arxiv|neurips|nips|icml|iclr|colt)$/i, `${where}: '${p.venue}' is a shorthand`);
          assert.ok(p.type !== undefined, `${where}: a venue without a type`);
        }
        if (p.arxiv !== undefined) assert.doesNotMatch(p.arxiv, /v\d+$/, `${where}: arXiv id with a version`);
        // One hyphen between first and last page (e.g. `6240-6249`, `E7665-E7671`, `31.1-31.12`).
        if (p.pages !== undefined) assert.match(p.pages, /^[A-Z]?[\d.]+-[A-Z]?[\d.]+$/, `${where}: pages`);
      }
    }
  });

  test('keys follow lastname + year + first title word, and former keys are unique', () => {
    for (const pack of packs) {
      const all = new Set<string>();
      for (const p of pack.papers) {
        for (const k of [p.key, ...(p.formerKeys ?? [])]) {
          assert.ok(!all.has(k), `${pack.id}: ${k} twice`);
          all.add(k);
        }
        if (status(p) !== 'unverified' && p.year !== undefined && !unverified(p, 'authors')) {
          assert.match(p.key, new RegExp(`^[a-z]+${p.year}[a-z0-9]+$`), `${pack.id}/${p.key}`);
        }
      }
    }
  });

  test('the counts of verified, partially verified and unverified papers per pack', () => {
    const counts = Object.fromEntries(
      packs.map((pack) => {
        const c = { papers: pack.papers.length, verified: 0, partial: 0, unverified: 0 };
        for (const p of pack.papers) c[status(p)] += 1;
        return [pack.id, c];
      }),
    );
    assert.deepEqual(Object.keys(counts), [...bundledCourseIds]);
    assert.deepEqual(counts, {
      'mit-18.408': { papers: 10, verified: 10, partial: 0, unverified: 0 },
      'mit-9.520-fall2024': { papers: 15, verified: 6, partial: 5, unverified: 4 },
      'tum-dl-theory-2020': { papers: 15, verified: 15, partial: 0, unverified: 0 },
      'dl-theory-notes': { papers: 102, verified: 86, partial: 7, unverified: 9 },
    });
  });

  test('a paper listed by two packs has the same key and metadata in both', () => {
    const seen = new Map<string, { pack: string; paper: CoursePaper }>();
    let shared = 0;
    for (const pack of packs) {
      for (const p of pack.papers) {
        const other = seen.get(p.key);
        if (other && status(p) !== 'unverified') {
          shared += 1;
          assert.equal(p.title, other.paper.title, `${p.key} in ${pack.id} and ${other.pack}`);
          assert.deepEqual(p.authors, other.paper.authors, p.key);
          assert.equal(p.year, other.paper.year, p.key);
          assert.equal(p.venue, other.paper.venue, p.key);
        }
        seen.set(p.key, { pack: pack.id, paper: p });
      }
    }
    // bartlett2017spectrally, arora2019exact, jacot2018neural, yehudai2019power.
    assert.equal(shared, 4);
  });
});
