/** HTML escaping and URL filtering for everything the preview inserts. */

/** Control characters, spaces and C1 controls, which browsers ignore inside a URL scheme. */
// eslint-disable-next-line no-control-regex
const ignoredInScheme = /[\u0000-\u0020\u007f-\u009f]/g;

const entities: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => entities[c] ?? c);
}

/**
 * A link target the preview may keep: `http:`, `https:`, `mailto:` and in-page `#anchors`.
 * Anything else (`javascript:`, `data:`, `vscode:`, `file:`, `command:`...) gives undefined.
 */
export function safeLinkUrl(url: string): string | undefined {
  // Browsers ignore control characters and spaces inside a scheme: strip them before checking.
  const compact = url.replace(ignoredInScheme, '');
  if (compact.startsWith('#')) return url.trim();
  const scheme = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(compact)?.[1]?.toLowerCase();
  if (scheme === 'http' || scheme === 'https' || scheme === 'mailto') return url.trim();
  return undefined;
}

/** True for a relative path (no scheme, not protocol-relative): the only figure paths resolved. */
export function isRelativeOrAbsolutePath(path: string): boolean {
  const compact = path.replace(ignoredInScheme, '');
  if (compact.startsWith('//')) return false;
  // A Windows drive letter is a path, not a scheme.
  if (/^[a-zA-Z]:[\\/]/.test(compact)) return true;
  return !/^[a-zA-Z][a-zA-Z0-9+.-]*:/.test(compact);
}
