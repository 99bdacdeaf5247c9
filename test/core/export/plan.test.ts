import { describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { missingToolMessage, planExport } from '../../../src/core/export/plan';

describe('planExport', () => {
  test('Markdown: one pandoc run with citeproc, the template and resources next to the file', () => {
    const plan = planExport({ file: '/w/report.md', format: 'markdown', pandocTemplate: '/ext/media/templates/writeup.latex', tools: { pandoc: '/opt/pandoc' } });
    assert.equal(plan.output, '/w/report.pdf');
    assert.equal(plan.steps.length, 1);
    const [step] = plan.steps;
    assert.equal(step?.command, '/opt/pandoc');
    assert.equal(step?.cwd, '/w');
    assert.deepEqual(step?.args, [
      'report.md',
      '--from=markdown',
      '--to=latex',
      '--standalone',
      '--citeproc',
      '--pdf-engine=pdflatex',
      '--resource-path=/w',
      '--template=/ext/media/templates/writeup.latex',
      '--output=/w/report.pdf',
    ]);
  });

  test('LaTeX with latexmk: one run writing the PDF and log where asked', () => {
    const plan = planExport({ file: '/w/report.tex', format: 'latex', output: '/tmp/out/final.pdf' });
    assert.equal(plan.log, '/tmp/out/final.log');
    assert.deepEqual(plan.steps.map((s) => [s.command, ...s.args]), [
      ['latexmk', '-pdf', '-interaction=nonstopmode', '-halt-on-error', '-file-line-error', '-outdir=/tmp/out', '-jobname=final', 'report.tex'],
    ]);
  });

  test('LaTeX without latexmk: pdflatex, bibtex (may fail, finds the .bib by BIBINPUTS), pdflatex twice', () => {
    const plan = planExport({ file: '/w/report.tex', format: 'latex', latexmk: false });
    assert.deepEqual(plan.steps.map((s) => s.tool), ['pdflatex', 'bibtex', 'pdflatex', 'pdflatex']);
    const bib = plan.steps[1];
    assert.deepEqual(bib?.args, ['report']);
    assert.equal(bib?.cwd, '/w');
    assert.deepEqual(bib?.env, { BIBINPUTS: '/w:', BSTINPUTS: '/w:' });
    assert.equal(bib?.mayFail, true);
    assert.equal(plan.steps[0]?.mayFail, undefined);
  });

  test('Windows paths keep their separators', () => {
    const plan = planExport({ file: 'C:\\w\\report.tex', format: 'latex', latexmk: false });
    assert.equal(plan.output, 'C:\\w\\report.pdf');
    assert.equal(plan.log, 'C:\\w\\report.log');
    assert.deepEqual(plan.steps[1]?.env, { BIBINPUTS: 'C:\\w;', BSTINPUTS: 'C:\\w;' });
  });

  test('missing tools are named with what to install', () => {
    assert.match(missingToolMessage('pandoc', 'writeup.pandocPath'), /install pandoc .*writeup\.pandocPath/);
    assert.match(missingToolMessage('pdflatex'), /TeX Live, MacTeX or MiKTeX/);
  });
});
