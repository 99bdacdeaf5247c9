import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { main } from '../../src/cli/main';

async function run(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), cwd: process.cwd() });
  return { code, stdout, stderr };
}

interface Outline {
  file: string;
  metadata: { title?: string; course?: string; kind?: string; authors: { name: string }[] };
  sections: { level: number; title: string; range: { start: { line: number; character: number } } }[];
  citations: { key: string; range: { start: { line: number; character: number }; end: { line: number; character: number } } }[];
  math: { tex: string; display: boolean }[];
}

describe('writeup outline', () => {
  test('--json on the example LaTeX report: nested sections, citations with ranges, math', async () => {
    const { code, stdout, stderr } = await run('outline', '--json', 'example/report.tex');
    assert.equal(code, 0, stderr);
    const o = JSON.parse(stdout) as Outline;
    assert.equal(o.file, 'example/report.tex');
    assert.equal(o.metadata.course, 'mit-9.520-fall2024');
    assert.equal(o.metadata.authors.length, 2);
    assert.deepEqual(o.sections.slice(0, 4).map((s) => [s.level, s.title]), [
      [1, 'Introduction'],
      [1, 'Background'],
      [2, 'Generalization bounds'],
      [3, 'Low-rank weights'],
    ]);
    const first = o.citations[0]!;
    assert.equal(first.key, 'belilovsky2019greedy');
    assert.equal(first.range.end.character - first.range.start.character, 'belilovsky2019greedy'.length);
    assert.ok(o.math.some((m) => m.display && m.tex.includes('\\log N(\\mathcal{F}, \\epsilon)')));
  });

  test('--json on the example proposal: front matter and pandoc citations', async () => {
    const { code, stdout } = await run('outline', '--json', 'example/proposal.md');
    assert.equal(code, 0);
    const o = JSON.parse(stdout) as Outline;
    assert.deepEqual([o.metadata.course, o.metadata.kind, o.metadata.authors.length], ['mit-18.408', 'proposal', 2]);
    assert.deepEqual(o.sections.map((s) => s.title), ['Introduction', 'Group', 'Papers to read']);
    assert.ok(o.citations.some((c) => c.key === 'golowich2018size'));
  });

  test('--json: citations in every context, \\nocite{*} and \\bibitem definitions', async () => {
    const { code, stdout } = await run('outline', '--json', 'test/fixtures/citations/contexts.tex');
    assert.equal(code, 0);
    const o = JSON.parse(stdout) as { citesAll?: boolean; bibItems?: { key: string; label?: string }[]; citations: { key: string; command: string }[] };
    assert.equal(o.citesAll, true);
    assert.deepEqual(o.bibItems?.map((b) => [b.key, b.label]), [['ctxBibitem', 'Doe(2020)']]);
    assert.deepEqual(o.citations.map((c) => [c.key, c.command]).slice(0, 5), [['ctxPlain', 'citep'], ['ctxCaption', 'citet'], ['ctxFootnote', 'cite'], ['ctxTable', 'citep'], ['ctxOptional', 'citep']]);
  });

  test('text mode prints an indented outline', async () => {
    const { code, stdout } = await run('outline', 'example/report.tex');
    assert.equal(code, 0);
    assert.match(stdout, /^Background {2}\[/m);
    assert.match(stdout, /^ {2}Generalization bounds {2}\[/m);
    assert.match(stdout, /^ {4}Low-rank weights {2}\[/m);
    assert.match(stdout, /^citations: 5 /m);
  });

  test('bad usage exits 2 with one line', async () => {
    const none = await run('outline');
    assert.equal(none.code, 2);
    assert.match(none.stderr, /^writeup outline: expected exactly one PATH\n$/);
    const missing = await run('outline', 'no/such/file.md');
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /cannot read no\/such\/file\.md/);
  });
});
