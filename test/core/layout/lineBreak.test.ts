import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { textWidth, type Face } from '../../../src/core/layout/fonts';
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

/**
 * What the line holds before the run: nothing, an indent, a citation the run is glued to or not,
 * two words as wide at 10pt with a space that may shrink, a box the run may join or not, a forced break.
 */
type Lead = 'none' | 'indent' | 'attach' | 'box' | 'spaced' | 'join' | 'negative' | 'break';

interface Setting {
  readonly text: string;
  readonly face: Face;
  readonly start: number;
  readonly end: number;
  readonly measure: number;
  readonly size: number;
  readonly lead: Lead;
}

/** Sets a run as a paragraph does (after an indent box or a citation, or alone) and reports what a user's page depends on. */
function set(s: Setting): { lines: number; last: number } {
  const b = new LineBreaker(s.measure, s.size);
  if (s.lead === 'indent') b.word(15, 1);
  if (s.lead === 'attach' || s.lead === 'box') b.word(60, 4);
  if (s.lead === 'attach') b.attach();
  if (s.lead === 'spaced') {
    b.word(30, 2);
    b.word(27.5, 2);
  }
  if (s.lead === 'join' || s.lead === 'negative') b.word(-20, 0);
  if (s.lead === 'join') b.joinNext();
  if (s.lead === 'break') {
    b.word(30, 2);
    b.breakLine();
  }
  b.text(s.text, s.face, s.start, s.end);
  b.word(12, 2);
  return { lines: b.lines, last: b.lastLineWidth };
}

const LEADS: readonly Lead[] = ['none', 'indent', 'attach', 'box', 'spaced', 'join', 'negative', 'break'];

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
        lead: LEADS[Math.floor(next() * LEADS.length)] ?? 'none',
      };
      forgetMeasuredWords();
      const fresh = set(s);
      assert.deepEqual(set(s), fresh, `second setting of ${JSON.stringify(s)}`);
      assert.deepEqual(set(s), fresh, `third setting of ${JSON.stringify(s)}`);
    }
  });

  test('a kept run set again after other words, in another measure or size, breaks as a fresh one does there', () => {
    const next = random(1919);
    for (let i = 0; i < 8; i++) {
      const text = `network\u2028${sentence(next, 10 + Math.floor(next() * 50))}`;
      // In the tight measure the first word goes beside 60pt at 10pt only if the space before it may shrink twice (the 'spaced'
      // lead); a forced break follows it, so the one-line difference stays to the end.
      // In `narrow` it goes after the -20pt box at 10pt only without a space (the 'join' lead).
      const tight = 61.6 + textWidth('network') * 10;
      const narrow = textWidth('network') * 10 - 19;
      const settings: Setting[] = [];
      for (const lead of LEADS) for (const measure of [250, tight, narrow]) for (const size of [9, 10]) settings.push({ text, face: 'regular', start: 0, end: text.length, measure, size, lead });
      const at = (lead: Lead, measure: number) => settings.findIndex((s) => s.lead === lead && s.measure === measure && s.size === 10);
      const fresh = settings.map((s) => {
        forgetMeasuredWords();
        return set(s);
      });
      assert.notDeepEqual(fresh[at('spaced', tight)], fresh[at('box', tight)]);
      assert.notDeepEqual(fresh[at('join', narrow)], fresh[at('negative', narrow)]);
      forgetMeasuredWords();
      for (let pass = 0; pass < 3; pass++) settings.forEach((s, k) => assert.deepEqual(set(s), fresh[k], `pass ${pass} of ${JSON.stringify(s)}`));
      // Each setting twice in a row (the second takes over the first's outcome), then each other one.
      settings.forEach((a, k) =>
        settings.forEach((b, j) => {
          for (const [s, r] of [[a, fresh[k]], [a, fresh[k]], [b, fresh[j]]] as const) assert.deepEqual(set(s), r, `${JSON.stringify(s)} after ${JSON.stringify(a)}`);
        }),
      );
    }
  });

  test('a run kept while millions of characters of other text are set (the kept runs renewed, the old ones dropped) still breaks as a fresh one', () => {
    const next = random(7);
    const kept = Array.from({ length: 5 }, () => sentence(next, 40));
    // Each round from another state of the line, so the kept words are read, not only the last outcome.
    const settings = (round: number) => kept.map((text): Setting => ({ text, face: 'regular', start: 0, end: text.length, measure: 150, size: 10, lead: LEADS[round % LEADS.length] ?? 'none' }));
    const fresh = LEADS.map((_, round) =>
      settings(round).map((s) => {
        forgetMeasuredWords();
        return set(s);
      }),
    );
    forgetMeasuredWords();
    for (let round = 0; round < 60; round++) {
      // 100,000 characters of text set once or twice, never again.
      for (let i = 0; i < 40; i++) {
        const other = `${round} ${i} ${sentence(next, 400)}`;
        countTextLines(other, 200);
        if (i % 2 === 0) countTextLines(other, 200);
      }
      // The first runs are set every round, the others every tenth (after their generation went).
      settings(round).forEach((s, k) => {
        if (k < 2 || round % 10 === 0) assert.deepEqual(set(s), fresh[round % LEADS.length]?.[k], `round ${round}, run ${k}`);
      });
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
