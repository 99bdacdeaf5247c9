import type { ExactPagesInput } from '../layout/exact/status';
import type { BibIndex } from '../bib/types';
import type { CoursePack } from '../courses/types';
import type { FileHost } from '../host';
import type { ImageSize } from '../layout/types';
import type { LintConfig } from '../lint/engine';
import type { Writeup, WriteupFormat } from '../model/writeup';

/** A writeup as a front end holds it: where it is and its current text. */
export interface WriteupDocument {
  /** Absolute path (or URI string for unsaved and virtual documents). */
  readonly file: string;
  readonly text: string;
  /** Forces a format; otherwise taken from the file name. */
  readonly format?: WriteupFormat;
}

/** What the user chose for a writeup outside the writeup itself (setting, command line). */
export interface AnalysisSettings {
  /** `writeup.course` or `--course`: used when the front matter names no course. */
  readonly course?: string;
  /** `--kind`: used when the front matter names no kind (before the file name's guess). */
  readonly kind?: string;
  /** `writeup.lint.rules` and rule options, or the command line's. */
  readonly lint?: Omit<LintConfig, 'ruleSet'>;
}

/** Image sizes for figures of one writeup, by the path written in it (relative to its folder). */
export type ImageSizeLookup = (path: string) => ImageSize | undefined;

/**
 * What the analysis asks of its front end. Each member is small and optional where the core
 * has a sensible default; the core itself does no I/O.
 */
export interface WriteupHost {
  /** Files for `\input` and similar (the editor: open buffers first, then disk). */
  readonly files: FileHost;
  /** Every known course pack (bundled and the user's). */
  readonly packs: () => readonly CoursePack[];
  /** Settings that apply to a writeup file; none by default. */
  readonly settings?: (file: string) => AnalysisSettings;
  /** Image sizes for a writeup's figures; without it figures take a default size. */
  readonly imageSize?: (writeupFile: string) => ImageSizeLookup | undefined;
  /** The bibliography of a writeup, when the host can read it synchronously (the CLI). */
  readonly bibliography?: (writeup: Writeup) => BibIndex | undefined;
}

/**
 * The page count of a compiled PDF, when one is known (see {@link WriteupServiceOptions.exactPages}):
 * content and total pages, PDF pages, how long the compile took, when it ran, and whether the
 * text is still the compiled one.
 */
export type ExactPages = ExactPagesInput;

/** How the pipeline reads a writeup: the readers by default. */
export type WriteupReader = (document: WriteupDocument, files: FileHost) => Writeup;

/** Steps a front end (or a later feature) may replace or add; each is one optional member. */
export interface WriteupServiceOptions {
  /** Replaces the read step (e.g. an incremental reader that reuses the last model). */
  readonly read?: WriteupReader;
  /**
   * The exact page count for a writeup when a fresh one is known (a background compile);
   * the counted pages then prefer it over the estimate.
   */
  readonly exactPages?: (writeup: Writeup) => ExactPages | undefined;
}
