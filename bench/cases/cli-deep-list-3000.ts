import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BenchCase } from '../types';

interface State {
  readonly dir: string;
  readonly bytes: number;
  diagnostics?: number;
}

const CLI = join(__dirname, '..', '..', 'dist', 'cli.js');
const LEVELS = 3000;

/** A report whose list nests 3,000 levels deep, each item on its own line one level deeper (9 MB of indentation). */
function deepList(): string {
  const lines = ['---', 'title: Deep', 'author: Ada', 'course: mit-9.520-fall2024', 'kind: report', '---', '', '# Introduction', ''];
  for (let i = 0; i < LEVELS; i++) lines.push(`${'  '.repeat(i)}- item ${i}`);
  return `${lines.join('\n')}\n`;
}

/** Milliseconds of one `writeup <args>` process, start to exit; its stdout. */
function cli(dir: string, args: readonly string[]): { ms: number; stdout: string } {
  const t = performance.now();
  let stdout: string;
  try {
    stdout = execFileSync(process.execPath, [CLI, ...args], { cwd: dir, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, timeout: 120_000 });
  } catch (error) {
    // `writeup lint` exits 1 when it finds errors; its output is what counts.
    const out = (error as { stdout?: unknown }).stdout;
    if (typeof out !== 'string' || out === '') throw error;
    stdout = out;
  }
  return { ms: performance.now() - t, stdout };
}

/**
 * `cli-deep-list-3000`: `writeup lint` on a Markdown report whose list nests 3,000 levels deep
 * (the hang: 1,000 levels took 46 s), a whole CLI process each run; goal under 5 s.
 * `writeup pages` on the same file is reported beside it (`pages_median_ms`).
 */
const bench: BenchCase<State> = {
  name: 'cli-deep-list-3000',
  setup() {
    const dir = mkdtempSync(join(tmpdir(), 'deep-list-'));
    const text = deepList();
    writeFileSync(join(dir, 'report.md'), text);
    return { dir, bytes: text.length };
  },
  run(state) {
    const { stdout } = cli(state.dir, ['lint', '--format', 'json', 'report.md']);
    state.diagnostics = (JSON.parse(stdout) as { diagnostics: unknown[] }[])[0]?.diagnostics.length ?? 0;
  },
  runs: 3,
  extra(state) {
    const times: number[] = [];
    let pages = 0;
    for (let i = 0; i < 3; i++) {
      const r = cli(state.dir, ['pages', '--json', 'report.md']);
      times.push(r.ms);
      pages = (JSON.parse(r.stdout) as { totalPages?: number }[])[0]?.totalPages ?? pages;
    }
    times.sort((a, b) => a - b);
    rmSync(state.dir, { recursive: true, force: true });
    return { bytes: state.bytes, levels: LEVELS, diagnostics: state.diagnostics, pages_median_ms: Math.round(times[1] ?? 0), total_pages: Number(pages.toFixed(1)), goal_ms: 5000 };
  },
};

export default bench;
