/**
 * A citation in every place pandoc and LaTeX print one (test/fixtures/citations/contexts.*):
 * the reader finds it, hover shows its reference, the undefined-citation rule reports it when
 * the .bib lacks it, and the preview renders it and lists it in the bibliography.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { createBibIndex } from '../../../src/core/bib/index';
import { parseBib } from '../../../src/core/bib/parse';
import { CitationCompletionProvider, citationContextAt } from '../../../src/core/features/citationCompletion';
import { CitationDefinitionProvider } from '../../../src/core/features/citationDefinition';
import { CitationHoverProvider } from '../../../src/core/features/citationHover';
import { lint } from '../../../src/core/lint/engine';
import { renderPreview } from '../../../src/core/preview/render';
import { readWriteup } from '../../../src/core/readers/index';
import { LINE_ENDS, withLineEnds } from '../../helpers/lineEnds';

const dir = join(__dirname, '..', '..', 'fixtures', 'citations');

const cases = [
  {
    file: 'contexts.md',
    keys: ['ctxNocite', 'ctxPlain', 'ctxInText', 'ctxImage', 'ctxLinkText', 'ctxTable', 'ctxInlineNote', 'ctxFootnote', 'ctxSpan', 'ctxDiv'],
    inText: ['ctxPlain', 'ctxInText', 'ctxImage', 'ctxLinkText', 'ctxTable', 'ctxInlineNote', 'ctxFootnote', 'ctxSpan', 'ctxDiv'],
  },
  {
    file: 'contexts.tex',
    keys: ['ctxPlain', 'ctxCaption', 'ctxFootnote', 'ctxTable', 'ctxOptional', 'ctxNocite', 'ctxBibitem'],
    inText: ['ctxPlain', 'ctxCaption', 'ctxFootnote', 'ctxTable', 'ctxOptional'],
  },
];

/** A .bib with an entry for each key, titled after it. */
function bibFor(keys: readonly string[]) {
  const text = keys.map((k) => `@article{${k}, author={Doe, Jane}, title={Paper ${k}}, journal={Journal}, year={2020}}\n`).join('');
  return createBibIndex([parseBib(text, join(dir, 'references.bib'))]);
}

for (const c of cases) {
  describe(`citations in every context: ${c.file}`, () => {
    const text = readFileSync(join(dir, c.file), 'utf8');
    const writeup = readWriteup(text, { file: join(dir, c.file) });
    const ownItems = new Set((writeup.bibItems ?? []).map((b) => b.key));
    const bibKeys = c.keys.filter((k) => !ownItems.has(k));

    test('the reader finds one citation per context', () => {
      assert.deepEqual([...new Set(writeup.citations.map((x) => x.key))].sort(), [...c.keys].sort());
    });

    for (const [kind, eol] of LINE_ENDS.filter(([k]) => k !== 'LF')) {
      test(`with ${kind} line ends: the same citations at the same lines and characters, the same undefined-citation problems`, () => {
        const other = readWriteup(withLineEnds(text, eol), { file: join(dir, c.file) });
        const seen = (w: typeof writeup) => w.citations.map((x) => [x.key, x.range, x.groupRange]);
        assert.deepEqual(seen(other), seen(writeup));
        const problems = (w: typeof writeup) => lint({ writeup: w, bib: bibFor([]), courses: [] }).filter((d) => d.rule === 'undefined-citation').map((d) => [d.message, d.range]);
        assert.deepEqual(problems(other), problems(writeup));
      });
    }

    test('hover shows the reference of each', () => {
      const hover = new CitationHoverProvider();
      const bib = bibFor(bibKeys);
      for (const key of c.keys) {
        const citation = writeup.citations.find((x) => x.key === key);
        assert.ok(citation, key);
        const h = hover.provide(writeup, citation.range.start, { bib, packs: [] });
        assert.equal(h?.defined, true, key);
        assert.match(h?.info?.reference ?? '', ownItems.has(key) ? /A reference written by hand/ : new RegExp(`Paper ${key}`), key);
      }
    });

    test('undefined-citation reports each when the .bib lacks it, none when it has them all', () => {
      const undefinedKeys = (bib: ReturnType<typeof bibFor>) =>
        lint({ writeup, bib, courses: [] })
          .filter((d) => d.rule === 'undefined-citation')
          .map((d) => /'([^']+)'/.exec(d.message)?.[1]);
      assert.deepEqual([...new Set(undefinedKeys(bibFor([])))].sort(), [...bibKeys].sort());
      assert.deepEqual(undefinedKeys(bibFor(bibKeys)), []);
    });

    test('the preview renders each citation and lists every key in the bibliography', () => {
      const bib = bibFor([...bibKeys, 'ctxUncited']);
      const resolveCitation = (key: string) => {
        const e = bib.get(key);
        return e && { key, authors: e.authors, title: e.title ?? '', year: e.year ?? '' };
      };
      const { body } = renderPreview(writeup, { resolveCitation, allKeys: () => [...bib.entries()].map((e) => e.key), resolveImage: (p) => `https://w/${p}` });
      for (const key of c.inText) assert.match(body, new RegExp(`data-cite="${key}"`), `${key} rendered`);
      for (const key of c.keys) assert.match(body, new RegExp(`data-key="${key}"`), `${key} in the bibliography`);
      assert.doesNotMatch(body, /class="cite missing"/);
      // \nocite{*} lists every entry; without it an uncited entry stays out.
      assert.equal(/data-key="ctxUncited"/.test(body), writeup.citesAll === true);
    });
  });
}

