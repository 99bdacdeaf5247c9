/**
 * Every subcommand answers bad usage and unreadable files with exit 2 and ONE clear line on
 * stderr, never a stack trace; in a multi-file run an unreadable file never stops the others.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { CliIO } from '../../src/cli/command';
import { main } from '../../src/cli/main';

let dir = '';
const ok = '---\ncourse: mit-18.408\nkind: proposal\nauthor: [Ada]\n---\n\n# Introduction\n\nWe study margins [@a].\n';

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'writeup-robust-'));
  writeFileSync(join(dir, 'proposal.md'), ok);
  mkdirSync(join(dir, 'folder.md'));
  mkdirSync(join(dir, 'empty'));
  const binary = Buffer.alloc(4096);
  for (let i = 0; i < binary.length; i++) binary[i] = (i * 7919) % 256;
  writeFileSync(join(dir, 'binary.md'), binary);
  writeFileSync(join(dir, 'binary.tex'), Buffer.from('\\documentclass{article}\0\0\0PK\x03\x04'));
  writeFileSync(join(dir, 'binary.html'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d]));
  writeFileSync(join(dir, 'binary.bib'), Buffer.from([0x1f, 0x8b, 0, 0, 0xff, 0xfe, 0]));
  symlinkSync(join(dir, 'nowhere.md'), join(dir, 'broken.md'));
  symlinkSync(join(dir, 'nowhere.bib'), join(dir, 'broken.bib'));
  mkdirSync(join(dir, 'folder.bib'));
});
after(() => rmSync(dir, { recursive: true, force: true }));

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CliIO = { stdout: (t) => (out += t), stderr: (t) => (err += t), cwd: dir };
  const code = await main(args, io);
  return { code, out, err };
}

/** One line, prefixed with the command, naming the path, and no stack frames. */
function assertOneLine(err: string, command: string, mention: RegExp): void {
  const lines = err.split('\n').filter((l) => l !== '');
  assert.equal(lines.length, 1, `expected one line on stderr, got:\n${err}`);
  assert.match(lines[0] ?? '', new RegExp(`^writeup ${command}: `));
  assert.match(lines[0] ?? '', mention);
  assert.doesNotMatch(err, /\n\s+at |internal error|TypeError|ReferenceError/);
}

describe('writeup CLI: unreadable files', () => {
  const unreadable: [string, RegExp][] = [
    ['folder.md', /folder\.md: it is a folder, not a file|no writeups found in folder\.md/],
    ['binary.md', /binary\.md: binary data, not a text file/],
    ['broken.md', /broken\.md: a broken symbolic link/],
    ['missing.md', /missing\.md/],
  ];
  for (const command of ['lint', 'pages', 'outline', 'export']) {
    for (const [file, mention] of unreadable) {
      test(`${command} ${file}: exit 2, one line`, async () => {
        const r = await run([command, file]);
        assert.equal(r.code, 2, r.err + r.out);
        assertOneLine(r.err, command, mention);
      });
    }
  }

  const pages: [string, RegExp][] = [
    ['folder.md', /folder\.md: it is a folder, not a file/],
    ['binary.html', /binary\.html: binary data/],
    ['broken.md', /broken\.md: a broken symbolic link/],
    ['missing.html', /missing\.html: no such file/],
  ];
  for (const [file, mention] of pages) {
    test(`import-course ${file}: exit 2, one line`, async () => {
      const r = await run(['import-course', file]);
      assert.equal(r.code, 2);
      assertOneLine(r.err, 'import-course', mention);
    });
  }

  const bibs: [string, RegExp][] = [
    ['folder.bib', /--bib: cannot read folder\.bib: it is a folder/],
    ['binary.bib', /--bib: cannot read binary\.bib: binary data/],
    ['broken.bib', /--bib: cannot read broken\.bib: a broken symbolic link/],
    ['missing.bib', /--bib: cannot read missing\.bib: no such file/],
  ];
  for (const [file, mention] of bibs) {
    test(`cite --bib ${file}: exit 2, one line`, async () => {
      const r = await run(['cite', '--bib', file, 'margin']);
      assert.equal(r.code, 2);
      assertOneLine(r.err, 'cite', mention);
    });
  }

  test('courses PATH that does not exist: exit 2, one line', async () => {
    const r = await run(['courses', 'no/such/dir']);
    assert.equal(r.code, 2);
    assertOneLine(r.err, 'courses', /no\/such\/dir/);
  });

  test('a LaTeX file with NUL bytes is binary, not a writeup', async () => {
    const r = await run(['outline', 'binary.tex']);
    assert.equal(r.code, 2);
    assertOneLine(r.err, 'outline', /binary\.tex: binary data/);
  });
});

