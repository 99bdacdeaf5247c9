import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compileExact, type ExactOutcome } from '../../src/core/layout/exact';
import { nodeExactHost } from '../../src/node/exactHost';
import type { BenchCase } from '../types';
import { generateBib, generateLatex } from '../generate';

interface State {
  readonly dir: string;
  readonly file: string;
  last?: ExactOutcome;
  available: boolean;
}

/** A 4x3 grey PNG standing in for the generated writeup's figures. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAQAAAADCAAAAACRn/EaAAAADklEQVR4nGNoAAIGOAEALQ8GAa0C414AAAAASUVORK5CYII=', 'base64');

/**
 * `exact-10p`: a save to an exact page count, as the editor does it after the debounce: the
 * background compile of a generated 10-page LaTeX writeup with a bibliography (pdflatex, bibtex,
 * pdflatex twice, all in a temporary folder) and the measure of its log and SyncTeX. Without
 * pdflatex the case reports `compiled: false` and times only the toolchain check.
 */
const bench: BenchCase<State> = {
  name: 'exact-10p',
  async setup() {
    const dir = mkdtempSync(join(tmpdir(), 'bench-exact-10p-'));
    const file = join(dir, 'report.tex');
    // Without neurips_2024.sty: its text block and fonts, and its \And between authors.
    const neuripsLike = '\\usepackage[letterpaper,top=1in,textheight=9in,left=1.5in,textwidth=5.5in]{geometry}\n\\usepackage{times}\n\\renewcommand{\\And}{\\and}\n\\title';
    writeFileSync(file, generateLatex({ pages: 10, bibEntries: 40 }).replace('\\title', neuripsLike));
    writeFileSync(join(dir, 'references.bib'), generateBib({ entries: 40 }));
    mkdirSync(join(dir, 'figures'));
    for (let i = 1; i <= 11; i++) writeFileSync(join(dir, 'figures', `fig${i}.png`), PNG);
    process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
    return { dir, file, available: await nodeExactHost.available('pdflatex') };
  },
  async run(state) {
    state.last = await compileExact({ file: state.file, format: 'latex', timeoutMs: 300_000 }, nodeExactHost, new AbortController().signal);
    return state.last;
  },
  runs: 5,
  extra(state) {
    const o = state.last;
    return o?.status === 'ok'
      ? { compiled: true, content_pages: Number(o.measure.contentPages.toFixed(2)), pdf_pages: o.measure.pdfPages, errors: o.errors.length }
      : { compiled: false, status: o?.status ?? 'none' };
  },
};

export default bench;
