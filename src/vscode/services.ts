import * as vscode from 'vscode';
import type { AnalyzeExtras, ExactPages, WriteupAnalysis, WriteupService } from '../core/analysis/index';
import { editorService } from './analysisHost';
import { BibService } from './bib';
import { CourseService } from './courses';
import { WriteupDocuments } from './documents';

/** State shared by the feature adapters. */
export interface Services extends vscode.Disposable {
  readonly context: vscode.ExtensionContext;
  readonly documents: WriteupDocuments;
  readonly output: vscode.OutputChannel;
  /** Course packs (bundled and the workspace's) and the course of each writeup. */
  readonly courses: CourseService;
  /** The writeups' bibliographies (.bib files), parsed lazily and cached per version. */
  readonly bib: BibService;
  /** The analysis pipeline (src/core/analysis) over the editor's host. */
  readonly analysis: WriteupService;
  /** A document analysed at its current version: course, team size, page limit, pages, diagnostics. */
  analyze(document: vscode.TextDocument, extras?: AnalyzeExtras): WriteupAnalysis;
  /** Plugs in the background compile: a fresh exact page count for a writeup's file (see src/vscode/exactPages.ts). */
  useExactPages(provider: (file: string) => ExactPages | undefined): void;
}

export function createServices(context: vscode.ExtensionContext): Services {
  const output = vscode.window.createOutputChannel('Research Writeup', { log: true });
  // The packs are asked for on each analysis, so the service can exist before the courses do.
  const late: { courses?: CourseService; exactPages?: (file: string) => ExactPages | undefined } = {};
  const analysis = editorService(
    () => late.courses?.all() ?? [],
    (file) => late.exactPages?.(file),
  );
  const documents = new WriteupDocuments(analysis);
  const courses = new CourseService(documents, output, analysis);
  late.courses = courses;
  const bib = new BibService(documents);
  return {
    context,
    documents,
    output,
    courses,
    bib,
    analysis,
    // The bibliography parsed so far when the caller has none (the status bar's pages set the reference list from it).
    analyze: (document, extras) => analysis.analyzeWriteup(documents.get(document), extras?.bib !== undefined ? extras : { ...extras, bib: bib.parsedFor(document) }),
    useExactPages: (provider) => {
      late.exactPages = provider;
    },
    dispose() {
      bib.dispose();
      courses.dispose();
      documents.dispose();
      output.dispose();
    },
  };
}
