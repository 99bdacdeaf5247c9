/**
 * The analysis pipeline, assembled once for every front end (editor diagnostics, status bar,
 * preview, CLI, tests): text -> reader -> model -> course, deliverable, team size, page limit,
 * bibliography, page estimate and diagnostics. It owns how those parts are joined; front ends
 * give it a {@link WriteupHost} (files, packs, settings, image sizes, bibliography) and only
 * convert and display what {@link WriteupAnalysis} holds. Syntax stays in readers/, rules in
 * lint/, the page model in layout/.
 */
import type { BibIndex } from '../bib/types';
import type { Writeup } from '../model/writeup';
import { readWriteup } from '../readers/index';
import { WriteupAnalysis } from './analysis';
import type { WriteupDocument, WriteupHost, WriteupReader, WriteupServiceOptions } from './host';

export { WriteupAnalysis, type PagesSource } from './analysis';
export type { AnalysisSettings, ExactPages, ImageSizeLookup, WriteupDocument, WriteupHost, WriteupReader, WriteupServiceOptions } from './host';

/** What the front end already has for one analysis (e.g. the editor's bibliography, read asynchronously). */
export interface AnalyzeExtras {
  readonly bib?: BibIndex | undefined;
}

/** The pipeline for one host. */
export interface WriteupService {
  /** Reads a document into the model (the readers, or the reader given to the factory). */
  read(document: WriteupDocument): Writeup;
  /** Reads and analyses a document. */
  analyze(document: WriteupDocument, extras?: AnalyzeExtras): WriteupAnalysis;
  /** Analyses a model the front end already read (e.g. from its per-version cache). */
  analyzeWriteup(writeup: Writeup, extras?: AnalyzeExtras): WriteupAnalysis;
}

/** The readers, following `\input` through the host's files. */
export const defaultReader: WriteupReader = (document, files) =>
  readWriteup(document.text, { file: document.file, host: files, ...(document.format ? { format: document.format } : {}) });

/**
 * Creates the pipeline for a host. `options.read` replaces the read step and
 * `options.exactPages` adds a compiled page count; everything else is the host's.
 */
export function createWriteupService(host: WriteupHost, options: WriteupServiceOptions = {}): WriteupService {
  const read = options.read ?? defaultReader;
  const service: WriteupService = {
    read: (document) => read(document, host.files),
    analyze: (document, extras = {}) => service.analyzeWriteup(service.read(document), extras),
    analyzeWriteup: (writeup, extras = {}) => new WriteupAnalysis(writeup, host, options, extras),
  };
  return service;
}
