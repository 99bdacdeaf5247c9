/**
 * Hostile .bib and course-pack data must never turn into HTML or command links in hover and
 * completion documentation: the Markdown the core builds is rendered here with markdown-it in
 * its most permissive mode (raw HTML on), which is worse than VS Code's untrusted MarkdownString.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import MarkdownIt from 'markdown-it';
import { createBibIndex, emptyBibIndex } from '../../../src/core/bib/index';
import { parseBib } from '../../../src/core/bib/parse';
import type { CoursePack } from '../../../src/core/courses/types';
import { CitationCompletionProvider } from '../../../src/core/features/citationCompletion';
import { CitationHoverProvider } from '../../../src/core/features/citationHover';
import { citationMarkdown, escapeMarkdown } from '../../../src/core/features/citationShared';
import { testPacks } from '../../fakes/courses';

const IMG = '<img src=x onerror=alert(1)>';
const COMMAND = '[x](command:workbench.action.quit)';
const SCRIPT = '<script>alert(2)</script>';

const hostileBib = `@article{evil2024,
  title = {${IMG} and ${COMMAND}},
  author = {${SCRIPT} and Mallory, [click](command:workbench.action.files.delete)},
  journal = {<iframe src="javascript:alert(3)">},
  year = {2024},
  url = {javascript:alert(1)}
}
@misc{evil2025,
  title = {Paren escape},
  author = {Doe, Jane},
  year = {2025},
  url = {https://example.org/a)](command:workbench.action.quit}
}
`;

function hostilePacks(): readonly CoursePack[] {
  const base = testPacks();
  const first = base[0];
  assert.ok(first);
  const evil: CoursePack = {
    ...first,
    id: 'evil-pack',
    shortName: `Evil ${IMG}`,
    papers: [
      {
        key: 'evilpaper2023',
        title: `Pack ${COMMAND} ${IMG}`,
        authors: [SCRIPT, '[x](command:workbench.action.quit)'],
        year: 2023,
        venue: '<b>bold</b>',
        url: 'javascript:alert(4)',
        topic: '<svg onload=alert(5)>',
      },
    ],
  };
  return [...base, evil];
}

const md = new MarkdownIt({ html: true, linkify: false });
/** What a reader of the rendered documentation could click or run. */
function assertInert(markdown: string): void {
  const html = md.render(markdown);
  assert.doesNotMatch(html, /<(img|script|iframe|svg|b)\b/i, `raw HTML rendered: ${html}`);
  assert.doesNotMatch(html, /href="(command|javascript):/i, `dangerous link rendered: ${html}`);
  assert.doesNotMatch(markdown, /\]\((command|javascript):/i, `dangerous link in the markdown: ${markdown}`);
}

function at(text: string) {
  const offset = text.indexOf('|');
  return { text: text.replace('|', ''), position: { line: 0, character: offset } };
}

describe('hostile .bib and pack data in citation documentation', () => {
  const bib = createBibIndex([parseBib(hostileBib, '/w/references.bib')]);
  const sources = { bib, packs: hostilePacks(), courseId: 'evil-pack' };

  test('escapeMarkdown leaves no markup: HTML, links, emphasis', () => {
    const out = escapeMarkdown(`${IMG} ${COMMAND} *bold* \`code\``);
    assertInert(out);
    assert.equal(md.render(out).replace(/<\/?p>|\n/g, ''), md.utils.escapeHtml(`${IMG} ${COMMAND} *bold* \`code\``));
  });

  test('hover on a .bib entry with an <img> title, a command link and a javascript: url', () => {
    const { text, position } = at('See [@ev|il2024].');
    const hover = new CitationHoverProvider().provide(
      { citations: [{ key: 'evil2024', range: { start: { line: 0, character: 6 }, end: { line: 0, character: 14 } } } as never] },
      position,
      sources,
    );
    assert.ok(hover?.info, `no hover for ${text}`);
    // The javascript: url is not offered as a link at all.
    assert.deepEqual(hover.info.links.filter((l) => /^javascript:/i.test(l.url)), []);
    const markdown = citationMarkdown(hover.info);
    assertInert(markdown);
    // The title is still shown to the reader, as text.
    assert.match(md.render(markdown), /&lt;img src=x onerror=alert\(1\)&gt;/);
  });

  test('a url that tries to close the link and open a command link stays one https link', () => {
    const hover = new CitationHoverProvider().provide(
      { citations: [{ key: 'evil2025', range: { start: { line: 0, character: 6 }, end: { line: 0, character: 14 } } } as never] },
      { line: 0, character: 8 },
      sources,
    );
    assert.ok(hover?.info);
    const markdown = citationMarkdown(hover.info);
    assertInert(markdown);
    const hrefs = [...md.render(markdown).matchAll(/href="([^"]*)"/g)].map((m) => m[1]);
    assert.equal(hrefs.length, 1);
    assert.match(hrefs[0] ?? '', /^https:\/\/example\.org\//);
  });

  test('hover on a course-pack paper with hostile title, authors, venue, topic and url', () => {
    const hover = new CitationHoverProvider().provide(
      { citations: [{ key: 'evilpaper2023', range: { start: { line: 0, character: 6 }, end: { line: 0, character: 19 } } } as never] },
      { line: 0, character: 8 },
      { bib: emptyBibIndex, packs: hostilePacks(), courseId: 'evil-pack' },
    );
    assert.ok(hover?.info);
    assertInert(citationMarkdown(hover.info));
  });

  test('completion documentation for the hostile entries is inert', () => {
    const { text, position } = at('See [@evil|');
    const list = new CitationCompletionProvider().provide({ text, format: 'markdown' }, position, sources);
    const items = list?.items.filter((i) => i.key.startsWith('evil')) ?? [];
    assert.ok(items.length >= 2, `expected the hostile entries, got ${items.map((i) => i.key).join(', ')}`);
    for (const item of items) {
      assertInert(citationMarkdown(item.documentation));
      assert.doesNotMatch(item.label, /\]\(command:/);
    }
  });
});
