// `npm run calibrate`: compiles the calibration corpus (test/fixtures/calibration/*.md, *.tex) to
// NeurIPS PDFs (pandoc + pdflatex, bibtex), measures the true content and total pages with
// `pdftotext -bbox`, records them in test/fixtures/calibration/measured.json, and prints the
// estimator's errors. Needs pandoc, pdflatex, bibtex, pdftotext and a local copy of the NeurIPS
// style in .calibrate/neurips_2024.sty (never committed). `--report` only prints the errors;
// `--real` runs the estimator over the real-reports corpus instead (scripts/calibrate-real.ts).
import { execFileSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CORPUS_DIR, compare, loadMeasured, stats, type Measured } from '../test/core/layout/corpus';
import { runReal } from './calibrate-real';

const ROOT = join(__dirname, '..');
const WORK = join(ROOT, '.calibrate', 'work');
const STYLE = join(ROOT, '.calibrate', 'neurips_2024.sty');
const TEMPLATE = join(ROOT, 'scripts', 'calibrate', 'neurips.latex');
/** Never tuned on: a fixed fifth of the corpus. */
const HELD_OUT = new Set(['hand-notes.md', 'hand-squeeze.tex', 'md-proposal-math.md', 'md-report-tables.md', 'md-report-newpage.md', 'md-report-medium.md', 'tex-report-lists.tex', 'tex-proposal-onepage.tex', 'tex-heldout-mix.tex', 'tex-construct-bibliography-all.tex', 'tex-construct-enumitem-heldout.tex']);

/** Top and height of the text block in PDF points (1in top margin, 9in block). */
const TOP = 72;
const HEIGHT = 9 * 72;

interface Word { page: number; yMin: number; yMax: number; text: string }

function words(html: string): { pages: number; words: Word[] } {
  const out: Word[] = [];
  let page = -1;
  for (const line of html.split('\n')) {
    if (line.includes('<page ')) page++;
    const m = /<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">(.*)<\/word>/.exec(line);
    if (m) out.push({ page, yMin: Number(m[1]), yMax: Number(m[2]), text: m[3] ?? '' });
  }
  return { pages: page + 1, words: out };
}

