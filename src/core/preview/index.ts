/**
 * The side preview's HTML, built in the core and escaped here: render.ts assembles the page body
 * (markdownBody.ts, latexBody.ts, latexInline.ts, pageMarks.ts), citations.ts and resolve.ts cite
 * works, math.ts renders KaTeX, csp.ts wraps the body in a page with a strict policy. A LaTeX
 * body is rendered from the reader's model alone (its running-text pieces of paragraphs, headings,
 * captions, list items, table cells and environments): the preview reads no LaTeX itself.
 */
export { renderPreview, type PreviewHtml, type PreviewOptions } from './render';
export { renderPreviewPage } from './csp';
export { citationResolver } from './resolve';
