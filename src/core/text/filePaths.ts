/**
 * Path arithmetic for the core, which may not use Node's `path`: POSIX paths, Windows paths
 * (`C:\a\b`) and URI strings (`file:///a/b`) are all handled by their last separator.
 */

/** The directory part of a path or URI (without the trailing separator). */
export function dirname(path: string): string {
  const i = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  if (i < 0) return '.';
  if (i === 0) return path.slice(0, 1);
  return path.slice(0, i);
}

/** True for `/a`, `C:\a`, `C:/a`, `\\server\a` and URIs. */
export function isAbsolute(path: string): boolean {
  return /^([/\\]|[A-Za-z]:[/\\]|[A-Za-z][\w+.-]+:\/\/)/.test(path);
}

/** Resolves `relative` against directory `base`, folding `.` and `..`, keeping the base's separator. */
export function resolvePath(base: string, relative: string): string {
  if (isAbsolute(relative)) return relative;
  const sep = base.includes('\\') && !base.includes('/') ? '\\' : '/';
  const prefixMatch = /^([A-Za-z][\w+.-]+:\/\/[^/]*|[A-Za-z]:|)/.exec(base);
  const prefix = prefixMatch?.[1] ?? '';
  const rest = base.slice(prefix.length);
  const absolute = /^[/\\]/.test(rest);
  const parts: string[] = [];
  for (const part of `${rest}/${relative}`.split(/[/\\]+/)) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (parts.length > 0 && parts[parts.length - 1] !== '..') parts.pop();
      else if (!absolute) parts.push('..');
      continue;
    }
    parts.push(part);
  }
  return prefix + (absolute ? sep : '') + parts.join(sep);
}
