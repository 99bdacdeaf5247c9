// Refactorings of the pipeline must not change what users see: lint, pages and completion on every
// fixture writeup are compared with a snapshot taken before (scripts/behaviour-snapshot.ts).
// A deliberate change of results updates the snapshot in the same commit, saying why.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { behaviour, fixtureWriteups } from '../../scripts/behaviour';

const snapshotFile = 'test/fixtures/behaviour/snapshot.json';

describe('behaviour on every fixture writeup', () => {
  test('covers every fixture writeup', () => {
    const snapshot = JSON.parse(readFileSync(snapshotFile, 'utf8')) as Record<string, unknown>;
    assert.deepEqual(Object.keys(snapshot), fixtureWriteups(process.cwd()));
  });
  test('lint, pages and completion match the snapshot', async () => {
    const snapshot = JSON.parse(readFileSync(snapshotFile, 'utf8')) as Record<string, unknown>;
    const now = JSON.parse(JSON.stringify(await behaviour(process.cwd()))) as Record<string, unknown>;
    for (const file of Object.keys(snapshot)) assert.deepEqual(now[file], snapshot[file], file);
  });
});
