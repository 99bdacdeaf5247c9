/**
 * The Markdown preview's figures, inline images and task lists, as pandoc prints them: a figure's
 * caption with its inline markup, an inline image with no caption and no attribute text, task boxes.
 * Every case runs on LF and CRLF text.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { CitedWork } from '../../../src/core/preview/citations';
import { renderPreview } from '../../../src/core/preview/render';
import { readWriteup } from '../../../src/core/readers/index';

const works: Record<string, CitedWork> = {
  a: { key: 'a', authors: ['Ada Lovelace'], year: 1843, title: 'Notes' },
};

/** The preview's body of `text` as report.md, images resolved under `img/`. */
function render(text: string): { body: string; citedKeys: readonly string[] } {
  return renderPreview(readWriteup(text, { file: '/ws/report.md' }), { resolveCitation: (k) => works[k], resolveImage: (p) => `img/${p}` });
}

/** The body without KaTeX's markup inside its outer span (for asserting the text around math). */
function withoutKatex(html: string): string {
  let out = html;
  for (let at = out.indexOf('<span class="katex">'); at >= 0; at = out.indexOf('<span class="katex">', at + 1)) {
    let depth = 0;
    const tag = /<(\/?)span\b[^>]*>/g;
    tag.lastIndex = at;
    for (let m = tag.exec(out); m; m = tag.exec(out)) {
      depth += m[1] ? -1 : 1;
      if (depth === 0) {
        out = `${out.slice(0, at)}<KATEX>${out.slice(tag.lastIndex)}`;
        break;
      }
    }
  }
  return out;
}

const endings = [
  ['LF', (t: string) => t],
  ['CRLF', (t: string) => t.replace(/\n/g, '\r\n')],
] as const;

