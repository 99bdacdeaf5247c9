import { formatOf, headNamesWriteup } from '../readers/format';

/**
 * Whether a file met while searching a folder is a writeup to check: `proposal*.md` or
 * `report*.md` by name, a Markdown file whose front matter names a `course`, `kind` or `writeup`
 * option, or a LaTeX main file (one with `\documentclass`, so `\input` parts are not linted twice).
 * `head` is the start of the file's text (the first few kilobytes are enough).
 */
export function isWriteupCandidate(fileName: string, head: string): boolean {
  const name = fileName.split(/[\\/]/).pop()?.toLowerCase() ?? '';
  const format = formatOf(name);
  if (!format) return false;
  if (format === 'markdown' && /^(proposal|report)[^/]*\.md$/.test(name)) return true;
  return headNamesWriteup(format, head);
}

/** Folder names never searched for writeups. */
export const skippedFolders: ReadonlySet<string> = new Set(['node_modules', '.git']);
