import * as path from 'node:path';
import { estimatePages } from '../../core/layout';
import type { PageEstimate } from '../../core/layout/types';
import { readWriteup } from '../../core/readers';
import { parseCommandArgs } from '../args';
import { type CliCommand, type CliIO, UsageError } from '../command';
import { diskHost } from '../fileHost';
import { diskImageSize } from '../imageSize';
import { readTextFile } from '../readText';

const round2 = (x: number): number => Math.round(x * 100) / 100;

/** One file's estimate as `writeup pages --json` prints it. */
export interface PagesResult {
  readonly file: string;
  readonly contentPages: number;
  readonly totalPages: number;
  readonly style: string;
  readonly pageBreaks: readonly { readonly page: number; readonly line: number }[];
  readonly breakdown: Readonly<Record<string, number>>;
  /** What the estimate could not size (a missing image, an unknown template...). */
  readonly notes: readonly string[];
}

/** The estimate of `file` (as given on the command line) rounded for output. */
export function pagesResult(file: string, estimate: PageEstimate): PagesResult {
  return {
    file,
    contentPages: round2(estimate.contentPages),
    totalPages: round2(estimate.totalPages),
    style: estimate.style,
    pageBreaks: estimate.pageBreaks,
    breakdown: Object.fromEntries(Object.entries(estimate.breakdown).map(([k, v]) => [k, round2(v)])),
    notes: estimate.notes ?? [],
  };
}

/** `writeup pages [--json] PATH...`: estimated NeurIPS pages without compiling. */
export const pagesCommand: CliCommand = {
  name: 'pages',
  summary: 'estimate content and total pages (NeurIPS style) without compiling',
  usage: [
    'Usage: writeup pages [--json] PATH...',
    '',
    'Estimates the pages each writeup (.md or .tex) takes in the NeurIPS style: content pages',
    '(up to the references or appendix) and total pages, as fractions of a page.',
    '',
    'Options:',
    '  --json   print [{ "file", "contentPages", "totalPages", "pageBreaks", "breakdown", "notes" }]',
  ].join('\n'),
  run(args: readonly string[], io: CliIO): number {
    const { values, positionals } = parseCommandArgs(args, { json: { type: 'boolean' } });
    if (positionals.length === 0) throw new UsageError('expected at least one PATH');
    const results: PagesResult[] = [];
    let failed = false;
    for (const file of positionals) {
      const full = path.resolve(io.cwd, file);
      const read = readTextFile(full, file);
      if ('problem' in read) {
        io.stderr(`writeup pages: ${read.problem}\n`);
        failed = true;
        continue;
      }
      const text = read.text;
      const writeup = readWriteup(text, { file: full, host: diskHost });
      // Images beside the writeup's folder (`../img`) are read when they are under the working directory.
      results.push(pagesResult(file, estimatePages(writeup, { imageSize: diskImageSize(full, [io.cwd]) })));
    }
    if (values.json) io.stdout(`${JSON.stringify(results, null, 2)}\n`);
    else {
      for (const r of results) {
        io.stdout(`${r.file}: ${r.contentPages.toFixed(1)} content pages, ${r.totalPages.toFixed(1)} total (estimated)\n`);
        for (const n of r.notes) io.stdout(`  note: ${n}\n`);
      }
    }
    return failed ? 2 : 0;
  },
};