for (const [name, eol] of endings) {
  describe(`Markdown preview: figures (${name})`, () => {
    test('a caption renders its emphasis, code, math and citations; the alt text is plain', () => {
      const { body, citedKeys } = render(eol('# Results\n\n![A *bold* `code` caption with $x^2$ and [@a]](fig.png){width=50%}\n\nAfter.\n'));
      const html = withoutKatex(body);
      assert.match(
        html,
        /<figure data-line="2"><img src="img\/fig\.png" alt="A bold code caption with x\^2 and \[@a\]" data-style="width:50%"><figcaption>A <em>bold<\/em> <code>code<\/code> caption with <KATEX> and <span class="citation">\(<a class="cite" href="#ref-a" data-cite="a">Lovelace 1843<\/a>\)<\/span><\/figcaption><\/figure>/,
      );
      assert.match(body, /<annotation encoding="application\/x-tex">x\^2<\/annotation>/);
      assert.doesNotMatch(body, /\*bold\*|`code`|\{width/);
      assert.deepEqual(citedKeys, ['a']);
      assert.match(body, /<p data-line="4">After\.<\/p>/);
    });

    test('an image the preview cannot show: its path in the placeholder, its caption rendered, no markup as text', () => {
      const { body, citedKeys } = render(eol('![Missing *bold* `code` [@a]](https://example.org/a.png)\n'));
      assert.match(
        body,
        /<figure data-line="0"><span class="figure missing" title="https:\/\/example\.org\/a\.png">\[figure: https:\/\/example\.org\/a\.png\]<\/span><figcaption>Missing <em>bold<\/em> <code>code<\/code> <span class="citation">/,
      );
      assert.doesNotMatch(body, /\*bold\*|`code`|\[@a\]/);
      assert.deepEqual(citedKeys, ['a']);
    });

    test('attributes: id and classes dropped, width and height as style, a bare number in pixels', () => {
      const { body } = render(eol('![Cap](a.png){#fig:x .wide width=30% height="2in"}\n\n![Px](b.png){width=300}\n'));
      assert.match(body, /<figure data-line="0"><img src="img\/a\.png" alt="Cap" data-style="width:30%;height:2in"><figcaption>Cap<\/figcaption><\/figure>/);
      assert.match(body, /<img src="img\/b\.png" alt="Px" data-style="width:300px">/);
      assert.doesNotMatch(body, /fig:x|wide|\{/);
    });

    test('a style that is not a length never reaches data-style', () => {
      const { body } = render(eol('![Cap](a.png){width="1px;background:url(x)"}\n'));
      assert.match(body, /<img src="img\/a\.png" alt="Cap"><figcaption>/);
      assert.doesNotMatch(body, /background/);
    });

    test('smart punctuation in a caption, as in running text', () => {
      const { body } = render(eol('![The "best" fit -- so far](a.png)\n'));
      assert.match(body, /<figcaption>The \u201cbest\u201d fit \u2013 so far<\/figcaption>/);
    });
  });

  describe(`Markdown preview: inline images (${name})`, () => {
    test('an image in running text is an <img> sized by its attributes: no figure, no caption, no attribute text', () => {
      const { body } = render(eol('Inline ![icon](i.png){width=1em} here.\n'));
      assert.match(body, /<p data-line="0">Inline <img src="img\/i\.png" alt="icon" data-style="width:1em"> here\.<\/p>/);
      assert.doesNotMatch(body, /figure|caption|\{width/);
    });

    test('two images in one paragraph are no figure either', () => {
      const { body } = render(eol('![a](a.png){height=1em}![b *c*](b.png)\n'));
      assert.match(body, /<p data-line="0"><img src="img\/a\.png" alt="a" data-style="height:1em"><img src="img\/b\.png" alt="b c"><\/p>/);
    });

    test('an attribute block over two lines is still the image\'s', () => {
      const { body } = render(eol('A ![a](b.png){width=1em\n  height=2em} z.\n'));
      assert.match(body, /<p data-line="0">A <img src="img\/b\.png" alt="a" data-style="width:1em;height:2em"> z\.<\/p>/);
    });

    test('an attribute block never closed is text', () => {
      const { body } = render(eol('A ![a](b.png){width=1em\n'));
      assert.match(body, /<p data-line="0">A <img src="img\/b\.png" alt="a">\{width=1em<\/p>/);
    });

    test('attributes after a space are text, as pandoc prints them', () => {
      const { body } = render(eol('![spaced](s.png) {width=50%}\n'));
      assert.match(body, /<p data-line="0"><img src="img\/s\.png" alt="spaced"> \{width=50%\}<\/p>/);
    });

    test('an inline image the preview cannot show: its alt text as plain text', () => {
      const { body } = render(eol('See ![the *logo* $x$](https://example.org/l.png){width=1em} here.\n'));
      assert.match(body, /<p data-line="0">See <span class="figure missing" title="https:\/\/example\.org\/l\.png">\[image: the logo x\]<\/span> here\.<\/p>/);
    });

    test('a reference image takes its address from the definition', () => {
      const { body } = render(eol('Logo ![*l*][logo] here.\n\n[logo]: l.png\n'));
      assert.match(body, /<p data-line="0">Logo <img src="img\/l\.png" alt="l"> here\.<\/p>/);
    });
  });

  describe(`Markdown preview: task lists (${name})`, () => {
    test('a tight task list: a disabled box in place of the bullet, ticked for [x] and [X]', () => {
      const { body } = render(eol('- [ ] todo\n- [x] done\n- [X] big\n- plain\n'));
      assert.match(body, /<li class="task" data-line="0"><input type="checkbox" disabled> todo<\/li>/);
      assert.match(body, /<li class="task" data-line="1"><input type="checkbox" disabled checked> done<\/li>/);
      assert.match(body, /<li class="task" data-line="2"><input type="checkbox" disabled checked> big<\/li>/);
      assert.match(body, /<li data-line="3">plain<\/li>/);
      assert.doesNotMatch(body, /\[ \]|\[x\]|\[X\]/);
    });

    test('a loose task list: the box inside the item\'s first paragraph', () => {
      const { body } = render(eol('1. [x] first\n\n   more\n\n2. [ ] second\n'));
      assert.match(body, /<li class="task" data-line="0"><p data-line="0"><input type="checkbox" disabled checked> first<\/p>\n<p data-line="2">more<\/p>\n<\/li>/);
      assert.match(body, /<li class="task" data-line="4"><p data-line="4"><input type="checkbox" disabled> second<\/p>/);
    });
  });
}
