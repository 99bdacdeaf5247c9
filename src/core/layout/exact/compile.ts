/**
 * Runs one background compile for an exact page count, through an injected host that owns the
 * processes and the temporary folder: plans the steps with the Export PDF plan (pandoc to LaTeX
 * for Markdown, then pdflatex on a wrapper with measuring hooks, bibtex when the .aux asks for
 * it, pdflatex again as the log asks), reads the log and SyncTeX, and measures. Never writes next
 * to the writeup: every output goes to the host's temporary folder, removed at the end.
 */

import { parseLatexLog, parsePandocMessages, type LogProblem } from '../../export/log';
import { missingToolMessage, planExport, type ExportStep, type ExportTools } from '../../export/plan';
import { basenameOf as basename, dirname } from '../../text/paths';
import { wrapperSource } from './hooks';
import { parseExactLog } from './log';
import { measureCompile, type ExactMeasure } from './measure';
import { normalizeSyncPath, parseSyncTex } from './synctex';

/** Default time limit for the whole compile, in milliseconds. */
export const DEFAULT_EXACT_TIMEOUT_MS = 60_000;

/** What to compile. */
export interface ExactRequest {
  /** Absolute path of the writeup (`.md` or `.tex`), as saved on disk. */
  readonly file: string;
  readonly format: 'markdown' | 'latex';
  /** Absolute path of the pandoc LaTeX template (Markdown). */
  readonly pandocTemplate?: string;
  readonly tools?: ExportTools;
  /** Time limit for the whole compile in milliseconds. */
  readonly timeoutMs?: number;
}

/** How one process ended. */
export interface StepResult {
  /** Exit code; null when killed. */
  readonly code: number | null;
  readonly stderr: string;
  /** The executable was not found. */
  readonly missing?: boolean;
  readonly timedOut?: boolean;
  readonly cancelled?: boolean;
}

/** What a compile needs from its host; the Node host spawns without a shell and kills the process group on abort. */
export interface ExactHost {
  /** Whether `command` can be run (on PATH or an existing file). Nothing is spawned when it cannot. */
  available(command: string): Promise<boolean>;
  /** A new empty folder outside the workspace. */
  makeTempDir(): Promise<string>;
  writeFile(path: string, text: string): Promise<void>;
  /** Text of a file, or undefined when absent. */
  readFile(path: string): Promise<string | undefined>;
  removeDir(path: string): Promise<void>;
  /** Runs `step` (argv, cwd, env, at low priority), killing it at `step.timeoutMs` or when `signal` aborts. */
  run(step: ExportStep, signal: AbortSignal): Promise<StepResult>;
  /** Milliseconds, for compileMs. */
  now(): number;
}

/** The result of one compile. */
export type ExactOutcome =
  | { readonly status: 'ok'; readonly measure: ExactMeasure; readonly compileMs: number; readonly errors: readonly LogProblem[] }
  | { readonly status: 'failed'; readonly errors: readonly LogProblem[]; readonly compileMs: number }
  | { readonly status: 'missing'; readonly tool: ExportStep['tool']; readonly message: string }
  | { readonly status: 'timeout'; readonly compileMs: number }
  | { readonly status: 'cancelled' };

/** Lines pdflatex may wrap: the hooks' log lines must stay whole. */
const LOG_ENV = { max_print_line: '100000', error_line: '254', half_error_line: '238' };

const rerunHint = /Rerun to get|Label\(s\) may have changed|There were undefined references/;

/** The executables a request runs, for the availability check. */
export function exactTools(request: ExactRequest): { tool: ExportStep['tool']; command: string }[] {
  const tools = request.tools ?? {};
  const latex = [{ tool: 'pdflatex' as const, command: tools.pdflatex || 'pdflatex' }];
  return request.format === 'markdown' ? [{ tool: 'pandoc', command: tools.pandoc || 'pandoc' }, ...latex] : latex;
}

/** Compiles `request.file` in a fresh temporary folder and measures its pages. */
export async function compileExact(request: ExactRequest, host: ExactHost, signal: AbortSignal): Promise<ExactOutcome> {
  for (const t of exactTools(request)) {
    if (!(await host.available(t.command))) return { status: 'missing', tool: t.tool, message: missingToolMessage(t.tool) };
  }
  if (signal.aborted) return { status: 'cancelled' };
  const started = host.now();
  const deadline = started + (request.timeoutMs ?? DEFAULT_EXACT_TIMEOUT_MS);
  const dir = await host.makeTempDir();
  try {
    return await compileIn(dir, request, host, signal, started, deadline);
  } finally {
    await host.removeDir(dir);
  }
}