describe('writeup CLI: one unreadable file never stops the others', () => {
  for (const command of ['lint', 'pages']) {
    test(`${command} with readable and unreadable files: every readable one is reported, one line per unreadable, exit 2`, async () => {
      const r = await run([command, '--json', 'folder.md', 'proposal.md', 'binary.md', 'broken.md', 'empty', 'missing.md'].filter((a) => command === 'pages' || a !== '--json'));
      assert.equal(r.code, 2);
      const lines = r.err.split('\n').filter(Boolean);
      assert.equal(lines.length, 5, r.err);
      for (const l of lines) assert.match(l, new RegExp(`^writeup ${command}: `));
      assert.doesNotMatch(r.err, /\n\s+at /);
      assert.match(r.out, /proposal\.md/);
    });
  }

  test('lint --format json still prints the readable files as JSON', async () => {
    const r = await run(['lint', '--format', 'json', 'binary.md', 'proposal.md']);
    assert.equal(r.code, 2);
    const rows = JSON.parse(r.out) as { file: string }[];
    assert.deepEqual(rows.map((x) => x.file), ['proposal.md']);
  });
});

describe('writeup CLI: bad usage', () => {
  const table: [string[], RegExp][] = [
    [['frobnicate'], /^writeup: unknown command 'frobnicate'/],
    [['lint'], /^writeup lint: expected PATH/],
    [['lint', '--format', 'xml', 'proposal.md'], /^writeup lint: .*format/],
    [['lint', '--course', 'nope', 'proposal.md'], /^writeup lint: unknown course 'nope'/],
    [['lint', '--nope', 'proposal.md'], /^writeup lint: /],
    [['pages'], /^writeup pages: expected at least one PATH/],
    [['pages', '--bogus', 'proposal.md'], /^writeup pages: /],
    [['outline'], /^writeup outline: expected exactly one PATH/],
    [['outline', 'a.md', 'b.md'], /^writeup outline: expected exactly one PATH/],
    [['cite'], /^writeup cite: expected a QUERY/],
    [['cite', '--limit', 'x', 'margin'], /^writeup cite: --limit must be a whole number/],
    [['cite', '--course', 'nope', 'margin'], /^writeup cite: unknown course 'nope'/],
    [['courses', '--what'], /^writeup courses: /],
    [['new'], /^writeup new: /],
    [['new', 'essay', '--course', 'mit-18.408'], /^writeup new: /],
    [['new', 'proposal'], /^writeup new: --course ID is required/],
    [['new', 'proposal', '--course', 'nope'], /^writeup new: unknown course 'nope'/],
    [['import-course'], /^writeup import-course: expected one PATH/],
    [['import-course', 'proposal.md', '--year', 'soon'], /^writeup import-course: --year must be a year/],
    [['export'], /^writeup export: expected one PATH/],
    [['export', 'notes.txt'], /^writeup export: notes\.txt is neither Markdown/],
    [['export', 'proposal.md', '--timeout=-1'], /^writeup export: --timeout must be a positive number/],
    [['export', 'proposal.md', '--timeout', '-1'], /^writeup export: Option '--timeout' argument is ambiguous\. Did you forget/],
  ];
  for (const [args, expected] of table) {
    test(`writeup ${args.join(' ')}: exit 2, one line`, async () => {
      const r = await run(args);
      assert.equal(r.code, 2, `exit ${r.code}: ${r.err}${r.out.slice(0, 200)}`);
      const lines = r.err.split('\n').filter(Boolean);
      if (args.length === 0) return;
      assert.equal(lines.length, 1, r.err);
      assert.match(lines[0] ?? '', expected);
      assert.doesNotMatch(r.err, /\n\s+at |internal error/);
    });
  }
  test('no file was created by the bad `new` calls', () => assert.equal(existsSync(join(dir, 'essay.md')), false));
});

