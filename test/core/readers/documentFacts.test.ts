import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { readWriteup } from '../../../src/core/readers/index';
import { bibliographyNames } from '../../../src/core/text/paths';

const tex = (text: string) => readWriteup(text, { file: '/w/report.tex' });
const md = (text: string) => readWriteup(text, { file: '/w/report.md' });
const doc = (preamble: string, body = 'Text.\n') => `\\documentclass{article}\n${preamble}\n\\begin{document}\n${body}\\end{document}\n`;

describe('latex reader: facts for layout, lint and preview', () => {
  test('bibliographyStyle: the first \\bibliographystyle, trimmed, wherever it is written', () => {
    assert.equal(tex(doc('', 'Text.\n\\bibliographystyle{ unsrtnat }\n\\bibliographystyle{alpha}\n')).metadata.bibliographyStyle, 'unsrtnat');
    assert.equal(tex(doc('')).metadata.bibliographyStyle, undefined);
  });

  test('citationPackage: natbib options from \\usepackage, \\PassOptionsToPackage and \\setcitestyle', () => {
    const w = tex(doc('\\PassOptionsToPackage{numbers, compress}{natbib}\n\\usepackage[square]{natbib}\n\\setcitestyle{round}'));
    assert.deepEqual(w.metadata.citationPackage, { natbib: ['numbers', 'compress', 'square', 'round'] });
  });

  test('citationPackage: the options of the first biblatex line, split at commas', () => {
    const w = tex(doc('\\usepackage[backend=biber, style=authoryear]{biblatex}\n\\usepackage[style=numeric]{biblatex}'));
    assert.deepEqual(w.metadata.citationPackage, { natbib: [], biblatex: ['backend=biber', 'style=authoryear'] });
    assert.deepEqual(tex(doc('\\usepackage{biblatex}')).metadata.citationPackage, { natbib: [], biblatex: [] });
    assert.equal(tex(doc('\\usepackage{natbib}')).metadata.citationPackage, undefined);
  });

  test('citationPackage: only the preamble counts', () => {
    assert.equal(tex(doc('', '\\setcitestyle{numbers}\n')).metadata.citationPackage, undefined);
  });

  test('theorems: \\newtheorem names before \\begin{document} and whether amsthm is loaded', () => {
    const w = tex(doc('\\usepackage{amsmath,amsthm}\n\\newtheorem{theorem}{Theorem}\n\\newtheorem*{ remark }{Remark}'));
    assert.deepEqual(w.metadata.theorems, { names: ['theorem', 'remark'], amsthm: true });
    assert.deepEqual(tex(doc('\\newtheorem{lemma}{Lemma}', '\\newtheorem{late}{Late}\n')).metadata.theorems, { names: ['lemma'], amsthm: false });
  });

  test('imageMaxWidth: pandoc\'s \\setkeys{Gin}{width=\\maxwidth...} in the preamble', () => {
    assert.equal(tex(doc('\\setkeys{Gin}{width=\\maxwidth,height=\\maxheight,keepaspectratio}')).metadata.imageMaxWidth, true);
    assert.equal(tex(doc('\\setkeys{Gin}{width=0.8\\linewidth}')).metadata.imageMaxWidth, undefined);
  });

  test('mathMacros: the preamble\'s definitions, read once', () => {
    const w = tex(doc('\\newcommand{\\R}{\\mathbb{R}}\n\\DeclareMathOperator{\\Tr}{Tr}', '\\newcommand{\\late}{x}\n'));
    assert.deepEqual(Object.keys(w.metadata.mathMacros ?? {}).sort(), ['R', 'Tr']);
    assert.equal(w.metadata.mathMacros?.['R']?.body, '\\mathbb{R}');
    assert.equal(tex(doc('')).metadata.mathMacros, undefined);
  });

  test('documentEnd: the first line starting with \\end{document}', () => {
    const w = tex('\\documentclass{article}\n\\begin{document}\nText.\n  \\end{document}\n');
    assert.deepEqual(w.metadata.documentEnd, { line: 3, character: 0 });
    assert.equal(tex('\\begin{document}\nText.\n').metadata.documentEnd, undefined);
  });

  test('bibliography: files named where the scanner does not read commands (a macro body)', () => {
    const w = tex(doc('\\newcommand{\\refs}{\\bibliography{refs,more}}', '\\refs\n'));
    assert.deepEqual(w.metadata.bibliography, ['refs', 'more']);
    assert.deepEqual(bibliographyNames(w), ['refs.bib', 'more.bib']);
    assert.deepEqual(tex(doc('% \\newcommand{\\refs}{\\bibliography{refs}}')).metadata.bibliography, []);
  });

  test('the scanner\'s own \\bibliography wins over the fallback', () => {
    assert.deepEqual(tex(doc('\\newcommand{\\refs}{\\bibliography{old}}', '\\bibliography{refs}\n')).metadata.bibliography, ['refs.bib']);
  });
});

describe('markdown reader: facts for lint and preview', () => {
  test('mathMacros: the header-includes definitions', () => {
    const w = md('---\ntitle: T\nheader-includes:\n  - \\newcommand{\\E}{\\mathbb{E}}\n---\n\nText $\\E x$.\n');
    assert.deepEqual(Object.keys(w.metadata.mathMacros ?? {}), ['E']);
    assert.equal(md('---\ntitle: T\n---\n\nText.\n').metadata.mathMacros, undefined);
  });

  test('the LaTeX-only facts stay unset', () => {
    const w = md('---\ntitle: T\n---\n\n\\bibliographystyle{plain}\n\n\\end{document}\n');
    assert.equal(w.metadata.bibliographyStyle, undefined);
    assert.equal(w.metadata.theorems, undefined);
    assert.equal(w.metadata.documentEnd, undefined);
  });
});