async function compileIn(dir: string, request: ExactRequest, host: ExactHost, signal: AbortSignal, started: number, deadline: number): Promise<ExactOutcome> {
  const sep = dir.includes('\\') && !dir.includes('/') ? '\\' : '/';
  const job = basename(request.file).replace(/\.[^.]+$/, '') || 'writeup';
  const wrapper = `${dir}${sep}writeup-exact-wrapper.tex`;
  const sourceDir = dirname(request.file);
  let texFile = request.file;
  let input = basename(request.file);
  const remaining = (): number => Math.max(1, deadline - host.now());
  const run = async (step: ExportStep): Promise<StepResult | ExactOutcome> => {
    if (signal.aborted) return { status: 'cancelled' };
    const result = await host.run({ ...step, timeoutMs: Math.min(step.timeoutMs, remaining()) }, signal);
    if (result.cancelled || signal.aborted) return { status: 'cancelled' };
    if (result.timedOut) return { status: 'timeout', compileMs: host.now() - started };
    if (result.missing) return { status: 'missing', tool: step.tool, message: missingToolMessage(step.tool) };
    return result;
  };
  const isOutcome = (r: StepResult | ExactOutcome): r is ExactOutcome => 'status' in r;

  if (request.format === 'markdown') {
    texFile = `${dir}${sep}${job}.tex`;
    input = `${job}.tex`;
    const pandoc = planExport({
      file: request.file,
      format: 'markdown',
      output: texFile,
      ...(request.pandocTemplate ? { pandocTemplate: request.pandocTemplate } : {}),
      ...(request.tools ? { tools: request.tools } : {}),
    }).steps[0];
    if (!pandoc) return { status: 'failed', errors: [], compileMs: 0 };
    const r = await run(pandoc);
    if (isOutcome(r)) return r;
    if (r.code !== 0) return { status: 'failed', errors: firstError(parsePandocMessages(r.stderr, true)), compileMs: host.now() - started };
  }
  await host.writeFile(wrapper, wrapperSource(input));
  const plan = planExport({
    file: texFile,
    format: 'latex',
    output: `${dir}${sep}${job}.pdf`,
    latexmk: false,
    entry: wrapper,
    latexOptions: ['-synctex=-1'],
    haltOnError: false,
    ...(request.tools ? { tools: request.tools } : {}),
  });
  const [latexStep, bibtexStep] = plan.steps;
  if (!latexStep || !bibtexStep) return { status: 'failed', errors: [], compileMs: 0 };
  // Markdown's LaTeX sits in the temporary folder; its images stay beside the .md.
  const texInputs = request.format === 'markdown' ? { TEXINPUTS: `${sourceDir}${sourceDir.includes('\\') ? ';' : ':'}` } : {};
  const latex: ExportStep = { ...latexStep, env: { ...latexStep.env, ...LOG_ENV, ...texInputs } };
  const logPath = plan.log ?? `${dir}${sep}${job}.log`;
  let result = await run(latex);
  if (isOutcome(result)) return result;
  const aux = (await host.readFile(`${dir}${sep}${job}.aux`)) ?? '';
  let log = (await host.readFile(logPath)) ?? '';
  if (/\\bibdata\{/.test(aux)) {
    const b = await run(bibtexStep);
    if (isOutcome(b)) return b;
    for (let i = 0; i < 2; i++) {
      result = await run(latex);
      if (isOutcome(result)) return result;
    }
    log = (await host.readFile(logPath)) ?? '';
  } else {
    for (let i = 0; i < 2 && rerunHint.test(log); i++) {
      result = await run(latex);
      if (isOutcome(result)) return result;
      log = (await host.readFile(logPath)) ?? '';
    }
  }
  const compileMs = host.now() - started;
  const errors = firstError(parseLatexLog(log));
  const parsed = parseExactLog(log);
  if (parsed.pdfPages === 0) return { status: 'failed', errors, compileMs };
  const mainPath = normalizeSyncPath(texFile);
  const synctex = await host.readFile(`${dir}${sep}${job}.synctex`);
  const sync = synctex === undefined || !parsed.block ? undefined : parseSyncTex(synctex, parsed.block, (p) => sameFile(p, mainPath, sourceDir));
  const measure = measureCompile(parsed, sync);
  if (!measure) return { status: 'failed', errors, compileMs };
  // Markdown's SyncTeX lines are the intermediate LaTeX's, not the writeup's.
  return { status: 'ok', measure: request.format === 'markdown' ? { ...measure, pageBreaks: [] } : measure, compileMs, errors };
}

/** Whether SyncTeX's `path` (absolute, or relative to the compile's folder) names `main`. */
function sameFile(path: string, main: string, sourceDir: string): boolean {
  if (path === main) return true;
  const dir = normalizeSyncPath(sourceDir);
  return normalizeSyncPath(`${dir}/${path}`) === main || path === basename(main);
}

/** The first error only: later ones usually follow from it. */
function firstError(problems: readonly LogProblem[]): LogProblem[] {
  const e = problems.find((p) => p.severity === 'error');
  return e ? [e] : [];
}
