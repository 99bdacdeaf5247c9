// The analysis engine (readers, lint, page estimate), loaded when the editor first reads a
// writeup (see ../lazy/index.ts): activation registers providers and listeners without it.
export { createWriteupService } from '../analysis/index';
export { ReaderSessions } from '../readers/incremental';
// What the Markdown preview takes from the reader: its tree, and the reader for a title's text.
export { readWriteup } from '../readers/index';
export { markdownTreeOf } from '../readers/markdown/tree';
export { layoutLines } from '../readers/markdown/blocks';
export { PandocInlineScanner } from '../readers/pandocInline';
