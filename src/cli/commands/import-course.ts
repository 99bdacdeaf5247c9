import * as fs from 'node:fs';
import * as path from 'node:path';
import { describeGroupSize, describePageLimit } from '../../core/courses/describe';
import { importCoursePage, type PageFormat } from '../../core/courses/import';
import { type CliCommand, type CliIO, UsageError } from '../command';
import { oneOf, parseCommandArgs } from '../args';
import { readTextFile } from '../readText';

const usage = [
  'Usage: writeup import-course [--json] [--id ID] [--year YYYY] [--format md|html|text] [--out FILE] PATH',
  '',
  'Reads a course page saved as Markdown, HTML or text and prints a draft course pack:',
  'deliverables with due dates, page limits, group sizes and required sections, and the papers it lists',
  '(reference lists in the common citation styles, tables, pasted BibTeX, arXiv/DOI/OpenReview links).',
  'Review the draft: what could not be read is listed as "to check".',
  '',
  'Options:',
  '  --json            print the draft pack as JSON (the course pack schema); notes go to stderr',
  '  --id ID           pack id (by default made from the page title)',
  '  --year YYYY       year for dates written without one (e.g. "April 9")',
  '  --format FORMAT   md, html or text (by default from the file name and content)',
  '  --out FILE        also write the draft pack to FILE (never overwrites)',
].join('\n');

/** `writeup import-course`: a draft course pack from a saved course page. */
export const importCourseCommand: CliCommand = {
  name: 'import-course',
  summary: 'turn a saved course page (Markdown, HTML, text) into a draft course pack',
  usage,
  run(args: readonly string[], io: CliIO): number {
    const { values, positionals } = parseCommandArgs(args, {
      json: { type: 'boolean' },
      id: { type: 'string' },
      year: { type: 'string' },
      format: { type: 'string' },
      out: { type: 'string' },
    });
    if (positionals.length !== 1 || positionals[0] === undefined) throw new UsageError('expected one PATH (a saved course page)');
    const file = path.resolve(io.cwd, positionals[0]);
    const read = readTextFile(file, positionals[0]);
    if ('problem' in read) throw new UsageError(read.problem);
    if (read.warning) io.stderr(`writeup import-course: ${read.warning}\n`);
    const text = read.text;
    if (values.year !== undefined && !/^(19|20)\d{2}$/.test(values.year)) throw new UsageError(`--year must be a year like 2021 (got '${values.year}')`);
    if (values.id !== undefined && !/^[a-z0-9][a-z0-9._-]*$/.test(values.id)) {
      throw new UsageError(`--id must be lowercase letters, digits and . _ - (got '${values.id}')`);
    }
    const formatFlag = oneOf('format', values.format, ['md', 'markdown', 'html', 'text', 'txt']);
    const format: PageFormat | undefined =
      formatFlag === undefined ? undefined : formatFlag === 'md' || formatFlag === 'markdown' ? 'markdown' : formatFlag === 'html' ? 'html' : 'text';
    const result = importCoursePage(text, {
      file: positionals[0],
      ...(format ? { format } : {}),
      ...(values.id ? { id: values.id } : {}),
      ...(values.year ? { year: Number(values.year) } : {}),
    });
    const json = `${JSON.stringify(result.pack, null, 2)}\n`;
    if (values.out) {
      const out = path.resolve(io.cwd, values.out);
      try {
        fs.writeFileSync(out, json, { encoding: 'utf8', flag: 'wx' });
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        throw new UsageError(code === 'EEXIST' ? `${values.out} already exists; not overwriting it` : `cannot write ${values.out}: ${(error as Error).message}`);
      }
    }
    if (values.json) {
      io.stdout(json);
      for (const line of result.todo) io.stderr(`to check: ${line}\n`);
      return 0;
    }
    const { pack } = result;
    const lines = [`Draft course pack '${pack.id}': ${pack.title}`];
    if (pack.term || pack.instructor) lines.push(`  ${[pack.term, pack.instructor].filter(Boolean).join(', ')}`);
    lines.push(`  ${pack.deliverables.length} deliverable(s):`);
    for (const d of pack.deliverables) {
      const facts = [
        d.due ? `due ${d.due}${d.dueEnd ? `..${d.dueEnd}` : ''}` : 'no date',
        describePageLimit(d),
        d.pageLimit?.template && d.pageLimit.template !== 'NeurIPS' ? `${d.pageLimit.template} template` : '',
        describeGroupSize(d),
        d.requiredSections?.length ? `sections: ${d.requiredSections.map((r) => r.title).join(', ')}` : '',
      ].filter(Boolean);
      lines.push(`    ${d.kind.padEnd(12)} ${facts.join(' · ')}`);
    }
    lines.push(`  ${pack.papers.length} paper(s):`);
    for (const p of pack.papers) {
      const who = p.authors.length ? ` (${p.authors.join(', ')}${p.etAl ? ' et al.' : ''}${p.year ? `, ${p.year}` : ''})` : p.year ? ` (${p.year})` : '';
      lines.push(`    ${p.key}: ${p.title}${who}${p.titleUnverified ? ' [check title]' : ''}`);
    }
    if (result.todo.length) lines.push('', 'To check:', ...result.todo.map((t) => `  - ${t}`));
    if (values.out) lines.push('', `Wrote ${values.out}`);
    else lines.push('', 'Save it with --out FILE (e.g. .writeup/courses/<id>.json) or print it with --json.');
    io.stdout(`${lines.join('\n')}\n`);
    return 0;
  },
};
