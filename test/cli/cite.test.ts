import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { main } from '../../src/cli/main';

function run(args: string[], cwd: string) {
  let stdout = '';
  let stderr = '';
  return main(['cite', ...args], { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), cwd }).then((code) => ({ code, stdout, stderr }));
}

describe('writeup cite', () => {
  const dir = mkdtempSync(join(tmpdir(), 'writeup-cite-'));
  writeFileSync(join(dir, 'references.bib'), '@article{smith2020spectra, author={Smith, Ann}, title={Spectra of random matrices}, journal={Annals}, year=2020}\n');

  test('--json: ranked entries in the DESIGN.md shape; the .bib and the course rank together', async () => {
    const { code, stdout } = await run(['--course', 'mit-18.408', '--json', 'spectra'], dir);
    assert.equal(code, 0);
    const results = JSON.parse(stdout) as { key: string; source: string }[];
    assert.deepEqual(Object.keys(results[0] ?? {}), ['key', 'title', 'authors', 'year', 'venue', 'arxiv', 'doi', 'url', 'type', 'metadataSource', 'source']);
    assert.deepEqual(results.slice(0, 2).map((r) => [r.key, r.source]).sort(), [
      ['bartlett2017spectrally', 'course:mit-18.408'],
      ['smith2020spectra', 'bib:references.bib'],
    ]);
    assert.ok(results.slice(2).every((r) => r.source !== 'course:mit-18.408' && !r.source.startsWith('bib:')));
  });

  test('the same ranking as the editor without a .bib: bartlett2017spectrally first for an 18.408 writeup', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'writeup-cite-'));
    const { stdout } = await run(['--course', 'mit-18.408', 'spectral'], empty);
    assert.match(stdout.split('\n')[0] ?? '', /^bartlett2017spectrally {2}Bartlett et al\., 2017 {2}Spectrally-normalized margin bounds for neural networks {2}\[course:mit-18\.408\]$/);
  });

  test('nothing found: exit 1; bad usage: exit 2 with one line', async () => {
    assert.equal((await run(['qqqzzzxxx'], dir)).code, 1);
    const noQuery = await run([], dir);
    assert.equal(noQuery.code, 2);
    assert.match(noQuery.stderr, /^writeup cite: expected a QUERY/);
    const badCourse = await run(['--course', 'nope', 'x'], dir);
    assert.equal(badCourse.code, 2);
    assert.match(badCourse.stderr, /unknown course 'nope'/);
    assert.equal((await run(['--bib', 'missing.bib', 'x'], dir)).code, 2);
  });

  test('--json with a pack of complete metadata: a typo finds the paper, with full names, arXiv id, URL and type', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'writeup-cite-'));
    const fixture = join(__dirname, '..', 'fixtures', 'courses', 'papers-pack.json');
    const { code, stdout } = await run(['--packs', fixture, '--course', 'test-papers', '--json', 'sensitivty', 'generalisation'], empty);
    assert.equal(code, 0);
    const [first] = JSON.parse(stdout) as Record<string, unknown>[];
    assert.equal(first?.key, 'novak2018sensitivity');
    assert.deepEqual(first?.authors, ['Roman Novak', 'Yasaman Bahri', 'Daniel A. Abolafia', 'Jeffrey Pennington', 'Jascha Sohl-Dickstein']);
    assert.equal(first?.arxiv, '1802.08760');
    assert.equal(first?.url, 'https://arxiv.org/abs/1802.08760');
    assert.equal(first?.type, 'inproceedings');
    assert.equal(first?.metadataSource, 'https://arxiv.org/abs/1802.08760');
    assert.equal(first?.source, 'course:test-papers');
  });
});
