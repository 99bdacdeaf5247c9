import * as vscode from 'vscode';
import { formatReferenceCsl } from '../core/bib/format';
import { basenameOf } from '../core/text/paths';
import { CitationHoverProvider } from '../core/features/citationHover';
import { citationMarkdown, escapeMarkdown } from '../core/features/citationShared';
import { citationSourcesFor, writeupSelector } from './citationSources';
import { fromVsPosition, toVsRange } from './convert';
import type { Services } from './services';

/** How long a hover waits for the CSL (citation-js) reference before showing the plain one. */
const CSL_WAIT_MS = 300;

/** Hover on a citation: the reference (plain text, escaped: nothing from the .bib is markup), source, links. */
class CitationHoverAdapter implements vscode.HoverProvider {
  private readonly provider = new CitationHoverProvider();

  constructor(private readonly services: Services) {}

  async provideHover(document: vscode.TextDocument, position: vscode.Position, token: vscode.CancellationToken): Promise<vscode.Hover | undefined> {
    if (!this.services.documents.isWriteup(document)) return undefined;
    const writeup = this.services.documents.get(document);
    if (!writeup.citations.some((c) => c.range.start.line === position.line)) return undefined;
    const sources = await citationSourcesFor(this.services, document);
    if (token.isCancellationRequested) return undefined;
    const hover = this.provider.provide(writeup, fromVsPosition(position), sources);
    if (!hover) return undefined;
    let text: string;
    if (hover.info) {
      const plain = hover.info.reference;
      const reference = await Promise.race([
        formatReferenceCsl(hover.info.data),
        new Promise<string>((resolve) => setTimeout(() => resolve(plain), CSL_WAIT_MS)),
      ]);
      if (token.isCancellationRequested) return undefined;
      text = citationMarkdown(hover.info, reference);
      if (!hover.defined) text += `\n\n*Not in your .bib yet:* ${escapeMarkdown(`choose it from the completion list or use the quick fix to add it`)}`;
    } else {
      const target = this.services.bib.targetFor(document);
      text = escapeMarkdown(`Unknown citation key '${hover.key}': it is not in ${target ? basenameOf(target) : 'the bibliography'} nor in a course reading list.`);
    }
    const md = new vscode.MarkdownString(text, false);
    md.isTrusted = false;
    md.supportHtml = false;
    return new vscode.Hover(md, toVsRange(hover.range));
  }
}

/** Registers the citation hover. */
export function registerCitationHover(services: Services): vscode.Disposable {
  return vscode.languages.registerHoverProvider(writeupSelector, new CitationHoverAdapter(services));
}
