import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import type { FileHost } from '../../../src/core/host';
import type { Range } from '../../../src/core/model/range';
import { readWriteup } from '../../../src/core/readers/index';

const tex = (text: string, host?: FileHost) => readWriteup(text, { file: '/w/report.tex', ...(host ? { host } : {}) });
const r = (x: Range): string => `${x.start.line}:${x.start.character}-${x.end.line}:${x.end.character}`;
const memoryHost = (files: Record<string, string>): FileHost => ({ readFile: (p) => files[p], exists: (p) => p in files });

describe('latex reader: citations', () => {
  const cases: Array<{ name: string; text: string; keys: Array<[string, string]> }> = [
    { name: 'cite', text: '\\cite{a}', keys: [['a', 'cite']] },
    { name: 'citep with two optional arguments and several keys', text: '\\citep[see][p.~3]{a, b,c}', keys: [['a', 'citep'], ['b', 'citep'], ['c', 'citep']] },
    { name: 'citet, citeauthor, citeyear, citealp', text: '\\citet{a} \\citeauthor{b} \\citeyear{c} \\citealp{d}', keys: [['a', 'citet'], ['b', 'citeauthor'], ['c', 'citeyear'], ['d', 'citealp']] },
    { name: 'starred and nocite (without *)', text: '\\citet*{a} \\nocite{b,*}', keys: [['a', 'citet'], ['b', 'nocite']] },
    { name: 'comments are ignored; \\% is not a comment', text: '50\\% \\cite{a} % \\cite{b}\n\\cite{c}', keys: [['a', 'cite'], ['c', 'cite']] },
    { name: 'verbatim is skipped', text: '\\begin{verbatim}\n\\cite{a}\n\\end{verbatim}\n\\cite{b}', keys: [['b', 'cite']] },
    { name: '\\verb and \\iffalse are skipped', text: 'Type \\verb|\\cite{a}| or \\lstinline{\\cite{b}}.\n\\iffalse\n\\cite{c} \\ifx\\a\\b \\fi\n\\fi\n\\cite{d}', keys: [['d', 'cite']] },
  ];
  for (const c of cases) {
    test(c.name, () => {
      assert.deepEqual(tex(c.text).citations.map((x) => [x.key, x.command]), c.keys);
    });
  }

  test('each key has its own range; the group covers the command', () => {
    const w = tex('See \\citep[p.~3]{ab, cd}.');
    assert.deepEqual(w.citations.map((c) => r(c.range)), ['0:17-0:19', '0:21-0:23']);
    assert.equal(r(w.citations[0]!.groupRange), '0:4-0:24');
  });
});

describe('latex reader: math', () => {
  const cases: Array<{ name: string; text: string; math: Array<[string, boolean, string, string?]> }> = [
    { name: 'dollars', text: 'Let $x$ and $$y$$.', math: [['x', false, '$'], ['y', true, '$$']] },
    { name: 'parentheses and brackets', text: '\\(a\\) and \\[b\\]', math: [['a', false, '\\('], ['b', true, '\\[']] },
    { name: 'equation, align*, gather, multline', text: '\\begin{equation}e\\end{equation}\\begin{align*}a&=b\\end{align*}\\begin{gather}g\\end{gather}\\begin{multline*}m\\end{multline*}', math: [['e', true, 'env', 'equation'], ['a&=b', true, 'env', 'align*'], ['g', true, 'env', 'gather'], ['m', true, 'env', 'multline*']] },
    { name: 'escaped dollar is text', text: 'costs \\$5 and $z$', math: [['z', false, '$']] },
    { name: 'math in a definition is not read', text: '\\newcommand{\\x}{$q$}\n\\def\\y{$w$}\nThen $v$.', math: [['v', false, '$']] },
  ];
  for (const c of cases) {
    test(c.name, () => {
      assert.deepEqual(
        tex(c.text).math.map((m) => [m.tex, m.display, m.delimiter, ...(m.environment ? [m.environment] : [])]),
        c.math,
      );
    });
  }

  test('unclosed $ and unclosed environments are problems', () => {
    const w = tex('\\section{A}\nLet $x be.\n\n\\begin{itemize}\n\\item one\n');
    assert.deepEqual(w.problems.map((p) => [p.code, r(p.range)]), [
      ['unclosed-math', '1:4-1:5'],
      ['unclosed-environment', '3:0-3:15'],
    ]);
    assert.equal(w.sections[0]?.title, 'A');
  });

  test('unclosed math environment is a problem', () => {
    const w = tex('\\begin{align}\na &= b\n');
    assert.deepEqual(w.problems.map((p) => p.code), ['unclosed-environment']);
  });
});

