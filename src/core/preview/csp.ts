import { escapeHtml } from './escape';

/** A nonce is base64 or hex of enough random bytes; anything else is refused. */
const noncePattern = /^[A-Za-z0-9+/_-]{16,}={0,2}$/;

/**
 * The preview's Content Security Policy: nothing by default; images, styles and fonts only from
 * the webview's own resource origin (the extension's media/ and the workspace) and images also as
 * `data:`; scripts only with this render's nonce. No inline style, no eval, no remote anything.
 */
export function buildCsp(cspSource: string, nonce: string): string {
  if (!noncePattern.test(nonce)) throw new Error('buildCsp: the nonce must be at least 16 base64 characters');
  const source = cspSourceList(cspSource);
  return [
    "default-src 'none'",
    `img-src ${source} data:`,
    `style-src ${source}`,
    `font-src ${source}`,
    `script-src 'nonce-${nonce}'`,
  ].join('; ');
}

/**
 * The webview's resource origins (`webview.cspSource`: `'self' https://*.vscode-cdn.net` in the
 * browser, `vscode-webview://...` on the desktop), keeping only plain source expressions:
 * `'self'`, schemes and hosts. Keywords such as `'unsafe-inline'`, nonces and separators are dropped.
 */
export function cspSourceList(cspSource: string): string {
  const tokens = cspSource.split(/[\s,;]+/).filter((t) => t !== '');
  const ok = tokens.filter(
    (t) => t === "'self'" || /^[a-zA-Z][a-zA-Z0-9+.-]*:(\/\/[^\s;,'"]+)?$/.test(t) || /^(\*\.)?[a-zA-Z0-9.-]+(:\d+)?$/.test(t),
  );
  return ok.length > 0 ? ok.join(' ') : "'none'";
}

/** What the webview page is made of. */
export interface PreviewPage {
  readonly cspSource: string;
  readonly nonce: string;
  /** Stylesheet URLs (webview URIs of media/ files). */
  readonly styles: readonly string[];
  /** Script URLs, loaded with the nonce. */
  readonly scripts: readonly string[];
  /** The body from renderPreview. */
  readonly body: string;
  readonly title: string;
  /** State for the script (e.g. the source file, the line to scroll to), as JSON in an attribute. */
  readonly state?: Readonly<Record<string, unknown>>;
}

/** The webview's whole HTML document. Every value is escaped; the body is the core's sanitised HTML. */
export function renderPreviewPage(page: PreviewPage): string {
  const csp = buildCsp(page.cspSource, page.nonce);
  const styles = page.styles.map((s) => `<link rel="stylesheet" href="${escapeHtml(s)}">`).join('\n');
  const scripts = page.scripts.map((s) => `<script nonce="${escapeHtml(page.nonce)}" src="${escapeHtml(s)}"></script>`).join('\n');
  const state = escapeHtml(JSON.stringify(page.state ?? {}));
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<meta id="writeup-state" data-state="${state}">
<title>${escapeHtml(page.title)}</title>
${styles}
</head>
<body class="writeup-preview">
<main id="writeup-root">${page.body}</main>
${scripts}
</body>
</html>`;
}
