import * as fs from 'node:fs';
import * as path from 'node:path';
import type { CoursePack } from '../../core/courses/types';
import { buildTemplate, defaultFileName, starterBibliography, type TemplateFormat } from '../../core/templates/index';
import { formatOf } from '../../core/readers/format';
import { type CliCommand, type CliIO, UsageError } from '../command';
import { oneOf, parseCommandArgs } from '../args';
import { packsOption, packsUsage, readCliPacks } from '../packs';

const usage = [
  'Usage: writeup new proposal|report --course ID [--format md|tex] [--out FILE]',
  '                   [--author NAME]... [--title TITLE] [--project-type ID] [--packs FILE|DIR]...',
  '',
  'Creates a proposal or report for a course deliverable with every required section,',
  'and references.bib next to it when missing. Never overwrites an existing file.',
  '',
  'Options:',
  '  --course ID         course pack id (see writeup courses)',
  '  --format md|tex     Markdown (pandoc) or NeurIPS-style LaTeX; md by default',
  '  --out FILE          file to write; proposal.md, report.md, report.tex... by default',
  '  --author NAME       an author (repeat for a team)',
  '  --title TITLE       the title; a placeholder by default',
  '  --project-type ID   e.g. reading or research, where the course offers several',
  packsUsage(22),
].join('\n');

/** `writeup new`: a new writeup from a course pack (of `loadPacks` or `--packs`), made by the core's template builder. */
export function createNewCommand(loadPacks: () => readonly CoursePack[]): CliCommand {
  return {
    name: 'new',
    summary: 'create a proposal or report with the sections a course asks for',
    usage,
    run(args: readonly string[], io: CliIO): number {
      const { values, positionals } = parseCommandArgs(args, {
        course: { type: 'string' },
        format: { type: 'string' },
        out: { type: 'string' },
        author: { type: 'string', multiple: true },
        title: { type: 'string' },
        'project-type': { type: 'string' },
        ...packsOption,
      });
      const kind = positionals[0];
      if ((kind !== 'proposal' && kind !== 'report') || positionals.length > 1) {
        throw new UsageError('expected one of: new proposal, new report');
      }
      if (!values.course) throw new UsageError('--course ID is required');
      const asked = oneOf('format', values.format, ['md', 'tex']);
      // `--out report.tex` alone means LaTeX: Markdown written into a .tex file is read as LaTeX.
      const named = values.out !== undefined ? formatOf(values.out) : undefined;
      const format: TemplateFormat = asked === undefined ? (named ?? 'markdown') : asked === 'tex' ? 'latex' : 'markdown';
      if (named !== undefined && named !== format) {
        throw new UsageError(`--format ${asked ?? ''} writes ${format === 'latex' ? 'LaTeX' : 'Markdown'}, but --out ${values.out ?? ''} is a ${named === 'latex' ? 'LaTeX' : 'Markdown'} file name`);
      }
      const { packs } = readCliPacks(values.packs, io, loadPacks);
      const course = packs.find((p) => p.id === values.course);
      if (!course) throw new UsageError(`unknown course '${values.course}' (known: ${packs.map((p) => p.id).join(', ')})`);
      const result = buildTemplate({
        course,
        kind,
        format,
        ...(values.author ? { authors: values.author } : {}),
        ...(values.title !== undefined ? { title: values.title } : {}),
        ...(values['project-type'] !== undefined ? { projectType: values['project-type'] } : {}),
      });
      if (!result.ok) throw new UsageError(result.problem.message);
      const out = path.resolve(io.cwd, values.out ?? defaultFileName(kind, format));
      const shown = path.relative(io.cwd, out) || out;
      try {
        // 'wx' fails when the file exists: never overwrite a user's work.
        fs.writeFileSync(out, result.template.text, { encoding: 'utf8', flag: 'wx' });
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'EEXIST') throw new UsageError(`${shown} already exists; not overwriting it (choose another --out)`);
        if (code === 'ENOENT') throw new UsageError(`cannot write ${shown}: the folder ${path.relative(io.cwd, path.dirname(out)) || path.dirname(out)} does not exist`);
        if (code === 'EACCES' || code === 'EPERM') throw new UsageError(`cannot write ${shown}: permission denied`);
        throw new UsageError(`cannot write ${shown}: ${(error as Error).message}`);
      }
      const bib = path.join(path.dirname(out), 'references.bib');
      const createdBib = writeIfMissing(bib, starterBibliography(format));
      const { template } = result;
      const type = template.projectType ? `, ${template.projectType.id} project` : '';
      const sections = template.sections.map((s) => s.title).join(', ') || 'none required';
      io.stdout(`Created ${shown} (${course.id} ${kind}${type}; sections: ${sections})\n`);
      if (createdBib) io.stdout(`Created ${path.relative(io.cwd, bib) || bib}\n`);
      const others = (template.deliverable.projectTypes ?? []).filter((t) => t.id !== template.projectType?.id);
      if (values['project-type'] === undefined && others.length > 0) {
        io.stdout(`(for another project type: --project-type ${others.map((t) => t.id).join('|')})\n`);
      }
      return 0;
    },
  };
}

function writeIfMissing(file: string, text: string): boolean {
  try {
    fs.writeFileSync(file, text, { encoding: 'utf8', flag: 'wx' });
    return true;
  } catch {
    return false;
  }
}