describe('latex reader: structure', () => {
  test('the example report: metadata, nested sections, blocks, references', () => {
    const file = join(__dirname, '..', '..', '..', 'example', 'report.tex');
    const w = readWriteup(readFileSync(file, 'utf8'), { file });
    const m = w.metadata;
    assert.equal(m.title, 'Layer-wise Optimization with a Neural-Collapse Classifier');
    assert.deepEqual(m.authors.map((a) => [a.name, a.email]), [
      ['Dana Student', 'dana@mit.edu'],
      ['Eli Student', 'eli@mit.edu'],
    ]);
    assert.equal(m.authors[0]?.affiliation, 'Department of EECS, Massachusetts Institute of Technology');
    assert.deepEqual([m.course, m.kind], ['mit-9.520-fall2024', 'report']);
    assert.deepEqual(m.bibliography, ['references.bib']);
    assert.match(m.abstract ?? '', /^We train deep ReLU networks/);
    assert.match(m.headerIncludes ?? '', /\\newcommand\{\\R\}\{\\mathbb\{R\}\}/);
    assert.deepEqual(w.sections.map((s) => [s.level, s.title]), [
      [1, 'Introduction'],
      [1, 'Background'],
      [2, 'Generalization bounds'],
      [3, 'Low-rank weights'],
      [2, 'Wide networks'],
      [1, 'Method'],
      [1, 'Results'],
      [1, 'Conclusion'],
    ]);
    const results = w.sections.find((s) => s.title === 'Results')!;
    const [figure, table] = results.blocks;
    assert.deepEqual(figure?.type === 'figure' && [figure.path, figure.width, figure.caption], ['figures/rank-bound.png', '0.5\\linewidth', 'Training loss of layer-wise and end-to-end training.']);
    assert.deepEqual(table?.type === 'table' && [table.rows, table.columns], [3, 3]);
    assert.ok(w.referencesStart);
    assert.equal(w.text.split('\n')[w.referencesStart.start.line], '\\bibliography{references}');
  });

  test('starred sections are unnumbered; titleRange is the argument; \\paragraph is level 4', () => {
    const w = tex('\\section*{Intro}\n\\paragraph{Note} text\n\\appendix\n\\section{Proofs}\n');
    assert.deepEqual(w.sections.map((s) => [s.level, s.title, s.unnumbered]), [
      [1, 'Intro', true],
      [4, 'Note', false],
      [1, 'Proofs', false],
    ]);
    assert.equal(r(w.sections[0]!.titleRange), '0:10-0:15');
    assert.equal(r(w.appendixStart!), '2:0-2:9');
  });

  test('lists, tables, code, theorem-like environments and page breaks', () => {
    const w = tex(
      '\\section{A}\nFirst paragraph.\n\nSecond one.\n\\begin{enumerate}\n\\item one\n\\item two\n\\end{enumerate}\n\\begin{tabular}{l|cc}\na & b & c \\\\\n\\hline\n1 & 2 & 3 \\\\\n\\end{tabular}\n\\begin{algorithm}\nstep\nstep\n\\end{algorithm}\n\\begin{theorem}\nAll is $x$.\n\\end{theorem}\n\\clearpage\n',
    );
    const blocks = w.sections[0]!.blocks;
    assert.deepEqual(blocks.map((b) => b.type), ['paragraph', 'paragraph', 'list', 'table', 'code', 'environment', 'pagebreak']);
    assert.deepEqual(blocks[2]?.type === 'list' && [blocks[2].ordered, blocks[2].items], [true, ['one', 'two']]);
    assert.deepEqual(blocks[3]?.type === 'table' && [blocks[3].rows, blocks[3].columns], [2, 3]);
    assert.deepEqual(blocks[5]?.type === 'environment' && blocks[5].name, 'theorem');
  });

  test('disable directives and % writeup: metadata', () => {
    const w = tex('% writeup: course=mit-18.408 kind=proposal\n\\section{A}\n% writeup-disable-next-line empty-section\n\\section{B}\n');
    assert.deepEqual([w.metadata.course, w.metadata.kind], ['mit-18.408', 'proposal']);
    assert.deepEqual(w.disableDirectives, [{ line: 3, rules: ['empty-section'] }]);
  });

  test('\\addbibresource and \\printbibliography', () => {
    const w = tex('\\addbibresource{refs.bib}\n\\begin{document}\nText.\n\\printbibliography\n\\end{document}\n');
    assert.deepEqual(w.metadata.bibliography, ['refs.bib']);
    assert.equal(r(w.referencesStart!), '3:0-3:18');
  });
});

