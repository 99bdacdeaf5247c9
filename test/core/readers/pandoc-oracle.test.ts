/**
 * Pandoc as an oracle: for each fixture writeup in test/fixtures/readers/oracle, the citation keys,
 * math sources and heading titles the Markdown reader finds equal what `pandoc -t json` finds.
 * Pandoc reads with `-smart` (so titles keep straight quotes and dashes) and
 * `+tex_math_single_backslash` (so `\(..\)` and `\[..\]` are math, as our reader treats them);
 * raw math environments (`\begin{align}`) are pandoc RawInline/RawBlock tex, counted as math.
 * Headings are the top-level ones (sections), not headings quoted inside a block quote.
 * Citation keys include those of the front matter's `nocite:`.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { readWriteup } from '../../../src/core/readers/index';
import { MATH_ENVIRONMENTS } from '../../../src/core/readers/pandocInline';
import type { Writeup } from '../../../src/core/model/writeup';
import { LINE_ENDS, withLineEnds } from '../../helpers/lineEnds';

const dir = join(__dirname, '..', '..', 'fixtures', 'readers', 'oracle');
const fixtures = readdirSync(dir).filter((f) => f.endsWith('.md')).sort();
const pandoc = spawnSync('pandoc', ['--version'], { encoding: 'utf8' });
const hasPandoc = pandoc.status === 0;

interface Found {
  keys: string[];
  math: string[];
  headings: string[];
}

type Json = unknown;
const isNode = (x: Json): x is { t: string; c?: Json } => typeof x === 'object' && x !== null && !Array.isArray(x) && typeof (x as { t?: unknown }).t === 'string';

/** Plain text of pandoc inlines, math as its TeX. */
function stringify(x: Json): string {
  if (Array.isArray(x)) return x.map(stringify).join('');
  if (!isNode(x)) return '';
  switch (x.t) {
    case 'Str':
      return x.c as string;
    case 'Space':
    case 'SoftBreak':
    case 'LineBreak':
      return ' ';
    case 'Code':
      return (x.c as [unknown, string])[1];
    case 'Math':
      return (x.c as [unknown, string])[1];
    case 'RawInline':
    case 'Note':
      return '';
    case 'Cite':
      return stringify((x.c as [unknown, Json])[1]);
    case 'Link':
    case 'Image':
    case 'Span':
      return stringify((x.c as [unknown, Json, unknown])[1]);
    case 'Quoted':
      return `"${stringify((x.c as [unknown, Json])[1])}"`;
    default:
      return stringify(x.c);
  }
}

function walkPandoc(x: Json, out: Found, topLevel = false): void {
  if (Array.isArray(x)) {
    for (const y of x) walkPandoc(y, out, topLevel);
    return;
  }
  if (!isNode(x)) return;
  if (x.t === 'Cite') {
    const [citations] = x.c as [Array<{ citationId: string; citationPrefix: Json; citationSuffix: Json }>, Json];
    for (const c of citations) {
      out.keys.push(c.citationId);
      walkPandoc(c.citationPrefix, out);
      walkPandoc(c.citationSuffix, out);
    }
    return;
  }
  if (x.t === 'Math') {
    out.math.push((x.c as [unknown, string])[1]);
    return;
  }
  if (x.t === 'RawInline' || x.t === 'RawBlock') {
    const [format, text] = x.c as [string, string];
    const m = /^\\begin\{([A-Za-z]+\*?)\}([\s\S]*)\\end\{\1\}$/.exec(text.trim());
    if ((format === 'tex' || format === 'latex') && m && MATH_ENVIRONMENTS.has(m[1] ?? '')) out.math.push(m[2] ?? '');
    return;
  }
  // Sections are the document's own headings: a heading quoted in a block quote is not one.
  if (x.t === 'Header' && topLevel) {
    out.headings.push(stringify((x.c as [number, unknown, Json])[2]).trim());
  }
  walkPandoc(x.c, out);
}

const norm = (s: string): string => s.replace(/\s+/g, ' ').trim();

describe('pandoc oracle: the Markdown reader agrees with pandoc -t json', () => {
  test('has at least 10 fixtures', () => {
    assert.ok(fixtures.length >= 10, `only ${fixtures.length} fixtures`);
  });
  for (const file of fixtures) {
    test(file, (t) => {
      if (!hasPandoc) {
        t.skip('pandoc is not installed (apt-get install pandoc); CI installs it');
        return;
      }
      const text = readFileSync(join(dir, file), 'utf8');
      const result = spawnSync('pandoc', ['-f', 'markdown-smart+tex_math_single_backslash', '-t', 'json'], { input: text, encoding: 'utf8' });
      assert.equal(result.status, 0, result.stderr);
      const expected: Found = { keys: [], math: [], headings: [] };
      const doc = JSON.parse(result.stdout) as { blocks: Json; meta: Record<string, Json> };
      walkPandoc(doc.blocks, expected, true);
      // `nocite:` keys in the front matter are citations too (`@*` is every entry: no key of its own).
      const nocite: Found = { keys: [], math: [], headings: [] };
      walkPandoc(doc.meta['nocite'], nocite);
      expected.keys.push(...nocite.keys.filter((k) => k !== '*'));
      const w = readWriteup(text, { file: join(dir, file) });
      assert.deepEqual(w.citations.map((c) => c.key).sort(), [...expected.keys].sort(), 'citation keys');
      assert.deepEqual(w.math.map((m) => norm(m.tex)), expected.math.map(norm), 'math sources');
      assert.deepEqual(w.sections.map((s) => s.title), expected.headings, 'heading titles');
      assert.ok(expected.keys.length + expected.math.length + expected.headings.length > 0, 'fixture finds something');
    });
    // Windows (CRLF) and old Mac (lone CR) line ends: what the LF text gives (pandoc's answer, above), at the same lines and characters.
    for (const [kind, eol] of LINE_ENDS.filter(([k]) => k !== 'LF')) {
      test(`${file} (${kind})`, () => {
        const lf = withLineEnds(readFileSync(join(dir, file), 'utf8'), '\n');
        const found = (w: Writeup) => ({
          keys: w.citations.map((c) => [c.key, c.range]),
          math: w.math.map((m) => [norm(m.tex), m.range, m.contentRange]),
          headings: w.sections.map((s) => [s.title, s.level, s.range, s.titleRange]),
        });
        assert.deepEqual(found(readWriteup(withLineEnds(lf, eol), { file: join(dir, file) })), found(readWriteup(lf, { file: join(dir, file) })));
      });
    }
  }
});
