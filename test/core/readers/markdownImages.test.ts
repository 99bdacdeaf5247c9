/**
 * Images as the Markdown reader reads them (src/core/readers/markdown/images.ts, attributes.ts):
 * the label's inlines kept, the alt text plain, pandoc's attribute block the image's own.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { MdNode } from '../../../src/core/readers/chunkedParse';
import { readWriteup } from '../../../src/core/readers/index';
import { readAttributes } from '../../../src/core/readers/markdown/attributes';
import type { MdImage } from '../../../src/core/readers/markdown/images';
import { markdownTreeOf } from '../../../src/core/readers/markdown/tree';

function read(text: string) {
  const writeup = readWriteup(text, { file: '/ws/report.md' });
  const tree = markdownTreeOf(writeup);
  assert.ok(tree);
  return { writeup, paragraphs: (tree.children ?? []).filter((n) => n.type === 'paragraph') };
}

const types = (nodes: readonly MdNode[] | undefined): string[] => (nodes ?? []).map((n) => n.type);

describe('readAttributes: pandoc attribute blocks', () => {
  test('identifier, classes, values (quoted or not); the end after the brace', () => {
    const text = '{#fig:a .wide .x width=50% height="2 in" alt=\'q\'} rest';
    assert.deepEqual(readAttributes(text, 0), {
      attributes: { id: 'fig:a', classes: ['wide', 'x'], values: { width: '50%', height: '2 in', alt: 'q' } },
      end: text.indexOf(' rest'),
    });
    assert.deepEqual(readAttributes('{ width=1em\n  }', 0)?.attributes, { classes: [], values: { width: '1em' } });
    assert.deepEqual(readAttributes('{width=1 width=2}', 0)?.attributes.values, { width: '1' });
    assert.deepEqual(readAttributes('{.a.b}', 0)?.attributes.classes, ['a.b']);
  });

  test('what is no attribute block: text', () => {
    for (const text of ['{}x', '{width}', '{width=}', '{# x}', '{width="open}', '{a=1', '{a=1 b}', '{a=1\n\nb=2}', 'x{a=1}']) {
      if (text === '{}x') assert.deepEqual(readAttributes(text, 0), { attributes: { classes: [], values: {} }, end: 2 });
      else assert.equal(readAttributes(text, 0), undefined, text);
    }
  });
});

for (const [name, eol] of [
  ['LF', (t: string) => t],
  ['CRLF', (t: string) => t.replace(/\n/g, '\r\n')],
] as const) {
  describe(`Markdown reader: images (${name})`, () => {
    test('a figure: caption as plain text with math as its TeX, width from the attribute block', () => {
      const { writeup, paragraphs } = read(eol('![A *bold* caption with $x^2$ and [@a]](fig.png){#fig:a width=50%}\n'));
      const figure = writeup.blocks[0];
      assert.deepEqual(figure?.type === 'figure' && [figure.path, figure.width, figure.caption], ['fig.png', '50%', 'A bold caption with x^2 and [@a]']);
      const image = paragraphs[0]?.children?.[0] as MdImage;
      assert.deepEqual(types(paragraphs[0]?.children), ['image']);
      assert.deepEqual(types(image.children), ['text', 'emphasis', 'text']);
      assert.deepEqual(image.attributes, { id: 'fig:a', classes: [], values: { width: '50%' } });
      assert.deepEqual(writeup.citations.map((c) => c.key), ['a']);
      assert.deepEqual(writeup.math.map((m) => m.tex), ['x^2']);
    });

    test('an inline image keeps its attributes; the text after them stays text', () => {
      const { writeup, paragraphs } = read(eol('Inline ![icon](i.png){width=1em} here.\n'));
      const kids = paragraphs[0]?.children ?? [];
      assert.deepEqual(types(kids), ['text', 'image', 'text']);
      assert.deepEqual((kids[1] as MdImage).attributes?.values, { width: '1em' });
      assert.equal(kids[2]?.value, ' here.');
      const p = writeup.blocks[0];
      assert.equal(p?.type === 'paragraph' && p.text, 'Inline icon here.');
    });

    test('attributes after a space are text, and the image is no figure (as pandoc reads it)', () => {
      const { writeup, paragraphs } = read(eol('![spaced](s.png) {width=50%}\n'));
      assert.equal(writeup.blocks[0]?.type, 'paragraph');
      assert.equal((paragraphs[0]?.children?.[0] as MdImage).attributes, undefined);
    });

    test('a code span in a caption holds no math and no citation', () => {
      const { writeup } = read(eol('![See `$x$ and @a` here](f.png)\n'));
      assert.deepEqual(writeup.math, []);
      assert.deepEqual(writeup.citations, []);
    });
  });
}