describe('latex reader: vertical space, footnotes, nested lists, algorithms', () => {
  test('\\vspace, \\vspace*, \\vskip and \\medskip become space blocks as written; inside a paragraph they follow it', () => {
    const w = tex('\\begin{document}\nText here.\n\\vspace{-2mm}\n\\section{A}\n\\vspace*{1cm}\n\nTwo \\vskip -0.5\\baselineskip plus 1pt\n\n\\medskip\n\\end{document}\n');
    const spaces = w.blocks.flatMap((b) => (b.type === 'space' ? [[b.length, b.keep === true, r(b.range)]] : []));
    assert.deepEqual(spaces, [['-2mm', false, '2:0-2:13'], ['1cm', true, '4:0-4:13'], ['-0.5\\baselineskip', false, '6:4-6:37'], ['\\medskipamount', false, '8:0-8:8']]);
    assert.deepEqual(w.blocks.map((b) => b.type), ['paragraph', 'space', 'space', 'paragraph', 'space', 'space']);
    assert.deepEqual(w.blocks.flatMap((b) => (b.type === 'paragraph' ? [b.text] : [])), ['Text here.', 'Two']);
  });

  test('a \\vspace inside a figure or a list is not a space block of the text', () => {
    const w = tex('\\begin{figure}\n\\vspace{-3mm}\n\\caption{C}\n\\end{figure}\n\\begin{itemize}\n\\item a \\vspace{-1mm}\n\\end{itemize}\n');
    assert.deepEqual(w.blocks.map((b) => b.type), ['figure', 'list']);
  });

  test('footnotes: recorded with their text and ranges, left out of the paragraph, their citations and math still read', () => {
    const w = tex('Known.\\footnote{See \\citet{a} for $x^2$ and {\\em more}.} Next \\footnotetext[3]{Only text.}\n');
    assert.deepEqual(w.footnotes?.map((f) => [r(f.range), r(f.bodyRange), f.text]), [
      ['0:6-0:56', '0:16-0:55', 'See [1] for x^2 and more.'],
      ['0:62-0:90', '0:79-0:89', 'Only text.'],
    ]);
    assert.deepEqual(w.blocks.map((b) => (b.type === 'paragraph' ? b.text : b.type)), ['Known. Next']);
    assert.deepEqual(w.citations.map((c) => c.key), ['a']);
    assert.deepEqual(w.math.map((m) => m.tex), ['x^2']);
  });

  test('nested lists: items hold their nested text; entries give every item with its depth', () => {
    const w = tex('\\begin{itemize}\n\\item one\n  \\begin{enumerate}\n  \\item inner % \\item not this\n    \\begin{itemize}\\item deep\\end{itemize}\n  \\end{enumerate}\n  after\n\\item[b)] two\n\\end{itemize}\n');
    const list = w.blocks[0];
    assert.ok(list?.type === 'list');
    assert.deepEqual(list.items, ['one inner deep after', 'two']);
    // Text after a nested list is a paragraph of its own in its item: it starts a line (U+2028, a forced break).
    assert.deepEqual(list.entries?.map((e) => [e.depth, e.text]), [[1, 'one\u2028 after'], [2, 'inner'], [3, 'deep'], [1, 'two']]);
  });

  test('an algorithm is a floating code block: its caption, and one line per statement', () => {
    const w = tex('\\begin{algorithm}[t]\n\\caption{Gradient descent}\n\\label{alg:gd}\n\\begin{algorithmic}[1]\n\\REQUIRE step $\\eta$\n\\FOR{$t = 1$ \\TO $T$}\n\\STATE $w \\gets w - \\eta g$\n\\ENDFOR\n\\RETURN $w$\n\\end{algorithmic}\n\\end{algorithm}\n');
    const code = w.blocks[0];
    assert.deepEqual(code?.type === 'code' && [code.lines, code.language, code.float, code.caption], [5, 'algorithm', true, 'Gradient descent']);
    const noEnd = tex('\\usepackage[noend]{algpseudocode}\n\\begin{document}\n\\begin{algorithm}\n\\begin{algorithmic}\n\\For{$i$}\n\\State \\Return $i$\n\\EndFor\n\\end{algorithmic}\n\\end{algorithm}\n\\end{document}\n');
    assert.deepEqual(noEnd.blocks[0]?.type === 'code' && noEnd.blocks[0].lines, 2);
    const plain = tex('\\begin{algorithm}\n\\caption{C}\nstep one\\;\nstep two\\;\n\\end{algorithm}\n');
    assert.deepEqual(plain.blocks[0]?.type === 'code' && plain.blocks[0].lines, 2);
  });
});

