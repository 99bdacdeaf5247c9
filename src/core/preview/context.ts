/** The preview's inputs, its output and the state one render carries (shared by the render files). */
import type { PageEstimate } from '../layout/types';
import { type MacroMap } from '../math/macros';
import type { Writeup } from '../model/writeup';
import { type CitationResolver } from './citations';

/** What the preview needs besides the writeup. Everything is optional. */
export interface PreviewOptions {
  /** Citation lookup (the .bib files, then the course packs). */
  readonly resolveCitation?: CitationResolver;
  /**
   * Turns a figure path as written into a URL the webview may load, or undefined to leave the
   * figure out (e.g. outside the workspace). Only plain paths are passed (no URL schemes).
   */
  readonly resolveImage?: (path: string) => string | undefined;
  /** The page estimate: a mark is drawn where each page ends. */
  readonly pages?: PageEstimate;
  /** The course's page limit: that page's end is marked in red. */
  readonly pageLimit?: number;
  /** Macros from the `writeup.math.macros` setting (the writeup's own are added). */
  readonly macros?: MacroMap;
  /** Every key of the writeup's bibliography, for `\nocite{*}` and pandoc's `nocite: '@*'`. */
  readonly allKeys?: () => Iterable<string>;
}

/** The rendered writeup. */
export interface PreviewHtml {
  /** HTML for the webview's body: every text escaped, no script, no inline handler. */
  readonly body: string;
  /** Keys cited, in order of first citation. */
  readonly citedKeys: readonly string[];
  /**
   * A LaTeX writeup's body in parts: `body` is `head`, a line end, `<article class="body">`, the
   * items joined by line ends, `</article>`, then `tail`. The panel sends only the items an edit changed.
   */
  readonly parts?: PreviewParts;
}

/** The parts of a rendered body (see PreviewHtml.parts). */
export interface PreviewParts {
  readonly head: string;
  /** One string per heading or block, page marks before the item they precede ('' where none). */
  readonly items: readonly string[];
  readonly tail: string;
}

/** One render's state: the writeup, options, macros, page ends still to mark and keys cited. */
export interface Context {
  readonly writeup: Writeup;
  readonly options: PreviewOptions;
  readonly macros: MacroMap;
  readonly breaks: { line: number; page: number }[];
  readonly cited: string[];
}
