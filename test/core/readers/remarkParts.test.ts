/**
 * The Markdown reader hands remark GFM's autolink literals and tables only when the text could
 * hold one (src/core/lazy/remark.ts): the tree must be the one a parse with all of GFM gives.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { globSync } from 'glob';
import { generateMarkdown } from '../../../bench/generate';
import { parseMarkdown, parseMarkdownWith } from '../../../src/core/lazy/remark';
import { readWriteup } from '../../../src/core/readers/index';

const ALL = { autolinks: true, tables: true };

function types(node: { type: string; children?: unknown[] }): string[] {
  return [node.type, ...((node.children ?? []) as { type: string }[]).flatMap((c) => types(c))];
}

describe('remark with GFM parts left out where they cannot match', () => {
  test('every Markdown fixture and a generated writeup parse as with all of GFM', () => {
    // Not the fuzz finds: remark alone is slow on them (the reader defuses them before it parses).
    const files = globSync('test/fixtures/**/*.md', { ignore: 'test/fixtures/fuzz/**' }).sort();
    assert.ok(files.length > 20, `found ${files.length} fixtures`);
    const texts = [...files.map((f) => readFileSync(f, 'utf8')), generateMarkdown({ pages: 3, bibEntries: 10 })];
    for (const [i, text] of texts.entries()) {
      // As JSON: some fixtures nest deeper than assert.deepEqual recurses.
      assert.equal(JSON.stringify(parseMarkdown(text)), JSON.stringify(parseMarkdownWith(text, ALL)), files[i] ?? 'generated writeup');
    }
  });

  test('autolink literals in every form remark-gfm reads are still links', () => {
    for (const text of ['Mail jane.doe@example.com now.', 'See www.example.org.', 'See WWW.Example.org.', 'At https://example.org/a.', 'At HTTP://example.org.', 'Use mailto:a+b@ex.co and xmpp:a@ex.co/r.', 'x_y@ex-ample.co']) {
      assert.ok(types(parseMarkdown(text)).includes('link'), text);
      assert.deepEqual(parseMarkdown(text), parseMarkdownWith(text, ALL), text);
    }
  });

  test('tables with and without pipes are still tables', () => {
    const tables = ['a | b\n--|--\n1 | 2\n', 'Width\n:---\n64\n', 'Width\n---:\n64\n', 'Width\n:-:\n', '> Width\n> --:\n', '- item\n\n  Width\n  :--\n'];
    for (const text of [...tables, ...tables.map((t) => t.replace(/\n/g, '\r\n'))]) {
      assert.ok(types(parseMarkdown(text)).includes('table'), JSON.stringify(text));
      assert.deepEqual(parseMarkdown(text), parseMarkdownWith(text, ALL), JSON.stringify(text));
    }
  });

  test('what a user sees: an e-mail address is no citation, a table without pipes is a table', () => {
    const w = readWriteup('Write to jane@example.com about [@smith2020].\n\nWidth\n:---\n64\n', { file: '/r/report.md' });
    assert.deepEqual(w.citations.map((c) => c.key), ['smith2020']);
    assert.deepEqual(w.blocks.map((b) => b.type), ['paragraph', 'table']);
  });
});
