import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseBib } from '../../../src/core/bib/parse';
import { arxivOfEntry, isPreprintEntry, publishedVersionProblems } from '../../../src/core/bib/published';
import { LineIndex } from '../../../src/core/text/lineIndex';
import { paperPack } from '../../fakes/paperPack';

const packs = [paperPack];

/** Applies edits to a text, last first (what the editor does). */
function apply(text: string, edits: readonly { range: { start: { line: number; character: number }; end: { line: number; character: number } }; newText: string }[]): string {
  const lines = new LineIndex(text);
  let out = text;
  for (const e of [...edits].sort((a, b) => lines.offsetAt(b.range.start) - lines.offsetAt(a.range.start))) {
    out = out.slice(0, lines.offsetAt(e.range.start)) + e.newText + out.slice(lines.offsetAt(e.range.end));
  }
  return out;
}

describe('published-version check', () => {
  test('the ways a .bib marks a preprint: journal = arXiv, eprint, archivePrefix, an arxiv.org url', () => {
    const bib = parseBib(
      [
        '@article{a, title={X}, journal={arXiv preprint arXiv:1802.08760}, year={2018}}',
        '@misc{b, title={X}, eprint={1806.07572v2}, archivePrefix={arXiv}}',
        '@misc{c, title={X}, url={https://arxiv.org/abs/1812.11118}}',
        '@article{d, title={X}, journal={CoRR}, volume={abs/1412.6980}}',
        '@inproceedings{e, title={X}, booktitle={ICLR}, eprint={1412.6980}, archivePrefix={arXiv}}',
      ].join('\n'),
      'r.bib',
    );
    const [a, b, c, d, e] = bib.entries;
    assert.deepEqual([a, b, c, d].map((x) => x && arxivOfEntry(x)), ['1802.08760', '1806.07572', '1812.11118', undefined]);
    assert.deepEqual(bib.entries.map(isPreprintEntry), [true, true, true, true, false], 'a proceedings entry with an eprint is published already');
    assert.equal(e && arxivOfEntry(e), '1412.6980');
  });

  test('a preprint of a published pack paper: an information problem on the key and a fix keeping the key', () => {
    const text = '% mine\n@article{novak_preprint,\n  title = {Sensitivity and Generalization in Neural Networks: an Empirical Study},\n  author = {Novak, Roman and others},\n  journal = {arXiv preprint arXiv:1802.08760},\n  year = {2018}\n}\n\n@book{other, title={Kept}, author={A B}, year={2000}}\n';
    const bib = parseBib(text, 'r.bib');
    const problems = publishedVersionProblems(bib, packs);
    assert.equal(problems.length, 1);
    const p = problems[0];
    assert.equal(p?.severity, 'info');
    assert.equal(p?.range.start.line, 1);
    assert.match(p?.message ?? '', /novak_preprint.*published in International Conference on Learning Representations 2018/);
    const fixed = apply(text, p?.fix.edits ?? []);
    assert.match(fixed, /^% mine\n@inproceedings\{novak_preprint,\n/);
    assert.match(fixed, /booktitle\s+= \{International Conference on Learning Representations\}/);
    assert.match(fixed, /author\s+= \{Novak, Roman and Bahri, Yasaman/);
    assert.match(fixed, /\n\n@book\{other, title=\{Kept\}, author=\{A B\}, year=\{2000\}\}\n$/);
    const again = parseBib(fixed, 'r.bib');
    assert.deepEqual(again.problems, []);
    assert.deepEqual(publishedVersionProblems(again, packs), [], 'fixed: nothing more to report');
  });

  test('matched by title when the entry has no arXiv id; a pack preprint or an unknown paper is left alone', () => {
    const bib = parseBib(
      [
        '@misc{belkin, title={Reconciling Modern Machine Learning Practice and the Classical Bias-Variance Trade-off}, archivePrefix={arXiv}, eprint={}}',
        '@misc{vl, title={L2 Regularization versus Batch and Weight Normalization}, eprint={1706.05350}, archivePrefix={arXiv}}',
        '@misc{unknown, title={Something else}, eprint={2101.00001}, archivePrefix={arXiv}}',
      ].join('\n'),
      'r.bib',
    );
    const problems = publishedVersionProblems(bib, packs);
    assert.deepEqual(problems.map((p) => p.key), ['belkin']);
    assert.match(problems[0]?.fix.edits[0]?.newText ?? '', /^@article\{belkin,[\s\S]*journal\s+= \{Proceedings of the National Academy of Sciences\}[\s\S]*pages\s+= \{15849--15854\}/);
  });
});
