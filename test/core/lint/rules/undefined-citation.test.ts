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
import { paperPack } from '../../../fakes/paperPack';

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

  test('a paper with full metadata: the Add fix writes a complete entry (full names, booktitle, year, eprint)', () => {
    const writeup = { ...readForTest('See [@novak2018sensitivity].\n', 'markdown'), file: '/w/proposal.md' };
    const found = lint({ writeup, bib, courses: [paperPack] }, { ruleSet: [undefinedCitation] });
    const add = found[0]?.fixes[0];
    const after = apply(bibText, (add?.edits ?? []).filter((e) => e.file === '/w/references.bib'));
    const entry = createBibIndex([parseBib(after, '/w/references.bib')]).get('novak2018sensitivity');
    assert.equal(entry?.type, 'inproceedings');
    assert.deepEqual(entry?.authors, ['Roman Novak', 'Yasaman Bahri', 'Daniel A. Abolafia', 'Jeffrey Pennington', 'Jascha Sohl-Dickstein']);
    assert.equal(entry?.fields.booktitle, 'International Conference on Learning Representations');
    assert.equal(entry?.fields.eprint, '1802.08760');
    assert.equal(entry?.year, 2018);
  });

  test("a paper's former key still finds it: the Add fix adds it under its key and updates the citation", () => {
    const text = '---\nbibliography: references.bib\n---\nSee [@sensitivity2018].\n';
    const writeup = { ...readForTest(text, 'markdown'), file: '/w/proposal.md' };
    const found = lint({ writeup, bib, courses: [paperPack] }, { ruleSet: [undefinedCitation] });
    assert.match(found[0]?.message ?? '', /'sensitivity2018' is on the TP reading list/);
    const add = found[0]?.fixes[0];
    assert.equal(add?.preferred, true);
    assert.equal(apply(text, (add?.edits ?? []).filter((e) => e.file === undefined)), '---\nbibliography: references.bib\n---\nSee [@novak2018sensitivity].\n');
    assert.match(apply(bibText, (add?.edits ?? []).filter((e) => e.file !== undefined)), /@inproceedings\{novak2018sensitivity,/);
  });

  test('a former key of a paper the .bib already has under its current key: "Change to" it, not a second entry', () => {
    const withNovak = createBibIndex([parseBib('@inproceedings{novak2018sensitivity, author={Novak, Roman}, title={Sensitivity and Generalization in Neural Networks: an Empirical Study}, booktitle={ICLR}, year=2018}\n', '/w/references.bib')]);
    const text = 'See [@sensitivity2018].\n';
    const writeup = { ...readForTest(text, 'markdown'), file: '/w/proposal.md' };
    const found = lint({ writeup, bib: withNovak, courses: [paperPack] }, { ruleSet: [undefinedCitation] });
    assert.deepEqual(found[0]?.fixes.map((f) => [f.title, f.preferred]), [["Change to 'novak2018sensitivity'", true]]);
    assert.equal(apply(text, found[0]?.fixes[0]?.edits ?? []), 'See [@novak2018sensitivity].\n');
  });

  test('a key defined by \\bibitem in thebibliography is not undefined', () => {
    const tex = '\\documentclass{article}\n\\begin{document}\nSee \\cite{own}.\n\\begin{thebibliography}{1}\n\\bibitem{own} A. Author. Title. 2020.\n\\end{thebibliography}\n\\end{document}\n';
    const writeup = { ...readForTest(tex, 'latex'), file: '/w/report.tex' };
    assert.deepEqual(lint({ writeup, bib, courses: packs }, { ruleSet: [undefinedCitation] }), []);
  });

  test('defined keys are fine; no bibliography known: quiet', () => {
    assert.deepEqual(run('See [@golowich2018size].\n').found, []);
    const writeup = readForTest('See [@nobody].\n', 'markdown');
    assert.deepEqual(lint({ writeup, courses: packs }, { ruleSet: [undefinedCitation] }), []);
  });
});
