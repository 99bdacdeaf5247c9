import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli/main';
import { loadPack } from '../../src/core/courses/loader';
import type { CoursePack } from '../../src/core/courses/types';

async function run(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), cwd: process.cwd() });
  return { code, stdout, stderr };
}

describe('writeup import-course', () => {
  test('--json prints a draft that validates against the schema; notes go to stderr', async () => {
    const { code, stdout, stderr } = await run('import-course', '--json', 'test/fixtures/courses/import/seminar.html');
    assert.equal(code, 0);
    const result = loadPack(stdout, 'draft.json');
    assert.deepEqual(result.problems, []);
    const pack = result.pack as CoursePack;
    assert.equal(pack.id, 'cs-7999-topics-in-learning-theory');
    assert.deepEqual(pack.deliverables.map((d) => [d.kind, d.due]), [['proposal', '2023-09-29'], ['report', '2023-12-08']]);
    assert.match(stderr, /^to check: papers marked "titleUnverified"/m);
  });

  test('text mode summarises deliverables, papers and what to check', async () => {
    const { code, stdout } = await run('import-course', '--year', '2021', 'test/fixtures/courses/import/pages/seed-theory-project.md');
    assert.equal(code, 0);
    assert.match(stdout, /proposal {5}due 2021-04-09 · 1 page \(neurips\) · groups of 1-4/);
    assert.match(stdout, /report {7}due 2021-05-19 · groups of 1-4/);
    assert.match(stdout, /bartlettspectrally: Spectrally-normalized Margin Bounds for Neural Networks \(Bartlett, Foster, Telgarsky\)/);
    assert.match(stdout, /To check:\n {2}- no term found/);
  });

  test('other deliverables, a template, sections and a relative date on an HTML and a Markdown page', async () => {
    const html = await run('import-course', '--json', 'test/fixtures/courses/import/pages/acm-poster.html');
    assert.equal(html.code, 0);
    const pack = JSON.parse(html.stdout) as CoursePack;
    assert.deepEqual(pack.deliverables.map((d) => [d.kind, d.due ?? null]), [['presentation', '2026-04-02'], ['peer-review', null], ['poster', '2026-04-23'], ['report', '2026-05-08']]);
    assert.match(html.stderr, /^to check: deliverables\[1\] \(peer-review\): the page gives its date relative to something else \('two days after your presentation'\)/m);
    const md = await run('import-course', 'test/fixtures/courses/import/pages/apa-fall2025.md');
    assert.match(md.stdout, /milestone {4}due 2025-11-14 · 3 pages \(neurips\) · groups of 1-3 · sections: Problem, Progress so far, Next steps/);
    assert.match(md.stdout, /report {7}due 2025-12-12 · .*ICML template/);
    assert.match(md.stdout, /zhang2017understanding: Understanding deep learning requires rethinking generalization \(Zhang, C\., Bengio, S\., Hardt, M\., Recht, B\., Vinyals, O\., 2017\)/);
  });

  test('--out writes the draft and never overwrites', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'writeup-import-'));
    try {
      const out = join(dir, 'stat991.json');
      const first = await run('import-course', '--id', 'stat-991', '--out', out, 'test/fixtures/courses/import/syllabus.txt');
      assert.equal(first.code, 0);
      assert.equal((JSON.parse(readFileSync(out, 'utf8')) as CoursePack).id, 'stat-991');
      const second = await run('import-course', '--out', out, 'test/fixtures/courses/import/syllabus.txt');
      assert.equal(second.code, 2);
      assert.match(second.stderr, /already exists; not overwriting it/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('bad usage exits 2', async () => {
    assert.equal((await run('import-course')).code, 2);
    assert.equal((await run('import-course', 'no-such-page.html')).stderr, 'writeup import-course: cannot read no-such-page.html: no such file\n');
    assert.equal((await run('import-course', '--year', '21', 'x')).code, 2);
  });
});
