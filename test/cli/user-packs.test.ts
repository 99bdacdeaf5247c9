/**
 * cite, lint and new see the packs `writeup courses` sees: the bundled ones plus user packs from
 * `--packs FILE|DIR`, with the same overrides and the same one-line notices for broken packs.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { main } from '../../src/cli/main';

async function run(cwd: string, ...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), cwd });
  return { code, stdout, stderr };
}

/** A user pack in the bundled packs' shape, with a new id, one paper and a one-page report. */
const mySeminar = {
  id: 'my-seminar',
  title: 'My Seminar on Benign Overfitting',
  term: 'Fall 2030',
  deliverables: [
    {
      kind: 'proposal',
      title: 'Project proposal',
      due: '2030-10-01',
      pageLimit: { individual: 1, source: 'One page.' },
      requiredSections: [{ id: 'question', title: 'Question', aliases: [], source: 'State your question.', severity: 'error', guidance: 'What do you want to find out?' }],
    },
    {
      kind: 'report',
      title: 'Final report',
      due: '2030-12-15',
      pageLimit: { individual: 1, team: 1, source: 'The report is one page, NeurIPS style.' },
      format: 'NeurIPS style',
      requiredSections: [{ id: 'related-work', title: 'Related Work', aliases: [], source: 'Discuss related work.', severity: 'error' }],
    },
  ],
  papers: [{ key: 'zorblax2031benign', title: 'Benign Overfitting in Zorblax Networks', authors: ['Quuxley', 'Frobisher'], year: 2031, venue: 'COLT' }],
};

/** A user pack that replaces the bundled mit-18.408 (same id), with a paper of its own. */
const override18408 = {
  id: 'mit-18.408',
  title: '18.408 as our section runs it',
  deliverables: [{ kind: 'report', pageLimit: { individual: 3 } }],
  papers: [{ key: 'sectionpaper2030', title: 'Spectral Notes of Our Section', authors: ['Doe'], year: 2030 }],
};

const brokenLine = ".writeup/courses/broken.json#/instructorr: unknown property 'instructorr'";

const root = mkdtempSync(join(tmpdir(), 'writeup-user-packs-'));
after(() => rmSync(root, { recursive: true, force: true }));

/** A workspace with `.writeup/courses/` holding `packs` (file name -> JSON or raw text). */
function workspace(name: string, packs: Record<string, unknown>): string {
  const dir = join(root, name);
  mkdirSync(join(dir, '.writeup', 'courses'), { recursive: true });
  for (const [file, pack] of Object.entries(packs)) {
    writeFileSync(join(dir, '.writeup', 'courses', file), typeof pack === 'string' ? pack : JSON.stringify(pack, null, 2));
  }
  return dir;
}

const good = workspace('good', { 'my-seminar.json': mySeminar });
const withBroken = workspace('broken', {
  'my-seminar.json': mySeminar,
  // Valid JSON, but a misspelt property: the schema rejects it and the pack is left out.
  'broken.json': { id: 'broken-course', title: 'A pack with a typo', deliverables: [], papers: [], instructorr: 'typo' },
});
const overriding = workspace('override', { 'override-18.408.json': override18408 });

/** A report for my-seminar: no Related Work section, and far more than one page. */
const paragraph = 'We study benign overfitting in wide networks and show that the minimum-norm interpolant generalizes when the spectrum of the data covariance decays slowly enough. '.repeat(6);
const report = ['---', 'title: Zorblax', 'author: Ada Lovelace', 'course: my-seminar', 'kind: report', '---', '', '# Introduction', '', ...Array.from({ length: 30 }, () => `${paragraph}\n`), '# Conclusion', '', 'Done [@zorblax2031benign].', ''].join('\n');
for (const dir of [good, withBroken]) writeFileSync(join(dir, 'report.md'), report);

interface LintResult {
  file: string;
  course: string | null;
  kind: string | null;
  pages: { estimated: number | null; limit: number | null };
  diagnostics: { rule: string; severity: string; message: string }[];
}

