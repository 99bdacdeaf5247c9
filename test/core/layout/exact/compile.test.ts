import * as assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { ExportStep } from '../../../../src/core/export/plan';
import { compileExact, type ExactHost, type StepResult } from '../../../../src/core/layout/exact';

const sp = (bpFromTop: number): number => Math.round(((792 - bpFromTop) * 72.27) / 72 * 65536);
const goodLog = (extra = ''): string =>
  ['WXGEOM:72.26999pt:650.43pt:794.96999pt:0.0pt', 'WXMARK:1:h:1:12:8pt:References', `WXPOS:1:2:${sp(396)}`, extra, 'Output written on report.pdf (2 pages, 999 bytes).'].join('\n');

/** An in-memory host: records what would run, answers each pdflatex run with the next log. */
class FakeHost implements ExactHost {
  readonly ran: ExportStep[] = [];
  readonly files = new Map<string, string>();
  readonly removed: string[] = [];
  missing = new Set<string>();
  logs: string[] = [goodLog()];
  aux = '';
  hang = false;
  private clock = 0;
  available = async (command: string): Promise<boolean> => !this.missing.has(command);
  makeTempDir = async (): Promise<string> => '/tmp/writeup-exact-1';
  writeFile = async (path: string, text: string): Promise<void> => void this.files.set(path, text);
  readFile = async (path: string): Promise<string | undefined> => this.files.get(path);
  removeDir = async (path: string): Promise<void> => void this.removed.push(path);
  now = (): number => (this.clock += 100);
  run = (step: ExportStep, signal: AbortSignal): Promise<StepResult> => {
    this.ran.push(step);
    if (this.hang) return new Promise((resolve) => signal.addEventListener('abort', () => resolve({ code: null, stderr: '', cancelled: true })));
    if (step.tool === 'pdflatex') {
      this.files.set('/tmp/writeup-exact-1/report.log', this.logs.shift() ?? goodLog());
      this.files.set('/tmp/writeup-exact-1/report.aux', this.aux);
    }
    return Promise.resolve({ code: 0, stderr: '' });
  };
}

const signal = (): AbortSignal => new AbortController().signal;

describe('compileExact', () => {
  test('LaTeX: pdflatex on a wrapper that \\inputs the writeup, outputs in the temporary folder, no bibtex without \\bibdata', async () => {
    const host = new FakeHost();
    const out = await compileExact({ file: '/home/s/w/report.tex', format: 'latex' }, host, signal());
    assert.equal(out.status, 'ok');
    assert.deepEqual(host.ran.map((s) => s.tool), ['pdflatex']);
    const step = host.ran[0];
    assert.equal(step?.cwd, '/home/s/w');
    assert.ok(step?.args.includes('-output-directory=/tmp/writeup-exact-1'));
    assert.ok(step?.args.includes('-synctex=-1'));
    assert.ok(!step?.args.includes('-halt-on-error'));
    assert.equal(step?.args.at(-1), '/tmp/writeup-exact-1/writeup-exact-wrapper.tex');
    assert.match(host.files.get('/tmp/writeup-exact-1/writeup-exact-wrapper.tex') ?? '', /\\input\{report\.tex\}/);
    assert.equal(step?.env?.['max_print_line'], '100000');
    assert.deepEqual(host.removed, ['/tmp/writeup-exact-1']);
    if (out.status === 'ok') assert.ok(Math.abs(out.measure.contentPages - (1 + (396 - (8 * 72) / 72.27 - 72) / 648)) < 1e-4);
  });

  test('a bibliography: bibtex in the temporary folder, then pdflatex twice', async () => {
    const host = new FakeHost();
    host.aux = '\\bibdata{references}';
    await compileExact({ file: '/home/s/w/report.tex', format: 'latex' }, host, signal());
    assert.deepEqual(host.ran.map((s) => s.tool), ['pdflatex', 'bibtex', 'pdflatex', 'pdflatex']);
    assert.equal(host.ran[1]?.cwd, '/tmp/writeup-exact-1');
  });

  test('Markdown: pandoc writes LaTeX into the temporary folder, pdflatex finds figures beside the .md', async () => {
    const host = new FakeHost();
    const out = await compileExact({ file: '/home/s/w/report.md', format: 'markdown', pandocTemplate: '/ext/writeup.latex' }, host, signal());
    assert.equal(out.status, 'ok');
    assert.deepEqual(host.ran.map((s) => s.tool), ['pandoc', 'pdflatex']);
    assert.ok(host.ran[0]?.args.includes('--output=/tmp/writeup-exact-1/report.tex'));
    assert.ok(host.ran[0]?.args.includes('--template=/ext/writeup.latex'));
    assert.equal(host.ran[1]?.env?.['TEXINPUTS'], '/home/s/w:');
    if (out.status === 'ok') assert.deepEqual(out.measure.pageBreaks, []);
  });

  test('a missing toolchain spawns nothing and says how to get it', async () => {
    const host = new FakeHost();
    host.missing.add('pdflatex');
    const out = await compileExact({ file: '/home/s/w/report.tex', format: 'latex' }, host, signal());
    assert.equal(out.status, 'missing');
    if (out.status === 'missing') assert.match(out.message, /TeX distribution/);
    assert.equal(host.ran.length, 0);
    assert.deepEqual(host.removed, []);
  });

  test('a LaTeX error with no PDF fails with the first error; the temporary folder is still removed', async () => {
    const host = new FakeHost();
    host.logs = ['./report.tex:12: Undefined control sequence.\nl.12 \\foo\n./report.tex:14: Missing $ inserted.\nl.14 x\nNo pages of output.'];
    const out = await compileExact({ file: '/home/s/w/report.tex', format: 'latex' }, host, signal());
    assert.equal(out.status, 'failed');
    if (out.status === 'failed') {
      assert.equal(out.errors.length, 1);
      assert.match(out.errors[0]?.message ?? '', /Undefined control sequence/);
      assert.equal(out.errors[0]?.line, 11);
    }
    assert.deepEqual(host.removed, ['/tmp/writeup-exact-1']);
  });

  test('cancelling stops the running step and reports cancelled', async () => {
    const host = new FakeHost();
    host.hang = true;
    const ctl = new AbortController();
    const pending = compileExact({ file: '/home/s/w/report.tex', format: 'latex' }, host, ctl.signal);
    await new Promise((r) => setTimeout(r, 10));
    ctl.abort();
    assert.equal((await pending).status, 'cancelled');
    assert.deepEqual(host.removed, ['/tmp/writeup-exact-1']);
  });

  test('each step gets what is left of the time limit', async () => {
    const host = new FakeHost();
    await compileExact({ file: '/home/s/w/report.tex', format: 'latex', timeoutMs: 5000 }, host, signal());
    assert.ok((host.ran[0]?.timeoutMs ?? Infinity) <= 5000);
  });
});
