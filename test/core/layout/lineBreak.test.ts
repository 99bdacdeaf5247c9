import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { type Face } from '../../../src/core/layout/fonts';
import { LineBreaker, countTextLines, forgetMeasuredWords } from '../../../src/core/layout/lineBreak';

/** A small seeded generator, so a failure can be replayed. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const PIECES = ['the', 'network', 'bottom-up', 'well\u2013known', 'gradient', 'a', 'overparameterized', 'x-', '-', '\u2014', 'caf\u00e9', '\u5b66\u7fd2', 'NTK', 'of', 'width', 'infinite-width', 'U\u2028V', 'end.'];
const SPACES = [' ', ' ', ' ', '  ', '\n', '\t', '\u00a0'];

function sentence(next: () => number, words: number): string {
  let out = '';
  for (let i = 0; i < words; i++) {
    out += PIECES[Math.floor(next() * PIECES.length)] ?? '';
    out += SPACES[Math.floor(next() * SPACES.length)] ?? ' ';
  }
  return out;
}

interface Setting {
  readonly text: string;
  readonly face: Face;
  readonly start: number;
  readonly end: number;
  readonly measure: number;
  readonly size: number;
  readonly lead: 'none' | 'indent' | 'attach' | 'join';
}

/** Sets a run as a paragraph does (after an indent box or a citation, or alone) and reports what a user's page depends on. */
function set(s: Setting): { lines: number; last: number } {
  const b = new LineBreaker(s.measure, s.size);
  if (s.lead === 'indent') b.word(15, 1);
  if (s.lead === 'attach') {
    b.word(60, 4);
    b.attach();
  }
  if (s.lead === 'join') {
    b.word(-20, 0);
    b.joinNext();
  }
  b.text(s.text, s.face, s.start, s.end);
  b.word(12, 2);
  return { lines: b.lines, last: b.lastLineWidth };
}

describe('LineBreaker: the words of a run set again are kept', () => {
  test('a run set a second and third time (its words written down, then read back) breaks exactly as a fresh one', () => {
    const next = random(19);
    for (let i = 0; i < 300; i++) {
      const text = sentence(next, 5 + Math.floor(next() * 60));
      const start = next() < 0.3 ? Math.floor(next() * 10) : 0;
      const end = next() < 0.3 ? Math.max(start, text.length - Math.floor(next() * 10)) : text.length;
      const s: Setting = {
        text,
        face: (['regular', 'bold', 'italic'] as const)[i % 3] ?? 'regular',
        start,
        end,
        measure: 60 + Math.floor(next() * 340),
        size: [9, 10, 12][i % 3] ?? 10,
        lead: (['none', 'indent', 'attach', 'join'] as const)[Math.floor(next() * 4)] ?? 'none',
      };
      forgetMeasuredWords();
      const fresh = set(s);
      assert.deepEqual(set(s), fresh, `second setting of ${JSON.stringify(s)}`);
      assert.deepEqual(set(s), fresh, `third setting of ${JSON.stringify(s)}`);
    }
  });

  test('a changed text, range, face or size is measured afresh, not taken from the kept words', () => {
    const short = 'The kernel of a wide network stays close to its value at initialization during training.';
    const longer = short.replace('wide', 'overparameterized');
    const measure = 170;
    for (let i = 0; i < 3; i++) assert.equal(countTextLines(short, measure), 2);
    // One word longer: a third line, as a fresh measure gives.
    forgetMeasuredWords();
    const freshLonger = countTextLines(longer, measure);
    assert.equal(freshLonger, 3);
    for (let i = 0; i < 3; i++) assert.equal(countTextLines(short, measure), 2);
    assert.equal(countTextLines(longer, measure), freshLonger);
    // The same text in bold, at 12pt, or only its first half.
    forgetMeasuredWords();
    const bold = countTextLines(short, measure, 10, 'bold');
    const large = countTextLines(short, measure, 14);
    const half = new LineBreaker(measure);
    half.text(short, 'regular', 0, 44);
    const halfLines = half.lines;
    forgetMeasuredWords();
    for (let i = 0; i < 3; i++) countTextLines(short, measure);
    assert.equal(countTextLines(short, measure, 10, 'bold'), bold);
    assert.equal(countTextLines(short, measure, 14), large);
    assert.equal(bold, 3);
    assert.equal(large, 3);
    const again = new LineBreaker(measure);
    again.text(short, 'regular', 0, 44);
    assert.equal(again.lines, halfLines);
    assert.equal(halfLines, 1);
  });
});
