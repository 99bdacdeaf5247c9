import { afterEach, beforeEach, describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportCommand } from '../../src/cli/commands/export';
import { createNewCommand } from '../../src/cli/commands/new';
import type { CoursePack } from '../../src/core/courses/types';
import type { CliIO } from '../../src/cli/command';

const has = (tool: string): boolean => !spawnSync(tool, ['--version'], { encoding: 'utf8' }).error;
const latex = has('pdflatex');
const pandoc = has('pandoc') && latex;

let dir = '';
let out: string[] = [];
let err: string[] = [];
const io = (): CliIO => ({ stdout: (t) => out.push(t), stderr: (t) => err.push(t), cwd: dir });
const run = (...args: string[]): number => {
  out = [];
  err = [];
  return exportCommand.run(args, io()) as number;
};

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'writeup-export-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('writeup export', () => {
  test('a Markdown writeup becomes a PDF through pandoc', { skip: !pandoc && 'pandoc or pdflatex not installed' }, () => {
    copyFileSync(join(__dirname, '../../example/report.md'), join(dir, 'report.md'));
    copyFileSync(join(__dirname, '../../example/references.bib'), join(dir, 'references.bib'));
    cpSync(join(__dirname, '../../example/figures'), join(dir, 'figures'), { recursive: true });
    assert.equal(run('report.md', '--out', 'out.pdf'), 0, err.join(''));
    assert.deepEqual(out, ['Wrote out.pdf\n']);
    assert.equal(readFileSync(join(dir, 'out.pdf')).subarray(0, 5).toString('latin1'), '%PDF-');
  });

  test('a LaTeX error is printed at its source line and exits 1', { skip: !latex && 'pdflatex not installed' }, () => {
    writeFileSync(join(dir, 'bad.tex'), '\\documentclass{article}\n\\begin{document}\nHello.\n\n\\foo\n\\end{document}\n');
    assert.equal(run('bad.tex'), 1);
    assert.equal(err[0], 'bad.tex:5: error: Undefined control sequence \\foo.\n');
    assert.equal(existsSync(join(dir, 'bad.pdf')), false);
  });

  for (const mode of [[], ['--no-latexmk']]) {
    test(`a fresh LaTeX template compiles ${mode.length ? 'with pdflatex + bibtex' : 'with latexmk'}, authors joined by \\And`, { skip: !latex && 'LaTeX not installed' }, async () => {
      const packs = [JSON.parse(readFileSync(join(__dirname, '../fixtures/templates/course.json'), 'utf8')) as CoursePack];
      out = [];
      assert.equal(await createNewCommand(() => packs).run(['report', '--course', 'test-101', '--format', 'tex', '--author', 'A', '--author', 'B'], io()), 0);
      assert.equal(run('report.tex', ...mode), 0, err.join(''));
      assert.equal(readFileSync(join(dir, 'report.pdf')).subarray(0, 5).toString('latin1'), '%PDF-');
    });
  }

  test('bad usage exits 2 with one line', () => {
    assert.throws(() => run(), /expected one PATH/);
    assert.throws(() => run('notes.txt'), /neither Markdown/);
    assert.throws(() => run('missing.md'), /does not exist/);
  });
});
