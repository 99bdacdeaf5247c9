export { compileExact, exactTools, DEFAULT_EXACT_TIMEOUT_MS, type ExactHost, type ExactOutcome, type ExactRequest, type StepResult } from './compile';
export { wrapperSource } from './hooks';
export { parseExactLog, plainTitle, isReferencesHeading, isAppendixHeading, type ExactLog, type LogMark, type TextBlock } from './log';
export { measureCompile, pagePosition, type ExactMeasure, type ExactSection } from './measure';
export { parseSyncTex, normalizeSyncPath, type SyncPage, type SyncTexSummary } from './synctex';
export { sectionBudget, type BudgetSection } from './budget';
export { shownPages, exactStatusText, type ExactPagesInput, type PagePair, type ShownPages } from './status';
