import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { mathSyntax } from '../../../../src/core/lint/rules/math-syntax';
import { readWriteup } from '../../../../src/core/readers/index';

function check(text: string, options: Record<string, unknown> = {}, file = 'report.md') {
  const writeup = readWriteup(text, { file });
  return mathSyntax.check({ writeup, courses: [], options });
}

describe('math-syntax', () => {
  test('shape: id, error severity, no course needed, a message for every code it reports', () => {
    assert.equal(mathSyntax.id, 'math-syntax');
    assert.equal(mathSyntax.defaultSeverity, 'error');
    assert.equal(mathSyntax.needsCourse, false);
    for (const ex of mathSyntax.examples.notOk) for (const p of ex.problems) assert.ok(mathSyntax.messages[p.messageId], p.messageId);
  });

  for (const ex of mathSyntax.examples.ok.filter((e) => e.format !== 'latex')) {
    test(`ok: ${ex.title}`, () => {
      assert.deepEqual(check(ex.text), []);
    });
  }

  for (const ex of mathSyntax.examples.notOk.filter((e) => e.format !== 'latex')) {
    test(`not ok: ${ex.title}`, () => {
      const reports = check(ex.text);
      assert.deepEqual(
        reports.map((r) => ({ messageId: r.messageId, line: r.range.start.line })),
        ex.problems,
      );
    });
  }

  test('the report is located at the unknown command, with its name in the data', () => {
    const [r] = check('Text $a + \\frca{1}{2}$.\n');
    assert.deepEqual(r?.range, { start: { line: 0, character: 10 }, end: { line: 0, character: 15 } });
    assert.deepEqual(r?.data, { command: '\\frca' });
  });

  test('macros from the rule options (the writeup.math.macros setting) are known', () => {
    assert.equal(check('$\\E[X]$\n').length, 1);
    assert.deepEqual(check('$\\E[X]$\n', { macros: { E: '\\mathbb{E}' } }), []);
  });

  test('every formula is checked: one report per broken formula', () => {
    const reports = check('$\\frca{1}$ and $\\left( x$ and $x$.\n');
    assert.deepEqual(reports.map((r) => r.messageId), ['unknownCommand', 'leftWithoutRight']);
  });
});