describe('writeup CLI: what a file holds never drives the terminal', () => {
  test('escape sequences in a title, heading, course and citation key are printed as \\u001b, text and JSON alike', async () => {
    writeFileSync(join(dir, 'escapes.md'), '---\ntitle: "Evil \\e]0;PWNED\\a"\ncourse: "mit-18.408\\e[2J"\n---\n\n# Intro \u001b[31mRED\u001b[0m\n\nWe cite [@a].\n');
    const lint = await run(['lint', 'escapes.md']);
    assert.match(lint.out, /Unknown course 'mit-18\.408\\u001b\[2J'; did you mean 'mit-18\.408'\?/);
    const outline = await run(['outline', 'escapes.md']);
    assert.match(outline.out, /^escapes\.md \(markdown\): Evil \\u001b\]0;PWNED\\u0007$/m);
    assert.match(outline.out, /^Intro \\u001b\[31mRED\\u001b\[0m {2}\[6:1\]$/m);
    for (const r of [lint, outline]) assert.doesNotMatch(r.out + r.err, /[^\t\n -~\u00a0-\uffff]/);
    // JSON keeps the characters themselves (escaped as JSON does).
    const json = JSON.parse((await run(['outline', '--json', 'escapes.md'])).out) as { metadata: { title: string } };
    assert.equal(json.metadata.title, 'Evil \u001b]0;PWNED\u0007');
  });
});

describe('writeup CLI: a file that is not a writeup', () => {
  test('lint, pages and outline of a .bib or a course pack: exit 2, one line saying what it is (a .bib gave an error per entry)', async () => {
    writeFileSync(join(dir, 'refs.bib'), '@article{a, title={A}, author={B}, year=2020}\n@article{b, title={C}, author={D}, year=2021}\n');
    writeFileSync(join(dir, 'pack.json'), '{"id": "x"}');
    for (const command of ['lint', 'pages', 'outline']) {
      const bib = await run([command, 'refs.bib']);
      assert.equal(bib.code, 2);
      assertOneLine(bib.err, command, /refs\.bib is a bibliography, not a writeup: give the \.md or \.tex file$/);
      const pack = await run([command, 'pack.json']);
      assertOneLine(pack.err, command, /pack\.json is JSON \(a course pack goes to --packs\), not a writeup/);
    }
  });
});

describe('writeup CLI: a file far larger than a writeup', () => {
  test('lint, pages and outline of a 12.1 MB file: exit 2, one line giving its size and the limit, at once', async () => {
    writeFileSync(join(dir, 'huge.md'), `# Intro\n\n${'word '.repeat(2_420_000)}\n`);
    for (const command of ['lint', 'pages', 'outline']) {
      const t0 = process.cpuUsage();
      const r = await run([command, 'huge.md']);
      const used = process.cpuUsage(t0);
      assert.equal(r.code, 2);
      assertOneLine(r.err, command, /cannot read huge\.md: 12\.1 MB is more than a writeup \(the limit is 12\.0 MB; a 100-page report is about 0\.3 MB\)$/);
      assert.ok((used.user + used.system) / 1000 < 2000, 'the file is not read: a hang guard, not a speed goal');
    }
  });
});

describe('writeup CLI: files that are not UTF-8', () => {
  test('Latin-1 text is read and said to be not UTF-8, where the first such character is; it is not "binary data"', async () => {
    writeFileSync(join(dir, 'latin1.md'), Buffer.concat([Buffer.from('---\ntitle: T\n---\n\n# Intro\n\nCaf'), Buffer.from([0xe9]), Buffer.from(' na'), Buffer.from([0xef]), Buffer.from('ve.\n')]));
    for (const command of ['lint', 'pages', 'outline']) {
      const r = await run([command, 'latin1.md']);
      assert.equal(
        r.err,
        `writeup ${command}: latin1.md is not UTF-8 text (first at line 7, column 4; saved as Latin-1 or Windows-1252?): those characters read as \uFFFD, and pandoc and LaTeX refuse the file; save it as UTF-8\n`,
      );
      assert.match(r.out, /latin1\.md/);
    }
  });

  test('a byte order mark is not counted: columns on line 1 are the editor\'s', async () => {
    writeFileSync(join(dir, 'bom.md'), '\uFEFF[@zz] cites.\n');
    const r = await run(['lint', 'bom.md']);
    assert.match(r.out, /^bom\.md:1:3 error undefined-citation Unknown citation key 'zz'/m);
  });

  test('UTF-16 (Notepad\'s "Unicode") is named, not "binary data"', async () => {
    writeFileSync(join(dir, 'utf16.md'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('# Intro\n\nText.\n', 'utf16le')]));
    const r = await run(['lint', 'utf16.md']);
    assert.equal(r.code, 2);
    assertOneLine(r.err, 'lint', /utf16\.md: UTF-16 text; save it as UTF-8$/);
  });

  test('a bibliography that is binary data or a folder is said, not read as an empty one', async () => {
    mkdirSync(join(dir, 'badbib'), { recursive: true });
    writeFileSync(join(dir, 'badbib', 'references.bib'), Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0x08, 0, 0x1b, 0x01, 0x02]));
    writeFileSync(join(dir, 'badbib', 'proposal.md'), ok);
    const r = await run(['pages', 'badbib/proposal.md']);
    assert.equal(r.err, 'writeup pages: cannot read badbib/references.bib: binary data, not a text file\n');
    assert.match(r.out, /^badbib\/proposal\.md: \d+\.\d content pages/);
  });
});

