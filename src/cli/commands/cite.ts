import * as path from 'node:path';
import { authorYear } from '../../core/bib/format';
import { createBibIndex, emptyBibIndex } from '../../core/bib/index';
import { parseBib } from '../../core/bib/parse';
import { citationCatalog, toCiteResult } from '../../core/bib/search';
import type { CoursePack } from '../../core/courses/types';
import { type CliCommand, type CliIO, UsageError } from '../command';
import { parseCommandArgs } from '../args';
import { packsOption, packsUsage, readCliPacks } from '../packs';
import { readTextFile } from '../readText';

const usage = [
  'Usage: writeup cite [--course ID] [--bib FILE] [--json] [--limit N] [--packs FILE|DIR]... QUERY...',
  '',
  'Finds papers to cite in the course reading lists and your .bib, ranked as the editor',
  'ranks completions: .bib entries and the course\'s papers first, then other courses,',
  'each by how well key, title, authors and year match QUERY.',
  '',
  'Options:',
  '  --course ID       rank this course\'s papers with the .bib entries (see writeup courses)',
  '  --bib FILE        the bibliography to search; references.bib in the current directory by default',
  '  --json            print [{ key, title, authors, year, venue, arxiv, doi, url, type, metadataSource, source }]',
  '                    (authors as full names where known; source: course:ID or bib:FILE)',
  '  --limit N         at most N results (20 by default; 0 for all)',
  packsUsage(20),
  '',
  'Exit status: 0 when something matches, 1 when nothing does, 2 on bad usage.',
].join('\n');

/**
 * `writeup cite`: the editor's citation ranking (src/core/bib/search.ts) on the command line, over
 * the packs of `loadPacks` plus any `--packs`.
 */
export function createCiteCommand(loadPacks: () => readonly CoursePack[]): CliCommand {
  return {
    name: 'cite',
    summary: 'find papers to cite in the course lists and your .bib',
    usage,
    run(args: readonly string[], io: CliIO): number {
      const { values, positionals } = parseCommandArgs(args, {
        course: { type: 'string' },
        bib: { type: 'string' },
        json: { type: 'boolean' },
        limit: { type: 'string' },
        ...packsOption,
      });
      const query = positionals.join(' ').trim();
      if (!query) throw new UsageError('expected a QUERY (words of a key, title, author or year)');
      const limit = values.limit === undefined ? 20 : Number(values.limit);
      if (!Number.isInteger(limit) || limit < 0) throw new UsageError(`--limit must be a whole number (got '${values.limit ?? ''}')`);
      const { packs } = readCliPacks(values.packs, io, loadPacks);
      if (values.course !== undefined && !packs.some((p) => p.id === values.course)) {
        throw new UsageError(`unknown course '${values.course}' (known: ${packs.map((p) => p.id).join(', ')})`);
      }
      let bib = emptyBibIndex;
      const bibName = values.bib ?? 'references.bib';
      const bibPath = path.resolve(io.cwd, bibName);
      const read = readTextFile(bibPath, bibName);
      if ('problem' in read && values.bib !== undefined) throw new UsageError(`--bib: ${read.problem}`);
      const text = 'text' in read ? read.text : undefined;
      if ('warning' in read && read.warning) io.stderr(`writeup cite: ${read.warning}\n`);
      if (text !== undefined) {
        const file = parseBib(text, bibName);
        for (const p of file.problems.filter((x) => x.severity === 'error')) {
          io.stderr(`${bibName}:${p.range.start.line + 1}: ${p.message}\n`);
        }
        bib = createBibIndex([file]);
      }
      const ranked = citationCatalog(bib, packs).search(query, {
        ...(limit > 0 ? { limit } : {}),
        ...(values.course !== undefined ? { courseId: values.course } : {}),
      });
      const shown = limit === 0 ? ranked : ranked.slice(0, limit);
      if (values.json) {
        io.stdout(`${JSON.stringify(shown.map(toCiteResult), null, 2)}\n`);
      } else {
        for (const r of shown) {
          const result = toCiteResult(r);
          io.stdout(`${result.key}  ${authorYear(r.candidate)}  ${result.title ?? '(no title)'}  [${result.source}]\n`);
        }
        if (shown.length === 0) io.stderr(`writeup cite: nothing matches '${query}'\n`);
      }
      return shown.length > 0 ? 0 : 1;
    },
  };
}
