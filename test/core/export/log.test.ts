import { describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseLatexLog, parsePandocMessages } from '../../../src/core/export/log';

const fixture = (name: string): string => readFileSync(join(__dirname, '../../fixtures/export', name), 'utf8');

describe('parseLatexLog', () => {
  test('reads -file-line-error errors at their source line, naming the command', () => {
    const problems = parseLatexLog(fixture('undefined-fle.log'));
    assert.deepEqual(problems[0], { file: './broken.tex', line: 5, message: 'Undefined control sequence \\foo.', severity: 'error' });
  });

  test('reads classic "! ..." errors with the l.N marker and the file from the open-file stack', () => {
    const problems = parseLatexLog(fixture('undefined-classic.log'));
    assert.deepEqual(problems[0], { file: './broken.tex', line: 5, message: 'Undefined control sequence \\foo.', severity: 'error' });
  });

  test('reads citation warnings with their input line', () => {
    const warnings = parseLatexLog(fixture('undefined-fle.log')).filter((p) => p.severity === 'warning');
    assert.deepEqual(warnings[0], { file: './broken.tex', line: 3, message: "Citation `nokey' on page 1 undefined", severity: 'warning' });
    assert.ok(warnings.some((w) => w.message === 'There were undefined citations.' && w.line === undefined));
  });

  test('a missing package is one error; the emergency stop after it is not repeated', () => {
    const errors = parseLatexLog(fixture('missing-package.log')).filter((p) => p.severity === 'error');
    assert.equal(errors.length, 1);
    assert.equal(errors[0]?.message, "LaTeX Error: File `nosuchpackage.sty' not found.");
    assert.equal(errors[0]?.file, './missing.tex');
  });

  test('multi-line package warnings are joined and keep their line', () => {
    const log = [
      '(./report.tex',
      'Package natbib Warning: Citation `a\' on page 2 undefined',
      '(natbib)                on input line 41.',
      ')',
    ].join('\n');
    assert.deepEqual(parseLatexLog(log), [
      { file: './report.tex', line: 40, message: "Citation `a' on page 2 undefined", severity: 'warning' },
    ]);
  });

  test('an empty or unrelated text gives no problems', () => {
    assert.deepEqual(parseLatexLog(''), []);
    assert.deepEqual(parseLatexLog('This is pdfTeX, Version 3.14\n(./a.tex (./b.tex)) )))'), []);
  });
});

describe('parsePandocMessages', () => {
  test('a YAML error lands on its line of the writeup', () => {
    const problems = parsePandocMessages('Error parsing YAML metadata at "report.md" (line 3, column 1):\nmapping values are not allowed in this context\n');
    assert.deepEqual(problems, [
      { line: 2, message: 'Error parsing YAML metadata at "report.md" (line 3, column 1): mapping values are not allowed in this context', severity: 'error' },
    ]);
  });

  test('warnings and LaTeX errors from the generated LaTeX carry no line', () => {
    const stderr = [
      '[WARNING] Citeproc: citation nokey not found',
      'Error producing PDF.',
      '! Undefined control sequence.',
      'l.95 \\foo',
      '',
    ].join('\n');
    assert.deepEqual(parsePandocMessages(stderr), [
      { message: 'Citeproc: citation nokey not found', severity: 'warning' },
      { message: 'LaTeX: Undefined control sequence \\foo.', severity: 'error' },
    ]);
  });

  test('an unrecognised failure is reported by its last line', () => {
    assert.deepEqual(parsePandocMessages('pandoc: report.md: openBinaryFile: does not exist\n'), [
      { message: 'pandoc: report.md: openBinaryFile: does not exist', severity: 'error' },
    ]);
  });
});
