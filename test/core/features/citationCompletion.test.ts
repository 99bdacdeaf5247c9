import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createBibIndex, emptyBibIndex } from '../../../src/core/bib/index';
import { parseBib } from '../../../src/core/bib/parse';
import { CitationCompletionProvider, citationContextAt } from '../../../src/core/features/citationCompletion';
import type { WriteupFormat } from '../../../src/core/model/writeup';
import { testPacks } from '../../fakes/courses';
import { LINE_ENDS, type LineEnd, withLineEnds } from '../../helpers/lineEnds';

/** `|` marks the cursor; `eol` the line ends the source is written with. */
function at(source: string, format: WriteupFormat, eol: LineEnd = '\n') {
  const converted = withLineEnds(source, eol);
  const offset = converted.indexOf('|');
  const text = converted.slice(0, offset) + converted.slice(offset + 1);
  const before = text.slice(0, offset).split(/\r\n|\r|\n/);
  const position = { line: before.length - 1, character: (before[before.length - 1] ?? '').length };
  return { text, position, context: citationContextAt(text, format, position) };
}

describe('citation contexts', () => {
  const positives: [string, WriteupFormat, string, string][] = [
    ['Markdown [@', 'markdown', 'See [@|', ''],
    ['Markdown [@ with a prefix', 'markdown', 'See [@spec|', 'spec'],
    ['Markdown [-@', 'markdown', 'As [-@bart|] shows', 'bart'],
    ['after ; inside brackets', 'markdown', 'See [@a; @go|]', 'go'],
    ['after a space inside brackets with a prefix text', 'markdown', '[see @ya|, p. 3]', 'ya'],
    ['keys with internal punctuation', 'markdown', '[@arxiv:1806.075|', 'arxiv:1806.075'],
    ['after closed math on the line', 'markdown', 'Let $x$ be [@|', ''],
    ['after a code span on the line', 'markdown', 'Run `make` [@b|', 'b'],
    ['after a closed fence', 'markdown', '```\ncode\n```\n\nText [@|', ''],
    ['LaTeX \\cite{', 'latex', 'As \\cite{|', ''],
    ['LaTeX \\citep{ with prefix', 'latex', 'As \\citep{spec|}', 'spec'],
    ['LaTeX \\citet', 'latex', '\\citet{b|', 'b'],
    ['LaTeX \\citeauthor', 'latex', '\\citeauthor{b|', 'b'],
    ['LaTeX \\citeyear', 'latex', '\\citeyear{b|', 'b'],
    ['LaTeX \\nocite', 'latex', '\\nocite{b|', 'b'],
    ['LaTeX \\citealp', 'latex', '\\citealp{b|', 'b'],
    ['LaTeX optional arguments', 'latex', '\\citep[see][Thm.~2]{go|', 'go'],
    ['LaTeX after a comma', 'latex', '\\cite{a, b2|', 'b2'],
    ['LaTeX keys over two lines', 'latex', '\\cite{a,\n  gol|', 'gol'],
  ];
  for (const [name, format, source, prefix] of positives) {
    for (const [eolName, eol] of LINE_ENDS) {
      test(`in a citation: ${name} (${eolName})`, () => {
        const { context, position } = at(source, format, eol);
        assert.ok(context, 'expected a citation context');
        assert.equal(context.prefix, prefix);
        assert.deepEqual(context.range, { start: { line: position.line, character: position.character - prefix.length }, end: position });
      });
    }
  }
  test('a LaTeX citation after Windows line ends replaces the key from its first character (fuzz seed 1234)', () => {
    const text = '\r\n\r\n\\citep[p.~3]{a,b}\n';
    const context = citationContextAt(text, 'latex', { line: 2, character: 16 });
    assert.deepEqual(context?.range, { start: { line: 2, character: 15 }, end: { line: 2, character: 16 } });
    assert.equal(context?.prefix, 'b');
  });

  const negatives: [string, WriteupFormat, string][] = [
    ['an e-mail address', 'markdown', 'Mail ada@mit|'],
    ['an e-mail address inside brackets', 'markdown', '[mail ada@mit|'],
    ['a code span', 'markdown', 'Run `[@foo|` now'],
    ['a fenced code block', 'markdown', '```\n[@foo|\n```'],
    ['a tilde fence', 'markdown', '~~~python\nx = [@a|\n~~~'],
    ['inline math', 'markdown', 'Let $[@a|$ be'],
    ['display math', 'markdown', '$$\n[@a|\n$$'],
    ['front matter', 'markdown', '---\ntitle: "[@a|"\n---\n'],
    ['a bare @ outside brackets', 'markdown', 'Twitter @han|'],
    ['a link text without @', 'markdown', 'See [the pa|'],
    ['a closed citation', 'markdown', 'See [@a] and |'],
    ['LaTeX comment', 'latex', '% \\cite{a|'],
    ['LaTeX other command', 'latex', '\\ref{a|'],
    ['LaTeX inline math', 'latex', '$\\cite{a|'],
    ['LaTeX after the closing brace', 'latex', '\\cite{a} |'],
  ];
  for (const [name, format, source] of negatives) {
    for (const [eolName, eol] of LINE_ENDS) {
      test(`not in a citation: ${name} (${eolName})`, () => assert.equal(at(source, format, eol).context, undefined));
    }
  }
});

