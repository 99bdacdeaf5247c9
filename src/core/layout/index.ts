export { estimatePages, parseWidth } from './estimate';
export { inlineMathWidth, displayMathRowsHeight } from './mathBox';
export { NEURIPS } from './neurips';
export type { EstimateOptions, ImageSize, PageBreak, PageBreakdown, PageEstimate } from './types';
export { pageStatusText, NEAR_LIMIT, type LimitLevel } from './status';
