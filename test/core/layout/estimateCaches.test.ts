import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { Context } from '../../../src/core/layout/context';
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