describe('CitationCompletionProvider', () => {
  const provider = new CitationCompletionProvider();
  const proposal = '---\ncourse: mit-18.408\nkind: proposal\n---\n\nWe study margins [@spectral|';

  test('typing [@spectral in an 18.408 proposal offers the Bartlett-Foster-Telgarsky paper first, ready to add', () => {
    const { text, position } = at(proposal, 'markdown');
    const list = provider.provide({ text, format: 'markdown' }, position, { bib: emptyBibIndex, packs: testPacks(), courseId: 'mit-18.408' });
    const first = list?.items[0];
    assert.ok(first);
    assert.equal(first.key, 'bartlett2017spectrally');
    assert.equal(first.label, 'bartlett2017spectrally');
    assert.match(first.detail, /^Bartlett et al\., 2017 · Spectrally-normalized/);
    // The same paper (same key) is also on the DL theory notes' list.
    assert.equal(first.documentation.source, '18.408 - Generalization Bounds I; DL theory notes - adam vs sgd');
    assert.match(first.documentation.reference, /Bartlett, P\. L\., Foster, D\. J\., & Telgarsky, M\. J\. \(2017\)\. Spectrally-normalized margin bounds for neural networks\. Advances in Neural Information Processing Systems/);
    assert.equal(first.addToBib?.paper.key, 'bartlett2017spectrally');
    assert.equal(first.addToBib?.pack.id, 'mit-18.408');
    assert.ok(first.filterText.startsWith('spectral '));
    assert.match(first.filterText, /Peter L\. Bartlett Dylan J\. Foster Matus J\. Telgarsky 2017/);
    assert.deepEqual(first.range, { start: { line: 5, character: 19 }, end: { line: 5, character: 27 } });
    assert.equal(first.sortText, '00000');
  });

  test('.bib entries carry no add-to-bib data and say they come from your .bib', () => {
    const bib = createBibIndex([parseBib('@misc{mine2021, author={Doe, Jane}, title={Spectral things}, year=2021, eprint={2101.00001}, archivePrefix={arXiv}}', '/w/references.bib')]);
    const { text, position } = at('See [@mine|', 'markdown');
    const item = provider.provide({ text, format: 'markdown' }, position, { bib, packs: testPacks() })?.items[0];
    assert.equal(item?.key, 'mine2021');
    assert.equal(item?.addToBib, undefined);
    assert.equal(item?.documentation.source, 'your .bib (references.bib)');
    assert.deepEqual(item?.documentation.links, [{ label: 'arXiv:2101.00001', url: 'https://arxiv.org/abs/2101.00001' }]);
  });

  test('nothing outside a citation', () => {
    const { text, position } = at('Mail ada@mit|', 'markdown');
    assert.equal(provider.provide({ text, format: 'markdown' }, position, { bib: emptyBibIndex, packs: testPacks() }), undefined);
  });
});
