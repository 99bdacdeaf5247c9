import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { estimatePages } from '../../../src/core/layout';
import { captionStyles } from '../../../src/core/layout/captions';
import { readWriteup } from '../../../src/core/readers';
import { prose } from './model';

describe('captionStyles', () => {
  test('without the caption package captions are 10pt on 10.95pt (`\\@xipt`), 7pt from the float', () => {
    assert.deepEqual(captionStyles('\\usepackage{graphicx}'), { figure: { size: 10, leading: 10.95, skip: 7 }, table: { size: 10, leading: 10.95, skip: 7 } });
  });

  test('package options and \\captionsetup set the font size and the skip; [figure] and [table] only their kind', () => {
    const s = captionStyles('\\usepackage[font=small,labelfont=bf,skip=4pt]{caption}\n\\captionsetup[table]{font=scriptsize}\n\\captionsetup[sub]{font=large}');
    assert.deepEqual(s.figure, { size: 9, leading: 10, skip: 4 });
    assert.deepEqual(s.table, { size: 7, leading: 8, skip: 4 });
    assert.deepEqual(captionStyles('\\usepackage{caption}\n\\captionsetup{font={footnotesize,it}}').figure, { size: 9, leading: 10, skip: 7 });
    assert.deepEqual(captionStyles('\\captionsetup{size=small}\n\\captionsetup{size=normalsize, aboveskip=2ex}').figure, { size: 10, leading: 10.95, skip: 9 });
  });
});

describe('captions in the page estimate', () => {
  // Figures of half the measure, away from a placement tip: at 0.4 of it the page gains 1pt from
  // \topskip, 5pt less skip a caption then places the figures differently (2.89 -> 2.64 pages in
  // all) and the placement, not the skip, decides the difference.
  const doc = (preamble: string): ReturnType<typeof readWriteup> => {
    const figures = Array.from({ length: 6 }, (_, i) => `\\begin{figure}[t]\n\\centering\n\\includegraphics[width=0.5\\linewidth]{a.png}\n\\caption{${prose(90, i + 3)}}\n\\end{figure}`).join('\n\n');
    return readWriteup(`\\documentclass{article}\n\\usepackage[final]{neurips_2024}\n\\usepackage{graphicx}\n${preamble}\n\\begin{document}\n${prose(200, 1)}\n\n${figures}\n\n${prose(200, 2)}\n\\end{document}\n`, { file: '/w/r.tex' });
  };
  const size = { imageSize: () => ({ width: 400, height: 300 }) };

  test('small captions (font=small) take less room than the style\'s 10pt ones, by line and by leading', () => {
    const plain = estimatePages(doc(''), size).breakdown.figures;
    const small = estimatePages(doc('\\usepackage[font=small]{caption}'), size).breakdown.figures;
    // Six captions of 90 words: about 5 lines of 11pt against 5 of 10pt or fewer, at least 6pt a caption.
    assert.ok((plain - small) * 648 > 36, `${plain} vs ${small}`);
  });

  test('skip= sets the room between a figure and its caption', () => {
    const seven = estimatePages(doc('\\usepackage{caption}'), size).breakdown.figures;
    const two = estimatePages(doc('\\usepackage[skip=2pt]{caption}'), size).breakdown.figures;
    assert.ok(Math.abs((seven - two) * 648 - 6 * 5) < 0.5, `${seven} vs ${two}`);
  });
});