describe('writeup cite, lint and new with user course packs (--packs)', () => {
  test('writeup cite --course my-seminar finds the user pack\'s paper with source course:my-seminar', async () => {
    const { code, stdout, stderr } = await run(good, 'cite', '--packs', '.writeup/courses', '--course', 'my-seminar', '--json', 'zorblax benign');
    assert.equal(code, 0);
    assert.equal(stderr, '');
    const results = JSON.parse(stdout) as Record<string, unknown>[];
    assert.deepEqual(results[0], {
      key: 'zorblax2031benign',
      title: 'Benign Overfitting in Zorblax Networks',
      authors: ['Quuxley', 'Frobisher'],
      year: 2031,
      venue: 'COLT',
      arxiv: null,
      doi: null,
      url: null,
      type: 'inproceedings',
      metadataSource: null,
      source: 'course:my-seminar',
    });
  });

  test('writeup lint applies the user pack named in the front matter: its page limit and required section', async () => {
    const { code, stdout, stderr } = await run(good, 'lint', '--packs', '.writeup/courses', '--format', 'json', 'report.md');
    assert.equal(stderr, '');
    assert.equal(code, 1, 'the missing required section is an error');
    const [result, ...rest] = JSON.parse(stdout) as LintResult[];
    assert.equal(rest.length, 0);
    assert.deepEqual(Object.keys(result ?? {}), ['file', 'course', 'kind', 'pages', 'diagnostics']);
    assert.equal(result?.course, 'my-seminar');
    assert.equal(result?.kind, 'report');
    assert.equal(result?.pages.limit, 1);
    assert.ok((result?.pages.estimated ?? 0) > 1, `estimated ${String(result?.pages.estimated)} pages`);
    const rules = result?.diagnostics.map((d) => d.rule) ?? [];
    assert.ok(rules.includes('page-limit'), rules.join(', '));
    const missing = result?.diagnostics.find((d) => d.rule === 'required-sections');
    assert.equal(missing?.severity, 'error');
    assert.match(missing?.message ?? '', /Related Work/);
    // The citation is not in a .bib, but the linter knows it from the user pack's paper list.
    const citation = result?.diagnostics.find((d) => d.rule === 'undefined-citation');
    assert.match(citation?.message ?? '', /^'zorblax2031benign' is on the .* reading list but not in references\.bib/);
  });

  test('writeup lint --course my-seminar is accepted with --packs (and a usage error without)', async () => {
    writeFileSync(join(good, 'notes.md'), '---\nauthor: Ada Lovelace\n---\n\n# Question\n\nWhy?\n');
    const withPacks = await run(good, 'lint', '--packs', '.writeup/courses', '--course', 'my-seminar', '--kind', 'proposal', '--format', 'json', 'notes.md');
    assert.equal(withPacks.code, 0, withPacks.stdout);
    assert.equal((JSON.parse(withPacks.stdout) as LintResult[])[0]?.course, 'my-seminar');
    const without = await run(good, 'lint', '--course', 'my-seminar', 'notes.md');
    assert.equal(without.code, 2);
    assert.match(without.stderr, /^writeup lint: unknown course 'my-seminar'/);
  });

  test('writeup new creates a proposal for the user pack with its required section', async () => {
    const { code, stdout, stderr } = await run(good, 'new', 'proposal', '--packs', '.writeup/courses', '--course', 'my-seminar', '--author', 'Ada Lovelace');
    assert.equal(stderr, '');
    assert.equal(code, 0);
    assert.match(stdout, /^Created proposal\.md \(my-seminar proposal; sections: Question\)$/m);
    const text = readFileSync(join(good, 'proposal.md'), 'utf8');
    assert.match(text, /^course: my-seminar$/m);
    assert.match(text, /^kind: proposal$/m);
    assert.match(text, /^#+ Question$/m);
  });

  test('a broken pack beside it: one stderr line per problem, the commands still work, stdout and exit codes unchanged', async () => {
    const cite = ['cite', '--course', 'my-seminar', '--json', 'zorblax'];
    const lint = ['lint', '--format', 'json', 'report.md'];
    const citeGood = await run(good, ...cite, '--packs', '.writeup/courses');
    const citeBroken = await run(withBroken, ...cite, '--packs', '.writeup/courses');
    assert.equal(citeBroken.code, citeGood.code);
    assert.equal(citeBroken.code, 0);
    assert.equal(citeBroken.stdout, citeGood.stdout);
    assert.equal(citeBroken.stderr, `${brokenLine}\n`);

    const lintGood = await run(good, ...lint, '--packs', '.writeup/courses');
    const lintBroken = await run(withBroken, ...lint, '--packs', '.writeup/courses');
    assert.equal(lintBroken.code, lintGood.code);
    assert.equal(lintBroken.stdout, lintGood.stdout);
    assert.equal(lintBroken.stderr, `${brokenLine}\n`);
    const cleanLint = await run(good, ...lint, '--packs', '.writeup/courses', '--course', 'mit-18.408');
    const brokenLint = await run(withBroken, ...lint, '--packs', '.writeup/courses', '--course', 'mit-18.408');
    assert.equal(brokenLint.code, cleanLint.code);

    const made = await run(withBroken, 'new', 'report', '--packs', '.writeup/courses', '--course', 'my-seminar', '--out', 'final.md');
    assert.equal(made.code, 0);
    assert.equal(made.stderr, `${brokenLine}\n`);
    assert.ok(existsSync(join(withBroken, 'final.md')));

    // The same line `writeup courses` prints for the same folder.
    const courses = await run(withBroken, 'courses', '--json', '--packs', '.writeup/courses');
    assert.equal(courses.stderr, `${brokenLine}\n`);
  });

  test('a user pack with a bundled id overrides it as in writeup courses, with the same notice', async () => {
    const notice = ".writeup/courses/override-18.408.json: course pack 'mit-18.408' overrides the bundled pack of the same id\n";
    const courses = await run(overriding, 'courses', '--json', '--packs', '.writeup/courses');
    const listed = JSON.parse(courses.stdout) as { id: string; source: string; paperCount: number }[];
    assert.deepEqual(listed.filter((p) => p.id === 'mit-18.408').map((p) => [p.source, p.paperCount]), [['.writeup/courses/override-18.408.json', 1]]);
    assert.equal(courses.stderr, notice);

    const cite = await run(overriding, 'cite', '--packs', '.writeup/courses', '--course', 'mit-18.408', '--json', '--limit', '0', 'spectral');
    assert.equal(cite.code, 0);
    assert.equal(cite.stderr, notice);
    const results = JSON.parse(cite.stdout) as { key: string; source: string }[];
    assert.deepEqual(results.filter((r) => r.source === 'course:mit-18.408').map((r) => r.key), ['sectionpaper2030']);
    assert.ok(!results.some((r) => r.key === 'bartlett2017spectrally' && r.source === 'course:mit-18.408'), 'the bundled 18.408 paper list is replaced');

    writeFileSync(join(overriding, 'report.md'), '---\ntitle: T\nauthor: A\ncourse: mit-18.408\nkind: report\n---\n\n# Introduction\n\nText.\n');
    const lint = await run(overriding, 'lint', '--packs', '.writeup/courses', '--format', 'json', 'report.md');
    assert.equal(lint.stderr, notice);
    assert.equal((JSON.parse(lint.stdout) as LintResult[])[0]?.pages.limit, 3);
  });

  test('--packs is listed in the --help of cite, lint, new and courses with the same words', async () => {
    const line = /^ {2}--packs FILE\|DIR +add user course packs \(a \.json file or a folder of them; repeatable\)$/m;
    for (const command of ['cite', 'lint', 'new', 'courses']) {
      const { code, stdout } = await run(good, command, '--help');
      assert.equal(code, 0);
      assert.match(stdout, line, command);
      assert.match(stdout, /\[--packs FILE\|DIR\]\.\.\./, command);
    }
  });

  test('a --packs path that does not exist is bad usage (exit 2, one line), as for writeup courses', async () => {
    for (const argv of [['cite', 'x'], ['lint', 'report.md'], ['new', 'proposal', '--course', 'my-seminar'], ['courses']]) {
      const { code, stderr } = await run(good, ...argv, '--packs', 'no/such/dir');
      assert.equal(code, 2, argv.join(' '));
      assert.equal(stderr, `writeup ${argv[0] ?? ''}: no such file or folder: no/such/dir\n`);
    }
  });
});
