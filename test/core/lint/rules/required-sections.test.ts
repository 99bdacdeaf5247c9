import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { applyFixes } from '../../../../src/core/lint/engine';
import { headingMatches, requiredSections } from '../../../../src/core/lint/rules/required-sections';
import { pack } from '../../../fakes/courses';
import { runRule } from '../../../fakes/lint';

const header = (extra = '') => `---\ntitle: Margins\nauthor: Ada\ncourse: mit-18.408\nkind: proposal\n${extra}---\n\n`;
const papers = pack('mit-18.408').deliverables[0]?.requiredSections?.find((s) => s.id === 'papers');

describe('required-sections', () => {
  test('headings match by alias, numbering, plural and a typo', () => {
    assert.ok(papers);
    for (const title of ['Papers', '2. Papers we plan to read', 'Reading List', 'Readings', 'Paper', 'Related Work']) {
      assert.ok(headingMatches(title, papers), title);
    }
    for (const title of ['Introduction', 'Results', 'Paperwork']) assert.ok(!headingMatches(title, papers), title);
    const intro = pack('mit-18.408').deliverables[0]?.requiredSections?.find((s) => s.id === 'introduction');
    assert.ok(intro && headingMatches('Introdution', intro));
  });

  test('a missing section: warning on the title quoting the course, with a skeleton fix in the right place', () => {
    const text = `${header('project: reading\n')}# Introduction\n\nText.\n\n# Reading list\n\nTwo papers.\n`;
    const found = runRule(requiredSections, text);
    assert.equal(found.length, 1);
    const d = found[0];
    assert.equal(d?.severity, 'warning');
    assert.equal(d?.range.start.line, 1);
    assert.match(d?.message ?? '', /^Missing section 'Group': 18\.408 asks “It should also have logistical information about who is in your group/);
    assert.equal(d?.fixes[0]?.title, "Insert a 'Group' section");
    const fixed = applyFixes(text, d?.fixes[0]?.edits ?? []);
    assert.equal(
      fixed,
      `${header('project: reading\n')}# Introduction\n\nText.\n\n# Group\n\n<!-- Say who is in your group. 18.408: “It should also have logistical information about who is in your group and what papers you plan to read, or what research questions you plan to work on.” -->\n\n# Reading list\n\nTwo papers.\n`,
    );
    assert.deepEqual(runRule(requiredSections, fixed), [], 'linted again after the fix');
  });

  test('without a project type, papers or research questions are alternatives; each offered as a fix', () => {
    const text = `${header()}## Introduction\n\nText.\n\n## Group\n\nAda.\n\n## References\n`;
    const found = runRule(requiredSections, text);
    assert.deepEqual(found.map((d) => d.message.split(':')[0]), ["Missing a section 'Papers' or 'Research Questions'"]);
    assert.deepEqual(found[0]?.fixes.map((f) => f.title), ["Insert a 'Papers' section", "Insert a 'Research Questions' section"]);
    const fixed = applyFixes(text, found[0]?.fixes[1]?.edits ?? []);
    assert.match(fixed, /## Group\n\nAda\.\n\n## Research Questions\n\n<!-- State the research questions you plan to work on\. [^\n]* -->\n\n## References\n$/);
    assert.deepEqual(runRule(requiredSections, fixed), []);
  });

  test('a research project needs research questions, not papers', () => {
    const text = `${header('project: research\n')}# Introduction\n\nText.\n\n# Group\n\nAda.\n\n# Reading list\n\nX.\n`;
    assert.deepEqual(runRule(requiredSections, text).map((d) => d.data?.['title']), ['Research Questions']);
  });

  test('a missing first section goes before the next required one', () => {
    const text = `${header('project: reading\n')}# Group\n\nAda.\n\n# Papers\n\nX.\n`;
    const found = runRule(requiredSections, text);
    const fixed = applyFixes(text, found[0]?.fixes[0]?.edits ?? []);
    assert.match(fixed, /---\n\n# Introduction\n\n<!-- [^\n]* -->\n\n# Group\n/);
  });

  test('LaTeX: the skeleton is a \\section with a % comment, before \\end{document} when nothing else fits', () => {
    const text = '% writeup: course=mit-18.408\n% writeup: kind=proposal\n\\documentclass{article}\n\\title{M}\n\\begin{document}\n\\maketitle\n\\section{Introduction}\nText.\n\\section{Group}\nAda.\n\\end{document}\n';
    const found = runRule(requiredSections, text, {}, 'latex');
    assert.equal(found.length, 1);
    const fixed = applyFixes(text, found[0]?.fixes[0]?.edits ?? []);
    assert.match(fixed, /\\section\{Group\}\nAda\.\n\\section\{Papers\}\n% List the 2-3 related papers you plan to read\.[^\n]*\n\n\\end\{document\}\n$/);
  });

  test('the 9.520 report requires no sections', () => {
    assert.deepEqual(runRule(requiredSections, '---\ncourse: mit-9.520-fall2024\nkind: report\n---\n\n# Anything\n\nText.\n'), []);
  });
});
