import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { buildCsp, renderPreviewPage } from '../../../src/core/preview/csp';

const source = 'https://file+.vscode-resource.vscode-cdn.net';
const nonce = 'q1w2e3r4t5y6u7i8o9p0AZ==';

describe('buildCsp', () => {
  test('nothing by default; images, styles, fonts from the webview; scripts by nonce only', () => {
    assert.equal(
      buildCsp(source, nonce),
      `default-src 'none'; img-src ${source} data:; style-src ${source}; font-src ${source}; script-src 'nonce-${nonce}'`,
    );
  });

  test('never unsafe-inline, unsafe-eval or a remote host', () => {
    const csp = buildCsp(source, nonce);
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval|\*|https:\/\/(?!file\+)/);
  });

  test('a short or odd nonce is refused; a hostile cspSource cannot add directives', () => {
    assert.throws(() => buildCsp(source, 'abc'));
    assert.throws(() => buildCsp(source, "x'; script-src *"));
    const csp = buildCsp("https://a.b; script-src 'unsafe-inline'", nonce);
    assert.equal(csp.split(';').length, 5);
    assert.doesNotMatch(csp, /'unsafe-inline'/);
    assert.match(csp, /^default-src 'none'; img-src https:\/\/a\.b script-src data:;/);
  });

  test("the browser's cspSource ('self' plus the CDN host) is kept whole", () => {
    const web = "'self' https://*.vscode-cdn.net";
    assert.equal(buildCsp(web, nonce).split('; ')[2], `style-src ${web}`);
  });
});

describe('renderPreviewPage', () => {
  const page = renderPreviewPage({
    cspSource: source,
    nonce,
    styles: ['https://x/katex.min.css'],
    scripts: ['https://x/preview.js'],
    body: '<p>hi</p>',
    title: '<script>alert(1)</script>',
    state: { file: '"><script>alert(2)</script>' },
  });

  test('the CSP meta comes first in head and scripts carry the nonce', () => {
    assert.match(page, /<head>\s*<meta charset="UTF-8">\s*<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;;/);
    assert.match(page, new RegExp(`<script nonce="${nonce}" src="https://x/preview.js"></script>`));
    assert.equal((page.match(/<script/g) ?? []).length, 1);
  });

  test('title and state are escaped', () => {
    assert.match(page, /<title>&lt;script&gt;alert\(1\)&lt;\/script&gt;<\/title>/);
    assert.doesNotMatch(page, /<script>alert/);
    assert.match(page, /data-state="\{&quot;file&quot;:&quot;\\&quot;&gt;&lt;script&gt;/);
  });
});