describe('latex reader: \\input and \\include', () => {
  test('follows inputs relative to the main file; ranges point at the \\input', () => {
    const host = memoryHost({
      '/w/sections/intro.tex': '\\section{Intro}\nAs in \\citep{a}, $x$.\n',
      '/w/method.tex': '\\section{Method}\n\\input{sections/deep}\n',
      '/w/sections/deep.tex': '\\subsection{Deep}\n\\cite{b}\n',
    });
    const w = tex('\\begin{document}\n\\input{sections/intro}\n\\include{method}\n\\end{document}\n', host);
    assert.deepEqual(w.includes, ['/w/sections/intro.tex', '/w/method.tex', '/w/sections/deep.tex']);
    assert.deepEqual(w.sections.map((s) => [s.level, s.title]), [[1, 'Intro'], [1, 'Method'], [2, 'Deep']]);
    assert.deepEqual(w.citations.map((c) => [c.key, r(c.range), c.origin?.file, c.origin && r(c.origin.range)]), [
      ['a', '1:0-1:22', '/w/sections/intro.tex', '1:13-1:14'],
      ['b', '2:0-2:16', '/w/sections/deep.tex', '1:6-1:7'],
    ]);
    assert.equal(w.math[0]?.tex, 'x');
  });

  test('a cycle is skipped with a warning', () => {
    const host = memoryHost({ '/w/a.tex': '\\input{b}\n', '/w/b.tex': '\\input{a}\n\\cite{k}\n' });
    const w = tex('\\input{a}\n', host);
    assert.deepEqual(w.citations.map((c) => c.key), ['k']);
    assert.ok(w.problems.some((p) => p.code === 'include-cycle'));
  });

  test('a missing file is a warning; without a host inputs are not followed', () => {
    assert.ok(tex('\\input{nope}\n', memoryHost({})).problems.some((p) => p.code === 'include-missing'));
    assert.deepEqual(tex('\\input{nope}\n').problems, []);
  });

  test('an \\input of a folder says something is there but cannot be read, not that it is missing', () => {
    const host: FileHost = { readFile: () => undefined, exists: (p) => p === '/w/sections.tex' };
    assert.deepEqual(tex('\\input{sections}\n\\input{gone}\n', host).problems.map((p) => p.message), [
      'Cannot read `sections` (/w/sections.tex is a folder, a device or a pipe, or cannot be read).',
      'Cannot read `gone` (looked for /w/gone.tex).',
    ]);
  });

  test('files that each \\input the next four times over (4^8 reads) stop at a limit, said once, instead of hanging', () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 12; i++) files[`/w/f${i}.tex`] = `Text ${i}.\n\n${`\\input{f${i + 1}}\n`.repeat(4)}`;
    const t0 = process.cpuUsage();
    const w = tex('\\begin{document}\n\\input{f0}\n\\end{document}\n', memoryHost(files));
    const used = process.cpuUsage(t0);
    const limit = w.problems.filter((p) => p.code === 'include-limit');
    assert.deepEqual(limit.map((p) => [p.message, r(p.range)]), [
      ['More than 5,000 `\\input` files and block macro uses (or 20 MB of their text) in one writeup: the rest are not read. Does a file or macro use another many times over?', '1:0-1:10'],
    ]);
    // Each problem is said once at its place: thousands of the same "nested more than 8 inputs deep" at the one \\input were one.
    assert.equal(w.problems.length, new Set(w.problems.map((p) => `${p.code} ${r(p.range)} ${p.message}`)).size);
    assert.ok((used.user + used.system) / 1000 < 5000, 'a hang guard, not a speed goal');
  });

  test('block macros that each use the next ten times over stop at the same limit', () => {
    let pre = '';
    const names = 'abcdefghij';
    for (let i = 0; i < 8; i++) pre += `\\newcommand{\\m${names[i]}}{\\section{S${i}}\n\n${`\\m${names[i + 1]}\n\n`.repeat(10)}}\n`;
    pre += '\\newcommand{\\mi}{\\section{Leaf}}\n';
    const t0 = process.cpuUsage();
    const w = tex(`\\documentclass{article}\n${pre}\\begin{document}\n\\ma\n\\end{document}\n`);
    const used = process.cpuUsage(t0);
    assert.deepEqual(w.problems.map((p) => p.code), ['include-limit']);
    assert.ok(w.sections.length <= 5_001, `${w.sections.length} sections`);
    assert.ok((used.user + used.system) / 1000 < 5000, 'a hang guard, not a speed goal');
  });
});

