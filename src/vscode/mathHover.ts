import * as vscode from 'vscode';
import { MathHoverProvider } from '../core/features/mathHover';
import { macrosFromSetting } from '../core/math/macros';
import { fromVsPosition, toVsRange } from './convert';
import { host, type MathRenderer } from './host';
import { base64OfText } from './host/common';
import type { Services } from './services';

/** Pixels per ex of an editor font size (MathJax's ex is half an em). */
const exPerEm = 0.5;

/** Formula colour for the current theme: hover images cannot inherit the text colour. */
function themeColor(): string {
  const kind = vscode.window.activeColorTheme.kind;
  if (kind === vscode.ColorThemeKind.Dark) return '#d4d4d4';
  if (kind === vscode.ColorThemeKind.HighContrast) return '#ffffff';
  return '#1f1f1f';
}

/**
 * Hover on math in Markdown and LaTeX: the formula rendered to SVG (MathJax in a worker thread,
 * started on the first hover), or the TeX error as text.
 */
export function registerMathHover(services: Services): vscode.Disposable {
  const core = new MathHoverProvider();
  let renderer: MathRenderer | undefined;
  const provider: vscode.HoverProvider = {
    async provideHover(document, position, token) {
      if (!services.documents.isWriteup(document)) return undefined;
      const writeup = services.documents.get(document);
      const config = vscode.workspace.getConfiguration('writeup.math', document.uri);
      const info = core.provide(writeup, fromVsPosition(position), macrosFromSetting(config.get('macros')));
      if (!info) return undefined;
      const fontSize = vscode.workspace.getConfiguration('editor', document.uri).get<number>('fontSize') ?? 14;
      const result = await rendererFor().render({
        tex: info.tex,
        display: info.display,
        ...(info.environment !== undefined ? { environment: info.environment } : {}),
        macros: info.macros,
        color: themeColor(),
        exPixels: fontSize * exPerEm * (info.display ? 1.2 : 1.1),
      });
      if (token.isCancellationRequested) return undefined;
      const markdown = new vscode.MarkdownString(undefined, false);
      markdown.isTrusted = false;
      if (result.ok) {
        markdown.appendMarkdown(`![math](data:image/svg+xml;base64,${base64OfText(result.svg)})`);
      } else {
        markdown.appendMarkdown(vscode.l10n.t('**TeX error**'));
        markdown.appendCodeblock(result.error, 'text');
      }
      return new vscode.Hover(markdown, toVsRange(info.math.range));
    },
  };
  const rendererFor = (): MathRenderer => (renderer ??= host.mathRenderer(services.context));
  // Load MathJax when the cursor first enters math, so the first hover does not wait for it.
  let warmed = false;
  const warmer = vscode.window.onDidChangeTextEditorSelection((e) => {
    const document = e.textEditor.document;
    if (warmed || !services.documents.isWriteup(document)) return;
    const position = e.selections[0]?.active;
    if (position && core.provide(services.documents.get(document), fromVsPosition(position))) {
      warmed = true;
      rendererFor().warm();
    }
  });
  const registration = vscode.languages.registerHoverProvider(
    [{ language: 'markdown' }, { language: 'latex' }],
    provider,
  );
  return {
    dispose() {
      registration.dispose();
      warmer.dispose();
      renderer?.dispose();
    },
  };
}
