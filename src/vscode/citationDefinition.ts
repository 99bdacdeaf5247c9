import * as vscode from 'vscode';
import { createBibIndex } from '../core/bib/index';
import { CitationDefinitionProvider } from '../core/features/citationDefinition';
import { citationAt } from '../core/features/citationShared';
import { uriOfPath } from './bib';
import { writeupSelector } from './citationSources';
import { fromVsPosition, toVsRange } from './convert';
import type { Services } from './services';

/** Go to definition: a citation key -> its entry in the .bib. */
class CitationDefinitionAdapter implements vscode.DefinitionProvider {
  private readonly provider = new CitationDefinitionProvider();

  constructor(private readonly services: Services) {}

  async provideDefinition(document: vscode.TextDocument, position: vscode.Position, token: vscode.CancellationToken): Promise<vscode.LocationLink[] | undefined> {
    if (!this.services.documents.isWriteup(document)) return undefined;
    const writeup = this.services.documents.get(document);
    const bib = await this.services.bib.forDocument(document);
    if (token.isCancellationRequested) return undefined;
    let location = this.provider.provide(writeup, fromVsPosition(position), bib);
    // Not in the writeup's own bibliography: any .bib of the workspace (indexed on first need).
    if (!location && citationAt(writeup, fromVsPosition(position))) {
      const files = await this.services.bib.workspaceFiles();
      if (token.isCancellationRequested) return undefined;
      location = this.provider.provide(writeup, fromVsPosition(position), createBibIndex(files));
    }
    if (!location) return undefined;
    return [
      {
        originSelectionRange: toVsRange(location.originRange),
        targetUri: uriOfPath(location.file),
        targetRange: toVsRange(location.entryRange),
        targetSelectionRange: toVsRange(location.range),
      },
    ];
  }
}

/** Registers go to definition for citations. */
export function registerCitationDefinition(services: Services): vscode.Disposable {
  return vscode.languages.registerDefinitionProvider(writeupSelector, new CitationDefinitionAdapter(services));
}
