import { describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';

interface Snippet {
  prefix: string;
  description: string;
  body: string[];
}

const load = (name: string): Record<string, Snippet> =>
  JSON.parse(readFileSync(join(__dirname, '../../snippets', `${name}.json`), 'utf8')) as Record<string, Snippet>;

/** Expands a snippet body as VS Code does when every placeholder keeps its default. */
function expand(body: string): string {
  let out = '';
  let i = 0;
  const readUntilClose = (): string => {
    // The default text of ${n:...}, which may nest placeholders and escapes.
    let depth = 0;
    let text = '';
    for (; i < body.length; i++) {
      const c = body[i];
      if (c === '\\' && i + 1 < body.length && '$}\\'.includes(body[i + 1] ?? '')) {
        text += c + body[++i];
      } else if (c === '$' && body[i + 1] === '{') {
        depth++;
        text += c;
      } else if (c === '}') {
        if (depth === 0) return text;
        depth--;
        text += c;
      } else text += c;
    }
    throw new Error('unclosed placeholder');
  };
  for (; i < body.length; i++) {
    const c = body[i];
    if (c === '\\' && '$}\\'.includes(body[i + 1] ?? '')) {
      out += body[++i];
    } else if (c === '$') {
      const simple = /^\$(\d+)/.exec(body.slice(i));
      const braced = /^\$\{(\d+)(:|\|)?/.exec(body.slice(i));
      if (simple) i += simple[0].length - 1;
      else if (braced) {
        i += braced[0].length;
        if (braced[2] === ':') out += expand(readUntilClose());
        else if (braced[2] === '|') {
          const end = body.indexOf('|}', i);
          out += body.slice(i, end).split(',')[0];
          i = end + 1;
        } else i = body.indexOf('}', i);
      } else throw new Error(`unescaped $ at ${i}: ${body.slice(i, i + 20)}`);
    } else out += c;
  }
  return out;
}

const expected = ['proposal', 'report', 'theorem', 'lemma', 'proof', 'definition', 'align', 'figure', 'table', 'algorithm', 'contribution', 'cite'];

for (const language of ['markdown', 'latex']) {
  describe(`snippets/${language}.json`, () => {
    const snippets = load(language);
    const byPrefix = new Map(Object.values(snippets).map((s) => [s.prefix, s]));
    const text = (prefix: string): string => expand((byPrefix.get(prefix)?.body ?? []).join('\n'));

    test('has every expected prefix, each with a description and a body', () => {
      assert.deepEqual([...byPrefix.keys()].sort(), [...expected].sort());
      for (const [name, s] of Object.entries(snippets)) {
        assert.ok(s.description.length > 10, `${name} has a description`);
        assert.ok(s.body.length > 0, `${name} has a body`);
      }
    });

    test('every body expands (escapes and placeholders are well formed)', () => {
      for (const prefix of expected) assert.doesNotThrow(() => text(prefix), prefix);
    });

    if (language === 'markdown') {
      test('the proposal expands to front matter a writeup reader understands', () => {
        const proposal = text('proposal');
        const yaml = parseYaml(proposal.split('---\n')[1] ?? '') as Record<string, unknown>;
        assert.equal(yaml.kind, 'proposal');
        assert.equal(yaml.bibliography, 'references.bib');
        assert.match(proposal, /^# Introduction$/m);
      });
      test('math and citations come out as written', () => {
        assert.equal(text('align'), '$$\n\\begin{aligned}\nf(x) &= a \\\\\n  &\\le b\n\\end{aligned}\n$$\n');
        assert.equal(text('cite'), '[@key, p. 1]');
        assert.equal(text('figure'), '![Caption.](figures/plot.png){#fig:label width=80%}\n');
      });
    } else {
      test('environments are balanced', () => {
        for (const prefix of expected) {
          const body = text(prefix);
          const begins = [...body.matchAll(/\\begin\{([^}]+)\}/g)].map((m) => m[1]);
          const ends = [...body.matchAll(/\\end\{([^}]+)\}/g)].map((m) => m[1]);
          assert.deepEqual(begins.sort(), ends.sort(), prefix);
        }
      });
      test('LaTeX commands and line breaks come out as written', () => {
        assert.equal(text('align'), '\\begin{align}\n  f(x) &= a \\label{eq:label} \\\\\n  &\\le b\n\\end{align}\n');
        assert.equal(text('cite'), '\\citep{key}');
        assert.match(text('report'), /^% writeup: course=course-id kind=report\n\\documentclass\{article\}/);
      });
    }
  });
}
