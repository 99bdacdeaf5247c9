import assert from 'node:assert/strict';
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
