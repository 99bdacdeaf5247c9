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
