import * as vscode from 'vscode';
import { createApi, type WriteupApi } from './api';
import { registerImportCourse } from './commands/importCourse';
import { registerNewWriteupCommands } from './commands/newWriteup';
import { registerSelectCourse } from './commands/selectCourse';
import { registerLintWorkspace } from './commands/lintWorkspace';
import { registerShowOutput } from './commands/showOutput';
import { registerBibDiagnostics } from './bibDiagnostics';
import { registerCitationCompletion } from './citationCompletion';
import { registerCitationDefinition } from './citationDefinition';
import { registerCitationHover } from './citationHover';
import { registerCitationReferences } from './citationReferences';
import { registerCodeActions } from './codeActions';
import { registerCourseStatus } from './courseStatus';
import { registerDiagnostics } from './diagnostics';
import { registerDocumentSymbols } from './documentSymbols';
import { createMarkdownItExtender } from './markdownItCitations';
import { registerMathHover } from './mathHover';
import { registerPageStatus } from './pageStatus';
import { ExactPagesService } from './exactPages';
import { registerPageBudget } from './pageBudget';
import { registerPreview } from './preview/openPreview';
import { host } from './host';
import { createServices } from './services';
import { registerTrustNotice } from './trust';

/**
 * Composition root: creates the shared services and registers one adapter per feature.
 * Nothing here reads a writeup: work waits for the first request that needs it.
 */
export function activate(context: vscode.ExtensionContext): WriteupApi & { extendMarkdownIt: ReturnType<typeof createMarkdownItExtender> } {
  const { api, markReady } = createApi();
  host.start(context);
  const services = createServices(context);
  context.subscriptions.push(services);
  context.subscriptions.push(registerShowOutput(services));
  context.subscriptions.push(registerNewWriteupCommands(services));
  context.subscriptions.push(registerSelectCourse(services), registerImportCourse(services));
  context.subscriptions.push(host.registerExportPdf(context, services.output));
  context.subscriptions.push(registerTrustNotice(services.output));
  // Feature registrations (each adds its own disposables):
  context.subscriptions.push(registerDocumentSymbols(services));
  context.subscriptions.push(registerMathHover(services));
  const exactPages = new ExactPagesService(services);
  context.subscriptions.push(exactPages);
  context.subscriptions.push(registerPreview(services, exactPages));
  const pageStatus = registerPageStatus(services, exactPages);
  context.subscriptions.push(pageStatus.disposable);
  const pageBudget = registerPageBudget(services, exactPages);
  context.subscriptions.push(pageBudget.disposable);
  context.subscriptions.push(registerCourseStatus(services));
  context.subscriptions.push(registerCitationCompletion(services), registerCitationHover(services), registerCitationDefinition(services), registerCitationReferences(services), registerBibDiagnostics(services));
  const lintDiagnostics = registerDiagnostics(services, exactPages);
  context.subscriptions.push(lintDiagnostics, registerCodeActions(lintDiagnostics), registerLintWorkspace(lintDiagnostics));
  // Files read in the background (web: figures, `\input`): check again with them.
  context.subscriptions.push(host.onDidReadFiles(() => lintDiagnostics.relintAll()));

  // Keep last: integration tests await `api.ready` (see src/vscode/api.ts).
  markReady();
  // `markdown.markdownItPlugins`: VS Code's Markdown preview calls this with its markdown-it.
  return Object.assign(api, {
    extendMarkdownIt: createMarkdownItExtender(services),
    exactPages: {
      stats: () => exactPages.stats(),
      input: (document: vscode.TextDocument) => exactPages.input(document),
      state: (document: vscode.TextDocument) => exactPages.state(document),
      onDidChange: exactPages.onDidChange,
    },
    pageBudget: (document: vscode.TextDocument) => pageBudget.budget.budget(document),
    pageBudgetShown: () => pageBudget.budget.visibleRows(),
    pageStatusShown: () => pageStatus.status.shown(),
    lintRuns: () => lintDiagnostics.runCounts,
  });
}

export function deactivate(): void {
  // Everything else is disposed through context.subscriptions; a compile still running is killed now.
  host.compiler?.killAll();
}
