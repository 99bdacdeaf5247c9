import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { estimatePages } from '../../../src/core/layout/index';
import { lint } from '../../../src/core/lint/engine';
import { ruleById } from '../../../src/core/lint/rules/index';
import { readWriteup } from '../../../src/core/readers/index';
import { inputsFor } from '../../fakes/lint';
import { LINE_ENDS, withLineEnds } from '../../helpers/lineEnds';

const root = join(__dirname, '../../fixtures/lint');
const expectation = /(?:<!--|%|#)\s*expect-next-line\s+([\w-]+)/;

/** Expected problems written inline: `expect-next-line messageId` on the line before. */
function expected(text: string): { messageId: string; line: number }[] {
  return text.split('\n').flatMap((line, i) => {
    const m = expectation.exec(line);
    return m?.[1] ? [{ messageId: m[1], line: i + 1 }] : [];
  });
}

describe('lint fixtures (test/fixtures/lint/<rule-id>/, expected problems inline)', () => {
  const folders = readdirSync(root, { withFileTypes: true }).filter((d) => d.isDirectory() && d.name !== 'cli');
  for (const folder of folders) {
    const rule = ruleById(folder.name);
    test(`${folder.name}: the folder names a rule and holds ok and not-ok fixtures`, () => {
      assert.ok(rule, `no rule ${folder.name}`);
      const files = readdirSync(join(root, folder.name));
      assert.ok(files.some((f) => f.startsWith('ok')) && files.some((f) => f.startsWith('not-ok')), files.join(', '));
    });
    if (!rule) continue;
    for (const name of readdirSync(join(root, folder.name)).sort()) {
      const file = join(root, folder.name, name);
      const lf = withLineEnds(readFileSync(file, 'utf8'), '\n');
      /** The rule's problems in `text`, with everything a user sees of each. */
      const problems = (text: string) => {
        const writeup = readWriteup(text, { file });
        return lint({ ...inputsFor(writeup), pages: estimatePages(writeup) }, { ruleSet: [rule] })
          .filter((d) => d.rule === rule.id)
          .map((d) => ({ messageId: d.messageId, message: d.message, severity: d.severity, range: d.range }));
      };
      test(`${folder.name}/${name}`, () => {
        const found = problems(lf);
        const want = expected(lf);
        assert.equal(name.startsWith('ok'), want.length === 0, 'ok-* files expect nothing, not-ok-* files something');
        assert.deepEqual(found.map((d) => ({ messageId: d.messageId, line: d.range.start.line })), want, found.map((d) => d.message).join('\n'));
      });
      // Windows (CRLF) and old Mac (lone CR) line ends: the same problems at the same lines and characters.
      for (const [kind, eol] of LINE_ENDS.filter(([k]) => k !== 'LF')) {
        test(`${folder.name}/${name} (${kind})`, () => {
          assert.deepEqual(problems(withLineEnds(lf, eol)), problems(lf));
        });
      }
    }
  }
});
