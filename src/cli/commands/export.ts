import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseLatexLog, parsePandocMessages, type LogProblem } from '../../core/export/log';
import { missingToolMessage, planExport, type ExportPlan } from '../../core/export/plan';
import { type CliCommand, type CliIO, UsageError } from '../command';
import { parseCommandArgs } from '../args';
import { readTextFile } from '../readText';

const usage = [
  'Usage: writeup export [--out FILE.pdf] [--timeout SECONDS] [--no-latexmk] PATH',
  '',
  'Builds a PDF: Markdown through pandoc (citeproc, the NeurIPS-like template),',
  'LaTeX through latexmk (or pdflatex + bibtex). Prints problems as file:line: message.',
  '--no-latexmk runs pdflatex + bibtex + pdflatex twice even where latexmk is installed.',
  'Exit 0 when the PDF was written, 1 when the build failed, 2 on bad usage or a missing tool.',
].join('\n');

/** The pandoc template shipped in media/templates, found from the bundle or the sources. */
export function pandocTemplate(): string | undefined {
  for (let dir = __dirname, i = 0; i < 5; dir = path.dirname(dir), i++) {
    const candidate = path.join(dir, 'media', 'templates', 'writeup.latex');
    if (fs.existsSync(candidate)) return candidate;
  }
  return undefined;
}

/** `writeup export`: the same plan as the editor's Export PDF, run from a terminal. */
export const exportCommand: CliCommand = {
  name: 'export',
  summary: 'build a PDF of a writeup with pandoc or LaTeX',
  usage,
  run(args: readonly string[], io: CliIO): number {
    const { values, positionals } = parseCommandArgs(args, { out: { type: 'string' }, timeout: { type: 'string' }, 'no-latexmk': { type: 'boolean' } });
    if (positionals.length !== 1) throw new UsageError('expected one PATH (a .md or .tex writeup)');
    const file = path.resolve(io.cwd, positionals[0] ?? '');
    const format = file.endsWith('.tex') ? 'latex' : /\.(md|markdown)$/.test(file) ? 'markdown' : undefined;
    if (!format) throw new UsageError(`${positionals[0]} is neither Markdown (.md) nor LaTeX (.tex)`);
    if (!fs.existsSync(file) && !fs.lstatSync(file, { throwIfNoEntry: false })) throw new UsageError(`${positionals[0]} does not exist`);
    const read = readTextFile(file, positionals[0], true);
    if ('problem' in read) throw new UsageError(read.problem);
    if (read.warning) io.stderr(`writeup export: ${read.warning}\n`);
    const seconds = values.timeout === undefined ? 180 : Number(values.timeout);
    if (!(seconds > 0)) throw new UsageError('--timeout must be a positive number of seconds');
    const template = pandocTemplate();
    const request = {
      file,
      format,
      timeoutMs: seconds * 1000,
      ...(values.out ? { output: path.resolve(io.cwd, values.out) } : {}),
      ...(template ? { pandocTemplate: template } : {}),
      ...(values['no-latexmk'] ? { latexmk: false } : {}),
    } as const;
    let plan = planExport(request);
    let run = runPlan(plan);
    if (run.missing === 'latexmk') {
      plan = planExport({ ...request, latexmk: false });
      run = runPlan(plan);
    }
    if (run.missing) {
      io.stderr(`writeup export: ${missingToolMessage(run.missing)}\n`);
      return 2;
    }
    const problems = readProblems(plan, format, run.stderr, !run.ok);
    for (const p of problems) {
      const where = p.file ? path.relative(io.cwd, path.resolve(plan.steps[0]?.cwd ?? io.cwd, p.file)) : path.relative(io.cwd, file);
      io.stderr(`${where}${p.line !== undefined ? `:${p.line + 1}` : ''}: ${p.severity}: ${p.message}\n`);
    }
    if (!run.ok || !fs.existsSync(plan.output)) {
      if (run.timedOut) io.stderr(`writeup export: stopped after ${seconds} s\n`);
      else if (problems.length === 0) io.stderr(run.stderr);
      return 1;
    }
    io.stdout(`Wrote ${path.relative(io.cwd, plan.output) || plan.output}\n`);
    return 0;
  },
};

function runPlan(plan: ExportPlan): { ok: boolean; stderr: string; missing?: 'pandoc' | 'latexmk' | 'pdflatex' | 'bibtex'; timedOut?: boolean } {
  let stderr = '';
  for (const step of plan.steps) {
    const result = spawnSync(step.command, [...step.args], {
      cwd: step.cwd,
      shell: false,
      env: { ...process.env, ...step.env },
      timeout: step.timeoutMs,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    stderr += result.stderr ?? '';
    const error = result.error as NodeJS.ErrnoException | undefined;
    if (error?.code === 'ENOENT') return { ok: false, stderr, missing: step.tool };
    if (error?.code === 'ETIMEDOUT') return { ok: false, stderr, timedOut: true };
    if (result.status !== 0 && !step.mayFail) return { ok: false, stderr };
  }
  return { ok: true, stderr };
}

function readProblems(plan: ExportPlan, format: 'markdown' | 'latex', stderr: string, failed: boolean): LogProblem[] {
  if (format === 'markdown') return parsePandocMessages(stderr, failed);
  try {
    return plan.log ? parseLatexLog(fs.readFileSync(plan.log, 'utf8')).filter((p) => failed || p.severity === 'error') : [];
  } catch {
    return [];
  }
}
