import { describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { loadBundledPacks } from '../../../src/core/courses/loader';
import { lint } from '../../../src/core/lint/engine';
import { readWriteup } from '../../../src/core/readers/index';
import { buildTemplate, type TemplateFormat } from '../../../src/core/templates/index';

const packs = loadBundledPacks();

function template(courseId: string, kind: string, format: TemplateFormat, projectType?: string): string {
  const course = packs.find((p) => p.id === courseId);
  assert.ok(course, courseId);
  const result = buildTemplate({ course, kind, format, authors: ['Ada Lovelace'], ...(projectType ? { projectType } : {}) });
  if (!result.ok) assert.fail(result.problem.message);
  return result.template.text;
}

describe('templates from the bundled course packs', () => {
  test("18.408's report asks, in the course's words, to emphasize the new contribution", () => {
    assert.match(template('mit-18.408', 'report', 'markdown'), /your writeup should emphasize what your new\s+contribution is/);
  });

  test("9.520's report gives the page limits and the NeurIPS style from the pack", () => {
    const text = template('mit-9.520-fall2024', 'report', 'latex');
    assert.match(text, /Page limit: 5 pages for one author, 8 pages for a team \(NeurIPS style/);
    assert.match(text, /\\usepackage\[final\]\{neurips_2024\}/);
  });

  const cases: [string, string, string?][] = [];
  for (const pack of packs) {
    for (const deliverable of pack.deliverables) {
      if (deliverable.kind !== 'proposal' && deliverable.kind !== 'report') continue;
      const types = deliverable.projectTypes ?? [];
      if (types.length === 0) cases.push([pack.id, deliverable.kind]);
      for (const t of types) cases.push([pack.id, deliverable.kind, t.id]);
    }
  }

  for (const [courseId, kind, projectType] of cases) {
    for (const format of ['markdown', 'latex'] as const) {
      test(`a fresh ${courseId} ${kind}${projectType ? ` (${projectType})` : ''} in ${format} lints clean except empty sections (and papers not yet cited)`, () => {
        const file = `/w/${kind}.${format === 'latex' ? 'tex' : 'md'}`;
        const writeup = readWriteup(template(courseId, kind, format, projectType), { file, format });
        const course = packs.find((p) => p.id === courseId);
        const deliverable = course?.deliverables.find((d) => d.kind === kind);
        assert.equal(writeup.metadata.course, courseId);
        assert.equal(writeup.metadata.kind, kind);
        const diagnostics = lint({ writeup, ...(course ? { course } : {}), ...(deliverable ? { deliverable } : {}), courses: packs });
        // Honest "not written yet" hints: empty sections, and no papers cited yet in a reading project.
        const honest = new Set(['empty-section', 'papers-read']);
        const others = diagnostics.filter((d) => !honest.has(d.rule));
        assert.deepEqual(others.map((d) => `${d.rule}: ${d.message}`), []);
        assert.ok(diagnostics.some((d) => d.rule === 'empty-section'));
        assert.equal(diagnostics.some((d) => d.rule === 'papers-read'), projectType === 'reading');
      });
    }
  }
});
