/**
 * Plans a PDF export as argument arrays (no shell, no string concatenation of commands):
 * Markdown through pandoc with citeproc and the project's LaTeX template, LaTeX through latexmk,
 * or pdflatex + bibtex + pdflatex twice when latexmk is not installed. Pure: the adapter runs it.
 */
import { basenameOf as basename, dirname } from '../text/paths';

/** Executables to run; each defaults to its name on PATH. */
export interface ExportTools {
  readonly pandoc?: string;
  readonly latexmk?: string;
  readonly pdflatex?: string;
  readonly bibtex?: string;
}

export interface ExportRequest {
  /** Absolute path of the writeup (`.md` or `.tex`). */
  readonly file: string;
  readonly format: 'markdown' | 'latex';
  /** Absolute path of the PDF; next to the writeup with a `.pdf` extension when absent. */
  readonly output?: string;
  /** Absolute path of the pandoc LaTeX template (Markdown only). */
  readonly pandocTemplate?: string;
  readonly tools?: ExportTools;
  /** Whether latexmk is available (LaTeX only); pdflatex + bibtex otherwise. */
  readonly latexmk?: boolean;
  /** Per-step time limit in milliseconds. */
  readonly timeoutMs?: number;
  /** LaTeX only: the file pdflatex runs instead of the writeup (a wrapper that `\input`s it). */
  readonly entry?: string;
  /** LaTeX only: options added to every pdflatex run (e.g. `-synctex=-1`). */
  readonly latexOptions?: readonly string[];
  /** LaTeX only: stop at the first error (the default); false lets pdflatex go on as far as it can. */
  readonly haltOnError?: boolean;
}

/** One process to run. */
export interface ExportStep {
  /** Which tool this is, for messages ("pandoc", "latexmk", "pdflatex", "bibtex"). */
  readonly tool: 'pandoc' | 'latexmk' | 'pdflatex' | 'bibtex';
  readonly command: string;
  readonly args: readonly string[];
  readonly cwd: string;
  /** Extra environment variables. */
  readonly env?: Readonly<Record<string, string>>;
  /** A failing step that does not stop the export (bibtex without citations). */
  readonly mayFail?: boolean;
  readonly timeoutMs: number;
}

export interface ExportPlan {
  readonly steps: readonly ExportStep[];
  /** The PDF the steps write. */
  readonly output: string;
  /** The LaTeX log to read for errors (LaTeX only; pandoc reports on stderr). */
  readonly log?: string;
}

/** Default per-step time limit: a long report with many figures still fits. */
export const DEFAULT_TIMEOUT_MS = 180_000;

/** Plans the export of `request.file`. */
export function planExport(request: ExportRequest): ExportPlan {
  const dir = dirname(request.file);
  const output = request.output ?? replaceExtension(request.file, '.pdf');
  const timeoutMs = request.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const tools = request.tools ?? {};
  if (request.format === 'markdown') {
    const args = [
      basename(request.file),
      '--from=markdown',
      '--to=latex',
      '--standalone',
      '--citeproc',
      '--pdf-engine=pdflatex',
      `--resource-path=${dir}`,
      ...(request.pandocTemplate ? [`--template=${request.pandocTemplate}`] : []),
      `--output=${output}`,
    ];
    return { steps: [{ tool: 'pandoc', command: tools.pandoc || 'pandoc', args, cwd: dir, timeoutMs }], output };
  }
  const outDir = dirname(output);
  const job = basename(replaceExtension(output, ''));
  const source = basename(request.file);
  const log = join(outDir, `${job}.log`);
  if (request.latexmk !== false) {
    const args = ['-pdf', '-interaction=nonstopmode', '-halt-on-error', '-file-line-error', `-outdir=${outDir}`, `-jobname=${job}`, source];
    return { steps: [{ tool: 'latexmk', command: tools.latexmk || 'latexmk', args, cwd: dir, timeoutMs }], output, log };
  }
  const pdflatex: ExportStep = {
    tool: 'pdflatex',
    command: tools.pdflatex || 'pdflatex',
    args: ['-interaction=nonstopmode', ...(request.haltOnError === false ? [] : ['-halt-on-error']), '-file-line-error', ...(request.latexOptions ?? []), `-output-directory=${outDir}`, `-jobname=${job}`, request.entry ?? source],
    cwd: dir,
    timeoutMs,
  };
  // bibtex runs where the .aux is (TeX Live refuses to write to absolute paths) and finds the
  // .bib and .bst next to the writeup through BIBINPUTS and BSTINPUTS.
  const bibtex: ExportStep = {
    tool: 'bibtex',
    command: tools.bibtex || 'bibtex',
    args: [job],
    cwd: outDir,
    env: { BIBINPUTS: `${dir}${pathListSeparator(dir)}`, BSTINPUTS: `${dir}${pathListSeparator(dir)}` },
    mayFail: true,
    timeoutMs,
  };
  return { steps: [pdflatex, bibtex, pdflatex, pdflatex], output, log };
}

/** What to tell a user whose machine lacks `tool`. */
export function missingToolMessage(tool: ExportStep['tool'], setting?: string): string {
  const where = setting ? ` (or set ${setting} to its path)` : '';
  if (tool === 'pandoc') return `Exporting Markdown needs pandoc and LaTeX: install pandoc (https://pandoc.org/installing.html) and a TeX distribution (TeX Live, MacTeX or MiKTeX)${where}.`;
  if (tool === 'latexmk') return `latexmk was not found: install it with your TeX distribution (TeX Live, MacTeX or MiKTeX)${where}.`;
  return `${tool} was not found: install a TeX distribution (TeX Live, MacTeX or MiKTeX) that provides ${tool}${where}.`;
}

function separatorOf(path: string): string {
  return path.includes('\\') && !path.includes('/') ? '\\' : '/';
}

function pathListSeparator(path: string): string {
  return /^[A-Za-z]:[\\/]/.test(path) ? ';' : ':';
}

function join(dir: string, name: string): string {
  const sep = separatorOf(dir);
  return dir.endsWith(sep) ? `${dir}${name}` : `${dir}${sep}${name}`;
}

function replaceExtension(path: string, ext: string): string {
  const name = basename(path);
  const dot = name.lastIndexOf('.');
  return dot > 0 ? `${path.slice(0, path.length - name.length + dot)}${ext}` : `${path}${ext}`;
}
