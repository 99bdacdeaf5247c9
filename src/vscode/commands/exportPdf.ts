import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { parseLatexLog, parsePandocMessages, type LogProblem } from '../../core/export/log';
import { missingToolMessage, planExport, type ExportPlan, type ExportStep } from '../../core/export/plan';
import { documentFormat } from '../documentFormat';

/** What `writeup.exportPdf` accepts from tests and automation. */
export interface ExportPdfArgs {
  /** The writeup to export (URI or URI string); the active editor's by default. */
  readonly uri?: vscode.Uri | string;
  /** Absolute path of the PDF; next to the writeup by default. */
  readonly output?: string;
  /** Whether to open the PDF beside the editor; true by default. */
  readonly open?: boolean;
}

/** What the command returns: the PDF when it was made, and the problems found. */
export interface ExportPdfResult {
  readonly ok: boolean;
  readonly output?: string;
  readonly problems: readonly LogProblem[];
  /** Why nothing ran or what failed, in one line. */
  readonly message?: string;
}

interface StepOutcome {
  readonly code: number | null;
  readonly stderr: string;
  readonly missing?: boolean;
  readonly cancelled?: boolean;
  readonly timedOut?: boolean;
}

/**
 * `writeup.exportPdf`: Markdown through pandoc (citeproc, the project's template), LaTeX through
 * latexmk or pdflatex + bibtex. Processes run without a shell and with a time limit; errors go
 * to the output channel and, where the log names a line, to diagnostics. Trusted workspaces only.
 */
export function registerExportPdf(context: vscode.ExtensionContext, output: vscode.OutputChannel): vscode.Disposable {
  const diagnostics = vscode.languages.createDiagnosticCollection('writeup-export');
  const command = vscode.commands.registerCommand('writeup.exportPdf', (args?: ExportPdfArgs) =>
    exportPdf(context, output, diagnostics, args ?? {}),
  );
  return vscode.Disposable.from(diagnostics, command);
}

async function exportPdf(
  context: vscode.ExtensionContext,
  output: vscode.OutputChannel,
  diagnostics: vscode.DiagnosticCollection,
  args: ExportPdfArgs,
): Promise<ExportPdfResult> {
  const fail = (message: string): ExportPdfResult => {
    void vscode.window.showErrorMessage(vscode.l10n.t('Writeup: {0}', message));
    return { ok: false, problems: [], message };
  };
  if (!vscode.workspace.isTrusted) return fail('Export runs pandoc and LaTeX, so it waits until you trust this workspace.');
  const uri = typeof args.uri === 'string' ? vscode.Uri.parse(args.uri) : args.uri ?? vscode.window.activeTextEditor?.document.uri;
  if (!uri) return fail('Open a Markdown or LaTeX writeup to export.');
  if (uri.scheme !== 'file') return fail('Export works on files saved on disk.');
  const document = await vscode.workspace.openTextDocument(uri);
  const format = documentFormat(document);
  if (!format) return fail('Export works on Markdown (.md) and LaTeX (.tex) writeups.');
  if (document.isDirty) await document.save();

  const config = vscode.workspace.getConfiguration('writeup', uri);
  const tools = {
    pandoc: config.get<string>('pandocPath') || 'pandoc',
    latexmk: config.get<string>('latexmkPath') || 'latexmk',
  };
  const timeoutMs = Math.max(10, config.get<number>('export.timeoutSeconds') ?? 180) * 1000;
  const request = {
    file: uri.fsPath,
    format,
    tools,
    timeoutMs,
    pandocTemplate: context.asAbsolutePath(path.join('media', 'templates', 'writeup.latex')),
    ...(args.output ? { output: args.output } : {}),
  } as const;
  diagnostics.clear();
  output.appendLine(`Exporting ${uri.fsPath}`);

  const result = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Writeup: exporting {0} to PDF', path.basename(uri.fsPath)), cancellable: true },
    async (progress, token) => {
      let plan = planExport(request);
      let outcome = await runPlan(plan, output, progress, token);
      if (outcome.missing === 'latexmk') {
        output.appendLine('latexmk not found: using pdflatex + bibtex');
        plan = planExport({ ...request, latexmk: false });
        outcome = await runPlan(plan, output, progress, token);
      }
      return { plan, ...outcome };
    },
  );

  if (result.cancelled) {
    output.appendLine('Export cancelled');
    return { ok: false, problems: [], message: 'cancelled' };
  }
  if (result.missing) {
    const setting = result.missing === 'pandoc' ? 'writeup.pandocPath' : result.missing === 'latexmk' ? 'writeup.latexmkPath' : undefined;
    const message = missingToolMessage(result.missing, setting);
    output.appendLine(message);
    void vscode.window.showErrorMessage(message);
    return { ok: false, problems: [], message };
  }
  const problems = readProblems(result.plan, format, result.stderr, !result.ok);
  showDiagnostics(diagnostics, uri, result.plan, problems);
  if (!result.ok || !existsSync(result.plan.output)) {
    const first = problems.find((p) => p.severity === 'error');
    const message = result.timedOut
      ? `Export stopped after ${timeoutMs / 1000} s (writeup.export.timeoutSeconds).`
      : `Export failed${first ? `: ${first.message}` : ''}. See the output for details.`;
    output.appendLine(message);
    // Not awaited: the command returns its result while the message waits for the user.
    void vscode.window.showErrorMessage(vscode.l10n.t('Writeup: {0}', message), vscode.l10n.t('Show Output')).then((choice) => {
      if (choice === vscode.l10n.t('Show Output')) output.show(true);
    });
    return { ok: false, problems, message };
  }
  output.appendLine(`Wrote ${result.plan.output}`);
  if (args.open !== false) {
    await vscode.commands.executeCommand('vscode.open', vscode.Uri.file(result.plan.output), { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true });
  }
  return { ok: true, output: result.plan.output, problems };
}

