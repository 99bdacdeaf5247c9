import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, mkdirSync, rmSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createBibIndex, parseBib } from '../../src/core/bib/index';
import type { BibIndex } from '../../src/core/bib/types';
import { estimatePages } from '../../src/core/layout/index';
import type { PageEstimate } from '../../src/core/layout/types';
import type { Writeup } from '../../src/core/model/writeup';
import { readWriteup } from '../../src/core/readers/index';
import type { BenchCase } from '../types';
import { generateBib, generateMarkdown } from '../generate';

interface State {
  readonly text: string;
  readonly writeup: Writeup;
  /** Its 40-entry bibliography, parsed once as the editor keeps it: the reference list is set from it. */
  readonly bibliography: BibIndex;
  last?: PageEstimate;
}

/** A 4x3 grey PNG standing in for the generated writeup's figures when compiling. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAQAAAADCAAAAACRn/EaAAAADklEQVR4nGNoAAIGOAEALQ8GAa0C414AAAAASUVORK5CYII=', 'base64');
const ROOT = join(__dirname, '..', '..');

/** Milliseconds of one real pandoc + pdflatex compile of `text`, or undefined without the tools. */
function compileOnce(text: string): { ms: number; pages?: number } | undefined {
  const style = join(ROOT, '.calibrate', 'neurips_2024.sty');
  if (!existsSync(style)) return undefined;
  const dir = mkdtempSync(join(tmpdir(), 'pages-100p-'));
  try {
    writeFileSync(join(dir, 'report.md'), text);
    writeFileSync(join(dir, 'references.bib'), generateBib({ entries: 40 }));
    copyFileSync(style, join(dir, 'neurips_2024.sty'));
    mkdirSync(join(dir, 'figures'));
    for (let i = 1; i <= 101; i++) writeFileSync(join(dir, 'figures', `fig${i}.png`), PNG);
    const t = performance.now();
    execFileSync('pandoc', ['report.md', '--citeproc', '--template', join(ROOT, 'scripts', 'calibrate', 'neurips.latex'), '-o', 'report.tex'], { cwd: dir, stdio: 'ignore' });
    try {
      execFileSync('pdflatex', ['-interaction=nonstopmode', 'report.tex'], { cwd: dir, stdio: 'ignore', timeout: 300_000 });
    } catch {
      // pdflatex exits non-zero on warnings; the PDF is what counts.
    }
    const ms = performance.now() - t;
    const info = execFileSync('pdfinfo', ['report.pdf'], { cwd: dir, encoding: 'utf8' });
    const pages = Number(/Pages:\s+(\d+)/.exec(info)?.[1]);
    return { ms, ...(Number.isFinite(pages) ? { pages } : {}) };
  } catch {
    return undefined;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const bench: BenchCase<State> = {
  name: 'pages-100p',
  setup() {
    const text = generateMarkdown({ pages: 100, bibEntries: 40 });
    return { text, writeup: readWriteup(text, { file: 'report.md' }), bibliography: createBibIndex([parseBib(generateBib({ entries: 40 }), 'references.bib')]) };
  },
  run(state) {
    state.last = estimatePages(state.writeup, { bibliography: state.bibliography });
    return state.last;
  },
  runs: 30,
  extra(state) {
    const compiled = compileOnce(state.text);
    const times: number[] = [];
    for (let i = 0; i < 9; i++) {
      const t = performance.now();
      estimatePages(state.writeup, { bibliography: state.bibliography });
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    const median = times[4] ?? 0;
    return {
      estimated_total_pages: Number((state.last?.totalPages ?? 0).toFixed(2)),
      bytes: state.text.length,
      ...(compiled
        ? { compile_ms: Math.round(compiled.ms), compiled_pages: compiled.pages, compile_to_estimate_ratio: Math.round(compiled.ms / Math.max(median, 1e-3)) }
        : { compile_ms: null }),
    };
  },
};

export default bench;
