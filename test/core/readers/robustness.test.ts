/** Bad input never throws out of readWriteup: it returns a model (and problems), quickly. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { readWriteup } from '../../../src/core/readers/index';

const formats = [
  ['markdown', '/w/report.md'],
  ['latex', '/w/report.tex'],
] as const;

const inputs: Array<[string, string]> = [
  ['broken YAML', '---\ntitle: [a\n  b: : :\n---\n# A\n'],
  ['unclosed math and environments', '# A\n\\section{A}\n$x\n\n$$\ny\n\\begin{align}\n\\begin{itemize}\n\\(\n\\['],
  ['binary bytes', Array.from({ length: 4096 }, (_, i) => String.fromCharCode((i * 7919) % 256)).join('') + '\u0000\uFFFE\uD800'],
  ['a long line of dollars', '$$$'.repeat(30_000)],
  ['50k nested braces', '\\section{' + '{'.repeat(50_000) + 'x' + '}'.repeat(50_000) + '}\n'],
  ['50k unclosed braces', '\\title{' + '{'.repeat(50_000)],
  ['50k nested brackets', '['.repeat(50_000) + '@a' + ']'.repeat(50_000)],
  ['a 5 MB line', 'word $x$ [@a] `code` \\cite{b} '.repeat(170_000)],
  ['50k \\( without closing', '\\( a '.repeat(50_000)],
  ['a BOM and lone CRs', '\uFEFF# A\r\rText [@a] $x$\r'],
];

describe('readers never throw', () => {
  test('markdown: a 5 MB line among normal paragraphs keeps its neighbours and ranges', () => {
    const line = 'word $x$ [@a] and more '.repeat(220_000);
    const w = readWriteup(`# Title\n\n${line}\n\n## After\n\nText [@z].\n`, { file: '/w/report.md' });
    assert.deepEqual(w.sections.map((s) => [s.title, s.range.start.line]), [['Title', 0], ['After', 4]]);
    assert.equal(w.citations.length, 220_001);
    assert.equal(w.math.length, 220_000);
    const last = w.citations[w.citations.length - 1]!;
    assert.deepEqual([last.key, last.range.start.line, last.range.start.character], ['z', 6, 7]);
  });

  test('latex: a 5 MB line', () => {
    const text = 'word $x$ [@a] \\cite{b} '.repeat(220_000);
    const w = readWriteup(text, { file: '/w/report.tex' });
    assert.equal(w.citations.length, 220_000);
    assert.equal(w.math.length, 220_000);
  });

  test('a flood of problems is capped', () => {
    const w = readWriteup('\\( a '.repeat(50_000), { file: '/w/report.tex' });
    assert.ok(w.problems.length <= 201, `${w.problems.length} problems`);
    assert.equal(w.problems[w.problems.length - 1]?.code, 'too-many-problems');
  });

  for (const [format, file] of formats) {
    for (const [name, text] of inputs) {
      test(`${format}: ${name}`, () => {
        const w = readWriteup(text, { file });
        assert.equal(w.format, format);
        assert.equal(w.text, text);
        assert.ok(Array.isArray(w.problems));
        assert.ok(w.lineCount >= 1);
        assert.ok(!w.problems.some((p) => p.code === 'reader-error'), JSON.stringify(w.problems.filter((p) => p.code === 'reader-error')));
      });
    }
  }

  test('broken YAML in Markdown: a front-matter-yaml problem, headings still read', () => {
    const w = readWriteup('---\ntitle: [a\n---\n\n# After\n', { file: 'x.md' });
    assert.ok(w.problems.some((p) => p.code === 'front-matter-yaml'));
    assert.deepEqual(w.sections.map((s) => s.title), ['After']);
  });

  test('unclosed LaTeX math: the sections after it are still read', () => {
    const w = readWriteup('\\section{A}\n$x\n\n\\section{B}\n', { file: 'x.tex' });
    assert.deepEqual(w.sections.map((s) => s.title), ['A', 'B']);
    assert.deepEqual(w.problems.map((p) => p.code), ['unclosed-math']);
  });

  test('800 nested list markers on one line: one list block over the whole line, text intact', () => {
    // Past 32 levels the markers are read as indentation (remark is quadratic in nesting).
    const text = `${'- '.repeat(800)}item`;
    const w = readWriteup(text, { file: 'x.md' });
    assert.equal(w.text, text);
    assert.deepEqual(w.blocks.map((b) => b.type), ['list']);
    assert.deepEqual(w.blocks[0]?.range, { start: { line: 0, character: 0 }, end: { line: 0, character: text.length } });
  });

  test('ordinary nested lists keep their structure (the depth cap is far away)', () => {
    const w = readWriteup('- a\n  - b\n    - c\n', { file: 'x.md' });
    assert.equal(w.blocks[0]?.type, 'list');
    assert.deepEqual(w.blocks[0]?.type === 'list' ? w.blocks[0].items.length : 0, 1);
  });
});

describe('a text far larger than a writeup', () => {
  for (const [format, file] of formats) {
    test(`${format}: over 12 MB, nothing is read and one problem says how large it is`, () => {
      const text = `# A\n\\section{A}\n${'word [@a] $x$ '.repeat(900_000)}`;
      const w = readWriteup(text, { file });
      assert.equal(w.text, text);
      assert.deepEqual([w.sections, w.citations, w.math, w.blocks], [[], [], [], []]);
      assert.deepEqual(w.problems.map((p) => [p.code, p.severity, p.message]), [
        ['too-large', 'error', 'This file is 12.6 MB: a writeup over 12.0 MB is not read (a 100-page report is about 0.3 MB). Is it the right file?'],
      ]);
    });
  }
});

describe('hostile front matter: one clear problem, never a hang or a misleading one', () => {
  const problems = (text: string) => readWriteup(text, { file: '/w/report.md' }).problems.filter((p) => p.code.startsWith('front-matter'));

  test('100,000 unclosed [ in a title: "nests more than 64 levels", not the YAML parser overflowing its stack', () => {
    const t0 = process.cpuUsage();
    const found = problems(`---\ntitle: ${'['.repeat(100_000)}\n---\n\n# Intro\n\nText.\n`);
    const used = process.cpuUsage(t0);
    assert.deepEqual(found.map((p) => p.message), ['Front matter nests lists or mappings more than 64 levels deep: it is not read.']);
    assert.deepEqual(found[0]?.range.start, { line: 1, character: 7 + 64 });
    assert.ok((used.user + used.system) / 1000 < 5000, 'a hang guard, not a speed goal');
  });

  test('deep block nesting (indentation, or `- ` after `- `) is refused the same way', () => {
    const indented = Array.from({ length: 2_000 }, (_, i) => `${' '.repeat(i)}a:`).join('\n');
    assert.match(problems(`---\n${indented} x\n---\n\n# Intro\n`)[0]?.message ?? '', /more than 64 levels deep/);
    assert.match(problems(`---\nk:\n  ${'- '.repeat(2_000)}x\n---\n\n# Intro\n`)[0]?.message ?? '', /more than 64 levels deep/);
  });

  test('ordinary nesting and TeX braces in header-includes still read', () => {
    const w = readWriteup('---\ntitle: T\nauthor:\n  - name: A\n    affiliation: [X, {a: [b]}]\nheader-includes: |\n  \\newcommand{\\R}{\\mathbb{R}}\n---\n\n# Intro\n', { file: '/w/report.md' });
    assert.deepEqual(w.problems, []);
    assert.equal(w.metadata.authors[0]?.name, 'A');
  });

  test('a bracket left open 3 levels deep is reported once, not once per level', () => {
    const found = problems('---\ntitle: [[[a\n---\n\n# Intro\n');
    assert.equal(new Set(found.map((p) => `${JSON.stringify(p.range)} ${p.message}`)).size, found.length);
    assert.ok(found.length >= 1);
  });

  test('an alias bomb: the expansion is named in a writer\'s words', () => {
    let yaml = 'a: &a [x, x, x, x, x, x, x, x, x]\n';
    for (const [prev, name] of [['a', 'b'], ['b', 'c'], ['c', 'd'], ['d', 'e'], ['e', 'f']]) yaml += `${name}: &${name} [${Array(9).fill(`*${prev}`).join(', ')}]\n`;
    const found = problems(`---\n${yaml}title: *f\n---\n\n# Intro\n`);
    assert.deepEqual(found.map((p) => p.message), ['Front matter could not be read: its aliases (`*name`) expand to too many values']);
  });

  test('a front matter line over 20,000 characters is read as written (it was read with its fences: "Source contains multiple documents")', () => {
    const abstract = 'word '.repeat(5_000);
    const w = readWriteup(`---\ntitle: T\nabstract: ${abstract}\ncourse: mit-18.408\n---\n\n# Intro\n`, { file: '/w/report.md' });
    assert.deepEqual(w.problems, []);
    assert.equal(w.metadata.title, 'T');
    assert.equal(w.metadata.course, 'mit-18.408');
    assert.equal(w.metadata.abstract, abstract.trim());
  });

  test('more than 32 unclosed [ in the front matter are a YAML error, as pandoc finds, not spaces', () => {
    const found = problems(`---\ntitle: ${'['.repeat(40)}x\n---\n\n# Intro\n`);
    assert.match(found[0]?.message ?? '', /^Front matter is not valid YAML: /);
  });

  test('values of the wrong type are named, not dropped without a word', () => {
    const found = problems('---\ntitle: {a: 1}\ncourse: [mit-18.408, mit-9.520]\nkind: {x: y}\nauthor: [Ada, {affiliation: MIT}]\nbibliography: [refs.bib, 7, {a: b}]\n---\n\n# Intro\n');
    assert.deepEqual(found.map((p) => [p.range.start.line, p.severity, p.message]), [
      [1, 'warning', '`title:` should be one value (e.g. `title: Margin bounds`), not a mapping: it is ignored.'],
      [2, 'error', '`course:` should be one value (e.g. `course: mit-18.408`), not a list: it is ignored.'],
      [3, 'error', '`kind:` should be one value (e.g. `kind: report`), not a mapping: it is ignored.'],
      [4, 'warning', 'Each `author:` entry should be a name or a mapping with `name:` (e.g. `- name: Ada Lovelace`): entries without a name are ignored.'],
      [5, 'warning', '`bibliography:` should be a file name or a list of file names (e.g. `bibliography: references.bib`): other values are ignored.'],
    ]);
  });

  test('a mapping used as a key: no Node warning on stderr (the CLI printed one)', () => {
    const warnings: unknown[] = [];
    const emit = process.emitWarning;
    process.emitWarning = ((w: unknown) => void warnings.push(w)) as typeof process.emitWarning;
    try {
      readWriteup('---\n? [a, b]\n: c\ntitle: T\n---\n\n# Intro\n', { file: '/w/report.md' });
    } finally {
      process.emitWarning = emit;
    }
    assert.deepEqual(warnings, []);
  });

  test('numbers, dates and booleans are fine where text is expected', () => {
    assert.deepEqual(problems('---\ntitle: 42\ndate: 2024-05-01\nauthor: [Ada, {name: Bo}]\ncourse: mit-18.408\n---\n\n# Intro\n'), []);
  });
});
