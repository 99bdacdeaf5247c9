import type { WriteupFormat } from '../model/writeup';

/**
 * The format of a file name: `.tex` is LaTeX, `.md`/`.markdown`/`.pmd` Markdown. In its own module
 * so that asking (the editor's activation, folder search) does not load the readers.
 */
export function formatOf(file: string): WriteupFormat | undefined {
  if (/\.(tex|latex|ltx)$/i.test(file)) return 'latex';
  if (/\.(md|markdown|mdown|mkd|pmd|pandoc)$/i.test(file)) return 'markdown';
  return undefined;
}

/**
 * Whether the start of a file (`head`, a few kilobytes) reads as a writeup of its own: a LaTeX main
 * file (`\\documentclass` outside a comment, so `\\input` parts are not taken for one), or
 * Markdown front matter naming a `course`, `kind` or `writeup` option.
 */
export function headNamesWriteup(format: WriteupFormat, head: string): boolean {
  if (format === 'latex') return /^[^%\n]*\\documentclass/m.test(head);
  const fm = /^---\r?\n([\s\S]*?)\r?\n(---|\.\.\.)[ \t]*(\r?\n|$)/.exec(head);
  return fm !== null && /^(course|kind|writeup)\s*:/m.test(fm[1] ?? '');
}
