// The readers record where a paragraph's inline math and citations stand in its text; the page
// estimate sets the text between them from those spans instead of reading the text again.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { estimatePages } from '../../../src/core/layout';
import type { ParagraphBlock, Writeup } from '../../../src/core/model/writeup';
import { readWriteup } from '../../../src/core/readers';
import { citationSpans } from '../../../src/core/readers/inlineSpans';

const paragraphs = (w: Writeup): ParagraphBlock[] => w.blocks.filter((b): b is ParagraphBlock => b.type === 'paragraph');
const cut = (text: string, s: { start: number; end: number }) => text.slice(s.start, s.end);

describe('paragraph spans recorded by the readers', () => {
  test('Markdown: each inline math node and each citation, at its place in the text', () => {
    const w = readWriteup('Text with $x^2$ and then [@a; @b] as @c says, and $y$.\n', { file: '/w/p.md' });
    const [p] = paragraphs(w);
    assert.ok(p?.inline, 'the paragraph has spans');
    assert.deepEqual(p.inline.math.map((m) => m.node.tex), ['x^2', 'y']);
    const [first] = p.inline.math;
    assert.equal(p.text.slice(0, first?.before), 'Text with ');
    assert.equal(p.text.slice(first?.end, first?.end === undefined ? 0 : first.end + 5), ' and ');
    // Citations from the start of the text, before and after math: the estimate sets them from these.
    assert.deepEqual(p.inline.citations.map((c) => cut(p.text, c)), ['[@a; @b]', '@c']);
    const [q] = paragraphs(readWriteup('As [@a; @b] and @c say.\n', { file: '/w/q.md' }));
    assert.deepEqual(q?.inline?.citations.map((c) => cut(q.text, c)), ['[@a; @b]', '@c']);
  });

  test('LaTeX: the paragraph\'s own math, not that of its footnotes', () => {
    const w = readWriteup('\\begin{document}\nWe take $a+b$ here\\footnote{Where $c$ is small.} and $d$ there.\n\\end{document}\n', { file: '/w/r.tex' });
    const [p] = paragraphs(w);
    assert.deepEqual(p?.inline?.math.map((m) => m.node.tex), ['a+b', 'd']);
    assert.equal(p?.text.slice(p.inline?.math[0]?.before, p.inline?.math[0]?.end), 'a+b');
  });

  test('the page estimate sets a paragraph from its spans (a span read as a citation is not set as text)', () => {
    const text = `${'Words of the paragraph run on here. '.repeat(40)}[@a]\n`;
    const w = readWriteup(text, { file: '/w/p.md' });
    const [p] = paragraphs(w);
    assert.ok(p?.inline);
    const before = estimatePages(w).breakdown.text;
    // The same model with the first half of the text recorded as part of the citation: fewer lines set.
    const half = Math.floor(p.text.length / 2);
    const blocks = w.blocks.map((b) => (b === p ? { ...p, inline: { math: [], citations: [{ start: 0, end: half }] } } : b));
    const after = estimatePages({ ...w, blocks }).breakdown.text;
    assert.ok(after < before - 0.05, `${after} vs ${before}`);
  });
});

test('an in-text key with letters beyond ASCII is one citation span', () => {
  const text = 'As @müller2020 shows.';
  assert.deepEqual(citationSpans(text, 0).map((s) => text.slice(s.start, s.end)), ['@müller2020']);
});

test('a citation span counts the pandoc keys it holds, so the page estimate sets a group by its keys without reading it again', () => {
  const text = 'See [@a; @b, p. 3; -@c] and @d, and \\cite{e}.';
  assert.deepEqual(citationSpans(text, 0).map((s) => [text.slice(s.start, s.end), s.keys]), [['[@a; @b, p. 3; -@c]', 3], ['@d', 1], ['\\cite{e}', 0]]);
});
