import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Range } from '../../../src/core/model/range';
import { readWriteup } from '../../../src/core/readers/index';

const md = (text: string) => readWriteup(text, { file: '/w/report.md' });
const r = (x: Range): string => `${x.start.line}:${x.start.character}-${x.end.line}:${x.end.character}`;

describe('markdown reader: citations', () => {
  const cases: Array<{ name: string; text: string; keys: string[]; ranges?: string[]; flags?: string[] }> = [
    { name: 'one bracketed key', text: 'As shown [@bartlett2017spectrally].', keys: ['bartlett2017spectrally'], ranges: ['0:11-0:33'] },
    { name: 'a group with a locator', text: 'See [@a; @b, p. 3].', keys: ['a', 'b'], ranges: ['0:6-0:7', '0:10-0:11'] },
    { name: 'prefix and suffix', text: 'X [see @a, ch. 2; also @b].', keys: ['a', 'b'] },
    { name: 'in-text', text: '@golowich2018size prove it.', keys: ['golowich2018size'], flags: ['inText'] },
    { name: 'suppress author', text: 'Yang says [-@yang2019tensor].', keys: ['yang2019tensor'], flags: ['suppressAuthor'] },
    { name: 'internal punctuation, trailing dot dropped', text: 'By @Foo_bar.baz. and @doi:10/x.', keys: ['Foo_bar.baz', 'doi:10/x'] },
    { name: 'braced key', text: 'In [@{weird key?}] too.', keys: [] },
    { name: 'braced key without spaces', text: 'In [@{ISO:9001:2015}] too.', keys: ['ISO:9001:2015'] },
    { name: 'e-mail is not a citation', text: 'Write to foo@bar.com or x.@y today.', keys: [] },
    { name: 'code span is skipped', text: 'Type `[@a]` to cite, then [@b].', keys: ['b'] },
    { name: 'fenced code is skipped', text: '```\n[@a]\n```\n\nThen @b.', keys: ['b'] },
    { name: 'math is skipped', text: 'Let $f@g$ and $$x@y$$ hold [@c].', keys: ['c'] },
    { name: 'escaped at sign', text: 'Not \\@a but @b.', keys: ['b'] },
    { name: 'link destination is skipped', text: 'See [the post](https://x.org/@alice) by @bob.', keys: ['bob'] },
    { name: 'citation in a heading', text: '# On @a\n\nText.', keys: ['a'] },
    { name: 'citation in a list item and a table cell', text: '- item [@a]\n\n| x |\n|---|\n| @b |\n', keys: ['a', 'b'] },
    { name: 'nested key in a suffix', text: '[@c @d]', keys: ['c', 'd'] },
    { name: 'emoji before keeps UTF-16 columns', text: '😀 [@a]', keys: ['a'], ranges: ['0:5-0:6'] },
  ];
  for (const c of cases) {
    test(c.name, () => {
      const w = md(c.text);
      assert.deepEqual(
        w.citations.map((x) => x.key),
        c.keys,
      );
      if (c.ranges) assert.deepEqual(w.citations.map((x) => r(x.range)), c.ranges);
      if (c.flags?.includes('inText')) assert.equal(w.citations[0]?.inText, true);
      if (c.flags?.includes('suppressAuthor')) assert.equal(w.citations[0]?.suppressAuthor, true);
      assert.ok(w.citations.every((x) => x.command === 'pandoc'));
    });
  }

  test('group range covers the brackets', () => {
    const w = md('See [@a; @b, p. 3].');
    assert.equal(r(w.citations[0]!.groupRange), '0:4-0:18');
    assert.equal(r(w.citations[1]!.groupRange), '0:4-0:18');
  });

  test('a byte order mark does not shift ranges', () => {
    const w = md('\uFEFF---\ntitle: T\n---\n\n# H\n\n[@a] $x$\n');
    assert.equal(w.metadata.title, 'T');
    assert.equal(r(w.sections[0]!.titleRange), '4:2-4:3');
    assert.equal(r(w.citations[0]!.range), '6:2-6:3');
    assert.equal(r(w.math[0]!.range), '6:5-6:8');
    assert.deepEqual(w.problems, []);
  });

  test('CRLF line endings give the same ranges as LF', () => {
    const w = md('# A\r\n\r\nText [@a] and $x$.\r\n');
    assert.equal(r(w.citations[0]!.range), '2:7-2:8');
    assert.equal(r(w.math[0]!.range), '2:14-2:17');
  });
});

