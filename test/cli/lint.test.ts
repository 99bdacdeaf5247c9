import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import type { CliIO } from '../../src/cli/command';
import { main } from '../../src/cli/main';

const fixtures = join(__dirname, '../fixtures/lint/cli');

async function run(cwd: string, ...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CliIO = { stdout: (t) => (out += t), stderr: (t) => (err += t), cwd };
  const code = await main(['lint', ...args], io);
  return { code, out, err };
}

describe('writeup lint', () => {
  test('--format json has exactly the DESIGN.md shape, 0-based ranges', async () => {
    const { code, out } = await run(fixtures, '--format', 'json', 'submissions/alice/report.md', 'submissions/bob-team/report.md');
    assert.equal(code, 1, 'an error was reported');
    const rows = JSON.parse(out) as Record<string, unknown>[];
    assert.equal(rows.length, 2);
    for (const row of rows) {
      assert.deepEqual(Object.keys(row), ['file', 'course', 'kind', 'pages', 'diagnostics']);
      assert.deepEqual(Object.keys(row['pages'] as object), ['estimated', 'limit']);
      for (const d of row['diagnostics'] as Record<string, unknown>[]) {
        assert.deepEqual(Object.keys(d), ['rule', 'severity', 'message', 'range']);
        assert.deepEqual(Object.keys(d['range'] as object), ['start', 'end']);
        assert.deepEqual(Object.keys((d['range'] as { start: object }).start), ['line', 'character']);
      }
    }
    const [alice, bob] = rows as { file: string; course: string; kind: string; pages: { estimated: number; limit: number }; diagnostics: { rule: string; severity: string; message: string; range: { start: { line: number } } }[] }[];
    assert.equal(alice?.file, join('submissions', 'alice', 'report.md'));
    assert.equal(alice?.course, 'mit-9.520-fall2024');
    assert.equal(alice?.kind, 'report');
    assert.equal(alice?.pages.limit, 5);
    assert.ok((alice?.pages.estimated ?? 0) > 5);
    const over = alice?.diagnostics.find((d) => d.rule === 'page-limit');
    assert.equal(over?.severity, 'error');
    assert.match(over?.message ?? '', /^\d\.\d of 5 pages \(estimated\); about \d\.\d pages over \(9\.520: 5 pages for individuals, NeurIPS style\)$/);
    assert.equal(bob?.pages.limit, 8, 'three authors: the team limit');
    assert.deepEqual(bob?.diagnostics.filter((d) => d.rule === 'page-limit'), []);
  });

  test('text: file:line:col severity rule message (1-based), then a page summary per file', async () => {
    const { code, out } = await run(fixtures, 'submissions/carol/proposal.md');
    assert.equal(code, 0, 'warnings only');
    const lines = out.trimEnd().split('\n');
    const file = join('submissions', 'carol', 'proposal.md');
    assert.match(lines[0] ?? '', new RegExp(`^${file.replace(/[.\\/]/g, '\\$&')}:2:8 warning required-sections Missing section 'Group': 18\\.408 asks “`));
    assert.match(lines.at(-1) ?? '', /proposal\.md: 0\.\d of 1 pages \(mit-18\.408 proposal, 1 author\); 0 errors, 1 warning$/);
  });

  test('folders are searched for writeups; node_modules, .git and non-writeups are skipped', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'writeup-lint-'));
    after(() => rmSync(dir, { recursive: true, force: true }));
    cpSync(join(fixtures, 'submissions'), join(dir, 'submissions'), { recursive: true });
    for (const skipped of ['node_modules/pkg', '.git/x']) {
      mkdirSync(join(dir, 'submissions', skipped), { recursive: true });
      writeFileSync(join(dir, 'submissions', skipped, 'report.md'), '# Report\n');
    }
    const { out } = await run(dir, '--format', 'json', 'submissions');
    const files = (JSON.parse(out) as { file: string }[]).map((r) => r.file.split(/[\\/]/).slice(1).join('/'));
    assert.deepEqual(files, ['alice/report.md', 'bob-team/report.md', 'carol/proposal.md', 'dave/paper.tex', 'eve/draft.md']);
  });

  test('--summary prints one row per file for TAs', async () => {
    const { code, out } = await run(fixtures, '--summary', 'submissions');
    assert.equal(code, 1);
    const [head, ...rows] = out.trimEnd().split('\n');
    assert.deepEqual(head?.split(/\s+/), ['FILE', 'COURSE', 'KIND', 'AUTHORS', 'PAGES', 'ERRORS', 'WARNINGS']);
    const alice = rows.find((r) => r.includes('alice'))?.split(/\s+/);
    assert.deepEqual([alice?.[1], alice?.[2], alice?.[3], alice?.[4]?.endsWith('/5'), alice?.[5]], ['mit-9.520-fall2024', 'report', '1', true, '1']);
    const bob = rows.find((r) => r.includes('bob-team'))?.split(/\s+/);
    assert.deepEqual([bob?.[3], bob?.[4]?.endsWith('/8'), bob?.[5]], ['3', true, '0']);
  });

  test('--summary --format json: one object per file with counts', async () => {
    const { out } = await run(fixtures, '--summary', '--format', 'json', 'submissions/alice/report.md');
    const rows = JSON.parse(out) as Record<string, unknown>[];
    assert.deepEqual(Object.keys(rows[0] ?? {}), ['file', 'course', 'kind', 'authors', 'pages', 'errors', 'warnings', 'infos']);
    assert.deepEqual([rows[0]?.['authors'], rows[0]?.['errors']], [1, 1]);
  });

  test('--course applies to writeups that name none; the front matter wins', async () => {
    const { out } = await run(fixtures, '--format', 'json', '--course', 'mit-18.408', '--kind', 'report', 'submissions/carol/notes.md', 'submissions/alice/report.md');
    const rows = JSON.parse(out) as { course: string; kind: string }[];
    assert.deepEqual(rows.map((r) => [r.course, r.kind]), [['mit-18.408', 'report'], ['mit-9.520-fall2024', 'report']]);
  });

  test('exit 0 when nothing is an error', async () => {
    assert.equal((await run(fixtures, 'submissions/bob-team/report.md')).code, 0);
  });

  for (const [why, args, message] of [
    ['unknown course', ['--course', '18.408', 'submissions'], /^writeup lint: unknown course '18\.408'; did you mean 'mit-18\.408'\?/],
    ['missing path', ['submissions/nobody.md'], /^writeup lint: no such file or folder: submissions\/nobody\.md$/],
    ['no path', [], /^writeup lint: expected PATH/],
    ['bad format', ['--format', 'xml', 'submissions'], /^writeup lint: --format must be one of json, text/],
    ['unknown option', ['--fast', 'submissions'], /^writeup lint: Unknown option '--fast'/],
  ] as const) {
    test(`exit 2 and one line on bad usage: ${why}`, async () => {
      const { code, out, err } = await run(fixtures, ...args);
      assert.equal(code, 2);
      assert.equal(out, '');
      assert.equal(err.trimEnd().split('\n').length, 1);
      assert.match(err.trimEnd(), message);
    });
  }

  test('a bibliography outside the allowed folders is reported on the injected stderr, not the process\'s', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'writeup-lint-bib-'));
    after(() => rmSync(dir, { recursive: true, force: true }));
    mkdirSync(join(dir, 'work'));
    writeFileSync(join(dir, 'work', 'proposal.md'), '---\ntitle: T\nauthor: Ann\ncourse: mit-18.408\nkind: proposal\nbibliography: ../../elsewhere/refs.bib\n---\n\n# Introduction\n\nText.\n');
    const written: string[] = [];
    const original = process.stderr.write.bind(process.stderr);
    process.stderr.write = ((chunk: string | Uint8Array) => {
      written.push(String(chunk));
      return true;
    }) as typeof process.stderr.write;
    let result: { code: number; out: string; err: string };
    try {
      result = await run(join(dir, 'work'), '--format', 'json', 'proposal.md');
    } finally {
      process.stderr.write = original;
    }
    assert.match(result.err, /^writeup: proposal\.md: .*elsewhere/m);
    assert.deepEqual(written.filter((w) => w.includes('elsewhere')), []);
  });
});
