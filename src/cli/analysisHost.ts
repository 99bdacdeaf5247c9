import * as fs from 'node:fs';
import * as path from 'node:path';
import { type WriteupHost, createWriteupService, type WriteupService } from '../core/analysis/index';
import { createBibIndex } from '../core/bib/index';
import { parseBib } from '../core/bib/parse';
import type { BibFile } from '../core/bib/types';
import type { CoursePack } from '../core/courses/types';
import { bibliographyLookup } from '../core/text/paths';
import { diskHost } from '../node/diskHost';
import { diskImageSize } from '../node/imageSize';
import { readTextFile, shownPath } from './readText';

/** What the command line adds to a writeup's own front matter. */
export interface CliAnalysisOptions {
  readonly packs: readonly CoursePack[];
  readonly course?: string;
  readonly kind?: string;
  /** The working directory: bibliographies may also come from under it. */
  readonly cwd: string;
  /** Where a refused bibliography path is reported (the command's stderr). */
  readonly warn: (message: string) => void;
}

/**
 * The CLI's host: files and figures from disk, the command line's course and kind, and the
 * bibliography a writeup names (only from its folder tree or the working directory).
 */
export function cliHost(options: CliAnalysisOptions): WriteupHost {
  const settings = { ...(options.course !== undefined ? { course: options.course } : {}), ...(options.kind !== undefined ? { kind: options.kind } : {}) };
  return {
    files: diskHost,
    packs: () => options.packs,
    settings: () => settings,
    // Images beside the writeup's folder (`../img`) are read when they are under the working directory.
    imageSize: (file) => diskImageSize(file, [options.cwd]),
    bibliography(writeup) {
      const dir = path.dirname(path.resolve(writeup.file));
      const lookup = bibliographyLookup(writeup, [dir, options.cwd], dir);
      for (const r of lookup.refused) options.warn(r.message);
      const parsed: BibFile[] = [];
      for (const file of lookup.paths) {
        // A .bib that is binary data or a folder is said, not read as an empty bibliography.
        const read = fs.statSync(file, { throwIfNoEntry: false }) ? readTextFile(file, shownPath(options.cwd, file)) : undefined;
        if (read && 'problem' in read) options.warn(read.problem);
        else if (read) {
          if (read.warning) options.warn(read.warning);
          parsed.push(parseBib(read.text, file));
        }
      }
      return createBibIndex(parsed);
    },
  };
}

/** The analysis pipeline over the CLI's host. */
export function cliService(options: CliAnalysisOptions): WriteupService {
  return createWriteupService(cliHost(options));
}