describe('markdown reader: math', () => {
  const cases: Array<{ name: string; text: string; math: Array<[string, boolean, string, string?]> }> = [
    { name: 'inline dollars', text: 'Let $x^2$ be.', math: [['x^2', false, '$']] },
    { name: 'money is not math', text: 'It costs $5 and $10.', math: [] },
    { name: 'space after opening dollar is not math', text: 'a $ b$ c', math: [] },
    { name: 'display dollars inline', text: 'so $$a=b$$ holds', math: [['a=b', true, '$$']] },
    { name: 'display block', text: '$$\n\\sum_k x_k\n$$', math: [['\n\\sum_k x_k\n', true, '$$']] },
    { name: 'escaped dollar', text: 'Pay \\$3 for $y$.', math: [['y', false, '$']] },
    { name: 'raw parentheses', text: 'Then \\(a+b\\) and \\[c\\].', math: [['a+b', false, '\\('], ['c', true, '\\[']] },
    { name: 'raw align environment', text: '\\begin{align}\na &= b \\\\\nc &= d\n\\end{align}', math: [['\na &= b \\\\\nc &= d\n', true, 'env', 'align']] },
    { name: 'starred environment with a blank line inside', text: '\\begin{equation*}\nx\n\n= y\n\\end{equation*}\n\nText $z$.', math: [['\nx\n\n= y\n', true, 'env', 'equation*'], ['z', false, '$']] },
    { name: 'code spans hide dollars', text: 'Use `$x$` for $y$.', math: [['y', false, '$']] },
    { name: 'text command with a dollar inside math', text: '$a \\text{b} c$', math: [['a \\text{b} c', false, '$']] },
  ];
  for (const c of cases) {
    test(c.name, () => {
      const w = md(c.text);
      assert.deepEqual(
        w.math.map((m) => [m.tex, m.display, m.delimiter, ...(m.environment ? [m.environment] : [])]),
        c.math,
      );
    });
  }

  test('ranges: whole math and its content', () => {
    const w = md('Let $x^2$ be.');
    assert.equal(r(w.math[0]!.range), '0:4-0:9');
    assert.equal(r(w.math[0]!.contentRange), '0:5-0:8');
  });

  test('a pandoc-crossref label on the closing $$ does not swallow the rest of the file', () => {
    const w = md('# A\n\n$$\nx\n$$ {#eq:x}\n\nSee @eq:x.\n\n# B\n');
    assert.deepEqual(w.sections.map((s) => s.title), ['A', 'B']);
    assert.deepEqual(w.math.map((m) => m.tex), ['\nx\n']);
    assert.deepEqual(w.sections[0]!.blocks.map((b) => b.type), ['math', 'paragraph']);
    assert.deepEqual(w.problems, []);
  });

  test('$$ followed by TeX on its line opens display math, as in pandoc', () => {
    const w = md('# A\n\n$$\\frac{a}{b}\n+ c$$\n\n# B\n');
    assert.deepEqual(w.sections.map((s) => s.title), ['A', 'B']);
    assert.deepEqual(w.math.map((m) => [m.tex, r(m.range)]), [['\\frac{a}{b}\n+ c', '2:0-3:5']]);
  });

  test('a display block is a math block', () => {
    const w = md('# M\n\n$$\nx\n$$\n');
    assert.equal(w.sections[0]!.blocks[0]?.type, 'math');
  });

  test('unclosed $$ is a problem at the opening delimiter', () => {
    const w = md('Text\n\n$$\nx = 1\n\nMore.');
    const p = w.problems.find((x) => x.code === 'unclosed-math');
    assert.ok(p);
    assert.equal(r(p.range), '2:0-2:2');
    assert.equal(p.severity, 'error');
  });

  test('unclosed $ before a letter is a warning; $5 is not', () => {
    assert.deepEqual(md('Let $x + y be.').problems.map((p) => [p.code, p.severity]), [['unclosed-math', 'warning']]);
    assert.deepEqual(md('It costs $5.').problems, []);
  });
});

