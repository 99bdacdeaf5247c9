import type { Writeup } from '../model/writeup';

/**
 * Path arithmetic for the core, which may not use Node's `path`: POSIX paths, Windows paths
 * (`C:\a\b`, `\\server\share`) and URI strings (`file:///a/b`) on plain strings. The one place
 * that resolves paths written in writeups, packs and front matter (bibliographies, figures,
 * `\input`), including the check that they stay inside the workspace ({@link resolveInside}).
 */

const URI_PREFIX = /^[A-Za-z][\w+.-]+:\/\/[^/]*/;

/** True for `/a`, `C:\a`, `C:/a`, `\\server\a` (file system paths, not URIs). */
export function isAbsolutePath(p: string): boolean {
  return p.startsWith('/') || /^[a-zA-Z]:[\\/]/.test(p) || p.startsWith('\\\\');
}

/** True for `/a`, `C:\a`, `C:/a`, `\\server\a` and URIs (`file:///a`). */
export function isAbsolute(path: string): boolean {
  return /^([/\\]|[A-Za-z]:[/\\]|[A-Za-z][\w+.-]+:\/\/)/.test(path);
}

/** The directory part of a path or URI (without the trailing separator); `.` when it has none. */
export function dirname(path: string): string {
  const i = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  if (i < 0) return '.';
  if (i === 0) return path.slice(0, 1);
  return path.slice(0, i);
}

/** The directory of an absolute path, or undefined for names without one (untitled buffers). */
export function dirnameOf(p: string): string | undefined {
  if (!isAbsolutePath(p)) return undefined;
  const i = Math.max(p.lastIndexOf('/'), p.lastIndexOf('\\'));
  if (i < 0) return undefined;
  if (i === 0) return '/';
  if (/^[a-zA-Z]:$/.test(p.slice(0, i))) return p.slice(0, i + 1);
  return p.slice(0, i);
}

/** The last segment of a path. */
export function basenameOf(p: string): string {
  const i = Math.max(p.lastIndexOf('/'), p.lastIndexOf('\\'));
  return i < 0 ? p : p.slice(i + 1);
}

/**
 * Resolves `relative` against directory `base`, folding `.` and `..`, keeping the base's
 * separator. An absolute `relative` is returned as written; a relative base keeps leading `..`.
 */
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

/** `dir` joined with a relative path (which may use `/`, `./` and `../`); an absolute one is normalised. */
export function joinPath(dir: string, relative: string): string {
  if (isAbsolutePath(relative)) return normalize(relative);
  const sep = dir.includes('\\') && !dir.includes('/') ? '\\' : '/';
  return normalize(`${dir.replace(/[\\/]+$/, '')}${sep}${relative}`);
}

function normalize(p: string): string {
  const sep = p.includes('\\') && !p.includes('/') ? '\\' : '/';
  const parts = p.split(/[\\/]/);
  const out: string[] = [];
  for (const part of parts) {
    if (part === '.') continue;
    if (part === '..' && out.length > 1) out.pop();
    else out.push(part);
  }
  return out.join(sep) || sep;
}

/** A path folded for comparison: `/` separators, no trailing one, drive letters and Windows paths lower-cased. */
function comparable(p: string): string {
  const folded = resolvePath(p, '.').replace(/\\/g, '/').replace(/\/+$/, '');
  return /^[A-Za-z]:|^\/\//.test(folded) || p.includes('\\') ? folded.toLowerCase() : folded;
}

/** True when `path` is `root` itself or lies below it (both resolved the same way). */
export function isInside(path: string, root: string): boolean {
  const p = comparable(path);
  const r = comparable(root);
  if (r === '') return !(p === '..' || p.startsWith('../') || p.startsWith('/') || /^[a-z]:/.test(p));
  return p === r || p.startsWith(`${r}/`);
}

/** What {@link resolveInside} answers: the resolved path, or why it was refused (one line). */
export type InsideResult = { readonly path: string } | { readonly refused: string };

/**
 * Resolves `relative` (a path written in a writeup, its front matter or a course pack) against
 * directory `base` and accepts it only when it lies inside one of `roots` (the workspace folders,
 * or the writeup's own folder when there are none). `..` escapes and absolute paths elsewhere
 * are refused with a message naming the path; an empty `roots` means `[base]`.
 */
export function resolveInside(base: string, relative: string, roots: readonly string[]): InsideResult {
  const written = relative.trim();
  if (written === '') return { refused: 'An empty path was given.' };
  if (written.includes('\0')) return { refused: `\`${printable(written)}\` is not a valid path.` };
  if (URI_PREFIX.test(written) && !/^file:\/\//i.test(written)) {
    return { refused: `\`${printable(written)}\` is not a file in the workspace: only relative paths are read.` };
  }
  const path = isAbsolute(written) ? resolvePath(written, '.') : resolvePath(base, written);
  const allowed = roots.length > 0 ? roots : [base];
  if (allowed.some((root) => isInside(path, root))) return { path };
  const where = allowed.length <= 3 ? allowed.map((r) => `\`${printable(r)}\``).join(' and ') : 'the workspace folders';
  return { refused: `\`${printable(written)}\` points outside ${where}, so it is not read.` };
}

function printable(s: string): string {
  const clean = [...s].map((c) => (c.charCodeAt(0) < 32 || c === '`' ? '?' : c)).join('');
  return clean.length > 120 ? `${clean.slice(0, 117)}...` : clean;
}

/** The bibliography files as written in the writeup (front matter, `\bibliography`, `\addbibresource`). */
export function bibliographyNames(writeup: Pick<Writeup, 'metadata'>): string[] {
  return writeup.metadata.bibliography.map((n) => (/\.bib$/i.test(n) ? n : `${n}.bib`));
}

/**
 * Absolute paths of the writeup's bibliography files: those it names, else `references.bib`
 * beside it. `baseDir` stands in for the directory of a writeup that has none (an untitled buffer).
 */
export function bibliographyPaths(writeup: Pick<Writeup, 'file' | 'text' | 'format' | 'metadata'>, baseDir?: string): string[] {
  const dir = dirnameOf(writeup.file) ?? baseDir;
  if (dir === undefined) return [];
  const names = bibliographyNames(writeup);
  return (names.length > 0 ? names : ['references.bib']).map((n) => joinPath(dir, n));
}

/** The writeup's bibliography files split into those inside `roots` and those refused (with a message each). */
export interface BibliographyLookup {
  readonly paths: string[];
  readonly refused: { readonly name: string; readonly message: string }[];
}

/**
 * Like {@link bibliographyPaths}, but every named file must lie inside `roots` (the workspace
 * folders) or the writeup's own folder tree: `bibliography: ../../etc/passwd` is refused.
 */
export function bibliographyLookup(
  writeup: Pick<Writeup, 'file' | 'text' | 'format' | 'metadata'>,
  roots: readonly string[],
  baseDir?: string,
): BibliographyLookup {
  const dir = dirnameOf(writeup.file) ?? baseDir;
  if (dir === undefined) return { paths: [], refused: [] };
  const names = bibliographyNames(writeup);
  const paths: string[] = [];
  const refused: { name: string; message: string }[] = [];
  for (const name of names.length > 0 ? names : ['references.bib']) {
    const r = resolveInside(dir, name, roots.some((root) => isInside(dir, root)) ? roots : [...roots, dir]);
    if ('path' in r) paths.push(joinPath(dir, name));
    else refused.push({ name, message: `Bibliography ${r.refused}` });
  }
  return { paths, refused };
}
