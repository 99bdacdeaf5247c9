// `npm run calibrate -- --real`: runs the page estimator over a corpus of real reports that is
// kept outside the project (a manifest of measured pages plus snapshots of public repositories)
// and prints each report's content and total error with their median and max. Nothing from the
// snapshots is written into the project: each one is extracted into a temporary folder.
//
//   WRITEUP_REAL_REPORTS  folder holding manifest.json (or the manifest itself)
//   WRITEUP_MIRROR        folder of snapshots, `<owner>+<name>/repo` (bare git or repo/.git)
//   --only SUBSTR         only the reports whose repository name contains SUBSTR (repeatable)
//   --markdown            print the table as Markdown (for docs/page-estimate.md)
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { cliHost } from '../src/cli/analysisHost';
import { diskHost } from '../src/node/diskHost';
import { diskImageSize } from '../src/node/imageSize';
import { estimatePages } from '../src/core/layout';
import { readWriteup } from '../src/core/readers';

interface Report {
  readonly repo: string;
  readonly commit: string;
  readonly main_tex: string;
  readonly content_pages: number;
  readonly total_pages_frac: number;
  readonly fixups?: readonly (readonly [string, string, string])[] | null;
}

interface Row {
  readonly name: string;
  readonly content: number;
  readonly estContent: number;
  readonly total: number;
  readonly estTotal: number;
  readonly notes: readonly string[];
}

function fail(message: string): never {
  console.error(`calibrate --real: ${message}`);
  process.exit(2);
}

function manifestPath(): string {
  const given = process.env['WRITEUP_REAL_REPORTS'];
  if (given === undefined || given === '') fail('set WRITEUP_REAL_REPORTS to the folder holding the real-reports manifest.json (it is not part of the project)');
  const path = existsSync(given) && statSync(given).isDirectory() ? join(given, 'manifest.json') : given;
  if (!existsSync(path)) fail(`no manifest at ${path}`);
  return path;
}

function mirrorRoot(manifest: string): string {
  const given = process.env['WRITEUP_MIRROR'];
  if (given !== undefined && given !== '') {
    if (!existsSync(given)) fail(`WRITEUP_MIRROR=${given} does not exist`);
    return given;
  }
  // As the corpus's build script does: the nearest `.mirror` folder above the manifest.
  for (let dir = dirname(manifest); dir !== dirname(dir); dir = dirname(dir)) {
    if (existsSync(join(dir, '.mirror'))) return join(dir, '.mirror');
  }
  return fail('set WRITEUP_MIRROR to the folder of repository snapshots (<owner>+<name>/repo)');
}

/** Extracts the pinned commit once into a temporary folder (reused on later runs) and applies the manifest's fixups. */
function extract(mirror: string, report: Report): string {
  const snapshot = join(mirror, report.repo.replace('/', '+'), 'repo');
  const gitDir = existsSync(join(snapshot, 'HEAD')) ? snapshot : join(snapshot, '.git');
  if (!existsSync(gitDir)) throw new Error(`no snapshot at ${snapshot}`);
  const out = join(tmpdir(), 'writeup-real-reports-v2', `${report.repo.replace('/', '+')}-${report.commit.slice(0, 10)}`);
  if (!existsSync(join(out, EXTRACTED))) {
    mkdirSync(out, { recursive: true });
    // Blob by blob: a snapshot may lack large files, and only what the estimate reads is needed.
    const tree = execFileSync('git', ['--git-dir', gitDir, 'ls-tree', '-r', '-l', '-z', report.commit], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    for (const entry of tree.split('\0')) {
      const m = /^\d+ blob ([0-9a-f]+) +(\d+|-)\t(.*)$/s.exec(entry);
      if (!m || !WANTED.test(m[3] ?? '') || Number(m[2]) > 50 * 1024 * 1024) continue;
      const path = join(out, m[3] ?? '');
      try {
        const blob = execFileSync('git', ['--git-dir', gitDir, 'cat-file', 'blob', m[1] ?? ''], { maxBuffer: 64 * 1024 * 1024, stdio: ['ignore', 'pipe', 'ignore'] });
        mkdirSync(dirname(path), { recursive: true });
        writeFileSync(path, blob);
      } catch {
        // Absent from the snapshot: the estimate notes a missing image.
      }
    }
    for (const [file, from, to] of report.fixups ?? []) {
      const path = join(out, file);
      writeFileSync(path, readFileSync(path, 'utf8').replaceAll(from, to));
    }
    writeFileSync(join(out, EXTRACTED), '');
  }
  return out;
}

/** The files the estimate reads: sources, styles, bibliographies and images. */
const WANTED = /\.(tex|sty|cls|bib|png|jpe?g|pdf|eps|ps)$/i;
/** Marks a finished extraction (renamed when WANTED grows, so older extractions are redone). */
const EXTRACTED = '.extracted-bib';

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length === 0 ? 0 : s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
}

export function runReal(args: readonly string[]): void {
  const manifest = manifestPath();
  const mirror = mirrorRoot(manifest);
  const only = args.flatMap((a, i) => (args[i - 1] === '--only' ? [a] : []));
  const reports = (JSON.parse(readFileSync(manifest, 'utf8')) as Report[]).filter((r) => only.length === 0 || only.some((o) => r.repo.includes(o)));
  const rows: Row[] = [];
  for (const report of reports) {
    const root = extract(mirror, report);
    const file = join(root, report.main_tex);
    const writeup = readWriteup(readFileSync(file, 'utf8'), { file, host: diskHost });
    // The bibliography as the CLI reads it (the files the writeup names, inside the report's folder).
    const bibliography = cliHost({ packs: [], cwd: root, warn: () => undefined }).bibliography?.(writeup);
    const e = estimatePages(writeup, { imageSize: diskImageSize(file, [root]), ...(bibliography ? { bibliography } : {}) });
    rows.push({ name: report.repo.split('/')[0] ?? report.repo, content: report.content_pages, estContent: e.contentPages, total: report.total_pages_frac, estTotal: e.totalPages, notes: e.notes ?? [] });
  }
  const markdown = args.includes('--markdown');
  const f = (x: number): string => x.toFixed(2);
  const sign = (x: number): string => (x >= 0 ? '+' : '') + x.toFixed(2);
  if (markdown) {
    console.log('| report | content | estimate | error | total | estimate | error | notes |');
    console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  }
  for (const r of rows) {
    const dc = r.estContent - r.content;
    const dt = r.estTotal - r.total;
    if (markdown) console.log(`| ${r.name} | ${f(r.content)} | ${f(r.estContent)} | ${sign(dc)} | ${f(r.total)} | ${f(r.estTotal)} | ${sign(dt)} | ${r.notes.length} |`);
    else console.log(`${Math.abs(dc) > 0.35 ? '!' : ' '} ${r.name.padEnd(26)} content ${f(r.content).padStart(6)} est ${f(r.estContent).padStart(6)} (${sign(dc)})   total ${f(r.total).padStart(6)} est ${f(r.estTotal).padStart(6)} (${sign(dt)})${r.notes.length > 0 ? `   notes: ${r.notes.join('; ')}` : ''}`);
  }
  const c = rows.map((r) => Math.abs(r.estContent - r.content));
  const t = rows.map((r) => Math.abs(r.estTotal - r.total));
  const summary = `${rows.length} reports: content median ${median(c).toFixed(3)} max ${Math.max(...c).toFixed(3)} (${c.filter((x) => x > 0.35).length} over 0.35); total median ${median(t).toFixed(3)} max ${Math.max(...t).toFixed(3)}`;
  console.log(markdown ? `\n${summary}` : summary);
}