describe('markdown reader: headings and sections', () => {
  test('levels, titles, attributes and ranges', () => {
    const w = md('# Introduction\n\nText.\n\n## Related Work {#rel}\n\nMore.\n\n# References {.unnumbered}\n\n::: {#refs}\n:::\n');
    assert.deepEqual(
      w.sections.map((s) => [s.level, s.title, s.unnumbered]),
      [
        [1, 'Introduction', false],
        [2, 'Related Work', false],
        [1, 'References', true],
      ],
    );
    assert.equal(r(w.sections[0]!.range), '0:0-0:14');
    assert.equal(r(w.sections[0]!.titleRange), '0:2-0:14');
    assert.equal(r(w.sections[1]!.titleRange), '4:3-4:15');
    assert.equal(r(w.sections[0]!.bodyRange), '0:0-3:0');
    assert.equal(r(w.referencesStart!), '8:0-8:26');
  });

  test('{-} marks unnumbered; setext headings; closing hashes', () => {
    const w = md('Title\n=====\n\n## Appendix A {-}\n\n### Proofs ###\n');
    assert.deepEqual(w.sections.map((s) => [s.level, s.title, s.unnumbered]), [
      [1, 'Title', false],
      [2, 'Appendix A', true],
      [3, 'Proofs', false],
    ]);
    assert.equal(r(w.sections[2]!.titleRange), '5:4-5:10');
    assert.equal(r(w.appendixStart!), '3:0-3:17');
  });

  test('heading attributes read as pandoc reads them (the one attribute grammar of images too)', () => {
    const w = md('# Einführung {#einführung}\n\n# B {- .x}\n\n# C {}\n\n# D {foo}\n\n# E {#e key="v w"}\n\n# F {#f}x\n');
    assert.deepEqual(w.sections.map((s) => [s.title, s.unnumbered]), [
      ['Einführung', false],
      ['B', true],
      ['C', false],
      ['D {foo}', false],
      ['E', false],
      ['F {#f}x', false],
    ]);
    assert.equal(r(w.sections[0]!.titleRange), '0:2-0:12');
  });

  test('markup and math in a title become plain text', () => {
    const w = md('# The *rank* of $W$\n');
    assert.equal(w.sections[0]!.title, 'The rank of W');
  });

  test('blocks land under their heading', () => {
    const w = md('Intro text.\n\n# A\n\n- one\n- two\n\n![Plot](fig.png){width=50%}\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n```python\nx = 1\n```\n\n\\newpage\n\n# B\n\n> quoted\n');
    assert.equal(w.blocks[0]?.type, 'paragraph');
    assert.deepEqual(w.sections[0]!.blocks.map((b) => b.type), ['list', 'figure', 'table', 'code', 'pagebreak']);
    const [list, figure, table, code] = w.sections[0]!.blocks;
    assert.deepEqual(list?.type === 'list' && list.items, ['one', 'two']);
    assert.deepEqual(figure?.type === 'figure' && [figure.path, figure.width, figure.caption], ['fig.png', '50%', 'Plot']);
    assert.deepEqual(table?.type === 'table' && [table.rows, table.columns], [2, 2]);
    assert.deepEqual(code?.type === 'code' && [code.lines, code.language], [1, 'python']);
    assert.deepEqual(w.sections[1]!.blocks.map((b) => b.type), ['environment']);
  });
});

describe('markdown reader: vertical space, footnotes, nested lists', () => {
  test('raw \\vspace in a paragraph is a space block, not words; alone it leaves no paragraph; in code it is code', () => {
    const w = md('\\vspace{-1cm}\n\nText \\vskip 2pt and `\\vspace{3pt}` more.\n\n\\vspace*{2ex}\\medskip\n');
    assert.deepEqual(w.blocks.map((b) => (b.type === 'space' ? `space ${b.length}${b.keep ? '*' : ''} ${r(b.range)}` : b.type)), [
      'space -1cm 0:0-0:13',
      'paragraph',
      'space 2pt 2:5-2:15',
      'space 2ex* 4:0-4:13',
      'space \\medskipamount 4:13-4:21',
    ]);
    assert.ok(w.blocks[1]?.type === 'paragraph' && !w.blocks[1].text.includes('vskip'));
  });

  test('footnotes: inline ^[...] and [^id] references with their definitions, in reading order, out of the text', () => {
    const w = md('Claim[^n] and more^[An *inline* note with $x$.] end. `^[code]`\n\n[^n]: The note on [@a].\n');
    assert.deepEqual(w.footnotes?.map((f) => [r(f.range), r(f.bodyRange), f.text]), [
      ['0:5-0:9', '2:0-2:23', 'The note on [@a].'],
      ['0:18-0:47', '0:20-0:46', 'An inline note with $x$.'],
    ]);
    assert.deepEqual(w.blocks.map((b) => (b.type === 'paragraph' ? b.text : b.type)), ['Claim and more end. ^ [code]']);
    assert.deepEqual(w.citations.map((c) => c.key), ['a']);
  });

  test('raw \\clearpage clears the floats, \\newpage does not; a display after a blank line stands alone', () => {
    const w = md('$$\nx\n$$\n\nText.\n\n\\clearpage\n\n\\newpage\n\n# Heading\n$$ y $$\n\nTail.\n');
    assert.deepEqual(
      w.blocks.map((b) => [b.type, b.type === 'math' ? b.standalone === true : b.type === 'pagebreak' ? b.clear === true : b.type === 'paragraph' ? b.continuesDisplay === true : '-']),
      [['math', true], ['paragraph', false], ['pagebreak', true], ['pagebreak', false], ['math', false], ['paragraph', false]],
    );
  });

  test('nested lists: entries give every item with its depth and only its own text', () => {
    const w = md('- one\n  - inner\n    1. deep\n- two\n');
    const list = w.blocks[0];
    assert.ok(list?.type === 'list');
    assert.deepEqual(list.items, ['one inner deep', 'two']);
    assert.deepEqual(list.entries?.map((e) => [e.depth, e.text]), [[1, 'one'], [2, 'inner'], [3, 'deep'], [1, 'two']]);
  });
});

