import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  basenameOf,
  bibliographyLookup,
  bibliographyNames,
  bibliographyPaths,
  dirname,
  dirnameOf,
  isAbsolute,
  isAbsolutePath,
  isInside,
  joinPath,
  resolveInside,
  resolvePath,
} from '../../../src/core/text/paths';
import { readWriteup } from '../../../src/core/readers/index';

const writeup = (file: string, bibliography: string[], text = '', format: 'markdown' | 'latex' = 'markdown') => ({
  file,
  text,
  format,
  metadata: { bibliography } as never,
});

describe('path arithmetic', () => {
  test('absolute paths: POSIX, Windows, UNC; URIs only for isAbsolute', () => {
    for (const p of ['/a', 'C:\\a', 'c:/a', '\\\\server\\a']) assert.equal(isAbsolutePath(p), true, p);
    for (const p of ['a', './a', '../a', 'untitled:Untitled-1']) assert.equal(isAbsolutePath(p), false, p);
    assert.equal(isAbsolute('file:///a/b'), true);
    assert.equal(isAbsolutePath('file:///a/b'), false);
  });

  test('dirname, dirnameOf and basenameOf', () => {
    assert.equal(dirname('/w/report.tex'), '/w');
    assert.equal(dirname('report.tex'), '.');
    assert.equal(dirname('/report.tex'), '/');
    assert.equal(dirname('file:///w/r.tex'), 'file:///w');
    assert.equal(dirnameOf('/w/report.md'), '/w');
    assert.equal(dirnameOf('C:\\w\\report.md'), 'C:\\w');
    assert.equal(dirnameOf('C:\\report.md'), 'C:\\');
    assert.equal(dirnameOf('Untitled-1'), undefined);
    assert.equal(basenameOf('/w/refs.bib'), 'refs.bib');
    assert.equal(basenameOf('C:\\w\\refs.bib'), 'refs.bib');
  });

  test('resolvePath folds . and .. and keeps the separator', () => {
    assert.equal(resolvePath('/w/sub', '../a/./b.tex'), '/w/a/b.tex');
    assert.equal(resolvePath('/w', '../../../x'), '/x');
    assert.equal(resolvePath('C:\\w\\sub', '..\\a.tex'), 'C:\\w\\a.tex');
    assert.equal(resolvePath('file:///w/sub', 'a.tex'), 'file:///w/sub/a.tex');
    assert.equal(resolvePath('.', '../a'), '../a');
    assert.equal(resolvePath('/w', '/abs/x.tex'), '/abs/x.tex');
  });

  test('joinPath normalises, including an absolute second part', () => {
    assert.equal(joinPath('/w', 'refs/../references.bib'), '/w/references.bib');
    assert.equal(joinPath('/w/', './a.bib'), '/w/a.bib');
    assert.equal(joinPath('/w', '/x/../y.bib'), '/y.bib');
    assert.equal(joinPath('C:\\w', 'a.bib'), 'C:\\w\\a.bib');
  });
});

describe('isInside', () => {
  test('a folder holds itself and what is below it, not its siblings', () => {
    assert.equal(isInside('/w', '/w'), true);
    assert.equal(isInside('/w/a/b', '/w'), true);
    assert.equal(isInside('/w/', '/w'), true);
    assert.equal(isInside('/wx/a', '/w'), false);
    assert.equal(isInside('/x', '/w'), false);
  });

  test('Windows paths compare without case', () => {
    assert.equal(isInside('c:\\W\\a.bib', 'C:\\w'), true);
    assert.equal(isInside('D:\\w\\a.bib', 'C:\\w'), false);
  });
});

