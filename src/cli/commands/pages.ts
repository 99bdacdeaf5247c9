import * as path from 'node:path';
import type { PageEstimate } from '../../core/layout/types';
import { cliService } from '../analysisHost';
import { parseCommandArgs } from '../args';
import { type CliCommand, type CliIO, UsageError } from '../command';
import { readTextFile } from '../readText';
import { compileForPages, exactFields, sectionRows, type ExactFields, type SectionRow } from '../exactPages';

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
  /** `--exact`: measured from a compile. */
  exact?: ExactFields;
  /** `--sections`: the page budget, part by part. */
  sections?: SectionRow[];
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
    'Usage: writeup pages [--json] [--exact] [--sections] PATH...',
    '',
    'Estimates the pages each writeup (.md or .tex) takes in the NeurIPS style: content pages',
    '(up to the references or appendix) and total pages, as fractions of a page.',
    '',
    'Options:',
    '  --json      print [{ "file", "contentPages", "totalPages", "pageBreaks", "breakdown", "notes" }]',
    '  --exact     also compile (pdflatex; pandoc for Markdown) in a temporary folder and add',
    '              "exact": { "contentPages", "totalPages", "pdfPages", "compileMs" }',
    '  --sections  add "sections": [{ "title", "line", "pages", "exactPages"? }]: the title block,',
    '              abstract and each top-level section, adding up to the content pages; the appendix',
    '              last, marked "afterContent"',
  ].join('\n'),
  async run(args: readonly string[], io: CliIO): Promise<number> {
    const { values, positionals } = parseCommandArgs(args, { json: { type: 'boolean' }, exact: { type: 'boolean' }, sections: { type: 'boolean' } });
    if (positionals.length === 0) throw new UsageError('expected at least one PATH');
    const results: PagesResult[] = [];
    let failed = false;
    // Pages need no course: the host reads files, figures and the bibliography the writeup names (the reference list is set from it).
    const service = cliService({ packs: [], cwd: io.cwd, warn: (message) => io.stderr(`writeup pages: ${message}\n`) });
    for (const file of positionals) {
      const full = path.resolve(io.cwd, file);
      const read = readTextFile(full, file, true);
      if ('problem' in read) {
        io.stderr(`writeup pages: ${read.problem}\n`);
        failed = true;
        continue;
      }
      if (read.warning) io.stderr(`writeup pages: ${read.warning}\n`);
      const analysis = service.analyze({ file: full, text: read.text });
      const estimate = analysis.pages;
      if (!estimate) {
        io.stderr(`writeup pages: cannot estimate ${file}: the page estimator failed on it\n`);
        failed = true;
        continue;
      }
      const writeup = analysis.writeup;
      const result: PagesResult = pagesResult(file, estimate);
      const outcome = values.exact ? await compileForPages(full, writeup.format) : undefined;
      if (outcome?.status === 'missing') {
        io.stderr(`writeup pages: --exact needs a TeX installation: ${outcome.message}\n`);
        return 2;
      }
      if (outcome?.status === 'ok') result.exact = exactFields(outcome);
      else if (outcome) {
        const why = outcome.status === 'failed' ? (outcome.errors[0]?.message ?? 'no PDF was written') : outcome.status === 'timeout' ? 'the compile took too long' : 'cancelled';
        io.stderr(`writeup pages: cannot compile ${file}: ${why}\n`);
        failed = true;
      }
      if (values.sections) result.sections = sectionRows(writeup, estimate, outcome);
      results.push(result);
    }
    if (values.json) io.stdout(`${JSON.stringify(results, null, 2)}\n`);
    else for (const r of results) io.stdout(textOf(r));
    return failed ? 2 : 0;
  },
};

/** The text output of one file: the estimate, the compile's figures, the budget. */
function textOf(r: PagesResult): string {
  const lines = [`${r.file}: ${r.contentPages.toFixed(1)} content pages, ${r.totalPages.toFixed(1)} total (estimated)`];
  if (r.exact) lines.push(`${r.file}: ${r.exact.contentPages.toFixed(2)} content pages, ${r.exact.totalPages.toFixed(2)} total, ${r.exact.pdfPages} PDF pages (exact, compiled in ${(r.exact.compileMs / 1000).toFixed(1)} s)`);
  for (const n of r.notes) lines.push(`  note: ${n}`);
  for (const s of r.sections ?? []) {
    const exact = s.exactPages !== undefined ? `  exact ${s.exactPages.toFixed(2)}` : '';
    lines.push(`  ${s.pages.toFixed(2).padStart(5)}${exact}  ${s.title}${s.afterContent ? ' (after the content)' : ''}  (line ${s.line + 1})`);
  }
  return `${lines.join('\n')}\n`;
}
