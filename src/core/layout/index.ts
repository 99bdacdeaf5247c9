/**
 * The page layout: how many pages a writeup takes when compiled, estimated without compiling
 * (`estimatePages`), and the status text shown against a page limit. One file a job:
 *
 * - `estimate.ts` walks the body in source order and reports pages, breaks and the breakdown;
 * - `pager.ts` fills pages as TeX does (floats, footnotes, widows and orphans, forced breaks);
 * - `blocks.ts` places each kind of block, `heading.ts` headings, `title.ts` the title block;
 * - `paragraph.ts` breaks paragraphs into lines, `citations.ts` sizes their citations,
 *   `lineBreak.ts`, `fonts.ts` and `mathBox.ts` measure words and math;
 * - `figures.ts` and `imageSize.ts` size figures and their images, `captions.ts` their captions,
 *   `pictures.ts` TikZ and forest pictures in the text, `length.ts` TeX lengths;
 * - `context.ts` holds the per-writeup lookups (the estimate reads the model only, never the source text);
 * - `profile.ts`, `neurips.ts` and `textBlock.ts` are the page: template profiles, the style's
 *   constants, the text block of the estimate under way;
 * - `exact/` counts the pages of a real background compile instead.
 */
export { estimatePages } from './estimate';
export { parseWidth } from './blocks';
export { inlineMathWidth, displayMathRowsHeight } from './mathBox';
export { NEURIPS } from './neurips';
export type { EstimateBibliography, EstimateOptions, ImageSize, PageBreak, PageBreakdown, PageEstimate } from './types';
export { pageStatusText, NEAR_LIMIT, type LimitLevel } from './status';
