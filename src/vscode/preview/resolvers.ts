import type * as vscode from 'vscode';
import type { WriteupAnalysis } from '../../core/analysis/index';
import type { BibIndex } from '../../core/bib/types';
import type { CitationResolver } from '../../core/preview/citations';
import { citationResolver } from '../../core/preview/resolve';
import type { Services } from '../services';

/** A document analysed with its bibliography, and its citation lookup for the preview. */
export async function previewInputs(services: Services, document: vscode.TextDocument): Promise<{ analysis: WriteupAnalysis; resolveCitation: CitationResolver }> {
  let bib: BibIndex | undefined;
  try {
    bib = await services.bib.forDocument(document);
  } catch {
    bib = undefined;
  }
  const analysis = services.analyze(document, { bib });
  return { analysis, resolveCitation: citationResolver(bib, analysis.course, analysis.packs) };
}
