/**
 * KaTeX sizes glyphs with `style` attributes, which the CSP (no 'unsafe-inline') blocks. They move
 * to `data-style` and media/preview.js applies them through the CSSOM, which the CSP allows.
 * Text is escaped before this runs, so `style="` can only occur inside a tag; the change is local
 * to each tag, so moving the styles of the parts of a page one by one gives the same page.
 */
export function moveInlineStyles(html: string): string {
  return html.replace(/ style="/g, ' data-style="');
}