function measure(pdf: string): { contentPages: number; totalPages: number; pdfPages: number } {
  const html = execFileSync('pdftotext', ['-bbox', pdf, '-'], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const { pages, words: all } = words(html);
  // Body words only: not the page numbers below the block, not the first page's notice.
  const body = all.filter((w) => w.yMax <= TOP + HEIGHT + 4);
  const noticeY = all.find((w) => w.page === 0 && w.text === 'Conference' && w.yMin > TOP + HEIGHT * 0.8)?.yMin;
  const content = body.filter((w) => !(w.page === 0 && noticeY !== undefined && Math.abs(w.yMin - noticeY) < 2));
  // The references heading: a line holding only "References" in the larger heading font.
  const headings = content.filter((w) => w.text === 'References' && w.yMax - w.yMin > 10 && content.filter((o) => o.page === w.page && Math.abs(o.yMin - w.yMin) < 1).length === 1);
  const last = content.reduce((a, w) => (w.page > a.page || (w.page === a.page && w.yMax > a.yMax) ? w : a), content[0] as Word);
  const totalPages = last.page + (last.yMax - TOP) / HEIGHT;
  const ref = headings[headings.length - 1];
  // Content ends at the references heading, or below the last float LaTeX set after it (a figure
  // or table is content wherever it lands): its caption and what follows it closely.
  let contentPages = ref ? ref.page + (ref.yMin - TOP) / HEIGHT : totalPages;
  if (ref) {
    const after = (w: Word): boolean => w.page > ref.page || (w.page === ref.page && w.yMin > ref.yMin + 1);
    // ...up to the appendix: its first heading ("A" in the section font) starts what is not content.
    const appendix = content.find((w) => after(w) && /^[A-Z]$/.test(w.text) && w.yMax - w.yMin > 10);
    const beforeAppendix = (w: Word): boolean => appendix === undefined || w.page < appendix.page || (w.page === appendix.page && w.yMin < appendix.yMin - 1);
    const captions = content.filter((w, i) => (w.text === 'Figure' || w.text === 'Table') && /^\d+:$/.test(content[i + 1]?.text ?? '') && after(w) && beforeAppendix(w));
    for (const c of captions) {
      const lines = [...new Set(content.filter((w) => w.page === c.page && w.yMin >= c.yMin - 0.5).map((w) => Math.round(w.yMax * 10) / 10))].sort((a, b) => a - b);
      let bottom = c.yMax;
      for (const y of lines) if (y > bottom && y - bottom <= 16) bottom = y;
      contentPages = Math.max(contentPages, c.page + (bottom - TOP) / HEIGHT);
    }
  }
  return { contentPages: round(contentPages), totalPages: round(totalPages), pdfPages: pages };
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

function run(cmd: string, args: string[]): void {
  execFileSync(cmd, args, { cwd: WORK, stdio: 'ignore', timeout: 120_000 });
}

function compile(file: string): string {
  const base = file.replace(/\.(md|tex)$/, '');
  copyFileSync(join(CORPUS_DIR, file), join(WORK, file));
  if (file.endsWith('.md')) {
    run('pandoc', [file, '--citeproc', '--template', TEMPLATE, '-o', `${base}.tex`]);
    for (let i = 0; i < 2; i++) {
      try { run('pdflatex', ['-interaction=nonstopmode', `${base}.tex`]); } catch { /* warnings exit non-zero; the PDF is checked below */ }
    }
  } else {
    try { run('pdflatex', ['-interaction=nonstopmode', `${base}.tex`]); } catch { /* see above */ }
    try { run('bibtex', [base]); } catch { /* see above */ }
    for (let i = 0; i < 2; i++) {
      try { run('pdflatex', ['-interaction=nonstopmode', `${base}.tex`]); } catch { /* see above */ }
    }
  }
  const pdf = join(WORK, `${base}.pdf`);
  if (!existsSync(pdf)) throw new Error(`${file}: no PDF`);
  return pdf;
}

function report(): void {
  const rows = compare(loadMeasured());
  for (const r of rows) {
    console.log(`${r.heldOut ? '*' : ' '} ${r.file.padEnd(28)} content ${r.contentPages.toFixed(2)} est ${r.estimatedContent.toFixed(2)} (${(r.estimatedContent - r.contentPages).toFixed(2)})   total ${r.totalPages.toFixed(2)} est ${r.estimatedTotal.toFixed(2)} (${(r.estimatedTotal - r.totalPages).toFixed(2)})`);
  }
  for (const [name, set] of [['tuned', rows.filter((r) => !r.heldOut)], ['held out', rows.filter((r) => r.heldOut)]] as const) {
    const c = stats(set.map((r) => r.contentError));
    const t = stats(set.map((r) => r.totalError));
    console.log(`${name} (${set.length}): content median ${c.median.toFixed(3)} worst ${c.worst.toFixed(3)}; total median ${t.median.toFixed(3)} worst ${t.worst.toFixed(3)}`);
  }
}

function main(): void {
  if (process.argv.includes('--real')) return runReal(process.argv.slice(2));
  if (process.argv.includes('--report')) return report();
  if (!existsSync(STYLE)) throw new Error(`calibrate: put a local copy of the NeurIPS style at ${STYLE} (it is never committed)`);
  mkdirSync(WORK, { recursive: true });
  copyFileSync(STYLE, join(WORK, 'neurips_2024.sty'));
  // Other stock styles a writeup names (e.g. nips_2018.sty for the 2018 submission), also never committed.
  for (const sty of readdirSync(join(ROOT, '.calibrate')).filter((f) => f.endsWith('.sty') && f !== 'neurips_2024.sty')) copyFileSync(join(ROOT, '.calibrate', sty), join(WORK, sty));
  // The corpus's bibliographies (refs.bib, and the long entries of construct-bibliography.bib).
  for (const bib of readdirSync(CORPUS_DIR).filter((f) => f.endsWith('.bib'))) copyFileSync(join(CORPUS_DIR, bib), join(WORK, bib));
  cpSync(join(CORPUS_DIR, 'figures'), join(WORK, 'figures'), { recursive: true });
  cpSync(join(CORPUS_DIR, 'parts'), join(WORK, 'parts'), { recursive: true });
  // Styles the corpus writes itself (a rewritten local template copy), never the NeurIPS one.
  for (const sty of readdirSync(CORPUS_DIR).filter((f) => f.endsWith('.sty'))) copyFileSync(join(CORPUS_DIR, sty), join(WORK, sty));
  const only = process.argv.slice(2).filter((a) => !a.startsWith('-'));
  const files = readdirSync(CORPUS_DIR).filter((f) => /\.(md|tex)$/.test(f) && (only.length === 0 || only.some((o) => f.includes(o)))).sort();
  const previous = existsSync(join(CORPUS_DIR, 'measured.json')) ? loadMeasured() : [];
  const measured = new Map<string, Measured>(previous.map((m) => [m.file, m]));
  for (const file of files) {
    const m = measure(compile(file));
    measured.set(file, { file, ...m, heldOut: HELD_OUT.has(file) });
    console.log(`${file}: content ${m.contentPages}, total ${m.totalPages} (${m.pdfPages} PDF pages)`);
  }
  const writeups = [...measured.values()].sort((a, b) => a.file.localeCompare(b.file));
  const doc = { note: 'Measured by `npm run calibrate` (pandoc 2.17 + pdfTeX, NeurIPS 2024 style [final]); pages from pdftotext -bbox.', writeups };
  writeFileSync(join(CORPUS_DIR, 'measured.json'), JSON.stringify(doc, null, 1) + '\n');
  report();
}

main();
