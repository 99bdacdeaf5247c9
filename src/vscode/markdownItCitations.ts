import type MarkdownIt from 'markdown-it';
import * as vscode from 'vscode';
import { type CitationResolver, markdownItCitations } from '../core/preview/citations';
import { previewInputs } from './preview/resolvers';
import type { Services } from './services';

/**
 * `extendMarkdownIt` for VS Code's built-in Markdown preview (`markdown.markdownItPlugins`):
 * pandoc citations `[@key]` render author-year from the document's .bib and course packs.
 * markdown-it renders synchronously, so bibliographies are loaded in the background and the
 * preview is refreshed once they are known.
 */
export function createMarkdownItExtender(services: Services): (md: MarkdownIt) => MarkdownIt {
  const resolvers = new Map<string, CitationResolver>();
  const loading = new Set<string>();
  const load = (uri: vscode.Uri): void => {
    const key = uri.toString();
    if (loading.has(key)) return;
    loading.add(key);
    void (async () => {
      try {
        const document = await vscode.workspace.openTextDocument(uri);
        resolvers.set(key, (await previewInputs(services, document)).resolveCitation);
        await vscode.commands.executeCommand('markdown.preview.refresh');
      } catch {
        // No bibliography: citations keep showing their keys.
      } finally {
        loading.delete(key);
      }
    })();
  };
  // A changed .bib or document gives a fresh lookup on the next render.
  services.context.subscriptions.push(
    vscode.workspace.onDidSaveTextDocument((d) => {
      if (d.languageId === 'bibtex' || d.fileName.endsWith('.bib')) resolvers.clear();
      else resolvers.delete(d.uri.toString());
    }),
  );
  return (md) => {
    markdownItCitations(md, {
      resolve: (env) => {
        const current = (env as { currentDocument?: unknown } | undefined)?.currentDocument;
        if (!(current instanceof vscode.Uri)) return undefined;
        const hit = resolvers.get(current.toString());
        if (!hit) load(current);
        return hit;
      },
    });
    return md;
  };
}
