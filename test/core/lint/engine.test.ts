import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { applyFixes, formatMessage, lint, pseudoRules } from '../../../src/core/lint/engine';
import type { Rule } from '../../../src/core/lint/rule';
import { rules } from '../../../src/core/lint/rules/index';
import { pack, testPacks } from '../../fakes/courses';
import { inputsFor } from '../../fakes/lint';
import { fakeWriteup, readForTest } from '../../fakes/writeup';

const emptyDoc = '---\ntitle: Margins\nauthor: Ada\ncourse: mit-18.408\nkind: proposal\n---\n\n# Introduction\n\n# Group\n\nAda.\n';

function run(text: string, config: Parameters<typeof lint>[1] = {}) {
  return lint(inputsFor(readForTest(text)), config);
}

/** A rule reporting every heading, for engine behaviour independent of real rules. */
const everyHeading: Rule = {
  id: 'every-heading',
  description: 'Reports every heading (test rule).',
  defaultSeverity: 'warning',
  needsCourse: false,
  fixable: false,
  messages: { heading: 'Heading {title} at {line}' },
  docs: { details: 'test', enforces: 'test' },
  examples: { ok: [], notOk: [] },
  check: ({ writeup }) => writeup.sections.map((s) => ({ messageId: 'heading', data: { title: s.title }, range: s.range })),
};

describe('lint engine', () => {
  test('reports rule id, default severity, filled message and docs path', () => {
    const found = run(emptyDoc).filter((d) => d.rule === 'empty-section');
    assert.deepEqual(
      found.map((d) => ({ rule: d.rule, severity: d.severity, message: d.message, line: d.range.start.line, docs: d.docs })),
      [{ rule: 'empty-section', severity: 'info', message: "Section 'Introduction' is empty", line: 7, docs: 'docs/rules/empty-section.md' }],
    );
  });

  test('configuration overrides a severity', () => {
    const found = run(emptyDoc, { rules: { 'empty-section': 'error' } }).filter((d) => d.rule === 'empty-section');
    assert.equal(found[0]?.severity, 'error');
  });

  test('configuration turns a rule off', () => {
    assert.deepEqual(run(emptyDoc, { rules: { 'empty-section': 'off' } }).filter((d) => d.rule === 'empty-section'), []);
  });

  test('front matter writeup.disable turns a rule off for the file', () => {
    const text = emptyDoc.replace('kind: proposal\n', 'kind: proposal\nwriteup:\n  disable: [empty-section]\n');
    const found = run(text);
    assert.deepEqual(found.filter((d) => d.rule === 'empty-section' || d.rule === 'unknown-rule'), []);
  });

  test('an inline writeup-disable-next-line comment silences the next line only', () => {
    const text = '# One\n\n<!-- writeup-disable-next-line empty-section -->\n# Two\n\n# Three\n\n# Four\n\nText.\n';
    const found = run(text).filter((d) => d.rule === 'empty-section');
    assert.deepEqual(found.map((d) => d.message), ["Section 'One' is empty", "Section 'Three' is empty"]);
  });

  test('a LaTeX % writeup-disable-next-line comment without ids silences every rule on that line', () => {
    const text = '\\documentclass{article}\n\\begin{document}\n% writeup-disable-next-line\n\\section{One}\n\\section{Two}\nText.\n\\end{document}\n';
    const found = lint(inputsFor(readForTest(text, 'latex')), {}).filter((d) => d.rule === 'empty-section');
    assert.deepEqual(found, []);
  });

  test('unknown rule ids in configuration, front matter and comments are reported with a did-you-mean', () => {
    const text = emptyDoc.replace('kind: proposal\n', 'kind: proposal\nwriteup:\n  disable: [empty-sections]\n').replace('# Group', '<!-- writeup-disable-next-line page-limt -->\n# Group');
    const found = run(text, { rules: { 'no-such-rule': 'off', 'group-size': 'loud' } }).filter((d) => d.rule === 'unknown-rule');
    assert.deepEqual(found.map((d) => d.message).sort(), [
      "Unknown rule 'empty-sections' in front matter writeup.disable; did you mean 'empty-section'?",
      "Unknown rule 'no-such-rule' in writeup.lint.rules",
      "Unknown rule 'page-limt' in writeup-disable-next-line; did you mean 'page-limit'?",
      "writeup.lint.rules: 'group-size' must be error, warning, info or off (got \"loud\")",
    ]);
    assert.ok(found.every((d) => d.severity === 'warning'));
  });

  test('without a course only course-free rules run, plus one hint to pick a course', () => {
    const text = '---\ntitle: Margins\n---\n\n# Introduction\n\n# Group\n\nAda.\n';
    const found = run(text);
    assert.deepEqual(found.map((d) => d.rule).sort(), ['empty-section', 'no-course']);
    const hint = found.find((d) => d.rule === 'no-course');
    assert.equal(hint?.severity, 'info');
    assert.equal(hint?.range.start.line, 1, 'on the title');
    assert.match(hint?.message ?? '', /Select Course/);
  });

  test('an unknown course gets the front-matter error, not the hint as well', () => {
    const found = run('---\ntitle: M\ncourse: mit-18.48\n---\n\n# A\n\nText.\n');
    assert.deepEqual(found.map((d) => d.rule), ['front-matter']);
  });

  test('the hint is not shown when every course rule is off', () => {
    const off = Object.fromEntries(rules.filter((r) => r.needsCourse).map((r) => [r.id, 'off']));
    assert.deepEqual(run('# A\n\nText.\n', { rules: off }).filter((d) => d.rule === 'no-course'), []);
  });

  test('reader problems no rule claims appear under the reader pseudo-rule', () => {
    const writeup = fakeWriteup({
      text: 'a $b\n',
      problems: [
        { code: 'unclosed-math', message: 'Unclosed $', range: { start: { line: 0, character: 2 }, end: { line: 0, character: 4 } }, severity: 'error' },
        { code: 'front-matter-yaml', message: 'Bad YAML', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, severity: 'error' },
      ],
    });
    const found = lint({ writeup, courses: testPacks() }, { ruleSet: [everyHeading, ...rules.filter((r) => r.id === 'front-matter')] });
    assert.deepEqual(found.map((d) => `${d.rule}: ${d.message}`), ['front-matter: Bad YAML', 'reader: Unclosed $']);
  });

  test('a rule that throws becomes one info problem, the others still run', () => {
    const broken: Rule = { ...everyHeading, id: 'broken', check: () => { throw new Error('boom'); } };
    const found = lint({ writeup: readForTest('# A\n'), courses: [] }, { ruleSet: [broken, everyHeading] });
    assert.deepEqual(found.map((d) => `${d.rule} ${d.severity}`), ['broken info', 'every-heading warning']);
  });

  test('results are sorted by position', () => {
    const found = lint({ writeup: readForTest('# B\n\ntext\n\n# A\n'), courses: [] }, { ruleSet: [everyHeading] });
    assert.deepEqual(found.map((d) => d.range.start.line), [0, 4]);
  });

  test('pseudo-rules are configurable like rules', () => {
    assert.deepEqual(pseudoRules.map((r) => r.id), ['reader', 'unknown-rule', 'no-course']);
    assert.deepEqual(run('# A\n\nText.\n', { rules: { 'no-course': 'off' } }).filter((d) => d.rule === 'no-course'), []);
  });

  test('formatMessage fills placeholders and leaves unknown ones', () => {
    assert.equal(formatMessage('{a} of {b} ({c})', { a: 1, b: 'x' }), '1 of x ({c})');
  });
});