describe('writeup CLI: course packs that cannot be used', () => {
  test('a pack saved with a byte order mark loads; a binary or folder "pack" is one clear line', async () => {
    const pack = { id: 'x-bom', title: 'BOM pack', deliverables: [], papers: [] };
    writeFileSync(join(dir, 'bom-pack.json'), `\uFEFF${JSON.stringify(pack)}`);
    writeFileSync(join(dir, 'zip-pack.json'), Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0x1b, 0x5b, 0x32, 0x4a]));
    // A folder of packs holding a folder named like a pack.
    mkdirSync(join(dir, 'more-packs', 'sub.json'), { recursive: true });
    const r = await run(['courses', '--packs', 'bom-pack.json', '--packs', 'zip-pack.json', '--packs', 'more-packs']);
    assert.match(r.out, /^x-bom {2}BOM pack$/m);
    assert.equal(r.err, 'zip-pack.json#/: cannot read: binary data, not a text file\nmore-packs/sub.json#/: cannot read: it is a folder, not a file\n');
  });
});

describe('writeup CLI: a named pipe where a part of the writeup is expected', () => {
  // readFileSync on a pipe waits for a writer for ever (and on a link to a device reads for ever): a
  // separate process with a timeout, so a regression fails instead of holding the test run.
  const canPipe = process.platform !== 'win32' && spawnSync('mkfifo', ['--help']).error === undefined;
  test('an \\input and a figure that are pipes are not read: the estimate comes back at once', { skip: !canPipe && 'no mkfifo here' }, () => {
    mkdirSync(join(dir, 'pipes'), { recursive: true });
    for (const name of ['part.tex', 'plot.png']) spawnSync('mkfifo', [join(dir, 'pipes', name)]);
    writeFileSync(join(dir, 'pipes', 'report.tex'), '\\documentclass{article}\n\\begin{document}\n\\section{A}\nText.\n\\input{part}\n\\includegraphics{plot.png}\n\\end{document}\n');
    // From the repository, where tsx is found; the writeup by its absolute path.
    const repo = join(__dirname, '../..');
    const r = spawnSync(process.execPath, ['--import', 'tsx', join(repo, 'src/cli/main.ts'), 'lint', join(dir, 'pipes', 'report.tex')], { cwd: repo, encoding: 'utf8', timeout: 30_000 });
    assert.equal(r.error, undefined, 'writeup lint did not finish');
    assert.match(r.stdout, /report\.tex:5:1 warning reader Cannot read `part` \(.*part\.tex is a folder, a device or a pipe, or cannot be read\)\./, r.stderr);
    assert.match(r.stdout, /report\.tex: \d+\.\d pages/);
  });
});

describe('writeup CLI as a process (dist/cli.js)', () => {
  const cli = join(__dirname, '../../dist/cli.js');
  test('an unreadable file gives exit 2 and one line, no stack trace', { skip: !existsSync(cli) && 'run npm run build first' }, () => {
    const r = spawnSync(process.execPath, [cli, 'outline', 'binary.md'], { cwd: dir, encoding: 'utf8' });
    assert.equal(r.status, 2);
    assert.equal(r.stderr, 'writeup outline: cannot read binary.md: binary data, not a text file\n');
    const r2 = spawnSync(process.execPath, [cli, 'pages', 'folder.md', 'proposal.md'], { cwd: dir, encoding: 'utf8' });
    assert.equal(r2.status, 2);
    assert.equal(r2.stderr, 'writeup pages: cannot read folder.md: it is a folder, not a file\n');
    assert.match(r2.stdout, /^proposal\.md: \d+\.\d content pages/);
  });
});
