// The analysis engine (readers, lint, page estimate), loaded when the editor first reads a
// writeup (see ../lazy/index.ts): activation registers providers and listeners without it.
export { createWriteupService } from '../analysis/index';
export { ReaderSessions } from '../readers/incremental';
