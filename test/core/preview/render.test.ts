import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { PageEstimate } from '../../../src/core/layout/types';
import type { Writeup } from '../../../src/core/model/writeup';
import type { CitedWork } from '../../../src/core/preview/citations';
import { cssWidth, latexInlineHtml, renderPreview } from '../../../src/core/preview/render';
import { readWriteup } from '../../../src/core/readers/index';
import { markdownTreeOf } from '../../../src/core/readers/markdown/tree';
import { readRunningText } from '../../../src/core/readers/latex/runningText';

const works: Record<string, CitedWork> = {
  bartlett2017spectrally: { key: 'bartlett2017spectrally', authors: ['Peter L. Bartlett', 'Dylan J. Foster', 'Matus Telgarsky'], year: 2017, title: 'Spectrally-normalized margin bounds for neural networks', venue: 'NeurIPS' },
};
const resolveCitation = (key: string) => works[key];

function pages(breaks: { page: number; line: number }[]): PageEstimate {
  return {
    contentPages: breaks.length + 0.5,
    totalPages: breaks.length + 0.5,
    pageBreaks: breaks,
    breakdown: { title: 0, text: 0, math: 0, figures: 0, tables: 0, lists: 0, other: 0, references: 0 },
    style: 'neurips',
  };
}

const report = `---
title: Rank bounds for $\\R$-valued nets
author:
  - name: Casey Student
    affiliation: MIT
abstract: We bound things [@bartlett2017spectrally].
header-includes: |
  \\newcommand{\\R}{\\mathbb{R}}
---

# Introduction

Norm-based bounds [@bartlett2017spectrally] explain generalization for $x \\in \\R^d$.

- first item
- second item with $a^2$

$$
\\begin{aligned} a &= b \\\\ c &= d \\end{aligned}
$$

| a | b |
|---|---|
| 1 | 2 |

![A figure](figures/plot.png)

# References
`;

