import { afterEach, beforeEach, describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CoursePack } from '../../src/core/courses/types';
import { createNewCommand } from '../../src/cli/commands/new';
import { main } from '../../src/cli/main';
import type { CliIO } from '../../src/cli/command';

const course = JSON.parse(readFileSync(join(__dirname, '../fixtures/templates/course.json'), 'utf8')) as CoursePack;
const command = createNewCommand(() => [course]);

let dir = '';
let out: string[] = [];
let err: string[] = [];
const io = (): CliIO => ({ stdout: (t) => out.push(t), stderr: (t) => err.push(t), cwd: dir });

/** Runs `writeup new ...` through the command with the fixture pack, as main() would. */
async function run(...args: string[]): Promise<number> {
  out = [];
  err = [];
  try {
    return await command.run(args, io());
  } catch (error) {
    err.push(`writeup new: ${(error as Error).message}\n`);
    return 2;
  }
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'writeup-new-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('writeup new', () => {
  test('creates proposal.md and references.bib in the working folder', async () => {
    assert.equal(await run('proposal', '--course', 'test-101', '--author', 'Ada Lovelace', '--author', 'Alan Turing'), 0);
    const text = readFileSync(join(dir, 'proposal.md'), 'utf8');
    assert.match(text, /^---\ntitle: Working Title\nauthor:\n {2}- Ada Lovelace\n {2}- Alan Turing\ncourse: test-101\nkind: proposal\n/);
    assert.match(text, /^# Introduction$/m);
    assert.ok(existsSync(join(dir, 'references.bib')));
    assert.equal(out[0], 'Created proposal.md (test-101 proposal, survey project; sections: Introduction, Papers)\n');
    assert.equal(out[1], 'Created references.bib\n');
    assert.equal(out[2], '(for another project type: --project-type original)\n');
  });

  test('writes report.tex for --format tex, and keeps an existing references.bib', async () => {
    writeFileSync(join(dir, 'references.bib'), '@misc{mine, title={Mine}}\n');
    assert.equal(await run('report', '--course', 'test-101', '--format', 'tex'), 0);
    assert.match(readFileSync(join(dir, 'report.tex'), 'utf8'), /^% writeup: course=test-101 kind=report\n\\documentclass\{article\}/);
    assert.equal(readFileSync(join(dir, 'references.bib'), 'utf8'), '@misc{mine, title={Mine}}\n');
    assert.equal(out.length, 1);
  });

  test('--out names the file; the .bib goes next to it', async () => {
    assert.equal(await run('proposal', '--course', 'test-101', '--out', 'sub.md', '--project-type', 'original', '--title', 'Depth'), 0);
    assert.match(readFileSync(join(dir, 'sub.md'), 'utf8'), /title: Depth\n[\s\S]*project-type: original\n[\s\S]*# Research Questions/);
  });

  test('--out report.tex alone writes LaTeX (it wrote Markdown into the .tex); a --format that contradicts --out is refused', async () => {
    assert.equal(await run('report', '--course', 'test-101', '--out', 'report.tex'), 0);
    assert.match(readFileSync(join(dir, 'report.tex'), 'utf8'), /^\\documentclass\{article\}$/m);
    assert.equal(await run('report', '--course', 'test-101', '--format', 'md', '--out', 'other.tex'), 2);
    assert.deepEqual(err, ['writeup new: --format md writes Markdown, but --out other.tex is a LaTeX file name\n']);
    assert.equal(existsSync(join(dir, 'other.tex')), false);
  });

  test('--out into a folder that does not exist says so, not ENOENT', async () => {
    assert.equal(await run('report', '--course', 'test-101', '--out', join('no', 'such', 'report.md')), 2);
    assert.deepEqual(err, [`writeup new: cannot write ${join('no', 'such', 'report.md')}: the folder ${join('no', 'such')} does not exist\n`]);
  });

  test('refuses to overwrite an existing file (exit 2, one line, file unchanged)', async () => {
    writeFileSync(join(dir, 'proposal.md'), 'my work\n');
    assert.equal(await run('proposal', '--course', 'test-101'), 2);
    assert.deepEqual(err, ['writeup new: proposal.md already exists; not overwriting it (choose another --out)\n']);
    assert.equal(readFileSync(join(dir, 'proposal.md'), 'utf8'), 'my work\n');
  });

  test('an unknown course exits 2 listing the known ids', async () => {
    assert.equal(await run('proposal', '--course', 'nope'), 2);
    assert.deepEqual(err, ["writeup new: unknown course 'nope' (known: test-101)\n"]);
    assert.equal(existsSync(join(dir, 'proposal.md')), false);
  });

  test('bad usage exits 2: missing kind, missing course, bad format, unknown project type', async () => {
    assert.equal(await run('--course', 'test-101'), 2);
    assert.match(err[0] ?? '', /expected one of: new proposal, new report/);
    assert.equal(await run('report'), 2);
    assert.match(err[0] ?? '', /--course ID is required/);
    assert.equal(await run('report', '--course', 'test-101', '--format', 'docx'), 2);
    assert.match(err[0] ?? '', /--format must be one of md, tex/);
    assert.equal(await run('proposal', '--course', 'test-101', '--project-type', 'x'), 2);
    assert.match(err[0] ?? '', /unknown project type 'x'/);
  });
});

describe('writeup new through main (bundled packs)', () => {
  test('is registered and prints its usage', async () => {
    out = [];
    assert.equal(await main(['new', '--help'], io()), 0);
    assert.match(out.join(''), /^Usage: writeup new proposal\|report --course ID/);
  });
});
