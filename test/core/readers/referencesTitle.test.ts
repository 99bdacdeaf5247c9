import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { estimatePages } from '../../../src/core/layout';
import { isReferencesHeading } from '../../../src/core/layout/exact';
import { emptySection } from '../../../src/core/lint/rules/empty-section';
import type { CitedWork } from '../../../src/core/preview/citations';
import { renderPreview } from '../../../src/core/preview/render';
import { readWriteup } from '../../../src/core/readers';
import { runRule } from '../../fakes/lint';

/** Headings the old patterns disagreed on (layout and the LaTeX reader knew only References and Bibliography; lint lacked "Literature cited"; the preview and Markdown reader had no singular or colon). */
const VARIANTS = ['Literature cited', 'Works Cited', 'Reference', 'References:', 'Bibliography'];

const latex = (title: string): string =>
  `\\documentclass{article}\n\\usepackage[final]{neurips_2024}\n\\begin{document}\n\\section{Introduction}\n${'We study margins of deep networks in depth. '.repeat(40)}\\cite{doe}\n\n\\section*{${title}}\n\n\\bibliography{refs}\n\\end{document}\n`;
const markdown = (title: string): string => `# Introduction\n\nWe study margins [@doe].\n\n# ${title}\n`;

describe('one list of references headings, the same for the readers, page estimate, lint, preview and exact measure', () => {
  test('the LaTeX and Markdown readers start the references at each variant', () => {
    for (const title of VARIANTS) {
      assert.equal(readWriteup(latex(title), { file: '/w/report.tex' }).referencesStart?.start.line, 6, `LaTeX: ${title}`);
      assert.equal(readWriteup(markdown(title), { file: '/w/report.md' }).referencesStart?.start.line, 4, `Markdown: ${title}`);
    }
    assert.equal(readWriteup(latex('References and results'), { file: '/w/report.tex' }).referencesStart?.start.line, 8, 'a longer title is not the references: \\bibliography is');
  });

  test('the page estimate ends the content at the heading and counts it with the references', () => {
    const base = estimatePages(readWriteup(latex('References'), { file: '/w/report.tex' }), {});
    for (const title of VARIANTS) {
      const e = estimatePages(readWriteup(latex(title), { file: '/w/report.tex' }), {});
      assert.equal(e.contentPages, base.contentPages, title);
      assert.equal(e.breakdown.references, base.breakdown.references, title);
    }
  });

  test('empty-section leaves the heading alone in both formats', () => {
    for (const title of VARIANTS) {
      assert.deepEqual(runRule(emptySection, markdown(title)), [], `Markdown: ${title}`);
      assert.deepEqual(runRule(emptySection, latex(title), {}, 'latex'), [], `LaTeX: ${title}`);
    }
  });

  test('the preview adds no second References heading under the document\'s own', () => {
    const work: CitedWork = { key: 'doe', authors: ['Jane Doe'], year: 2020, title: 'Margins', venue: 'NeurIPS' };
    for (const title of VARIANTS) {
      const html = renderPreview(readWriteup(markdown(title), { file: '/w/report.md' }), { resolveCitation: (k) => (k === 'doe' ? work : undefined) }).body;
      assert.match(html, /<ol class="bibliography">/, title);
      assert.doesNotMatch(html, /<h2>References<\/h2>/, title);
    }
  });

  test('the exact measure finds the same headings in a compile\'s log, numbered or not', () => {
    for (const title of VARIANTS) {
      for (const written of [title, `7 ${title}`]) assert.ok(isReferencesHeading({ n: 1, kind: 'heading', level: 1, title: written, appendix: false }), written);
    }
  });
});