/** Runs the steps in order; stops at the first failing step that may not fail. */
async function runPlan(
  plan: ExportPlan,
  output: vscode.OutputChannel,
  progress: vscode.Progress<{ message?: string; increment?: number }>,
  token: vscode.CancellationToken,
): Promise<{ ok: boolean; stderr: string; missing?: ExportStep['tool']; cancelled?: boolean; timedOut?: boolean }> {
  let stderr = '';
  for (const [i, step] of plan.steps.entries()) {
    progress.report({ message: `${step.tool} (${i + 1}/${plan.steps.length})`, increment: i === 0 ? 0 : 100 / plan.steps.length });
    output.appendLine(`$ ${step.command} ${step.args.join(' ')}  (in ${step.cwd})`);
    const outcome = await runStep(step, output, token);
    stderr += outcome.stderr;
    if (outcome.cancelled) return { ok: false, stderr, cancelled: true };
    if (outcome.missing) return { ok: false, stderr, missing: step.tool };
    if (outcome.timedOut) return { ok: false, stderr, timedOut: true };
    if (outcome.code !== 0 && !step.mayFail) return { ok: false, stderr };
  }
  return { ok: true, stderr };
}

function runStep(step: ExportStep, output: vscode.OutputChannel, token: vscode.CancellationToken): Promise<StepOutcome> {
  return new Promise((resolve) => {
    let stderr = '';
    let settled = false;
    let timedOut = false;
    const child = spawn(step.command, [...step.args], {
      cwd: step.cwd,
      shell: false,
      windowsHide: true,
      env: { ...process.env, ...step.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const finish = (outcome: StepOutcome): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      cancel.dispose();
      resolve(outcome);
    };
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill();
    }, step.timeoutMs);
    const cancel = token.onCancellationRequested(() => {
      child.kill();
      finish({ code: null, stderr, cancelled: true });
    });
    child.stdout.on('data', (chunk: Buffer) => output.append(chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => {
      const text = chunk.toString();
      stderr += text;
      output.append(text);
    });
    child.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') finish({ code: null, stderr, missing: true });
      else {
        output.appendLine(`${step.command}: ${error.message}`);
        finish({ code: null, stderr: `${stderr}${error.message}\n` });
      }
    });
    child.on('close', (code) => finish({ code, stderr, ...(timedOut ? { timedOut } : {}) }));
  });
}

function readProblems(plan: ExportPlan, format: 'markdown' | 'latex', stderr: string, failed: boolean): LogProblem[] {
  if (format === 'markdown') return parsePandocMessages(stderr, failed);
  if (!plan.log) return [];
  try {
    return parseLatexLog(readFileSync(plan.log, 'utf8'));
  } catch {
    return [];
  }
}

/** Problems become diagnostics at their source line; those without a file go on the writeup. */
function showDiagnostics(collection: vscode.DiagnosticCollection, uri: vscode.Uri, plan: ExportPlan, problems: readonly LogProblem[]): void {
  const cwd = plan.steps[0]?.cwd ?? path.dirname(uri.fsPath);
  const byFile = new Map<string, vscode.Diagnostic[]>();
  for (const problem of problems) {
    const file = problem.file ? path.resolve(cwd, problem.file) : uri.fsPath;
    // Only files the user writes; package files under the TeX tree are not theirs to fix.
    if (!file.startsWith(cwd)) continue;
    const line = Math.max(0, problem.line ?? 0);
    const diagnostic = new vscode.Diagnostic(
      new vscode.Range(line, 0, line, 1000),
      problem.message,
      problem.severity === 'error' ? vscode.DiagnosticSeverity.Error : vscode.DiagnosticSeverity.Warning,
    );
    diagnostic.source = 'writeup export';
    const list = byFile.get(file) ?? [];
    list.push(diagnostic);
    byFile.set(file, list);
  }
  for (const [file, list] of byFile) collection.set(vscode.Uri.file(file), list);
}
