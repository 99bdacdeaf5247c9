import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { loadBundledPacks } from '../../../src/core/courses/loader';
import { kindFromFileName, resolveCourse, suggestCourseId } from '../../../src/core/courses/resolve';
import type { Metadata, Writeup } from '../../../src/core/model/writeup';
import { fakeWriteup } from '../../fakes/writeup';

const packs = loadBundledPacks();

/** A writeup with only a file name and metadata: all resolveCourse reads. */
function writeup(file: string, metadata: Partial<Metadata> = {}): Writeup {
  return fakeWriteup({ file, format: file.endsWith('.tex') ? 'latex' : 'markdown', metadata });
}

describe('resolveCourse', () => {
  test('front matter first: course and kind from the front matter beat the setting', () => {
    const r = resolveCourse(writeup('/w/notes.md', { course: 'mit-9.520-fall2024', kind: 'report' }), { setting: 'mit-18.408', packs });
    assert.equal(r.source, 'front-matter');
    assert.equal(r.course?.id, 'mit-9.520-fall2024');
    assert.equal(r.deliverable?.due, '2024-12-10');
    assert.equal(r.kindSource, 'front-matter');
  });

  test('then the setting, with the kind guessed from the file name', () => {
    const r = resolveCourse(writeup('/w/proposal.md'), { setting: 'mit-18.408', packs });
    assert.equal(r.source, 'setting');
    assert.equal(r.course?.id, 'mit-18.408');
    assert.equal(r.deliverable?.kind, 'proposal');
    assert.equal(r.kindSource, 'file-name');
  });

  test('front-matter kind beats the file name', () => {
    const r = resolveCourse(writeup('/w/proposal.tex', { kind: 'report' }), { setting: 'mit-18.408', packs });
    assert.equal(r.deliverable?.kind, 'report');
  });

  test('then a course id in the file name; otherwise none', () => {
    const byName = resolveCourse(writeup('/w/mit-18.408-report.md'), { packs });
    assert.equal(byName.source, 'file-name');
    assert.equal(byName.deliverable?.due, '2021-05-19');
    const none = resolveCourse(writeup('/w/notes.md'), { packs });
    assert.deepEqual(none, { source: 'none' });
  });

  test('an unknown course id in the front matter is a problem with a did-you-mean', () => {
    const r = resolveCourse(writeup('/w/report.md', { course: 'mit-18408' }), { setting: 'mit-9.520-fall2024', packs });
    assert.equal(r.course, undefined);
    assert.equal(r.source, 'front-matter');
    assert.deepEqual(r.problems, [
      { code: 'unknown-course', message: "unknown course 'mit-18408'; did you mean 'mit-18.408'?", value: 'mit-18408', from: 'front-matter', suggestion: 'mit-18.408' },
    ]);
  });

  test('an unknown kind lists the kinds the course has', () => {
    const r = resolveCourse(writeup('/w/x.md', { course: 'mit-18.408', kind: 'reprot' }), { packs });
    assert.equal(r.deliverable, undefined);
    assert.equal(r.problems?.[0]?.message, "course 'mit-18.408' has no deliverable 'reprot'; it has proposal, report");
    assert.equal(r.problems?.[0]?.suggestion, 'report');
  });
});

describe('suggestCourseId', () => {
  test('typos, partial ids and short names', () => {
    assert.equal(suggestCourseId('mit-18408', packs), 'mit-18.408');
    assert.equal(suggestCourseId('18.408', packs), 'mit-18.408');
    assert.equal(suggestCourseId('9.520', packs), 'mit-9.520-fall2024');
    assert.equal(suggestCourseId('tum', packs), 'tum-dl-theory-2020');
    assert.equal(suggestCourseId('MIT-18.408', packs), 'mit-18.408');
    assert.equal(suggestCourseId('cs229br', packs), undefined);
  });
});

describe('kindFromFileName', () => {
  test('proposal* and report*', () => {
    assert.equal(kindFromFileName('/a/b/proposal-draft.md'), 'proposal');
    assert.equal(kindFromFileName('C:\\x\\final-report.tex'), 'report');
    assert.equal(kindFromFileName('/a/notes.md'), undefined);
  });
});
