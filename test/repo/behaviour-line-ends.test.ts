// What users see on every fixture writeup does not depend on line ends: the fixtures (writeups and
// .bib files) copied with Windows (CRLF) and old Mac (lone CR) line ends give the snapshot's lint,
// pages and completion, at the same lines and characters (see behaviour.test.ts for the LF run).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { globSync } from 'glob';
import { behaviour } from '../../scripts/behaviour';
import { LINE_ENDS, withLineEnds } from '../helpers/lineEnds';

const root = process.cwd();
const snapshot = JSON.parse(readFileSync(path.join(root, 'test/fixtures/behaviour/snapshot.json'), 'utf8')) as Record<string, unknown>;

describe('behaviour on every fixture writeup with other line ends', () => {
  for (const [kind, eol] of LINE_ENDS.filter(([k]) => k !== 'LF')) {
    test(`${kind}: lint, pages and completion match the snapshot`, async () => {
      const copy = mkdtempSync(path.join(tmpdir(), `behaviour-${kind.toLowerCase()}-`));
      try {
        for (const dir of ['test/fixtures', 'example']) cpSync(path.join(root, dir), path.join(copy, dir), { recursive: true, filter: (f) => !path.relative(root, f).split(path.sep).includes('fuzz') });
        const converted = globSync('{test/fixtures,example}/**/*.{md,tex,bib}', { cwd: copy, posix: true });
        assert.ok(converted.length > 50, `${converted.length} files converted`);
        for (const file of converted) writeFileSync(path.join(copy, file), withLineEnds(readFileSync(path.join(copy, file), 'utf8'), eol));
        // The fixtures are the copy's; the code is this repository's.
        const now = JSON.parse(JSON.stringify(await behaviour(copy, path.join(root, 'src')))) as Record<string, unknown>;
        assert.deepEqual(Object.keys(now), Object.keys(snapshot));
        for (const file of Object.keys(snapshot)) assert.deepEqual(now[file], snapshot[file], `${file} (${kind})`);
      } finally {
        rmSync(copy, { recursive: true, force: true });
      }
    });
  }
});
