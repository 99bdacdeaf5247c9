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