describe('resolveInside', () => {
  const roots = ['/home/student/ws'];

  test('relative paths inside the workspace resolve', () => {
    assert.deepEqual(resolveInside('/home/student/ws/report', 'figs/a.png', roots), { path: '/home/student/ws/report/figs/a.png' });
    assert.deepEqual(resolveInside('/home/student/ws/report', '../common/refs.bib', roots), { path: '/home/student/ws/common/refs.bib' });
    assert.deepEqual(resolveInside('/home/student/ws', '/home/student/ws/x.bib', roots), { path: '/home/student/ws/x.bib' });
  });

  test('.. escapes and absolute paths outside are refused with a message naming the path', () => {
    for (const bad of ['../../etc/passwd', '../../../../../../etc/shadow', '/etc/passwd', 'a/../../../x', '/home/student/wsx/y']) {
      const r = resolveInside('/home/student/ws/report', bad, roots);
      assert.ok('refused' in r, bad);
      assert.match(r.refused, /outside `\/home\/student\/ws`/);
      assert.ok(r.refused.includes(bad), r.refused);
    }
  });

  test('Windows escapes are refused too', () => {
    const r = resolveInside('C:\\ws', '..\\..\\Windows\\win.ini', ['C:\\ws']);
    assert.ok('refused' in r);
    assert.deepEqual(resolveInside('C:\\ws', 'figs\\a.png', ['C:\\ws']), { path: 'C:\\ws\\figs\\a.png' });
  });

  test('URLs, empty paths and NUL bytes are refused', () => {
    for (const bad of ['https://evil.example/x.bib', '', '   ', 'a\0b']) {
      assert.ok('refused' in resolveInside('/home/student/ws', bad, roots), JSON.stringify(bad));
    }
  });

  test('several roots: any of them will do; none given means the base folder', () => {
    assert.ok('path' in resolveInside('/a/w', '../../b/x.bib', ['/a', '/b']));
    assert.ok('path' in resolveInside('/a/w', 'x.bib', []));
    const r = resolveInside('/a/w', '../x.bib', []);
    assert.ok('refused' in r && r.refused.includes('outside `/a/w`'));
    const many = resolveInside('/a/w', '/c/x.bib', ['/a', '/b']);
    assert.ok('refused' in many && many.refused.includes('outside `/a` and `/b`'));
    const four = resolveInside('/a/w', '/c/x.bib', ['/a', '/b', '/d', '/e']);
    assert.ok('refused' in four && four.refused.includes('outside the workspace folders'));
  });

  test('a relative base stays relative and cannot climb above itself', () => {
    assert.deepEqual(resolveInside('.', 'figs/a.png', ['.']), { path: 'figs/a.png' });
    assert.ok('refused' in resolveInside('.', '../a.png', ['.']));
  });

  test('a hostile path is printed on one line, shortened', () => {
    const r = resolveInside('/w', `../${'x'.repeat(500)}\n\`evil\``, ['/w']);
    assert.ok('refused' in r);
    assert.ok(!r.refused.includes('\n'));
    assert.ok(r.refused.length < 200);
  });
});

describe('bibliography lookup', () => {
  test('names from front matter, \\bibliography, or references.bib beside the writeup', () => {
    assert.deepEqual(bibliographyNames(writeup('/w/r.md', ['refs'])), ['refs.bib']);
    assert.deepEqual(bibliographyNames(readWriteup('x\n\\bibliography{a,b}\n', { file: '/w/r.tex' })), ['a.bib', 'b.bib']);
    assert.deepEqual(bibliographyPaths(writeup('/w/r.md', [])), ['/w/references.bib']);
    assert.deepEqual(bibliographyPaths(writeup('Untitled-1', []), '/w'), ['/w/references.bib']);
    assert.deepEqual(bibliographyPaths(writeup('Untitled-1', [])), []);
  });

  test('bibliographyLookup refuses files outside the roots and keeps the others', () => {
    const r = bibliographyLookup(writeup('/w/r.md', ['refs.bib', '../../etc/passwd.bib', '/etc/x.bib']), ['/w']);
    assert.deepEqual(r.paths, ['/w/refs.bib']);
    assert.deepEqual(
      r.refused.map((x) => x.name),
      ['../../etc/passwd.bib', '/etc/x.bib'],
    );
    assert.match(r.refused[0]?.message ?? '', /^Bibliography `\.\.\/\.\.\/etc\/passwd\.bib` points outside `\/w`/);
  });

  test("a writeup outside the workspace may still use a .bib in its own folder", () => {
    const r = bibliographyLookup(writeup('/tmp/x/r.md', ['refs.bib', '../y.bib']), ['/w']);
    assert.deepEqual(r.paths, ['/tmp/x/refs.bib']);
    assert.match(r.refused[0]?.message ?? '', /outside `\/w` and `\/tmp\/x`/);
  });
});

describe('\\input follows files inside the writeup folder only', () => {
  const files: Record<string, string> = {
    '/w/sections/intro.tex': '\\section{Introduction}\nInside.\n',
    '/etc/secret.tex': '\\section{Secret}\n',
    '/secret.tex': '\\section{Secret}\n',
  };
  const read: string[] = [];
  const host = {
    readFile: (p: string) => {
      read.push(p);
      return files[p];
    },
    exists: (p: string) => p in files,
  };
  const doc = (body: string) => `\\documentclass{article}\n\\begin{document}\n${body}\n\\end{document}\n`;

  test('a relative \\input inside the folder is read', () => {
    const w = readWriteup(doc('\\input{sections/intro}'), { file: '/w/report.tex', host });
    assert.deepEqual(w.sections.map((s) => s.title), ['Introduction']);
  });

  test('.. escapes and absolute paths are refused with a warning and never read', () => {
    read.length = 0;
    const w = readWriteup(doc('\\input{../etc/secret}\n\\input{/etc/secret.tex}\n\\include{../../../secret}'), { file: '/w/report.tex', host });
    assert.deepEqual(w.sections, []);
    assert.deepEqual(read, []);
    const refused = w.problems.filter((p) => p.code === 'include-outside');
    assert.equal(refused.length, 3);
    assert.match(refused[0]?.message ?? '', /^\\input `\.\.\/etc\/secret\.tex` points outside `\/w`, so it is not read\.$/);
    assert.equal(refused[0]?.severity, 'warning');
  });
});
