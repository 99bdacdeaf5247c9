import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import type { CliIO } from '../../src/cli/command';
import { main } from '../../src/cli/main';
import { measurePdf } from './pdfMeasure';

const fixtures = join(__dirname, '../fixtures/exact');
const template = join(__dirname, '../../media/templates/writeup.latex');
const work = mkdtempSync(join(tmpdir(), 'writeup-exact-test-'));
after(() => rmSync(work, { recursive: true, force: true }));

async function run(cwd: string, ...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CliIO = { stdout: (t) => (out += t), stderr: (t) => (err += t), cwd };
  const code = await main(['pages', ...args], io);
  return { code, out, err };
}

/** A copy of the fixtures, so the test can check nothing is written beside them. */
function copy(name: string): string {
  const dir = join(work, name);
  cpSync(fixtures, dir, { recursive: true });
  return dir;
}

function sh(cwd: string, command: string, ...args: string[]): void {
  const r = spawnSync(command, args, { cwd, encoding: 'utf8' });
  if (r.status !== 0 && command !== 'bibtex') throw new Error(`${command} failed: ${r.stdout.slice(-2000)}${r.stderr}`);
}

interface Row {
  file: string;
  contentPages: number;
  exact: { contentPages: number; totalPages: number; pdfPages: number; compileMs: number };
  sections: { title: string; line: number; pages: number; exactPages?: number; afterContent?: boolean }[];
}

describe('writeup pages --exact', () => {
  test('.tex: agrees with a separate pdflatex build measured by pdftotext within 0.02 page, and writes nothing beside the file', async () => {
    const dir = copy('tex');
    const before = readdirSync(dir).sort();
    const { code, out, err } = await run(dir, '--exact', '--json', 'report.tex');
    assert.equal(code, 0, err);
    assert.deepEqual(readdirSync(dir).sort(), before);
    const [row] = JSON.parse(out) as Row[];
    assert.ok(row);
    // The reference build: the stock pdflatex -> bibtex -> pdflatex x2, no hooks.
    const ref = copy('tex-ref');
    sh(ref, 'pdflatex', '-interaction=nonstopmode', 'report.tex');
    sh(ref, 'bibtex', 'report');
    sh(ref, 'pdflatex', '-interaction=nonstopmode', 'report.tex');
    sh(ref, 'pdflatex', '-interaction=nonstopmode', 'report.tex');
    const truth = measurePdf(join(ref, 'report.pdf'), { top: 72, height: 648 });
    assert.equal(row.exact.pdfPages, truth.sheets);
    assert.ok(Math.abs(row.exact.contentPages - truth.contentPages) <= 0.02, `exact ${row.exact.contentPages} vs pdftotext ${truth.contentPages}`);
    assert.ok(Math.abs(row.exact.totalPages - truth.totalPages) <= 0.02, `exact total ${row.exact.totalPages} vs pdftotext ${truth.totalPages}`);
    assert.ok(row.exact.compileMs > 0);
  });

  test('.md: agrees with pandoc building the PDF itself, measured by pdftotext, within 0.02 page', async () => {
    const dir = copy('md');
    const { code, out, err } = await run(dir, '--exact', '--json', 'report.md');
    assert.equal(code, 0, err);
    const [row] = JSON.parse(out) as Row[];
    assert.ok(row);
    const ref = copy('md-ref');
    sh(ref, 'pandoc', 'report.md', '--citeproc', `--template=${template}`, '--pdf-engine=pdflatex', '-o', 'report.pdf');
    // The template's text block without the NeurIPS style: 1in top, 9in high.
    const truth = measurePdf(join(ref, 'report.pdf'), { top: 72, height: 648 });
    assert.equal(row.exact.pdfPages, truth.sheets);
    assert.ok(Math.abs(row.exact.contentPages - truth.contentPages) <= 0.02, `exact ${row.exact.contentPages} vs pdftotext ${truth.contentPages}`);
  });

  test('--sections: title block, each top-level section, then the appendix; estimated and exact pages each add up to the content pages', async () => {
    const dir = copy('sections');
    const { code, out, err } = await run(dir, '--exact', '--sections', '--json', 'report.tex');
    assert.equal(code, 0, err);
    const [row] = JSON.parse(out) as Row[];
    assert.ok(row);
    assert.deepEqual(
      row.sections.map((s) => s.title),
      ['Title and abstract', 'Introduction', 'Method', 'Results', 'Conclusion', 'Proofs'],
    );
    assert.equal(row.sections.find((s) => s.title === 'Method')?.line, 24);
    assert.equal(row.sections.at(-1)?.afterContent, true);
    const content = row.sections.filter((s) => !s.afterContent);
    const sum = (xs: number[]): number => xs.reduce((a, b) => a + b, 0);
    assert.ok(Math.abs(sum(content.map((s) => s.pages)) - row.contentPages) <= 0.05);
    assert.ok(Math.abs(sum(content.map((s) => s.exactPages ?? NaN)) - row.exact.contentPages) <= 0.05);
  });

  test('--sections without --exact: estimated pages only, no compile', async () => {
    const { code, out } = await run(fixtures, '--sections', '--json', 'report.md');
    assert.equal(code, 0);
    const [row] = JSON.parse(out) as Row[];
    assert.equal(row?.exact, undefined);
    assert.deepEqual(row?.sections.map((s) => s.title), ['Title block', 'Abstract', 'Introduction', 'Method', 'Results', 'Conclusion']);
    assert.ok(row?.sections.every((s) => s.exactPages === undefined));
  });

  test('a missing toolchain: one line on stderr, exit 2', async () => {
    const dir = copy('missing');
    const saved = process.env['PATH'];
    process.env['PATH'] = join(work, 'no-such-bin');
    try {
      const { code, out, err } = await run(dir, '--exact', '--json', 'report.tex');
      assert.equal(code, 2);
      assert.equal(out, '');
      assert.equal(err.trim().split('\n').length, 1);
      assert.match(err, /^writeup pages: --exact needs a TeX installation: pdflatex was not found/);
    } finally {
      process.env['PATH'] = saved;
    }
  });
});
