import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { FileHost } from '../../../src/core/host';
import { estimatePages } from '../../../src/core/layout';
import { readWriteup } from '../../../src/core/readers';
import { prose } from './model';

const doc = (preamble: string, body: string, host?: FileHost) =>
  readWriteup(`\\documentclass{article}\n${preamble}\n\\title{A title}\n\\begin{document}\n\\maketitle\n${body}\n\\end{document}\n`, { file: '/w/r.tex', ...(host ? { host } : {}) });
const paras = (n: number, words = 120, seed = 1): string => Array.from({ length: n }, (_, i) => prose(words, seed + i)).join('\n\n');
const files = (map: Record<string, string>): FileHost => ({ readFile: (p) => map[p], exists: (p) => p in map });

describe('the body leading a template sets', () => {
  test('a 2018-2021 submission (lineno loaded first) sets its text on 12pt, final and preprint on 11pt; 2022 on 11pt', () => {
    const text = (preamble: string): number => estimatePages(doc(preamble, paras(24))).breakdown.text;
    const submission = text('\\usepackage{nips_2018}');
    const final = text('\\usepackage[final]{nips_2018}');
    const preprint = text('\\usepackage[preprint]{neurips_2021}');
    assert.ok(Math.abs(submission / final - 12 / 11) < 0.02, `${submission} / ${final}`);
    assert.ok(Math.abs(preprint - final) < 0.01);
    assert.ok(Math.abs(text('\\usepackage{neurips_2022}') - text('\\usepackage[final]{neurips_2022}')) < 0.01);
  });

  test("a local copy decides: lineno first, a \\normalsize of its own, or none (the article's 12pt)", () => {
    const renew = '\\renewcommand{\\normalsize}{\\@setfontsize\\normalsize\\@xpt\\@xipt}\n\\normalsize\n';
    const text = (sty: string, options = ''): number => estimatePages(doc(`\\usepackage${options}{neurips_2024}`, paras(24), files({ '/w/neurips_2024.sty': sty }))).breakdown.text;
    const eleven = text(renew);
    assert.ok(Math.abs(text(`\\RequirePackage{lineno}\n${renew}`) / eleven - 12 / 11) < 0.02);
    assert.ok(Math.abs(text(`\\RequirePackage{lineno}\n${renew}`, '[final]') - eleven) < 0.01);
    // No \normalsize of its own: the article class's whole profile (10pt on 12pt, no \parskip unless the copy sets one).
    assert.ok(Math.abs(text('\\RequirePackage{times}\n\\setlength{\\parskip}{5.5pt}\n', '[final]') / eleven - 12 / 11) < 0.02);
    const article = estimatePages(doc('\\usepackage[final]{neurips_2024}', paras(24), files({ '/w/neurips_2024.sty': '\\RequirePackage{times}\n' })));
    assert.ok((article.notes ?? []).some((n) => /sets no body size: the article class's sizes and skips/.test(n)), (article.notes ?? []).join('; '));
    // A copy that is camera-ready by default is not a submission, whatever its options.
    assert.ok(Math.abs(text(`\\newif\\if@neuripsfinal\\@neuripsfinaltrue\n\\RequirePackage{lineno}\n${renew}`) - eleven) < 0.01);
  });
});

describe('what the LaTeX reader finds in a local template copy', () => {
  const local = (sty: string) => doc('\\usepackage{neurips_2020}', 'Text.', files({ '/w/neurips_2020.sty': sty })).metadata.pageSetup?.template?.local;

  test('lineno loaded before \\normalsize is redefined, after it, or no redefinition at all', () => {
    const renew = '\\renewcommand{\\normalsize}{\\@setfontsize\\normalsize\\@xpt\\@xipt}\n\\normalsize\n';
    assert.equal(local(`\\RequirePackage{lineno}\n${renew}`)?.leading, 'lineno-first');
    assert.equal(local(`${renew}\\RequirePackage{lineno}\n`)?.leading, 'renewed');
    assert.equal(local(`% \\RequirePackage{lineno}\n${renew}`)?.leading, 'renewed');
    assert.equal(local('\\RequirePackage{times}\n')?.leading, 'article');
  });

  test('a copy that is camera-ready by default says so', () => {
    assert.equal(local('\\newif\\if@neuripsfinal\\@neuripsfinaltrue\n')?.finalByDefault, true);
    assert.equal(local('\\newif\\if@neuripsfinal\\@neuripsfinalfalse\n')?.finalByDefault, undefined);
  });
});
