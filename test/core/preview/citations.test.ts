import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import MarkdownIt from 'markdown-it';
import {
  authorLabel,
  type CitedWork,
  markdownItCitations,
  parseCitationBracket,
  renderBibliography,
  renderCitationGroup,
} from '../../../src/core/preview/citations';
import { readForTest } from '../../fakes/writeup';

const works: Record<string, CitedWork> = {
  bartlett2017spectrally: { key: 'bartlett2017spectrally', authors: ['Peter L. Bartlett', 'Dylan J. Foster', 'Matus Telgarsky'], year: 2017, title: 'Spectrally-normalized margin bounds' },
  neyshabur2015norm: { key: 'neyshabur2015norm', authors: ['Neyshabur, Behnam', 'Tomioka, Ryota'], year: 2015, title: 'Norm-based capacity control' },
  zhang2017: { key: 'zhang2017', authors: ['Chiyuan Zhang'], year: 2017 },
};
const resolve = (key: string) => works[key];
const text = (html: string) => html.replace(/<[^>]+>/g, '').replace(/&amp;/g, '&');

describe('author-year', () => {
  const four = ['Sanjeev Arora', 'Rong Ge', 'Behnam Neyshabur', 'Yi Zhang'];
  test('natbib (LaTeX): one, two, and three or more authors', () => {
    assert.equal(authorLabel(['Chiyuan Zhang'], 'natbib'), 'Zhang');
    assert.equal(authorLabel(['Neyshabur, Behnam', 'Tomioka, Ryota'], 'natbib'), 'Neyshabur and Tomioka');
    assert.equal(authorLabel(['Peter L. Bartlett', 'Dylan J. Foster', 'Matus Telgarsky'], 'natbib'), 'Bartlett et al.');
    assert.equal(authorLabel(['Ulrike von Luxburg'], 'natbib'), 'von Luxburg');
  });

  test("pandoc (Markdown): citeproc's Chicago author-date, three names listed and et al. from four", () => {
    assert.equal(authorLabel(['Chiyuan Zhang'], 'pandoc'), 'Zhang');
    assert.equal(authorLabel(['Neyshabur, Behnam', 'Tomioka, Ryota'], 'pandoc'), 'Neyshabur and Tomioka');
    assert.equal(authorLabel(['Peter L. Bartlett', 'Dylan J. Foster', 'Matus Telgarsky'], 'pandoc'), 'Bartlett, Foster, and Telgarsky');
    assert.equal(authorLabel(four, 'pandoc'), 'Arora et al.');
    assert.equal(authorLabel([], 'pandoc'), 'Anonymous');
  });

  test('a parenthetical group, a textual citation, a locator and an unknown key', () => {
    const group = [{ key: 'bartlett2017spectrally' }, { key: 'neyshabur2015norm', locator: 'p. 3' }];
    assert.equal(text(renderCitationGroup(group, resolve, 'natbib')), '(Bartlett et al., 2017; Neyshabur and Tomioka, 2015, p. 3)');
    assert.equal(text(renderCitationGroup(group, resolve, 'pandoc')), '(Bartlett, Foster, and Telgarsky 2017; Neyshabur and Tomioka 2015, p. 3)');
    assert.equal(text(renderCitationGroup([{ key: 'zhang2017' }], resolve, 'natbib', true)), 'Zhang (2017)');
    assert.equal(text(renderCitationGroup([{ key: 'bartlett2017spectrally' }], resolve, 'pandoc', true)), 'Bartlett, Foster, and Telgarsky (2017)');
    assert.equal(text(renderCitationGroup([{ key: 'nobody' }], resolve, 'pandoc')), '(nobody?)');
    assert.match(renderCitationGroup([{ key: 'nobody' }], resolve, 'natbib'), /class="cite missing"/);
  });

  test('pandoc brackets: prefixes, suppressed author, locators; not a citation without @', () => {
    assert.deepEqual(parseCitationBracket('see @a, p. 3; -@b'), [
      { key: 'a', prefix: 'see', locator: 'p. 3' },
      { key: 'b', suppressAuthor: true },
    ]);
    assert.equal(parseCitationBracket('just text'), undefined);
  });

  test('keys read with the reader\'s grammar: [@müller2020] is one key, not `m` and a locator', () => {
    assert.deepEqual(parseCitationBracket('@müller2020'), [{ key: 'müller2020' }]);
    assert.deepEqual(parseCitationBracket('see @gödel1931, p. 2; @{Smith:2020}'), [
      { key: 'gödel1931', prefix: 'see', locator: 'p. 2' },
      { key: 'Smith:2020' },
    ]);
    const reader = readForTest('Shown in [@müller2020] and by @müller2020.\n');
    assert.deepEqual(reader.citations.map((c) => c.key), ['müller2020', 'müller2020']);
    const md = new MarkdownIt({ html: false });
    markdownItCitations(md, { resolve: () => (key) => (key === 'müller2020' ? { key, authors: ['Anna Müller'], year: 2020 } : undefined) });
    assert.equal(text(md.renderInline('Shown in [@müller2020] and by @müller2020.', {})), 'Shown in (Müller 2020) and by Müller (2020).');
  });
});

describe('bibliography', () => {
  test('cited works only, sorted by author, hostile titles escaped, javascript: URLs dropped', () => {
    const hostile: CitedWork = { key: 'evil', authors: ['Mallory', '<b>Eve</b>'], year: 2020, title: '<img src=x onerror=alert(1)>', url: 'javascript:alert(1)' };
    const html = renderBibliography(['zhang2017', 'evil', 'bartlett2017spectrally', 'zhang2017', 'missing'], (k) => (k === 'evil' ? hostile : resolve(k)));
    assert.deepEqual([...html.matchAll(/data-key="([^"]+)"/g)].map((m) => m[1]), ['bartlett2017spectrally', 'evil', 'zhang2017']);
    assert.match(html, /&lt;img src=x onerror=alert\(1\)&gt;/);
    assert.match(html, /&lt;b&gt;Eve&lt;\/b&gt;/);
    assert.doesNotMatch(html, /<img|javascript:/);
  });
});

describe('markdownItCitations (also used by VS Code\'s Markdown preview)', () => {
  const md = new MarkdownIt({ html: false });
  markdownItCitations(md, { resolve: () => resolve });

  test('bracketed, suppressed-author and in-text citations render author-year', () => {
    assert.equal(text(md.renderInline('As shown [@bartlett2017spectrally; -@zhang2017].')), 'As shown (Bartlett, Foster, and Telgarsky 2017; 2017).');
    assert.equal(text(md.renderInline('@neyshabur2015norm show this.')), 'Neyshabur and Tomioka (2015) show this.');
  });

  test('emails and links are left alone; cited keys are collected in env', () => {
    assert.equal(text(md.renderInline('mail a@b.com')), 'mail a@b.com');
    assert.match(md.renderInline('[text](https://example.com)'), /<a href="https:\/\/example.com">text<\/a>/);
    const env: { citedKeys?: string[] } = {};
    md.render('See [@zhang2017].', env);
    assert.deepEqual(env.citedKeys, ['zhang2017']);
  });
});