describe('citation contexts: definitions and completion', () => {
  test('\\nocite{*} cites everything; a \\bibitem defines its key and go to definition finds it', () => {
    const file = join(dir, 'contexts.tex');
    const writeup = readWriteup(readFileSync(file, 'utf8'), { file });
    assert.equal(writeup.citesAll, true);
    assert.deepEqual(writeup.bibItems?.map((b) => [b.key, b.label, b.text]), [['ctxBibitem', 'Doe(2020)', 'Jane Doe. A reference written by hand. 2020.']]);
    const use = writeup.citations.find((x) => x.key === 'ctxBibitem');
    assert.ok(use);
    const location = new CitationDefinitionProvider().provide(writeup, use.range.start, bibFor([]));
    assert.equal(location?.file, file);
    assert.deepEqual(location?.range, writeup.bibItems?.[0]?.range);
  });

  test('completion offers the keys the document defines with \\bibitem', () => {
    const file = join(dir, 'contexts.tex');
    const text = readFileSync(file, 'utf8').replace('Own reference \\citep{ctxBibitem}', 'Own reference \\citep{ctxB');
    const writeup = readWriteup(text, { file });
    const line = text.split('\n').findIndex((l) => l.includes('\\citep{ctxB'));
    const position = { line, character: (text.split('\n')[line] ?? '').indexOf('ctxB') + 4 };
    const list = new CitationCompletionProvider().provide({ text, format: 'latex', file, ...(writeup.bibItems ? { bibItems: writeup.bibItems } : {}) }, position, { bib: bibFor([]), packs: [] });
    assert.equal(list?.items[0]?.key, 'ctxBibitem');
    assert.match(list?.items[0]?.detail ?? '', /^Doe\(2020\) · Jane Doe\. A reference written by hand/);
  });

  test('completion is offered in nocite front matter, image captions and \\caption', () => {
    const md = '---\nnocite: |\n  @ctx\ntitle: x\n---\n\n![A figure [@sp](f.png)\n';
    assert.equal(citationContextAt(md, 'markdown', { line: 2, character: 6 })?.prefix, 'ctx');
    assert.equal(citationContextAt(md, 'markdown', { line: 3, character: 8 }), undefined, 'another key of the front matter');
    assert.equal(citationContextAt(md, 'markdown', { line: 6, character: 15 })?.prefix, 'sp');
    const tex = '\\begin{figure}\\caption{As in \\citep[see][p.~3]{ke';
    assert.equal(citationContextAt(tex, 'latex', { line: 0, character: tex.length })?.prefix, 'ke');
  });
});

describe('course papers by former key', () => {
  test('hover on a former key shows the paper it now names', async () => {
    const { paperPack } = await import('../../fakes/paperPack');
    const writeup = readWriteup('See [@sensitivity2018].\n', { file: '/w/p.md' });
    const citation = writeup.citations[0];
    assert.ok(citation);
    const h = new CitationHoverProvider().provide(writeup, citation.range.start, { bib: bibFor([]), packs: [paperPack] });
    assert.equal(h?.defined, false);
    assert.match(h?.info?.reference ?? '', /Sensitivity and Generalization in Neural Networks/);
  });
});

describe('unconfirmed metadata in hover', () => {
  test('a course paper with unverified fields says what to check; a .bib entry does not', async () => {
    const { citationMarkdown } = await import('../../../src/core/features/citationShared');
    const pack = {
      id: 'u',
      title: 'U',
      deliverables: [],
      papers: [{ key: 'doe2020draft', title: 'A draft', authors: ['Jane Doe'], year: 2020, unverified: ['year'], titleUnverified: true }],
    };
    const writeup = readWriteup('See [@doe2020draft].\n', { file: '/w/p.md' });
    const at = writeup.citations[0]?.range.start ?? { line: 0, character: 0 };
    const fromPack = new CitationHoverProvider().provide(writeup, at, { bib: bibFor([]), packs: [pack] });
    assert.deepEqual(fromPack?.info?.unconfirmed, ['title', 'year']);
    assert.match(citationMarkdown(fromPack?.info ?? { reference: '', source: '', links: [] }), /\*To check:\* title, year not confirmed/);
    const fromBib = new CitationHoverProvider().provide(writeup, at, { bib: bibFor(['doe2020draft']), packs: [pack] });
    assert.equal(fromBib?.info?.unconfirmed, undefined);
  });
});

describe('completion reads citations with the readers’ grammar', () => {
  const at = (text: string, format: 'latex' | 'markdown') => citationContextAt(text, format, { line: 0, character: text.length });
  test('a LaTeX command is a citation to complete exactly when the reader takes it for one', () => {
    for (const text of ['\\citep{ab', '\\citeA{ab', '\\parencite[p.~2]{x,ab', '\\shortcite{ab']) {
      assert.equal(at(text, 'latex')?.prefix, 'ab', text);
      const command = /\\([a-zA-Z]+)/.exec(text)?.[1] ?? '';
      assert.deepEqual(readWriteup(`${text}}`, { file: '/w/r.tex' }).citations.map((c) => c.command).slice(-1), [command], text);
    }
    // Commands that only contain "cite" are not citations: no keys offered, none read.
    for (const text of ['\\excite{ab', '\\recited{ab']) {
      assert.equal(at(text, 'latex'), undefined, text);
      assert.equal(readWriteup(`${text}}`, { file: '/w/r.tex' }).citations.length, 0, text);
    }
  });
  test('a pandoc key with letters beyond ASCII is typed and read as one key', () => {
    assert.equal(at('As [@müller', 'markdown')?.prefix, 'müller');
    assert.deepEqual(readWriteup('As @müller2020 shows.\n', { file: '/w/r.md' }).citations.map((c) => c.key), ['müller2020']);
  });
});
