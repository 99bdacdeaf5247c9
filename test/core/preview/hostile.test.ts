/** Preview sanitising cases besides render.test.ts: LaTeX writeups, \href/\url outside math, hostile authors. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { CitedWork } from '../../../src/core/preview/citations';
import { renderPreview } from '../../../src/core/preview/render';
import { readWriteup } from '../../../src/core/readers/index';

function assertNoActiveContent(body: string): void {
  assert.doesNotMatch(body, /<script/i);
  assert.doesNotMatch(body, /<(iframe|object|embed|svg[^>]*onload)/i);
  assert.doesNotMatch(body, /<[^>]*\son[a-z]+\s*=/i, 'an event handler attribute survived');
  assert.doesNotMatch(body, /(href|src)\s*=\s*"\s*(javascript|vbscript|data|command):/i);
}

describe('preview of a hostile LaTeX writeup', () => {
  const tex = String.raw`\documentclass{article}
\title{<img src=x onerror=alert(1)>}
\author{<script>alert(2)</script> \And Mallory \texttt{"><svg onload=alert(3)>}}
\begin{document}
\maketitle
\section{Intro <b>x</b>}
Text \href{javascript:alert(4)}{click me} and \url{javascript:alert(5)} and \url{data:text/html,<script>alert(6)</script>}.
Math $\href{javascript:alert(7)}{x}$ and $\url{javascript:alert(8)}$ and $\href{command:workbench.action.quit}{q}$.
\begin{equation}\htmlData{onerror=alert(9)}{x} \href{javascript:alert(10)}{y}\end{equation}
\includegraphics{javascript:alert(11)}
\includegraphics{../../etc/passwd.png}
\cite{evil}
\end{document}
`;
  const evil: CitedWork = {
    key: 'evil',
    authors: ['<img src=x onerror=alert(12)>', '[x](command:workbench.action.quit)'],
    title: '"><script>alert(13)</script>',
    venue: '<iframe src=javascript:alert(14)>',
    url: 'javascript:alert(15)',
  };
  const images: string[] = [];
  const { body } = renderPreview(readWriteup(tex, { file: '/ws/report.tex' }), {
    resolveCitation: (k) => (k === 'evil' ? evil : undefined),
    resolveImage: (p) => {
      images.push(p);
      return undefined;
    },
  });

  test('no script, handler, iframe or javascript:/data:/command: link', () => assertNoActiveContent(body));

  test('hostile title, authors and reference text show as text', () => {
    assert.match(body, /&lt;img src=x onerror=alert\(1\)&gt;/);
    assert.match(body, /&lt;script&gt;alert\(2\)&lt;\/script&gt;/);
    assert.match(body, /&lt;img src=x onerror=alert\(12\)&gt;/);
  });

  test('a URL scheme never reaches the image resolver', () => {
    assert.ok(!images.some((p) => /^javascript:/i.test(p)), images.join(', '));
  });
});

describe('preview of hostile Markdown links and math', () => {
  const md = `---
title: ok
author:
  - name: "[x](command:workbench.action.quit)"
  - name: "<img src=x onerror=alert(1)>"
---

# A

[q](command:workbench.action.quit) [v](vbscript:msgbox(1)) [j](JaVaScRiPt:alert(2)) [s]( javascript:alert(3))

<a href="javascript:alert(4)">raw</a> <img src=x onerror=alert(5)>

$$\\href{javascript:alert(6)}{x} \\url{command:workbench.action.quit}$$
`;
  const { body } = renderPreview(readWriteup(md, { file: '/ws/report.md' }));

  test('no active content survives', () => assertNoActiveContent(body));

  test('the hostile author names are shown escaped', () => {
    assert.match(body, /&lt;img src=x onerror=alert\(1\)&gt;/);
    assert.doesNotMatch(body, /href="command:/);
  });
});
