import * as fs from 'node:fs';
import * as path from 'node:path';
import { suggestCourseId } from '../../core/courses/resolve';
import type { CoursePack } from '../../core/courses/types';
import { isWriteupCandidate, skippedFolders } from '../../core/lint/discover';
import type { Diagnostic } from '../../core/lint/engine';
import type { Range } from '../../core/model/range';
import { oneOf, parseCommandArgs } from '../args';
import type { WriteupService } from '../../core/analysis/index';
import { formatOf } from '../../core/readers/index';
import { cliService } from '../analysisHost';
import { type CliCommand, type CliIO, UsageError } from '../command';
import { packsOption, packsUsage, readCliPacks } from '../packs';
import { readTextFile, shownPath } from '../readText';

const usage = [
  'Usage: writeup lint [--course ID] [--kind proposal|report] [--format json|text] [--summary]',
  '                    [--packs FILE|DIR]... PATH...',
  '',
  'Checks writeups against their course: page limit, required sections, group size, citations, math...',
  'PATH is a writeup or a folder; folders are searched (node_modules and .git skipped) for',
  'proposal*.md, report*.md, .md files whose front matter names a course or kind, and .tex files',
  'with \\documentclass. Course and kind come from the front matter first, then --course/--kind,',
  'then the file name. The .bib files are those the writeup names, else references.bib beside it.',
  '',
  'Options:',
  '  --course ID          course for writeups that do not name one (see writeup courses)',
  '  --kind KIND          deliverable for writeups that do not name one: proposal or report',
  '  --format text|json   text (default): file:line:col severity rule message, 1-based line and',
  '                       column, then a page summary per file; json: the contract in DESIGN.md,',
  '                       0-based lines and characters as in VS Code',
  '  --summary            one row per file: course, kind, authors, pages/limit, errors, warnings',
  packsUsage(23),
  '',
  'Exit status: 0 when no error is reported, 1 when any is, 2 on bad usage.',
].join('\n');

/** One file's result: the JSON of `writeup lint --format json` (DESIGN.md), plus fields for the text forms. */
export interface FileResult {
  readonly file: string;
  readonly course: string | null;
  readonly kind: string | null;
  readonly pages: { readonly estimated: number | null; readonly limit: number | null };
  readonly diagnostics: readonly { readonly rule: string; readonly severity: string; readonly message: string; readonly range: Range }[];
  readonly authors: number;
}

/** Whether a file found in a folder is a writeup (see isWriteupCandidate). */
function isWriteupFile(file: string): boolean {
  if (!formatOf(file)) return false;
  // Only the head is read: a folder of submissions may hold a file of gigabytes.
  let head: string;
  let fd: number | undefined;
  try {
    fd = fs.openSync(file, 'r');
    const bytes = Buffer.alloc(20000);
    head = bytes.subarray(0, fs.readSync(fd, bytes, 0, bytes.length, 0)).toString('utf8');
  } catch {
    return false;
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
  return isWriteupCandidate(file, head);
}

/** Writeups under `dir`, sorted, skipping node_modules, .git and hidden folders. */
function findWriteups(dir: string): string[] {
  const found: string[] = [];
  const walk = (d: string) => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(d, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries.sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(d, e.name);
      if (e.isDirectory()) {
        if (!skippedFolders.has(e.name) && !e.name.startsWith('.')) walk(full);
      } else if (e.isFile() && isWriteupFile(full)) found.push(full);
    }
  };
  walk(dir);
  return found;
}

/** Lints one file on disk as the editor would (same course, bibliography and page inputs, from the analysis pipeline). */
export function lintFile(file: string, shown: string, service: WriteupService, text = fs.readFileSync(file, 'utf8')): FileResult & { all: readonly Diagnostic[] } {
  const analysis = service.analyze({ file, text });
  const diagnostics = analysis.diagnostics;
  const used = analysis.countedPages?.pages;
  return {
    file: shown,
    course: analysis.course?.id ?? null,
    kind: analysis.kind ?? null,
    pages: { estimated: used === undefined ? null : Math.round(used * 100) / 100, limit: analysis.pageLimit?.pages ?? null },
    diagnostics: diagnostics.map((d) => ({ rule: d.rule, severity: d.severity, message: d.message, range: d.range })),
    authors: analysis.teamSize,
    all: diagnostics,
  };
}

function count(result: FileResult, severity: string): number {
  return result.diagnostics.filter((d) => d.severity === severity).length;
}

/** `file: 6.9 of 5 pages (mit-9.520-fall2024 report, 1 author)`. */
function pageSummary(r: FileResult): string {
  const pages = r.pages.estimated === null ? 'pages unknown' : r.pages.limit === null ? `${r.pages.estimated.toFixed(1)} pages` : `${r.pages.estimated.toFixed(1)} of ${r.pages.limit} pages`;
  const what = r.course ? `${r.course}${r.kind ? ` ${r.kind}` : ''}` : 'no course';
  return `${r.file}: ${pages} (${what}, ${plural(r.authors, 'author')}); ${plural(count(r, 'error'), 'error')}, ${plural(count(r, 'warning'), 'warning')}`;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** Rows padded into columns. */
function table(rows: readonly (readonly string[])[], right: ReadonlySet<number>): string {
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((row) => (row[i] ?? '').length))) ?? [];
  return rows.map((row) => row.map((cell, i) => (right.has(i) ? cell.padStart(widths[i] ?? 0) : cell.padEnd(widths[i] ?? 0))).join('  ').trimEnd()).join('\n');
}

