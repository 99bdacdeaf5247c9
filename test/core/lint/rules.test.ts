import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { allRuleDocs } from '../../../src/core/lint/docs';
import { knownRuleIds } from '../../../src/core/lint/engine';
import { rules } from '../../../src/core/lint/rules/index';
import { runExample } from '../../fakes/lint';
import { LINE_ENDS, withLineEnds } from '../../helpers/lineEnds';

const ruleFiles = readdirSync('src/core/lint/rules')
  .filter((f) => f.endsWith('.ts') && f !== 'index.ts')
  .map((f) => f.replace(/\.ts$/, ''));

describe('every lint rule', () => {
  test('every file in src/core/lint/rules is a registered rule', () => {
    assert.deepEqual([...ruleFiles].sort(), rules.map((r) => r.id).sort());
  });

  test('docs/rules holds the generated page of every rule (npm run docs:rules)', () => {
    for (const [name, text] of allRuleDocs(rules)) {
      let onDisk: string | undefined;
      try {
        onDisk = readFileSync(`docs/rules/${name}`, 'utf8');
      } catch {
        onDisk = undefined;
      }
      assert.equal(onDisk, text, `docs/rules/${name} is missing or stale: run npm run docs:rules`);
    }
  });

  test('package.json describes every rule id under writeup.lint.rules', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as {
      contributes: { configuration: { properties: Record<string, { properties?: Record<string, { enum?: string[] }> }> } };
    };
    const properties = pkg.contributes.configuration.properties['writeup.lint.rules']?.properties ?? {};
    assert.deepEqual(Object.keys(properties).sort(), knownRuleIds(rules).sort());
    for (const p of Object.values(properties)) assert.deepEqual(p.enum, ['error', 'warning', 'info', 'off']);
  });

  for (const rule of rules) {
    describe(rule.id, () => {
      test('has an id like its file, a description, docs and both kinds of examples', () => {
        assert.match(rule.id, /^[a-z]+(-[a-z]+)*$/);
        assert.ok(rule.description.length > 10);
        assert.ok(rule.docs.details.length > 20 && rule.docs.enforces.length > 10);
        assert.ok(rule.examples.ok.length >= 1, 'at least one passing example');
        assert.ok(rule.examples.notOk.length >= 1, 'at least one failing example');
        for (const example of rule.examples.notOk) {
          for (const p of example.problems) assert.ok(rule.messages[p.messageId], `unknown message id ${p.messageId}`);
        }
      });
      for (const example of rule.examples.ok) {
        test(`passes: ${example.title}`, () => {
          assert.deepEqual(runExample(rule, example).map((d) => `${d.range.start.line}: ${d.message}`), []);
        });
      }
      for (const example of rule.examples.notOk) {
        test(`fails: ${example.title}`, () => {
          const found = runExample(rule, example);
          assert.deepEqual(
            found.map((d) => ({ messageId: d.messageId, line: d.range.start.line })),
            example.problems.map((p) => ({ messageId: p.messageId, line: p.line })),
            found.map((d) => d.message).join('\n'),
          );
          for (const d of found) assert.doesNotMatch(d.message, /\{\w+\}/, 'every placeholder filled');
        });
      }
      // Windows (CRLF) and old Mac (lone CR) line ends: every example gives the same problems at the same lines and characters.
      for (const [kind, eol] of LINE_ENDS.filter(([k]) => k !== 'LF')) {
        test(`every example with ${kind} line ends`, () => {
          const seen = (text: string, example: (typeof rule.examples.ok)[number]) =>
            runExample(rule, { ...example, text }).map((d) => ({ messageId: d.messageId, message: d.message, severity: d.severity, range: d.range }));
          for (const example of [...rule.examples.ok, ...rule.examples.notOk]) {
            const lf = withLineEnds(example.text, '\n');
            assert.deepEqual(seen(withLineEnds(lf, eol), example), seen(lf, example), example.title);
          }
        });
      }
    });
  }
});
