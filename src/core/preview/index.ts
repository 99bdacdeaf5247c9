/**
 * The side preview's HTML, built in the core and escaped here: render.ts assembles the page body
 * (markdownBody.ts, latexBody.ts, latexInline.ts, pageMarks.ts), citations.ts and resolve.ts cite
 * works, math.ts renders KaTeX, csp.ts wraps the body in a page with a strict policy.
 */
export { renderPreview, type PreviewHtml, type PreviewOptions } from './render';
export { renderPreviewPage } from './csp';
export { citationResolver } from './resolve';
