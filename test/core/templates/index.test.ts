import { describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CoursePack } from '../../../src/core/courses/types';
import {
  buildTemplate,
  defaultFileName,
  freeFileName,
  PLACEHOLDER_AUTHOR,
  PLACEHOLDER_TITLE,
  starterBibliography,
  type Template,
} from '../../../src/core/templates/index';
import { parse as parseYaml } from 'yaml';

const course = JSON.parse(readFileSync(join(__dirname, '../../fixtures/templates/course.json'), 'utf8')) as CoursePack;

function built(request: Parameters<typeof buildTemplate>[0]): Template {
  const result = buildTemplate(request);
  if (!result.ok) assert.fail(result.problem.message);
  return result.template;
}

function textAt(text: string, t: Template): string {
  const line = text.split('\n')[t.titleRange.start.line] ?? '';
  return line.slice(t.titleRange.start.character, t.titleRange.end.character);
}

describe('buildTemplate (Markdown)', () => {
  test('writes front matter with title, authors, course, kind, project type and bibliography', () => {
    const t = built({ course, kind: 'proposal', format: 'markdown', authors: ['Ada Lovelace', 'Alan Turing'], projectType: 'original' });
    const yaml = t.text.split('---\n')[1] ?? '';
    assert.deepEqual(parseYaml(yaml), {
      title: PLACEHOLDER_TITLE,
      author: ['Ada Lovelace', 'Alan Turing'],
      course: 'test-101',
      kind: 'proposal',
      'project-type': 'original',
      bibliography: 'references.bib',
    });
  });

  test('has a heading for every required section of the chosen project type, with its guidance', () => {
    const survey = built({ course, kind: 'proposal', format: 'markdown' });
    assert.deepEqual(headings(survey.text), ['Introduction', 'Contributions', 'Papers', 'References {.unnumbered}']);
    assert.match(survey.text, /# Introduction\n\n<!--\n {2}Explain the question to a classmate\.\n\n {2}Course page: "Start with an introduction\."\n-->/);
    const original = built({ course, kind: 'proposal', format: 'markdown', projectType: 'original' });
    assert.deepEqual(headings(original.text), ['Introduction', 'Contributions', 'Research Questions', 'References {.unnumbered}']);
  });

  test("the course's contribution sentence goes under a Contributions heading", () => {
    const t = built({ course, kind: 'proposal', format: 'markdown' });
    assert.match(t.text, /# Contributions\n\n<!--\n {2}State what is new in your work\.\n\n {2}Course page: "Say what is new in your work\."\n-->/);
  });

  test('a deliverable without required sections gets a common structure, said to be one', () => {
    const bare: CoursePack = { id: 'bare', title: 'Bare', deliverables: [{ kind: 'report' }, { kind: 'proposal' }], papers: [] };
    const report = built({ course: bare, kind: 'report', format: 'markdown' });
    assert.deepEqual(headings(report.text), ['Introduction', 'Related Work', 'Main Results', 'Discussion', 'References {.unnumbered}']);
    assert.match(report.text, /<!-- A common structure: the course page prescribes no sections\. -->/);
    assert.deepEqual(report.sections, []);
    assert.deepEqual(headings(built({ course: bare, kind: 'proposal', format: 'markdown' }).text), ['Introduction', 'Plan', 'References {.unnumbered}']);
  });

  test("puts the course's notes in a comment: due date, page limit, group size, contribution", () => {
    const t = built({ course, kind: 'proposal', format: 'markdown' });
    const notes = t.text.slice(t.text.indexOf('<!--'), t.text.indexOf('-->'));
    assert.match(notes, /Project proposal, due 2030-03-01/);
    assert.match(notes, /Page limit: 1 page \(NeurIPS style; references do not count\)/);
    assert.match(notes, /Group size: 1-3 authors/);
    assert.match(notes, /Survey project: read two papers/);
    assert.match(notes, /Say what is new in your work\./);
  });

  test('gives separate individual and team limits', () => {
    const t = built({ course, kind: 'report', format: 'markdown' });
    assert.match(t.text, /Page limit: 4 pages for one author, 6 pages for a team/);
  });

  test('the title range covers the title, quoted or not', () => {
    const plain = built({ course, kind: 'report', format: 'markdown' });
    assert.equal(textAt(plain.text, plain), PLACEHOLDER_TITLE);
    const quoted = built({ course, kind: 'report', format: 'markdown', title: 'Margins: a "tight" bound' });
    assert.equal(textAt(quoted.text, quoted), 'Margins: a \\"tight\\" bound');
    assert.equal((parseYaml(quoted.text.split('---\n')[1] ?? '') as { title: string }).title, 'Margins: a "tight" bound');
  });

  test('uses a placeholder author when none is given', () => {
    const t = built({ course, kind: 'report', format: 'markdown', authors: ['  '] });
    assert.match(t.text, new RegExp(`author:\\n  - ${PLACEHOLDER_AUTHOR}\\n`));
  });
});

describe('buildTemplate (LaTeX)', () => {
  const t = built({ course, kind: 'report', format: 'latex', authors: ['Ada Lovelace', 'A. M. Turing & co'] });

  test('marks the course and kind, and loads neurips_2024 when present with a fallback', () => {
    assert.equal(t.text.split('\n')[0], '% writeup: course=test-101 kind=report');
    assert.match(t.text, /\\documentclass\{article\}/);
    assert.match(t.text, /\\IfFileExists\{neurips_2024\.sty\}\{%\n {2}\\usepackage\[final\]\{neurips_2024\}%\n\}\{%\n {2}\\usepackage\[[^\]]*textwidth=5\.5in,textheight=9in/);
    assert.match(t.text, /% NeurIPS style: download neurips_2024\.sty from https:\/\/neurips\.cc\//);
  });

  test('escapes authors and sections, joins authors with \\And, wires the bibliography', () => {
    assert.match(t.text, /\\author\{Ada Lovelace \\And A\. M\. Turing \\& co\}/);
    assert.match(t.text, /\\section\{Summary \\& Scope\}\n% Course page: "Summarize\."/);
    assert.match(t.text, /\\begin\{abstract\}[\s\S]*\\end\{abstract\}/);
    assert.match(t.text, /\\bibliographystyle\{plainnat\}\n\\bibliography\{references\}\n\n\\end\{document\}/);
  });

  test('the title range selects the title', () => {
    assert.equal(textAt(t.text, t), PLACEHOLDER_TITLE);
  });

  test('writes the project type into the marker where the course has several', () => {
    const p = built({ course, kind: 'proposal', format: 'latex', projectType: 'survey' });
    assert.equal(p.text.split('\n')[0], '% writeup: course=test-101 kind=proposal project-type=survey');
    assert.match(p.text, /\\section\{Papers\}/);
  });
});

describe('bad requests give problems', () => {
  test('unknown kind names the kinds the course has', () => {
    const r = buildTemplate({ course, kind: 'slides', format: 'markdown' });
    assert.equal(r.ok, false);
    assert.equal(!r.ok && r.problem.message, 'test-101 has no slides deliverable (it has: proposal, report)');
  });

  test('unknown project type names the valid ones', () => {
    const r = buildTemplate({ course, kind: 'proposal', format: 'markdown', projectType: 'x' });
    assert.equal(!r.ok && r.problem.message, "unknown project type 'x' for test-101 proposal (one of: survey, original)");
  });
});

describe('file names', () => {
  test('default names follow kind and format', () => {
    assert.equal(defaultFileName('proposal', 'markdown'), 'proposal.md');
    assert.equal(defaultFileName('report', 'latex'), 'report.tex');
  });

  test('freeFileName picks the first free numbered name', () => {
    const taken = new Set(['proposal.md', 'proposal-2.md']);
    assert.equal(freeFileName('proposal.md', (n) => taken.has(n)), 'proposal-3.md');
    assert.equal(freeFileName('report.tex', (n) => taken.has(n)), 'report.tex');
  });

  test('the starter bibliography has no entries and says how to cite', () => {
    assert.doesNotMatch(starterBibliography('markdown'), /^@/m);
    assert.match(starterBibliography('markdown'), /\[@key\]/);
    assert.match(starterBibliography('latex'), /\\cite\{key\}/);
  });
});

function headings(text: string): string[] {
  return [...text.matchAll(/^# (.*)$/gm)].map((m) => m[1] ?? '');
}
