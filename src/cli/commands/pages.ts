import * as path from 'node:path';
import type { PageEstimate } from '../../core/layout/types';
import { cliService } from '../analysisHost';
import { parseCommandArgs } from '../args';
import { type CliCommand, type CliIO, UsageError } from '../command';
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
    // Pages need no course or bibliography: the host only reads files and figures.
    const service = cliService({ packs: [], cwd: io.cwd, warn: (message) => io.stderr(`writeup pages: ${message}\n`) });
    for (const file of positionals) {
      const full = path.resolve(io.cwd, file);
      const read = readTextFile(full, file);
      if ('problem' in read) {
        io.stderr(`writeup pages: ${read.problem}\n`);
        failed = true;
        continue;
      }
      const pages = service.analyze({ file: full, text: read.text }).pages;
      if (!pages) {
        io.stderr(`writeup pages: cannot estimate ${file}: the page estimator failed on it\n`);
        failed = true;
        continue;
      }
      results.push(pagesResult(file, pages));
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
