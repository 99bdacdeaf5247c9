import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import schema from '../../../schemas/course-pack.schema.json';
import { loadBundledPacks } from '../../../src/core/courses/loader';
import { resolveCourse } from '../../../src/core/courses/resolve';
import { readWriteup } from '../../../src/core/readers/index';

type Node = { description?: string; properties?: Record<string, Node>; items?: Node; definitions?: Record<string, Node>; $ref?: string };

/** Every property in the schema, with its path, for the hover-docs check. */
function properties(node: Node, at: string, out: [string, Node][] = []): [string, Node][] {
  for (const [name, child] of Object.entries(node.properties ?? {})) {
    out.push([`${at}/${name}`, child]);
    properties(child, `${at}/${name}`, out);
  }
  if (node.items) properties(node.items, `${at}[]`, out);
  for (const [name, child] of Object.entries(node.definitions ?? {})) properties(child, `#/definitions/${name}`, out);
  return out;
}

describe('course pack schema', () => {
  test('is draft-07 and every property has a description (VS Code shows it on hover)', () => {
    assert.equal(schema.$schema, 'http://json-schema.org/draft-07/schema#');
    const missing = properties(schema as Node, '').filter(([, n]) => {
      if (n.description) return false;
      const ref = n.$ref?.replace('#/definitions/', '');
      return !(ref && (schema.definitions as Record<string, Node>)[ref]?.description);
    });
    assert.deepEqual(missing.map(([p]) => p), []);
  });

  test('package.json contributes it for *.writeup-course.json and .writeup/courses/*.json', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { contributes: { jsonValidation: { fileMatch: string[]; url: string }[] } };
    const entry = pkg.contributes.jsonValidation.find((j) => j.url === './schemas/course-pack.schema.json');
    assert.deepEqual(entry?.fileMatch, ['*.writeup-course.json', '**/.writeup/courses/*.json']);
  });
});

describe('resolveCourse with the real readers', () => {
  test('a LaTeX comment `% writeup: course=... kind=...` chooses the course and deliverable', () => {
    const tex = '% writeup: course=mit-9.520-fall2024 kind=report\n\\documentclass{article}\n\\begin{document}\n\\section{Introduction}\nText.\n\\end{document}\n';
    const r = resolveCourse(readWriteup(tex, { file: '/w/main.tex' }), { setting: 'mit-18.408', packs: loadBundledPacks() });
    assert.equal(r.source, 'front-matter');
    assert.equal(r.course?.id, 'mit-9.520-fall2024');
    assert.equal(r.deliverable?.pageLimit?.team, 8);
  });

  test('Markdown front matter course:/kind:', () => {
    const md = '---\ntitle: T\ncourse: tum-dl-theory-2020\nkind: slides\n---\n\n# Intro\n';
    const r = resolveCourse(readWriteup(md, { file: '/w/notes.md' }), { packs: loadBundledPacks() });
    assert.equal(r.deliverable?.due, '2020-06-01');
  });
});
