import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createBibIndex, parseBib } from '../../../src/core/bib';
import { estimatePages } from '../../../src/core/layout';
import { Context } from '../../../src/core/layout/context';
import type { EstimateBibliography } from '../../../src/core/layout/types';
import { paragraphLines } from '../../../src/core/layout/paragraph';
import { readWriteup } from '../../../src/core/readers';

/*
 * The estimate keeps what it works out from a writeup model for the next estimate of the same
 * model; an edited text is a new model, and these show it is looked at afresh.
 */

const BEFORE = '# Intro\n\nA paragraph with words and nothing else in it.\n';
const AFTER = '# Intro\n\nA paragraph with $x^2$ words[^n] and [@smith20] in it.\n\n[^n]: A note.\n';

describe('estimate lookups per writeup model', () => {
  test("an edited writeup's math, footnotes and citations are found, the old model's still not", () => {
    const before = readWriteup(BEFORE, { file: 'report.md' });
    const after = readWriteup(AFTER, { file: 'report.md' });
    const para = (w: typeof before) => {
      const b = w.blocks.find((x) => x.type === 'paragraph');
      assert.ok(b);
      return b.range;
    };
    for (let round = 0; round < 2; round++) {
      const old = new Context(before);
      assert.deepEqual(old.inlineMathIn(para(before)), []);
      assert.deepEqual(old.footnotesIn(para(before)), []);
      assert.deepEqual(old.citationGroupsIn(para(before)), []);
      const edited = new Context(after);
      assert.deepEqual(edited.inlineMathIn(para(after)).map((m) => m.tex), ['x^2']);
      assert.deepEqual(edited.footnotesIn(para(after)).map((n) => n.text), ['A note.']);
      assert.deepEqual(edited.citationGroupsIn(para(after)).map((g) => g.names), [['smith20']]);
    }
  });
});

describe('estimate lookups per range of a model', () => {
  test('the citation groups of one range with and without its notes, either asked first', () => {
    const text = '# Intro\n\nText [@a] more^[See [@b].] end.\n\nOther [@c] text.\n';
    for (const notesFirst of [true, false]) {
      const writeup = readWriteup(text, { file: 'report.md' });
      const [para, other] = writeup.blocks.filter((b) => b.type === 'paragraph').map((b) => b.range);
      assert.ok(para && other);
      const ctx = new Context(writeup);
      const notes = ctx.footnotesIn(para);
      assert.equal(notes.length, 1);
      const keys = (withNotes: boolean) => ctx.citationGroupsIn(para, withNotes ? notes : undefined).map((g) => g.names?.join());
      for (const withNotes of notesFirst ? [true, false, true] : [false, true, false]) assert.deepEqual(keys(withNotes), withNotes ? ['a'] : ['a', 'b']);
      assert.deepEqual(ctx.citationGroupsIn(other).map((g) => g.names?.join()), ['c']);
      assert.deepEqual(ctx.footnotesIn(other), []);
      // Another estimate of the model finds the same.
      assert.deepEqual(new Context(writeup).citationGroupsIn(para, notes).map((g) => g.names?.join()), ['a']);
    }
  });
});

describe('author-year labels per bibliography and citation group', () => {
  const bibOf = (author: string, year: number): EstimateBibliography => createBibIndex([parseBib(`@article{smith20, author = {${author}}, title = {T}, journal = {J}, year = {${year}}}\n`, 'references.bib')]);
  const text = 'A claim worth making [@smith20] and a few more words to end it.\n';
  /** The last line's width of the paragraph set with `bib` (and the model `writeup`, else a fresh one). */
  const width = (bib: EstimateBibliography, writeup = readWriteup(text, { file: 'report.md' })): number => {
    const block = writeup.blocks.find((b) => b.type === 'paragraph');
    assert.ok(block?.type === 'paragraph');
    const last = { width: 0 };
    paragraphLines(block.text, block.range, new Context(writeup, bib), 300, 10, 0, undefined, last, block.inline);
    return last.width;
  };

  test('another bibliography for the same model sets its own labels', () => {
    const writeup = readWriteup(text, { file: 'report.md' });
    const short = bibOf('Ann Smith', 2020);
    const long = bibOf('Ann Smith and Bob Jones and Carol Whitfield-Lancaster', 2021);
    const first = width(short, writeup);
    const other = width(long, writeup);
    assert.notEqual(other, first);
    assert.equal(other, width(long));
    assert.equal(width(short, writeup), first);
  });

  test('the same bibliography object holding other entries is looked at afresh', () => {
    const writeup = readWriteup(text, { file: 'report.md' });
    let current = bibOf('Ann Smith', 2020);
    // A host's index that follows the .bib as it is edited (the object stays, its entries change).
    const live: EstimateBibliography = {
      get: (key) => current.get(key),
      entries: () => current.entries(),
      get size() {
        return current.size;
      },
    };
    const first = width(live, writeup);
    current = bibOf('Ann Smith and Bob Jones and Carol Whitfield-Lancaster', 2021);
    const edited = width(live, writeup);
    assert.notEqual(edited, first);
    assert.equal(edited, width(current));
  });
});

describe('the estimate items per writeup model', () => {
  test('an edited writeup is estimated from its own headings and blocks', () => {
    const body = (n: number) => Array.from({ length: n }, (_, i) => `## Part ${i}\n\n${'Some words of the section here. '.repeat(60)}\n`).join('\n');
    const before = readWriteup(`# Intro\n\n${body(4)}`, { file: 'report.md' });
    const after = readWriteup(`# Intro\n\n${body(12)}`, { file: 'report.md' });
    const first = estimatePages(before);
    const edited = estimatePages(after);
    assert.ok(edited.totalPages > first.totalPages + 1, `${edited.totalPages} vs ${first.totalPages}`);
    // As for a model never estimated before, and the old model's estimate as it was.
    assert.deepEqual(edited, estimatePages({ ...after }));
    assert.deepEqual(estimatePages(before), first);
  });
});