describe('renderPreview (Markdown)', () => {
  const writeup = readWriteup(report, { file: '/ws/report.md' });
  const { body, citedKeys } = renderPreview(writeup, {
    resolveCitation,
    resolveImage: (p) => (p === 'figures/plot.png' ? 'https://webview/ws/figures/plot.png' : undefined),
    pages: pages([{ page: 1, line: 14 }, { page: 2, line: 21 }]),
    pageLimit: 2,
  });

  test('title block: title (with math), author and affiliation, abstract', () => {
    assert.match(body, /<header class="title-block"[^>]*><h1 class="title">Rank bounds for <span class="katex">/);
    assert.match(body, /<span class="name">Casey Student<\/span><span class="affiliation">MIT<\/span>/);
    assert.match(body, /<div class="abstract"><h2>Abstract<\/h2><p>We bound things <span class="citation">/);
  });

  test('sections, paragraphs, lists and tables carry their source line', () => {
    assert.match(body, /<h1 data-line="10">Introduction<\/h1>/);
    assert.match(body, /<p data-line="12">Norm-based bounds/);
    assert.match(body, /<ul data-line="14">/);
    assert.match(body, /<table data-line="21">/);
  });

  test('math is KaTeX HTML with the header-includes macro expanded; display math renders whole', () => {
    assert.match(body, /<span class="mord mathbb">R<\/span>/);
    assert.doesNotMatch(body, /math-error/);
    assert.match(body, /<div class="block" data-line="17"><div class="math-display"><span class="katex-display">/);
  });

  test('citations are author-year and the bibliography lists the cited works', () => {
    assert.match(body, /\(<a class="cite" href="#ref-bartlett2017spectrally" data-cite="bartlett2017spectrally">Bartlett, Foster, and Telgarsky 2017<\/a>\)/);
    assert.deepEqual(citedKeys, ['bartlett2017spectrally']);
    assert.match(body, /<ol class="bibliography"><li id="ref-bartlett2017spectrally"[^>]*>Peter L. Bartlett, Dylan J. Foster, Matus Telgarsky \(2017\)\. Spectrally-normalized/);
    // The document has its own References heading: no second one.
    assert.doesNotMatch(body, /<h2>References<\/h2>/);
  });

  test('figures use the resolved URL; page ends are marked, the limit in red', () => {
    assert.match(body, /<img src="https:\/\/webview\/ws\/figures\/plot.png" alt="A figure">/);
    const marks = [...body.matchAll(/<div class="page-break( page-limit)?" data-page="(\d)"/g)].map((m) => `${m[2]}${m[1] ? '!' : ''}`);
    assert.deepEqual(marks, ['1', '2!']);
    assert.ok(body.indexOf('data-page="1"') < body.indexOf('<ul data-line="14"'), 'the page-1 mark is before the list on line 14');
    assert.ok(body.indexOf('data-page="1"') > body.indexOf('<p data-line="12"'), 'and after the paragraph on line 12');
    assert.ok(body.indexOf('data-page="2"') < body.indexOf('<table data-line="21"'), 'the limit mark is before the table on line 21');
  });

  test('KaTeX inline styles are moved to data-style (the CSP forbids style attributes)', () => {
    assert.doesNotMatch(body, / style="/);
    assert.match(body, / data-style="height:/);
  });
});

describe('renderPreview (Markdown): pandoc extras', () => {
  const text = 'Text.\n\n\\begin{align}\na &= b \\\\\nc &= \\frac{1}{2}\n\\end{align}\n\n![Plot](fig.png){#fig:plot width=50%}\n';
  const { body } = renderPreview(readWriteup(text, { file: '/ws/r.md' }), { resolveImage: (p) => `https://w/${p}` });

  test('a \\begin{align} block renders as display math, whole', () => {
    assert.match(body, /<div class="block" data-line="2"><div class="math-display"><span class="katex-display">/);
    assert.doesNotMatch(body, /\\begin\{align\}<\/p>|math-error/);
  });

  test('image attributes: the width is kept (as data-style for the script), the rest dropped', () => {
    assert.match(body, /<img src="https:\/\/w\/fig.png" alt="Plot" data-style="width:50%">/);
    assert.doesNotMatch(body, /\{#fig/);
  });

  test('cssWidth accepts numbers with units and LaTeX fractions of the line only', () => {
    assert.equal(cssWidth('50%'), '50%');
    assert.equal(cssWidth('0.8\\linewidth'), '80%');
    assert.equal(cssWidth('\\textwidth'), '100%');
    assert.equal(cssWidth('50%;background:url(x)'), undefined);
    assert.equal(cssWidth('expression(alert(1))'), undefined);
  });
});

describe('renderPreview: escaping and sanitising', () => {
  const hostile = `---
title: "<img src=x onerror=alert(1)>"
author:
  - name: "<script>alert(2)</script>"
    affiliation: "\\" onmouseover=\\"alert(3)"
---

# Intro <b>bold</b>

<script>alert(4)</script>

[click](javascript:alert(5)) and [data](data:text/html;base64,PHNjcmlwdD4=) and [ok](https://example.com)

![x](javascript:alert(6)) ![y](https://evil.example/track.png) ![z](../outside.png)

$\\href{javascript:alert(7)}{x}$ and $\\url{javascript:alert(8)}$ and $\\htmlClass{x}{y}$

Cite [@evil].
`;
  const evil: CitedWork = { key: 'evil', authors: ['<img src=x onerror=alert(9)>'], year: '<b>2020</b>', title: '<img src=x onerror=alert(1)>', url: 'javascript:alert(10)' };
  const resolved: string[] = [];
  const { body } = renderPreview(readWriteup(hostile, { file: '/ws/report.md' }), {
    resolveCitation: (k) => (k === 'evil' ? evil : undefined),
    resolveImage: (p) => {
      resolved.push(p);
      return undefined;
    },
  });

  test('no script, no event handler attribute, no javascript: or data: link survives', () => {
    assert.doesNotMatch(body, /<script/i);
    assert.doesNotMatch(body, /<img[^>]*onerror/i);
    assert.doesNotMatch(body, /<[^>]*\son[a-z]+=/i);
    assert.doesNotMatch(body, /href="(javascript|data):/i);
    assert.doesNotMatch(body, /<b>/);
  });

  test('hostile text shows as text', () => {
    assert.match(body, /<h1 class="title">&lt;img src=x onerror=alert\(1\)&gt;<\/h1>/);
    assert.match(body, /&lt;script&gt;alert\(2\)&lt;\/script&gt;/);
    assert.match(body, /&lt;script&gt;alert\(4\)&lt;\/script&gt;/);
    assert.match(body, /\(2020\)|&lt;b&gt;2020&lt;\/b&gt;/);
    assert.match(body, /<a href="https:\/\/example.com">ok<\/a>/);
  });

  test('only plain paths reach the image resolver; unresolved figures are placeholders', () => {
    assert.deepEqual(resolved, ['../outside.png']);
    assert.doesNotMatch(body, /<img/);
    assert.match(body, /class="figure missing"/);
  });

  test('\\href and \\url in math do nothing (KaTeX trust: false)', () => {
    assert.doesNotMatch(body, /<a [^>]*href="javascript/);
    assert.doesNotMatch(body, /class="x"/);
  });
});

describe('renderPreview (LaTeX, from the model)', () => {
  const text = [
    '\\documentclass{article}', // 0
    '\\title{Low rank}', // 1
    '\\begin{document}', // 2
    '\\section{Introduction}', // 3
    'As \\citet{bartlett2017spectrally} show, \\emph{norms} matter for $x \\in \\mathbb{R}^d$~\\cite{nobody}.', // 4
    '\\begin{align}', // 5
    '  a &= b \\label{eq:a} \\\\', // 6
    '  c &= d', // 7
    '\\end{align}', // 8
    '\\end{document}', // 9
  ].join('\n');
  const r = (sl: number, sc: number, el: number, ec: number) => ({ start: { line: sl, character: sc }, end: { line: el, character: ec } });
  const math = { tex: '\n  a &= b \\label{eq:a} \\\\\n  c &= d\n', display: true, environment: 'align', delimiter: 'env' as const, range: r(5, 0, 8, 11), contentRange: r(5, 13, 8, 0) };
  const writeup: Writeup = {
    file: '/ws/report.tex',
    format: 'latex',
    text,
    lineCount: 10,
    metadata: { title: 'Low rank', authors: [{ name: 'A <B>' }], bibliography: [], disabledRules: [], keyRanges: {}, raw: {} },
    sections: [{ level: 1, title: 'Introduction', unnumbered: false, range: r(3, 0, 3, 22), titleRange: r(3, 9, 3, 21), bodyRange: r(3, 0, 9, 0), blocks: [] }],
    blocks: [
      // The preview shows what the reader read: the paragraph's pieces, not its source text.
      { type: 'paragraph', text: '', range: r(4, 0, 4, 98), pieces: readRunningText(text.split('\n')[4] ?? '') },
      { type: 'math', math, range: r(5, 0, 8, 11) },
    ],
    citations: [],
    math: [math],
    disableDirectives: [],
    includes: [],
    problems: [],
  };
  const { body, citedKeys } = renderPreview(writeup, { resolveCitation });

  test('sections and paragraphs in order with their lines; emphasis and citations rendered', () => {
    assert.match(body, /<h2 data-line="3">Introduction<\/h2>\s*<p data-line="4">As <span class="citation"><a class="cite"[^>]*>Bartlett et al. \(2017\)<\/a><\/span> show, <em>norms<\/em> matter for <span class="katex">/);
    assert.match(body, /&nbsp;<span class="citation">\(<a class="cite missing"[^>]*>nobody\?<\/a>\)<\/span>/);
    assert.deepEqual(citedKeys, ['bartlett2017spectrally', 'nobody']);
  });

  test('the align environment renders whole (both rows), \\label accepted', () => {
    assert.match(body, /<div class="block" data-line="5"><div class="math-display">/);
    assert.doesNotMatch(body, /math-error/);
  });

  test('author names are escaped; a References heading is added for the bibliography', () => {
    assert.match(body, /A &lt;B&gt;/);
    assert.match(body, /<h2>References<\/h2><ol class="bibliography">/);
  });

  test('latexInlineHtml: \\href to javascript: keeps only its text; \\url to https is a link', () => {
    assert.equal(latexInlineHtml(readRunningText('\\href{javascript:alert(1)}{click}'), undefined, {}), 'click');
    assert.equal(latexInlineHtml(readRunningText('\\url{https://a.b/c}'), undefined, {}), '<a href="https://a.b/c">https://a.b/c</a>');
    assert.equal(latexInlineHtml(readRunningText('<b> \\& 50\\%'), undefined, {}), '&lt;b&gt; &amp; 50%');
  });
});

describe('markdown preview: front matter as the reader found it', () => {
  for (const [name, text, line] of [
    ['closed by ...', '---\ntitle: A\nnote: hidden\n...\n\nBody text.\n', 5],
    ['with CRLF line ends', '---\r\ntitle: A\r\nnote: hidden\r\n---\r\nBody text.\r\n', 4],
    ['with YAML that does not parse', '---\ntitle: [unclosed\nnote: hidden\n---\n\nBody text.\n', 5],
  ] as const) {
    test(`${name}: the YAML is not body text and lines keep their numbers`, () => {
      const w = readWriteup(text, { file: '/w/report.md' });
      const { body } = renderPreview(w);
      assert.doesNotMatch(body, /hidden/);
      assert.match(body, new RegExp(`<p data-line="${line}">Body text.</p>`));
    });
  }
});

describe('markdown preview: rendered from what the reader read', () => {
  const render = (text: string): string => renderPreview(readWriteup(text, { file: '/w/report.md' }), { resolveCitation, resolveImage: (p) => `img:${p}` }).body;

  test('the reader keeps its tree for the preview, also for a copy of the model', () => {
    const w = readWriteup('# A\n\nText.\n', { file: '/w/report.md' });
    assert.equal(markdownTreeOf(w)?.type, 'root');
    assert.equal(markdownTreeOf({ ...w, text: w.text }), markdownTreeOf(w));
  });

  test('citation groups as the reader read them: prefix, locator, suppressed author, non-ASCII keys', () => {
    const body = render('As [see @bartlett2017spectrally, p. 3; -@bartlett2017spectrally] and [@müller2020].\n');
    assert.match(body, />see Bartlett, Foster, and Telgarsky 2017, p\. 3<\/a>; <a [^>]*>2017<\/a>\)/);
    assert.match(body, /data-cite="müller2020">müller2020\?<\/a>/);
  });

  test('dollar signs the reader does not read as math stay text', () => {
    assert.match(render('Money: $5 and $10 here.\n'), /<p data-line="0">Money: \$5 and \$10 here\.<\/p>/);
  });

  test('fenced-div lines, \\newpage, \\vspace and HTML comments are layout, not text; lines keep their numbers', () => {
    const body = render('::: {.remark}\nA remark.\n:::\n\n\\vspace{2mm}\n\n<!-- lint-disable -->\n\n\\newpage\n\n# Next\n\n<div>raw</div>\n');
    assert.match(body, /<p data-line="0">A remark\.\n?<\/p>/);
    assert.doesNotMatch(body, /:::|vspace|lint-disable|newpage/);
    assert.match(body, /<h1 data-line="10">Next<\/h1>/);
    assert.match(body, /<p data-line="12">&lt;div&gt;raw&lt;\/div&gt;<\/p>/);
  });

  test('display math inside a paragraph is a block between its parts', () => {
    const body = render('Before\n$$x = 1$$\nafter.\n');
    assert.match(body, /<p data-line="0">Before<\/p>\n<div class="block" data-line="1"><div class="math-display">/);
    assert.match(body, /<p data-line="2">after\.<\/p>/);
  });

  test('footnotes: a mark where cited, the note with its citation', () => {
    const body = render('Claim.[^n]\n\n[^n]: See [@bartlett2017spectrally].\n');
    assert.match(body, /Claim\.<sup class="footnote-ref">n<\/sup>/);
    assert.match(body, /<div class="footnote" data-line="2"><sup>n<\/sup> See <span class="citation">\(<a class="cite"[^>]*>Bartlett, Foster, and Telgarsky 2017<\/a>\)<\/span>\.<\/div>/);
  });

  test('smart punctuation as pandoc prints it', () => {
    assert.match(render('"Quoted" -- it\'s --- done...\n'), /\u201cQuoted\u201d \u2013 it\u2019s \u2014 done\u2026/);
  });

  test('a figure caption with math and a citation; the alt text plain', () => {
    const body = render('![Risk for $\\alpha$ [@bartlett2017spectrally]](f.png){width=40%}\n');
    assert.match(body, /<figure data-line="0"><img src="img:f.png" alt="Risk for \\alpha \[@bartlett2017spectrally\]" data-style="width:40%"><figcaption>Risk for <span class="katex">/);
    assert.match(body, /<figcaption>[^]*\(<a class="cite"[^>]*>Bartlett, Foster, and Telgarsky 2017<\/a>\)<\/span><\/figcaption><\/figure>/);
  });

  test('links: http(s) kept, relative paths inert, other schemes show only their text', () => {
    const body = render('[a](https://x.org) [b](notes.md) [c](javascript:alert(1))\n');
    assert.match(body, /<a href="https:\/\/x.org">a<\/a> <a href="#">b<\/a> c/);
    assert.doesNotMatch(body, /javascript:/);
  });
});
