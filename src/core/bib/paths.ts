import type { Writeup } from '../model/writeup';

/**
 * Path arithmetic for bibliography files, on plain strings (the core has no `path` module).
 * Works with POSIX and Windows paths; a URI without a directory (e.g. `untitled:`) has none.
 */

/** True for `/a`, `C:\a`, `C:/a`, `\\server\a`. */
export function isAbsolutePath(p: string): boolean {
  return p.startsWith('/') || /^[a-zA-Z]:[\\/]/.test(p) || p.startsWith('\\\\');
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

/** `dir` joined with a relative path (which may use `/`, `./` and `../`). */
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

/** The last segment of a path. */
export function basenameOf(p: string): string {
  const i = Math.max(p.lastIndexOf('/'), p.lastIndexOf('\\'));
  return i < 0 ? p : p.slice(i + 1);
}

/** The bibliography files as written in the writeup (front matter, `\bibliography`, `\addbibresource`). */
export function bibliographyNames(writeup: Pick<Writeup, 'text' | 'format' | 'metadata'>): string[] {
  const names = [...writeup.metadata.bibliography];
  if (writeup.format === 'latex' && names.length === 0) {
    const re = /^[^%\n]*?\\(?:bibliography|addbibresource)\s*(?:\[[^\]]*\])?\s*\{([^}]*)\}/gm;
    for (let m = re.exec(writeup.text); m; m = re.exec(writeup.text)) {
      for (const n of (m[1] ?? '').split(',')) if (n.trim()) names.push(n.trim());
    }
  }
  return names.map((n) => (/\.bib$/i.test(n) ? n : `${n}.bib`));
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
