import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import type { CliIO } from '../../src/cli/command';
import { main } from '../../src/cli/main';

const dir = join(__dirname, '../fixtures/calibration');

async function run(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CliIO = { stdout: (t) => (out += t), stderr: (t) => (err += t), cwd: dir };
  const code = await main(['pages', ...args], io);
  return { code, out, err };
}

describe('writeup pages', () => {
  test('--json prints file, content and total pages per file, rounded to 2 decimals', async () => {
    const { code, out } = await run('--json', 'md-proposal-short.md', 'md-report-plain.md');
    assert.equal(code, 0);
    const rows = JSON.parse(out) as { file: string; contentPages: number; totalPages: number; pageBreaks: unknown[]; breakdown: Record<string, number> }[];
    assert.deepEqual(rows.map((r) => r.file), ['md-proposal-short.md', 'md-report-plain.md']);
    for (const r of rows) {
      assert.ok(r.contentPages > 0 && r.totalPages >= r.contentPages);
      assert.equal(Math.round(r.totalPages * 100) / 100, r.totalPages);
      assert.equal(typeof r.breakdown.text, 'number');
    }
    assert.ok((rows[1]?.totalPages ?? 0) > (rows[0]?.totalPages ?? 0));
    assert.ok((rows[1]?.pageBreaks.length ?? 0) >= 1);
  });

  test('text mode prints one line per file', async () => {
    const { code, out } = await run('md-proposal-short.md');
    assert.equal(code, 0);
    assert.match(out, /^md-proposal-short\.md: \d+\.\d content pages, \d+\.\d total \(estimated\)\n$/);
  });

  test('no path is a usage error (exit 2)', async () => {
    const { code, err } = await run('--json');
    assert.equal(code, 2);
    assert.match(err, /expected at least one PATH/);
  });

  test('an unreadable file is reported and exits 2, the others still print', async () => {
    const { code, out, err } = await run('--json', 'missing.md', 'md-proposal-short.md');
    assert.equal(code, 2);
    assert.match(err, /cannot read missing\.md/);
    assert.equal((JSON.parse(out) as unknown[]).length, 1);
  });
});

describe('writeup pages: images named in another case', () => {
  test('\\includegraphics{tall.png} finds Tall.png, as TeX Live does on a case-sensitive disk', async () => {
    const work = mkdtempSync(join(tmpdir(), 'writeup-case-'));
    copyFileSync(join(dir, 'figures/tall.png'), join(work, 'Tall.png'));
    const tex = (name: string) =>
      `\\documentclass{article}\n\\usepackage[final]{neurips_2024}\n\\begin{document}\nText.\n\\begin{figure}[h]\n\\includegraphics[width=0.5\\linewidth]{${name}}\n\\caption{A figure.}\n\\end{figure}\n\\end{document}\n`;
    writeFileSync(join(work, 'other.tex'), tex('tall.png'));
    writeFileSync(join(work, 'missing.tex'), tex('nothere.png'));
    let out = '';
    const code = await main(['pages', '--json', 'other.tex', 'missing.tex'], { stdout: (t) => (out += t), stderr: () => undefined, cwd: work });
    assert.equal(code, 0);
    const [found, missing] = JSON.parse(out) as { totalPages: number; notes?: string[] }[];
    assert.ok(!(found?.notes ?? []).some((n) => n.includes('not found')), JSON.stringify(found?.notes));
    assert.ok((missing?.notes ?? []).some((n) => n.includes('nothere.png')), JSON.stringify(missing?.notes));
    // A tall image is taller than the default 0.62 of its width.
    assert.ok((found?.totalPages ?? 0) > (missing?.totalPages ?? 0), `${found?.totalPages} vs ${missing?.totalPages}`);
  });
});
