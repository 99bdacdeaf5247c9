import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createBibIndex } from '../../../../src/core/bib/index';
import { parseBib } from '../../../../src/core/bib/parse';
import { lint } from '../../../../src/core/lint/engine';
import { undefinedCitation } from '../../../../src/core/lint/rules/undefined-citation';
import type { TextEdit } from '../../../../src/core/lint/rule';
import { LineIndex } from '../../../../src/core/text/lineIndex';
import { testPacks } from '../../../fakes/courses';
import { readForTest } from '../../../fakes/writeup';

function apply(text: string, edits: readonly TextEdit[]): string {
  const lines = new LineIndex(text);
  const sorted = [...edits].sort((a, b) => lines.offsetAt(b.range.start) - lines.offsetAt(a.range.start));
  let out = text;
  for (const e of sorted) out = out.slice(0, lines.offsetAt(e.range.start)) + e.newText + out.slice(lines.offsetAt(e.range.end));
  return out;
}

const bibText = '@inproceedings{golowich2018size,\n  author = {Golowich, Noah},\n  title = {Size-Independent Sample Complexity of Neural Networks},\n  year = 2018\n}\n';
const bib = createBibIndex([parseBib(bibText, '/w/references.bib')]);
const packs = testPacks();
const course = packs.find((p) => p.id === 'mit-18.408');

function run(text: string) {
  const writeup = { ...readForTest(text, 'markdown'), file: '/w/proposal.md' };
  return { writeup, found: lint({ writeup, bib, courses: packs, ...(course ? { course } : {}) }, { ruleSet: [undefinedCitation] }) };
}

describe('undefined-citation', () => {
  test('a course paper not in the .bib: an error with the Add fix, which appends the entry and fixes nothing else', () => {
    const text = '---\ncourse: mit-18.408\nbibliography: references.bib\n---\n\nWe read [@bartlett2017spectrally].\n';
    const { found } = run(text);
    assert.equal(found.length, 1);
    const d = found[0];
    assert.ok(d);
    assert.equal(d.severity, 'error');
    assert.equal(d.message, "'bartlett2017spectrally' is on the 18.408 reading list but not in references.bib: add it to the bibliography");
    assert.deepEqual(d.range, { start: { line: 5, character: 10 }, end: { line: 5, character: 32 } });
    const add = d.fixes[0];
    assert.equal(add?.title, "Add 'Spectrally-normalized margin bounds for neural networks' from 18.408 to references.bib");
    assert.equal(add?.preferred, true);
    assert.deepEqual(add?.edits.map((e) => e.file), ['/w/references.bib']);
    const after = apply(bibText, add?.edits ?? []);
    assert.ok(after.startsWith(bibText), 'the .bib is appended to, not rewritten');
    const reparsed = createBibIndex([parseBib(after, '/w/references.bib')]);
    assert.equal(reparsed.get('bartlett2017spectrally')?.year, 2017);
  });

  test('a typo of a .bib key: "Change to" fix that repairs it', () => {
    const text = 'See [@golowich2018sise].\n';
    const { found } = run(text);
    assert.equal(found[0]?.message, "Unknown citation key 'golowich2018sise': it is not in references.bib");
    const change = found[0]?.fixes.find((f) => f.title === "Change to 'golowich2018size'");
    assert.ok(change);
    assert.equal(apply(text, change.edits), 'See [@golowich2018size].\n');
  });

  test('a close course key: the Add fix also corrects the citation to the new key', () => {
    const text = '---\nbibliography: references.bib\n---\n\nSee [@bartlett2017spectraly].\n';
    const { found } = run(text);
    const add = found[0]?.fixes[0];
    assert.match(add?.title ?? '', /^Add 'Spectrally-normalized/);
    assert.equal(add?.preferred, false);
    const own = (add?.edits ?? []).filter((e) => e.file === undefined);
    assert.equal(apply(text, own), '---\nbibliography: references.bib\n---\n\nSee [@bartlett2017spectrally].\n');
  });

  test('defined keys are fine; no bibliography known: quiet', () => {
    assert.deepEqual(run('See [@golowich2018size].\n').found, []);
    const writeup = readForTest('See [@nobody].\n', 'markdown');
    assert.deepEqual(lint({ writeup, courses: packs }, { ruleSet: [undefinedCitation] }), []);
  });
});
