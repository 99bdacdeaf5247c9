import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { bibKeys, generateBib, generateLatex, generateMarkdown, prng } from '../../bench/generate';

const hasPandoc = spawnSync('pandoc', ['--version']).status === 0;

/** Every `@key` / `\cite...{a,b}` key in a generated writeup. */
function citedKeys(text: string): Set<string> {
  const keys = new Set<string>();
  for (const m of text.matchAll(/@([a-z][\w]*)/g)) if (m[1]) keys.add(m[1]);
  for (const m of text.matchAll(/\\cite[pt]?(?:\[[^\]]*\])?\{([^}]*)\}/g)) for (const k of m[1]?.split(',') ?? []) keys.add(k.trim());
  return keys;
}

describe('bench/generate', () => {
  test('the PRNG is seeded: same seed, same stream; another seed, another stream', () => {
    const a = prng(7);
    const b = prng(7);
    const c = prng(8);
    const xs = [a(), a(), a()];
    assert.deepEqual([b(), b(), b()], xs);
    assert.notDeepEqual([c(), c(), c()], xs);
    assert.ok(xs.every((x) => x >= 0 && x < 1));
  });

  test('writeups are deterministic and change with the seed', () => {
    assert.equal(generateMarkdown({ pages: 5 }), generateMarkdown({ pages: 5 }));
    assert.equal(generateLatex({ pages: 5, seed: 3 }), generateLatex({ pages: 5, seed: 3 }));
    assert.notEqual(generateMarkdown({ pages: 5, seed: 1 }), generateMarkdown({ pages: 5, seed: 2 }));
  });

  test('length grows with the page count (about 500-700 words a page)', () => {
    for (const pages of [10, 100]) {
      const words = generateMarkdown({ pages }).split(/\s+/).length;
      assert.ok(words > 500 * pages && words < 750 * pages, `${pages} pages: ${words} words`);
    }
  });

  test('a Markdown writeup has front matter, sections, math, citations, lists, a figure and a table', () => {
    const md = generateMarkdown({ pages: 12 });
    assert.match(md, /^---\ntitle: /);
    assert.match(md, /^# Introduction$/m);
    assert.match(md, /^## /m);
    assert.match(md, /\$[^$\n]+\$/);
    assert.match(md, /^\$\$$/m);
    assert.match(md, /\[@[a-z]\w*(; @[a-z]\w*, p\. \d+)?\]/);
    assert.match(md, /^- /m);
    assert.match(md, /^1\. /m);
    assert.match(md, /^!\[[^\]]+\]\(figures\/fig\d+\.png\)/m);
    assert.match(md, /^\| Width \|/m);
  });

  test('a LaTeX writeup has the NeurIPS shape and balanced environments', () => {
    const tex = generateLatex({ pages: 12 });
    assert.match(tex, /\\author\{[^}]*\\And/);
    assert.match(tex, /\\section\{Introduction\}/);
    assert.match(tex, /\\subsection\{/);
    assert.match(tex, /\\citep(\[[^\]]*\])?\{/);
    for (const env of ['document', 'abstract', 'itemize', 'figure', 'table', 'tabular']) {
      const begins = tex.split(`\\begin{${env}}`).length - 1;
      assert.ok(begins > 0, `has ${env}`);
      assert.equal(tex.split(`\\end{${env}}`).length - 1, begins, `${env} is closed`);
    }
  });

  test('every cited key is in the .bib generated with the same number of entries', () => {
    const bib = generateBib({ entries: 40 });
    const keys = new Set(bibKeys(40));
    assert.equal([...bib.matchAll(/^@\w+\{([^,]+),/gm)].length, 40);
    for (const text of [generateMarkdown({ pages: 20 }), generateLatex({ pages: 20 })]) {
      const cited = citedKeys(text);
      assert.ok(cited.size > 10);
      assert.deepEqual([...cited].filter((k) => !keys.has(k)), []);
    }
  });

  test('pandoc reads the Markdown writeup and resolves every citation from the generated .bib', { skip: !hasPandoc && 'pandoc is not installed' }, () => {
    const dir = mkdtempSync(join(tmpdir(), 'bench-generate-'));
    try {
      writeFileSync(join(dir, 'report.md'), generateMarkdown({ pages: 3 }));
      writeFileSync(join(dir, 'references.bib'), generateBib({ entries: 40 }));
      const r = spawnSync('pandoc', ['report.md', '--citeproc', '-t', 'plain', '-o', 'out.txt'], { cwd: dir, encoding: 'utf8' });
      assert.equal(r.status, 0, r.stderr);
      assert.doesNotMatch(r.stderr, /not found/i);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
