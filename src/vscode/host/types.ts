import type * as vscode from 'vscode';
import type { FileHost } from '../../core/host';
import type { ExactHost } from '../../core/layout/exact';
import type { ImageSize } from '../../core/layout/types';
import type { SvgRequest, SvgResult } from '../../core/math/render';

/** Renders formulas off the extension host's thread (a worker thread on the desktop, a Web Worker on the web). */
export interface MathRenderer {
  /** Starts the worker ahead of the first hover. */
  warm(): void;
  /** Renders one formula; never rejects (errors and timeouts are results). */
  render(request: SvgRequest): Promise<SvgResult>;
  dispose(): void;
}

/**
 * What differs between the desktop (Node extension host) and the web (web-worker extension host:
 * vscode.dev, github.dev, Codespaces in a browser). Adapters ask here instead of importing Node
 * built-ins; the desktop build binds `./node`, the browser build `./web` (scripts/build.mjs).
 *
 * Paths: the core works on path strings. On the desktop they are file system paths; on the web they
 * are the `path` of the workspace's URIs (`vscode-vfs://github/o/r/report.md` -> `/o/r/report.md`),
 * mapped back through the workspace folder the path lies in.
 */
export interface Host {
  /** `node` on the desktop, `web` in a browser's extension host. */
  readonly kind: 'node' | 'web';
  /** Called once at activation (the web host learns where its lazily loaded chunks are). */
  start(context: vscode.ExtensionContext): void;
  /** True for documents whose neighbours (.bib, figures, `\input`) can be read by path. */
  isLocal(uri: vscode.Uri): boolean;
  /** The core's path for a URI. */
  pathOf(uri: vscode.Uri): string;
  /** The URI of a core path (or of a URI string). */
  uriOf(path: string): vscode.Uri;
  /**
   * Files for the core's synchronous readers (`\input`): open editors first, then the disk. On the
   * web a file not read yet answers undefined and is fetched in the background (see onDidReadFiles).
   */
  readonly files: FileHost;
  /** Fires when files asked for synchronously have arrived (web only): estimates and lint run again. */
  readonly onDidReadFiles: vscode.Event<void>;
  /** The text of a file (open editor first); undefined when it cannot be read. */
  readText(path: string): Promise<string | undefined>;
  /** A change stamp of a file on disk; undefined when it does not exist. */
  stamp(path: string): Promise<string | undefined>;
  /** Whether a file is known to exist now (open, on disk, or read before on the web). */
  exists(path: string): boolean;
  /** The page estimator's image-size callback for a writeup at `writeupPath` (figures inside `roots`; default its folder). */
  imageSizes(writeupPath: string, roots?: readonly string[]): (imagePath: string) => ImageSize | undefined;
  /** The math renderer of this host (MathJax in a worker). */
  mathRenderer(context: vscode.ExtensionContext): MathRenderer;
  /** Background compiles for the exact page count: processes on the desktop; undefined on the web (no TeX there). */
  readonly compiler: ExactCompiler | undefined;
  /** Registers `writeup.exportPdf`: the real export on the desktop, a "needs the desktop" answer on the web. */
  registerExportPdf(context: vscode.ExtensionContext, output: vscode.OutputChannel): vscode.Disposable;
}

/** Runs the exact page count's compile steps (see src/node/exactHost.ts). */
export interface ExactCompiler {
  readonly host: ExactHost;
  /** Process ids of the compiles still running. */
  running(): number[];
  /** Kills every compile still running (deactivation). */
  killAll(): void;
}
