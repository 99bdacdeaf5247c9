import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { estimatePages } from '../../../src/core/layout';
import { headingStacks } from '../../../src/core/layout/heading';
import type { Section } from '../../../src/core/model';
import { range } from '../../../src/core/model';
import { build, prose, type Part } from './model';

const section = (level: number, title: string, line: number): Section => ({ level, title, unnumbered: false, range: range(line, 0, line, 5), titleRange: range(line, 0, line, 5), bodyRange: range(line, 0, line, 5), blocks: [] });

describe('headingStacks', () => {
  test('a heading right after another is stacked and the first keeps it; a block between ends the stack', () => {
    const a = section(1, 'Method', 0);
    const b = section(2, 'Setup', 1);
    const c = section(3, 'Data', 2);
    const d = section(1, 'Results', 4);
    const stacks = headingStacks([a, b, c, undefined, d]);
    assert.equal(stacks.get(a)?.stacked, false);
    assert.equal(stacks.get(b)?.stacked, true);
    assert.equal(stacks.get(c)?.stacked, true);
    assert.equal(stacks.get(c)?.following, 0);
    // `Method` keeps `Setup` and `Data` (each its line and skips, no skip before), `Setup` keeps `Data`.
    assert.ok((stacks.get(a)?.following ?? 0) > (stacks.get(b)?.following ?? 0) + 15);
    assert.equal(stacks.get(d), undefined);
  });
});

describe('stacked headings in the page estimate', () => {
  test('a stack of headings never ends a page: the first heading moves with the others', () => {
    let moved = 0;
    // Slide the stack down the first page a line at a time, across the page end.
    for (let words = 600; words <= 760; words += 8) {
      const parts: Part[] = [{ para: prose(words, 1) }, { para: prose(160, 2) }, { heading: 'Method', level: 1 }, { heading: 'Setup', level: 2 }, { para: prose(200, 3) }];
      const e = estimatePages(build(parts));
      assert.ok(!e.pageBreaks.some((b) => b.line === 3), `with ${words} words a page starts at the subsection, leaving the section at the foot of the page before`);
      if (e.pageBreaks.some((b) => b.line === 2)) moved++;
    }
    assert.ok(moved > 0, 'the stack never reached the page end');
  });

  test('a stacked heading has no skip before it (LaTeX\'s \\if@nobreak): only \\parskip, its line and its skip after', () => {
    const before = [{ para: prose(100, 1) }, { heading: 'Method', level: 1 }] as const;
    const alone = estimatePages(build([...before, { para: prose(100, 2) }]));
    const stacked = estimatePages(build([...before, { heading: 'Setup', level: 2 }, { para: prose(100, 2) }]));
    // 5.5pt \parskip, an 11pt line, 0.8ex after; not the 1.8ex before.
    const added = (stacked.totalPages - alone.totalPages) * 648;
    assert.ok(Math.abs(added - (5.5 + 11 + 0.8 * 4.5)) < 0.5, `${added}pt`);
  });
});

describe('run-in \\paragraph titles', () => {
  test('a run-in title (bold, then 1em) begins the first line of its paragraph: long titles take lines', () => {
    const parts = (title: (i: number) => string): Part[] => Array.from({ length: 20 }, (_, i): Part[] => [{ heading: title(i), level: 4 }, { para: prose(12, i + 1) }]).flat();
    const short = estimatePages(build(parts(() => 'A.')));
    const long = estimatePages(build(parts(() => 'A rather long run-in title for this paragraph.')));
    // Each title is about 200pt of a 397pt line: most of the 20 paragraphs take a line more.
    const lines = ((long.breakdown.text - short.breakdown.text) * 648) / 10.95;
    assert.ok(lines > 10 && lines <= 20, `${lines.toFixed(1)} lines more`);
  });
});
