import * as vscode from 'vscode';
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
}

export function createServices(context: vscode.ExtensionContext): Services {
  const output = vscode.window.createOutputChannel('Research Writeup', { log: true });
  const documents = new WriteupDocuments();
  const courses = new CourseService(documents, output);
  const bib = new BibService(documents);
  return {
    context,
    documents,
    output,
    courses,
    bib,
    dispose() {
      bib.dispose();
      courses.dispose();
      documents.dispose();
      output.dispose();
    },
  };
}