describe('markdown reader: metadata', () => {
  test('front matter fields, authors as objects, key ranges', () => {
    const w = md(
      '---\ntitle: "On Margins"\nauthor:\n  - name: Ada\n    affiliation: MIT\n    email: ada@mit.edu\n  - Ben\ncourse: mit-18.408\nkind: proposal\nproject: reading\nbibliography: [a.bib, b.bib]\nwriteup:\n  disable: [page-limit]\nheader-includes:\n  - \\newcommand{\\R}{\\mathbb{R}}\n---\n\n# Intro\n',
    );
    const m = w.metadata;
    assert.equal(m.title, 'On Margins');
    assert.deepEqual(m.authors, [{ name: 'Ada', affiliation: 'MIT', email: 'ada@mit.edu' }, { name: 'Ben' }]);
    assert.deepEqual([m.course, m.kind, m.projectType], ['mit-18.408', 'proposal', 'reading']);
    assert.deepEqual(m.bibliography, ['a.bib', 'b.bib']);
    assert.deepEqual(m.disabledRules, ['page-limit']);
    assert.equal(m.headerIncludes, '\\newcommand{\\R}{\\mathbb{R}}');
    assert.equal(r(m.keyRanges['course']!), '7:0-7:18');
    assert.equal(r(m.titleRange!), '1:7-1:19');
    assert.equal(r(m.range!), '0:0-15:3');
  });

  test('front matter closed by `...` (as pandoc allows), up to the first closing line', () => {
    const w = md('---\ntitle: Dots\n...\n\n# Intro\n\nText.\n\n---\n\nMore.\n');
    assert.equal(w.metadata.title, 'Dots');
    assert.equal(r(w.metadata.range!), '0:0-2:3');
    assert.deepEqual(w.sections.map((s) => s.title), ['Intro']);
    const crlf = md('---\r\ntitle: Dots\r\n...\r\nText.\r\n');
    assert.equal(crlf.metadata.title, 'Dots');
    assert.deepEqual(crlf.blocks.map((b) => (b.type === 'paragraph' ? b.text : b.type)), ['Text.']);
  });

  test('author as one string', () => {
    assert.deepEqual(md('---\nauthor: Casey Student\n---\n').metadata.authors, [{ name: 'Casey Student' }]);
  });

  test('broken YAML is a problem located in the document', () => {
    const w = md('---\ntitle: ok\ncourse: [unclosed\n---\n\n# Intro\n');
    const p = w.problems.find((x) => x.code === 'front-matter-yaml');
    assert.ok(p, 'expected a front-matter-yaml problem');
    assert.ok(p.range.start.line >= 1 && p.range.start.line <= 3, `problem at line ${p.range.start.line}`);
    assert.equal(w.sections[0]?.title, 'Intro');
  });

  test('disable directives name the next line', () => {
    const w = md('# A\n\n<!-- writeup-disable-next-line page-limit empty-section -->\nText.\n');
    assert.deepEqual(w.disableDirectives, [{ line: 3, rules: ['page-limit', 'empty-section'] }]);
  });

  test('code ranges cover code spans and blocks', () => {
    const w = md('Use `x` here.\n\n```\ny\n```\n');
    assert.deepEqual(w.codeRanges?.map(r), ['0:4-0:7', '2:0-4:3']);
  });
});
