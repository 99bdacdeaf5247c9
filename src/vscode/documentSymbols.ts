import * as vscode from 'vscode';
import { DocumentSymbolProvider, type OutlineSymbol } from '../core/features/documentSymbols';
import { toVsRange } from './convert';
import type { Services } from './services';

/**
 * LaTeX always; Markdown only where VS Code's own Markdown outline is missing (two providers
 * would show every heading twice in the Outline view).
 */
function selector(): vscode.DocumentSelector {
  const builtInMarkdownOutline = vscode.extensions.getExtension('vscode.markdown-language-features') !== undefined;
  return builtInMarkdownOutline ? [{ language: 'latex' }] : [{ language: 'latex' }, { language: 'markdown' }];
}

function toSymbol(s: OutlineSymbol): vscode.DocumentSymbol {
  const symbol = new vscode.DocumentSymbol(s.name, s.detail, s.level <= 1 ? vscode.SymbolKind.Module : vscode.SymbolKind.Namespace, toVsRange(s.range), toVsRange(s.selectionRange));
  symbol.children = s.children.map(toSymbol);
  return symbol;
}

/** The Outline view and breadcrumbs for writeups: sections nested by level, from the core model. */
export function registerDocumentSymbols(services: Services): vscode.Disposable {
  const provider = new DocumentSymbolProvider();
  return vscode.languages.registerDocumentSymbolProvider(
    selector(),
    {
      provideDocumentSymbols(document, token) {
        if (token.isCancellationRequested || !services.documents.isWriteup(document)) return undefined;
        return provider.provide(services.documents.get(document)).map(toSymbol);
      },
    },
    { label: 'Research Writeup' },
  );
}
