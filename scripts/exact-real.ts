/**
 * Compares `writeup pages --exact` with the real-reports corpus: for each report in the manifest,
 * extracts the pinned commit from its snapshot into a temporary folder (with the manifest's
 * fixups and stubs), compiles it through the exact-pages compile, and prints the measured content
 * and total pages beside the manifest's. Nothing from the snapshots is kept.
 *
 *   WRITEUP_REAL_REPORTS=<folder with manifest.json> WRITEUP_MIRROR=<mirror root> \
 *     node --import tsx scripts/exact-real.ts [--only SUBSTR]...
 */

import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { compileExact } from '../src/core/layout/exact';
import { nodeExactHost } from '../src/node/exactHost';

interface Entry {
  repo: string;
  commit: string;
  main_tex: string;
  content_pages: number;
  total_pages_frac: number;
  total_pages: number;
  fixups?: [string, string, string][] | null;
  stubbed_packages?: string[] | null;
}

/** Writes the commit's files into `dir`, skipping blobs the snapshot lacks (large files). */
function extract(gitDir: string, commit: string, dir: string): void {
  const list = execFileSync('git', ['--git-dir', gitDir, 'ls-tree', '-r', '-z', commit], { maxBuffer: 1 << 28 }).toString('utf8');
  for (const item of list.split('\0')) {
    const m = /^\d+ blob ([0-9a-f]+)\t(.*)$/s.exec(item);
    if (!m?.[1] || !m[2]) continue;
    try {
      const data = execFileSync('git', ['--git-dir', gitDir, 'cat-file', 'blob', m[1]], { maxBuffer: 1 << 30, stdio: ['ignore', 'pipe', 'ignore'] });
      fs.mkdirSync(path.join(dir, path.dirname(m[2])), { recursive: true });
      fs.writeFileSync(path.join(dir, m[2]), data);
    } catch {
      // Absent from the snapshot.
    }
  }
}

async function main(): Promise<void> {
  const corpus = process.env['WRITEUP_REAL_REPORTS'];
  const mirror = process.env['WRITEUP_MIRROR'];
  if (!corpus || !mirror) {
    console.error('set WRITEUP_REAL_REPORTS and WRITEUP_MIRROR');
    process.exit(2);
  }
  const only: string[] = [];
  for (let i = 2; i < process.argv.length; i++) if (process.argv[i] === '--only') only.push(process.argv[++i] ?? '');
  const manifest = JSON.parse(fs.readFileSync(path.join(corpus, 'manifest.json'), 'utf8')) as Entry[];
  const rows: { repo: string; content: number; exact: number; total: number; exactTotal: number }[] = [];
  for (const e of manifest) {
    if (only.length && !only.some((o) => e.repo.includes(o))) continue;
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'writeup-real-'));
    try {
      const snap = path.join(mirror, e.repo.replace('/', '+'), 'repo');
      const gitDir = fs.existsSync(path.join(snap, '.git')) ? path.join(snap, '.git') : snap;
      extract(gitDir, e.commit, dir);
      for (const [file, from, to] of e.fixups ?? []) {
        const p = path.join(dir, file);
        fs.writeFileSync(p, fs.readFileSync(p, 'latin1').split(from).join(to), 'latin1');
      }
      for (const pkg of e.stubbed_packages ?? []) fs.writeFileSync(path.join(dir, path.dirname(e.main_tex), `${pkg}.sty`), '');
      const outcome = await compileExact({ file: path.join(dir, e.main_tex), format: 'latex', timeoutMs: 180_000 }, nodeExactHost, new AbortController().signal);
      if (outcome.status !== 'ok') {
        console.log(`${e.repo}: ${outcome.status}${'errors' in outcome ? ` ${outcome.errors[0]?.message ?? ''}` : ''}`);
        continue;
      }
      const m = outcome.measure;
      rows.push({ repo: e.repo, content: e.content_pages, exact: m.contentPages, total: e.total_pages_frac, exactTotal: m.totalPages });
      const d = m.contentPages - e.content_pages;
      console.log(`${e.repo}: content ${m.contentPages.toFixed(3)} vs ${e.content_pages} (${d >= 0 ? '+' : ''}${d.toFixed(3)}, ${m.contentEnd}), total ${m.totalPages.toFixed(3)} vs ${e.total_pages_frac}, ${m.pdfPages} vs ${e.total_pages} sheets, ${outcome.compileMs} ms`);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }
  const errs = rows.map((r) => Math.abs(r.exact - r.content)).sort((a, b) => a - b);
  const within = errs.filter((x) => x <= 0.02).length;
  console.log(`${rows.length} compiled; content within 0.02: ${within}; median |error| ${(errs[Math.floor(errs.length / 2)] ?? 0).toFixed(4)}, max ${(errs[errs.length - 1] ?? 0).toFixed(4)}`);
}

void main();