describe('applyFixes', () => {
  test('applies edits from the end so earlier ranges stay valid', () => {
    const text = 'one\ntwo\nthree\n';
    const out = applyFixes(text, [
      { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 3 } }, newText: 'ONE' },
      { range: { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } }, newText: '2.5\n' },
    ]);
    assert.equal(out, 'ONE\ntwo\n2.5\nthree\n');
  });

  test('skips edits for other files and overlapping edits', () => {
    const text = 'abcdef';
    const r = (a: number, b: number) => ({ start: { line: 0, character: a }, end: { line: 0, character: b } });
    assert.equal(applyFixes(text, [{ range: r(0, 3), newText: 'X' }, { range: r(2, 4), newText: 'Y' }, { file: '/refs.bib', range: r(0, 0), newText: 'Z' }]), 'abYef');
  });

  test('a front-matter fix applied and linted again leaves no problem', () => {
    const text = '---\ntitle: Margins\nauthor: Ada\ncourse: mit-18.48\nkind: proposal\n---\n\n# Introduction\n\nText.\n';
    const first = run(text).find((d) => d.rule === 'front-matter');
    assert.equal(first?.message, "Unknown course 'mit-18.48'; did you mean 'mit-18.408'?");
    assert.equal(first?.fixes[0]?.title, "Change to 'mit-18.408'");
    const fixed = applyFixes(text, first?.fixes[0]?.edits ?? []);
    assert.match(fixed, /^course: mit-18\.408$/m);
    assert.deepEqual(run(fixed).filter((d) => d.rule === 'front-matter'), []);
    assert.ok(pack('mit-18.408'));
  });
});
