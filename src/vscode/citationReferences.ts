import * as vscode from 'vscode';
import { CitationReferencesProvider } from '../core/features/citationReferences';
import type { Writeup } from '../core/model/writeup';
import { isBib, uriOfPath } from './bib';
import { writeupSelector } from './citationSources';
import { fromVsPosition, toVsRange } from './convert';
import { host } from './host';
import type { Services } from './services';

/** Find all references of a citation key: every citation of it in the workspace's writeups. */
class CitationReferencesAdapter implements vscode.ReferenceProvider {
  private readonly provider = new CitationReferencesProvider();

  constructor(private readonly services: Services) {}

  async provideReferences(
    document: vscode.TextDocument,
    position: vscode.Position,
    context: vscode.ReferenceContext,
    token: vscode.CancellationToken,
  ): Promise<vscode.Location[] | undefined> {
    let key: string | undefined;
    if (isBib(document)) {
      const bib = await this.services.bib.file(host.pathOf(document.uri));
      key = bib && this.provider.keyInBib(bib, fromVsPosition(position));
    } else if (this.services.documents.isWriteup(document)) {
      key = this.provider.keyInWriteup(this.services.documents.get(document), fromVsPosition(position));
    }
    if (!key) return undefined;
    const writeups = await this.workspaceWriteups(document, token);
    if (token.isCancellationRequested) return undefined;
    const bib = !isBib(document) && context.includeDeclaration ? await this.services.bib.forDocument(document) : undefined;
    const locations = this.provider.provide(key, writeups, bib ? { bib } : {});
    if (isBib(document) && context.includeDeclaration) {
      const own = (await this.services.bib.file(host.pathOf(document.uri)))?.entries.find((e) => e.key === key);
      if (own) locations.unshift({ file: host.pathOf(document.uri), range: own.keyRange });
    }
    return locations.map((l) => new vscode.Location(uriOfPath(l.file), toVsRange(l.range)));
  }

  /** Open writeups (their unsaved text) and the workspace's other .md/.tex files from disk. */
  private async workspaceWriteups(document: vscode.TextDocument, token: vscode.CancellationToken): Promise<Writeup[]> {
    const out: Writeup[] = [];
    const seen = new Set<string>();
    for (const d of vscode.workspace.textDocuments) {
      if (this.services.documents.isWriteup(d) && !isBib(d)) {
        out.push({ ...this.services.documents.get(d), file: host.isLocal(d.uri) ? host.pathOf(d.uri) : d.uri.toString() });
        seen.add(d.uri.toString());
      }
    }
    if (!seen.has(document.uri.toString()) && !isBib(document)) out.push(this.services.documents.get(document));
    const uris = await vscode.workspace.findFiles('**/*.{md,tex}', '**/node_modules/**', 500, token);
    for (const uri of uris) {
      if (seen.has(uri.toString()) || token.isCancellationRequested) continue;
      const text = await host.readText(host.pathOf(uri));
      if (text === undefined) continue;
      // Cheap skip: files that cite nothing cannot refer to the key.
      if (!/[@\\]/.test(text)) continue;
      out.push(this.services.analysis.read({ file: host.pathOf(uri), text }));
    }
    return out;
  }
}

/** Registers find-all-references for citations (in writeups and .bib files). */
export function registerCitationReferences(services: Services): vscode.Disposable {
  return vscode.languages.registerReferenceProvider([...(writeupSelector as vscode.DocumentFilter[]), { language: 'bibtex' }], new CitationReferencesAdapter(services));
}
