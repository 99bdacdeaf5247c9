/*
 * The title block: title, author rows (or the anonymous submission block), abstract and the
 * `\thanks` notes at the foot of the first page.
 */
import type { Writeup } from '../model';
import { textWidth } from './fonts';
import { countTextLines } from './lineBreak';
import type { Pager } from './pager';
import { BODY, FONT, P, W } from './textBlock';

export function titleBlock(pager: Pager, writeup: Writeup, abstract: string | undefined): void {
  const { title, authors } = writeup.metadata;
  const t = P.title;
  const template = writeup.metadata.pageSetup?.template;
  // NeurIPS without `final` or `preprint` is a submission: an anonymous block instead of the authors,
  // unless a local copy of the style is final by default or has no anonymous block.
  const local = template?.local;
  const anonymous = writeup.format === 'latex' && template !== undefined && /^(neurips|nips)/i.test(template.name) && !template.options.some((o) => /^(final|preprint)$/.test(o)) && local?.finalByDefault !== true && local?.namesAuthors !== true;
  if (title !== undefined && title.trim() !== '') {
    const titleLines = Math.max(1, countTextLines(title, W, t.titleSize, 'bold'));
    let h = t.rules + titleLines * t.titleLeading;
    // Authors: one tabular each (name in bold), side by side while they fit (`\AND` starts a row), each starting with a 24pt strut.
    const rowsOfAuthors: number[] = [];
    let used = 0;
    for (const a of anonymous ? [] : authors) {
      const rows = a.lines ?? 1 + (a.affiliation ? a.affiliation.split(/\n|\\\\/).length : 0) + (a.email ? 1 : 0);
      // The widest line: a multi-line block's affiliation lines were joined with ", ".
      const affiliation = a.lines !== undefined ? (a.affiliation ?? '').split(', ') : [a.affiliation ?? ''];
      const width = Math.max(textWidth(a.name, 'bold'), ...affiliation.map((l) => textWidth(l)), (a.email ?? '').length * 0.525) * 10 + 2 * t.tabColSep;
      if (rowsOfAuthors.length === 0 || used + width > W || a.newRow === true) {
        rowsOfAuthors.push(rows);
        used = width;
      } else {
        rowsOfAuthors[rowsOfAuthors.length - 1] = Math.max(rowsOfAuthors[rowsOfAuthors.length - 1] ?? 0, rows);
        used += width + 10;
      }
    }
    // The anonymous block has four lines; with no \author at all the tabular still holds its strut.
    if (anonymous) rowsOfAuthors.push(4);
    else if (rowsOfAuthors.length === 0 && writeup.format === 'latex') rowsOfAuthors.push(1);
    for (const rows of rowsOfAuthors) h += t.authorStrut + (rows - 1) * t.authorRow + 3.3;
    h += t.afterAuthors;
    pager.y += h;
    pager.used.title += h;
  }
  if (abstract !== undefined && abstract.trim() !== '') {
    const n = countTextLines(abstract, (W - 2 * t.abstractMargin) / FONT);
    const h = t.abstractBefore + t.abstractHeading + 0.5 * P.ex + P.topSep + n * BODY + P.topSep + P.ex;
    pager.y += h;
    pager.used.title += h;
    // The abstract is a quote (a list): its skips above and below shrink with the page.
    pager.shrinkable(P.shrink.abstract, P.stretch.abstract);
  }
  // `\thanks` notes stand at the foot of the first page (not in a submission).
  const f = P.footnote;
  const thanks = anonymous ? [] : authors.flatMap((a) => a.thanks ?? []);
  if (thanks.length > 0) pager.footnote(thanks.reduce((h, note) => h + Math.max(1, countTextLines(note, W - f.markBox, f.size)) * f.leading, 0) - f.leading + f.sep + f.depth);
}