describe('latex reader: what the page estimate takes from the reader, in each file', () => {
  /** The facts of each block, by type: what the estimate asks of the source. */
  const facts = (w: ReturnType<typeof tex>) =>
    w.blocks.map((b) => {
      switch (b.type) {
        case 'figure':
        case 'table':
        case 'code':
          return [b.type, b.placement ?? '-'];
        case 'pagebreak':
          return [b.type, b.clear === true];
        case 'math':
          return [b.type, b.standalone === true];
        case 'paragraph':
          return [b.type, b.continuesDisplay === true];
        case 'environment':
          return [b.type, b.picture ? `${b.picture.centred ? 'centred ' : ''}${JSON.stringify(b.picture.tikz ?? b.picture.levels)}` : '-'];
        default:
          return [b.type];
      }
    });
  const body = [
    '\\begin{figure}[t]\\includegraphics{a.png}\\end{figure}',
    '\\begin{table*}[h!]',
    '\\begin{tabular}{l}a\\\\\\end{tabular}',
    '\\end{table*}',
    '\\begin{figure}',
    '[H]\\includegraphics{b.png}\\end{figure}',
    '\\begin{algorithm}\\caption{GD}\\begin{algorithmic}\\State x\\end{algorithmic}\\end{algorithm}',
    '\\begin{wrapfigure}{r}{0.4\\linewidth}\\includegraphics{c.png}\\end{wrapfigure}',
    '',
    '\\[ x \\]',
    'so that',
    '\\begin{equation*} y \\end{equation*}',
    '',
    'Text',
    '$$ z $$',
    '',
    '\\newpage',
    '\\clearpage \\cleardoublepage',
    '\\begin{center}',
    '\\begin{tikzpicture}\\draw (0,0) -- (0,1);\\end{tikzpicture}',
    '\\end{center}',
    '\\begin{forest}[a[b]]\\end{forest}',
  ].join('\n');
  const expected = [
    ['figure', 't'],
    ['table', 'h!'],
    ['figure', 'H'],
    ['code', '-'],
    ['figure', '-'],
    ['math', true],
    ['paragraph', true],
    ['math', false],
    ['paragraph', false],
    ['math', false],
    ['pagebreak', false],
    ['pagebreak', true],
    ['pagebreak', true],
    ['environment', 'centred {"scale":1,"yscale":1,"marks":[{"y":{"value":0}},{"y":{"value":1}}]}'],
    ['environment', '2'],
  ];

  test('float placements, forced breaks, displays and pictures of the main file', () => {
    assert.deepEqual(facts(tex(`\\begin{document}\n\n${body}\n\\end{document}\n`)), expected);
  });

  test('the same read from an \\input child: each fact from the child, not the \\input line', () => {
    const host = memoryHost({ '/w/child.tex': `\n${body}\n` });
    const w = tex('\\begin{document}\nText before.\n\\input{child}\n\\end{document}\n', host);
    assert.deepEqual(facts(w).slice(1), expected);
    assert.ok(w.blocks.slice(1).every((b) => b.range.start.line === 2));
  });

  test("a child's first line is preceded by the line before its \\input", () => {
    const host = memoryHost({ '/w/child.tex': '\\[ x \\]\nand so on.\n' });
    assert.deepEqual(facts(tex('\\begin{document}\n\n\\input{child}\n\\end{document}\n', host)), [['math', true], ['paragraph', true]]);
    assert.deepEqual(facts(tex('\\begin{document}\nText\n\\input{child}\n\\end{document}\n', host)), [['paragraph', false], ['math', false], ['paragraph', true]]);
  });

  test('CRLF and lone CR line ends give the same facts', () => {
    for (const eol of ['\r\n', '\r']) assert.deepEqual(facts(tex(`\\begin{document}\n\n${body}\n\\end{document}\n`.replace(/\n/g, eol))), expected, JSON.stringify(eol));
  });
});

describe('latex reader: the reference list font', () => {
  const doc = (preamble: string, body: string) => `\\documentclass{article}\n${preamble}\n\\begin{document}\nText.\n${body}\n\\end{document}\n`;
  test('a size switch in effect at \\bibliography is the list size, a group ends it', () => {
    assert.equal(tex(doc('', '{\\small\n\\bibliographystyle{plainnat}\n\\bibliography{refs}}')).referencesSize, 'small');
    assert.equal(tex(doc('', '{\\small Aside.}\n\\bibliography{refs}')).referencesSize, undefined);
  });
  test('a switch before a References heading counts, one after the list does not', () => {
    assert.equal(tex(doc('', '\\footnotesize\n\\section*{References}\n\\bibliography{refs}')).referencesSize, 'footnotesize');
    assert.equal(tex(doc('', '\\bibliography{refs}\n\\small')).referencesSize, undefined);
  });
  test("natbib's \\bibfont from the preamble", () => {
    assert.equal(tex(doc('\\renewcommand{\\bibfont}{\\footnotesize}', '\\bibliography{refs}')).metadata.bibFont, 'footnotesize');
    assert.equal(tex(doc('', '\\bibliography{refs}')).metadata.bibFont, undefined);
  });
});
