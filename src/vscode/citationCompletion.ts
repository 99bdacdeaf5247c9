import * as vscode from 'vscode';
import { planAddPaper } from '../core/bib/bibtex';
import { formatReferenceCsl } from '../core/bib/format';
import type { CoursePaper } from '../core/courses/types';
import { CitationCompletionProvider, citationContextAt, type CitationCompletionItem } from '../core/features/citationCompletion';
import { citationMarkdown } from '../core/features/citationShared';
import type { Range } from '../core/model/range';
import { uriOfPath } from './bib';
import { citationSourcesFor, writeupSelector } from './citationSources';
import { fromVsPosition, toVsPosition, toVsRange } from './convert';
import type { Services } from './services';
import { documentFormat } from './documents';

/** The command run when a course paper that is not in the .bib is chosen. */
export const ADD_CITATION_COMMAND = 'writeup.addCitationToBib';

/** Arguments of {@link ADD_CITATION_COMMAND}. */
export interface AddCitationArgs {
  readonly uri: string;
  /** Document version when the item was offered: the prefix range is only trusted at that version. */
  readonly version: number;
  /** The typed prefix and its range, replaced by the key. */
  readonly prefix: string;
  readonly range: Range;
  readonly paper: CoursePaper;
  readonly packId: string;
}

/** A completion item that remembers its core item (for resolve). */
class CitationItem extends vscode.CompletionItem {
  constructor(readonly core: CitationCompletionItem) {
    super({ label: core.label, description: core.detail }, vscode.CompletionItemKind.Reference);
  }
}

function markdown(text: string): vscode.MarkdownString {
  const md = new vscode.MarkdownString(text, false);
  md.isTrusted = false;
  md.supportHtml = false;
  return md;
}

/**
 * Citation completion in Markdown and LaTeX writeups. A course paper that is not in the .bib
 * inserts nothing by itself: its command applies ONE WorkspaceEdit that writes the key and
 * appends the BibTeX entry, so a single undo takes both back.
 */
class CitationCompletionAdapter implements vscode.CompletionItemProvider<CitationItem> {
  private readonly provider = new CitationCompletionProvider();

  constructor(private readonly services: Services) {}

  async provideCompletionItems(
    document: vscode.TextDocument,
    position: vscode.Position,
    token: vscode.CancellationToken,
  ): Promise<vscode.CompletionList<CitationItem> | undefined> {
    if (!this.services.documents.isWriteup(document)) return undefined;
    // The format from the language (not the reader): most requests stop at the context check below.
    const format = documentFormat(document) ?? 'markdown';
    const text = document.getText();
    // Cheap check first: most keystrokes are not in a citation.
    if (!citationContextAt(text, format, fromVsPosition(position))) return undefined;
    const sources = await citationSourcesFor(this.services, document);
    if (token.isCancellationRequested) return undefined;
    const { file, bibItems } = this.services.documents.get(document);
    const list = this.provider.provide({ text, format, file, ...(bibItems ? { bibItems } : {}) }, fromVsPosition(position), sources);
    if (!list) return undefined;
    const items = list.items.map((core) => {
      const item = new CitationItem(core);
      item.detail = core.detail;
      item.documentation = markdown(citationMarkdown(core.documentation));
      item.filterText = core.filterText;
      item.sortText = core.sortText;
      item.range = toVsRange(core.range);
      if (core.addToBib) {
        // The edit is made by the command (one WorkspaceEdit with the .bib append): keep the typed text as it is.
        item.insertText = list.context.prefix;
        const args: AddCitationArgs = {
          uri: document.uri.toString(),
          version: document.version,
          prefix: list.context.prefix,
          range: core.range,
          paper: core.addToBib.paper,
          packId: core.addToBib.pack.id,
        };
        item.command = { command: ADD_CITATION_COMMAND, title: vscode.l10n.t('Add to the bibliography'), arguments: [args] };
      } else {
        item.insertText = core.insertText;
      }
      return item;
    });
    return new vscode.CompletionList(items, list.isIncomplete);
  }

  async resolveCompletionItem(item: CitationItem, token: vscode.CancellationToken): Promise<CitationItem> {
    const reference = await formatReferenceCsl(item.core.documentation.data);
    if (!token.isCancellationRequested) item.documentation = markdown(citationMarkdown(item.core.documentation, reference));
    return item;
  }
}

/**
 * Adds a course paper to the writeup's bibliography and cites it: one WorkspaceEdit that replaces
 * the typed prefix with the key, appends the entry to the .bib (its open buffer when open; the file
 * is created when missing) and adds `bibliography:` to the front matter when it names none.
 */
export async function addCitationToBib(services: Services, args: AddCitationArgs): Promise<boolean> {
  const uri = vscode.Uri.parse(args.uri);
  const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === args.uri) ?? (await vscode.workspace.openTextDocument(uri));
  const range = toVsRange(args.range);
  if (document.getText(range) !== args.prefix) return false;
  const target = services.bib.targetFor(document);
  if (!target) {
    void vscode.window.showWarningMessage(vscode.l10n.t('Save the writeup first: its bibliography (references.bib) goes beside it.'));
    return false;
  }
  const bibText = await services.bib.textOf(target);
  const plan = planAddPaper(services.documents.get(document), target, bibText, args.paper);
  const edit = new vscode.WorkspaceEdit();
  const bibUri = uriOfPath(target);
  if (plan.createBibFile) edit.createFile(bibUri, { ignoreIfExists: true });
  edit.replace(document.uri, range, plan.key);
  for (const e of plan.edits) {
    const editUri = e.file === undefined ? document.uri : uriOfPath(e.file);
    edit.replace(editUri, new vscode.Range(toVsPosition(e.range.start), toVsPosition(e.range.end)), e.newText);
  }
  const wasOpen = vscode.workspace.textDocuments.some((d) => d.uri.toString() === bibUri.toString());
  const applied = await vscode.workspace.applyEdit(edit);
  // A .bib nobody has open would stay as an unsaved hidden buffer: save it so builds see the entry.
  if (applied && !wasOpen) await (await vscode.workspace.openTextDocument(bibUri)).save();
  return applied;
}

/** Registers citation completion and its accept command. */
export function registerCitationCompletion(services: Services): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.languages.registerCompletionItemProvider(writeupSelector, new CitationCompletionAdapter(services), '@', '{', ','),
    vscode.commands.registerCommand(ADD_CITATION_COMMAND, (args: AddCitationArgs) => addCitationToBib(services, args)),
  );
}