function summaryTable(results: readonly FileResult[]): string {
  const rows = [
    ['FILE', 'COURSE', 'KIND', 'AUTHORS', 'PAGES', 'ERRORS', 'WARNINGS'],
    ...results.map((r) => [
      r.file,
      r.course ?? '-',
      r.kind ?? '-',
      String(r.authors),
      r.pages.estimated === null ? '-' : `${r.pages.estimated.toFixed(1)}/${r.pages.limit ?? '-'}`,
      String(count(r, 'error')),
      String(count(r, 'warning')),
    ]),
  ];
  return table(rows, new Set([3, 4, 5, 6]));
}

/** `writeup lint`: the editor's checks over files and folders, for TAs and CI, with the packs of `loadPacks` and `--packs`. */
export function createLintCommand(loadPacks: () => readonly CoursePack[]): CliCommand {
  return {
    name: 'lint',
    summary: 'check writeups: page limit, required sections, citations, math (JSON or text)',
    usage,
    run(args: readonly string[], io: CliIO): number {
      const { values, positionals } = parseCommandArgs(args, {
        course: { type: 'string' },
        kind: { type: 'string' },
        format: { type: 'string' },
        summary: { type: 'boolean' },
        ...packsOption,
      });
      const format = oneOf('format', values.format, ['json', 'text'] as const) ?? 'text';
      const kind = oneOf('kind', values.kind, ['proposal', 'report'] as const);
      const { packs } = readCliPacks(values.packs, io, loadPacks);
      if (values.course !== undefined && !packs.some((p) => p.id === values.course)) {
        const suggestion = suggestCourseId(values.course, packs);
        throw new UsageError(`unknown course '${values.course}'${suggestion ? `; did you mean '${suggestion}'?` : ''} (known: ${packs.map((p) => p.id).join(', ')})`);
      }
      if (positionals.length === 0) throw new UsageError('expected PATH... (writeups or folders to check)');
      const files: string[] = [];
      // A path that cannot be read is one line on stderr and exit 2; the other paths are still checked.
      let unreadable = 0;
      const skip = (message: string) => {
        io.stderr(`writeup lint: ${message}\n`);
        unreadable++;
      };
      for (const p of positionals) {
        const full = path.resolve(io.cwd, p);
        const stat = fs.statSync(full, { throwIfNoEntry: false });
        if (!stat && !fs.lstatSync(full, { throwIfNoEntry: false })) skip(`no such file or folder: ${p}`);
        else if (stat?.isDirectory()) {
          const found = findWriteups(full);
          if (found.length === 0) skip(`no writeups found in ${p} (proposal*.md, report*.md, .md with course: front matter, .tex with \\documentclass)`);
          files.push(...found);
        } else files.push(full);
      }
      const results: ReturnType<typeof lintFile>[] = [];
      for (const f of new Set(files)) {
        const shown = shownPath(io.cwd, f);
        const read = readTextFile(f, shown, true);
        if ('problem' in read) {
          skip(read.problem);
          continue;
        }
        if (read.warning) io.stderr(`writeup lint: ${read.warning}\n`);
        const service = cliService({
          packs,
          cwd: io.cwd,
          warn: (message) => io.stderr(`writeup: ${shown}: ${message}\n`),
          ...(values.course !== undefined ? { course: values.course } : {}),
          ...(kind ? { kind } : {}),
        });
        try {
          results.push(lintFile(f, shown, service, read.text));
        } catch (error) {
          skip(`cannot check ${shown}: ${error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error)}`);
        }
      }
      if (results.length === 0 && format === 'text') return 2;
      const plain: FileResult[] = results.map(({ all: _all, ...r }) => r);
      if (format === 'json') {
        const out = values.summary
          ? plain.map((r) => ({ file: r.file, course: r.course, kind: r.kind, authors: r.authors, pages: r.pages, errors: count(r, 'error'), warnings: count(r, 'warning'), infos: count(r, 'info') }))
          : plain.map(({ authors: _a, ...r }) => r);
        io.stdout(`${JSON.stringify(out, null, 2)}\n`);
      } else if (values.summary) {
        io.stdout(`${summaryTable(plain)}\n`);
      } else {
        const lines: string[] = [];
        for (const r of plain) {
          for (const d of r.diagnostics) lines.push(`${r.file}:${d.range.start.line + 1}:${d.range.start.character + 1} ${d.severity} ${d.rule} ${d.message}`);
        }
        for (const r of plain) lines.push(pageSummary(r));
        io.stdout(`${lines.join('\n')}\n`);
      }
      if (unreadable > 0) return 2;
      return plain.some((r) => count(r, 'error') > 0) ? 1 : 0;
    },
  };
}
