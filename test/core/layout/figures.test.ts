import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { naturalSize } from '../../../src/node/imageSize';
import { estimatePages } from '../../../src/core/layout';
import { figureBodyHeight, type FigureContext } from '../../../src/core/layout/figures';
import { geometryBlock, profileOf } from '../../../src/core/layout/profile';
import type { FileHost } from '../../../src/core/host';
import type { FigureBlock } from '../../../src/core/model';
import { readWriteup } from '../../../src/core/readers';

const FIGURES = join(__dirname, '../../fixtures/calibration/figures');
const W = 5.5 * 72.27;

function figureOf(tex: string, host?: FileHost): FigureBlock {
  const w = readWriteup(`\\documentclass{article}\n\\usepackage{neurips_2024}\n\\graphicspath{{img/}}\n\\begin{document}\n${tex}\n\\end{document}\n`, { file: '/w/report.tex', ...(host ? { host } : {}) });
  const f = w.blocks.find((b) => b.type === 'figure');
  assert.ok(f && f.type === 'figure');
  return f;
}

function ctx(sizes: Record<string, { width: number; height: number }>, notes: string[] = []): FigureContext {
  return { width: W, height: 9 * 72.27, baselineSkip: 11, captionSkip: 7, imageSize: (p) => sizes[p], graphicsPath: ['img/'], defaultAspect: 0.62, capNatural: false, notes };
}

describe('LaTeX figures with parts', () => {
  test('subfigures keep their own images, widths relative to the box, and subcaptions', () => {
    const f = figureOf('\\begin{figure}\n\\begin{subfigure}{0.48\\textwidth}\\includegraphics[width=\\linewidth]{a}\\caption{Left.}\\end{subfigure}\\hfill\n\\begin{subfigure}{0.48\\textwidth}\\includegraphics[width=0.5\\linewidth]{b.png}\\caption{Right.}\\end{subfigure}\n\\caption{Both.}\n\\end{figure}');
    assert.equal(f.parts?.length, 2);
    assert.deepEqual(f.parts?.map((p) => [p.path, p.box, p.boxWidth, p.caption]), [['a', 0, '0.48\\textwidth', 'Left.'], ['b.png', 1, '0.48\\textwidth', 'Right.']]);
    // Side by side: the row is as tall as the taller box (square a at 0.48W), not the sum.
    const h = figureBodyHeight(f, ctx({ 'img/a.png': { width: 100, height: 100 }, 'img/b.png': { width: 100, height: 100 } }));
    assert.ok(Math.abs(h - (0.48 * W + 11 + 4)) < 1, `row height ${h}`);
  });

  test('a \\\\ starts a new row; \\resizebox sets the width with the ratio kept', () => {
    const f = figureOf('\\begin{figure}\n\\includegraphics[width=0.3\\linewidth]{a}\n\\includegraphics[width=0.3\\linewidth]{a}\\\\\n\\resizebox{0.5\\textwidth}{!}{\\includegraphics{b}}\n\\caption{Grid.}\n\\end{figure}');
    assert.deepEqual(f.parts?.map((p) => p.newRow === true), [false, false, true]);
    const h = figureBodyHeight(f, ctx({ 'img/a.pdf': { width: 100, height: 50 }, 'img/b.pdf': { width: 200, height: 100 } }));
    assert.ok(Math.abs(h - (0.3 * W * 0.5 + 2 + 0.5 * W * 0.5)) < 1, `two rows ${h}`);
  });

  test('scale, height with keepaspectratio, and a missing image named in the notes', () => {
    const notes: string[] = [];
    const c = ctx({ 'img/a.png': { width: 200, height: 100 } }, notes);
    const scaled = figureBodyHeight(figureOf('\\begin{figure}\\includegraphics[scale=0.5]{a}\\end{figure}'), c);
    assert.ok(Math.abs(scaled - 50 * (72.27 / 72)) < 0.5, `scale ${scaled}`);
    const kept = figureBodyHeight(figureOf('\\begin{figure}\\includegraphics[width=\\linewidth,height=2cm,keepaspectratio]{a}\\end{figure}'), c);
    assert.ok(Math.abs(kept - 72.27 / 2.54 * 2) < 0.5, `keepaspectratio ${kept}`);
    figureBodyHeight(figureOf('\\begin{figure}\\includegraphics[width=\\linewidth]{gone}\\end{figure}'), c);
    assert.match(notes.join('\n'), /image not found or not readable: gone/);
  });

  test('the estimate carries the notes of images it could not size', () => {
    const w = readWriteup('\\documentclass{article}\n\\usepackage{neurips_2024}\n\\begin{document}\nText.\n\\begin{figure}\\includegraphics[width=\\linewidth]{missing-plot}\\caption{A plot.}\\end{figure}\n\\end{document}\n', { file: '/w/r.tex' });
    const e = estimatePages(w, { imageSize: () => undefined });
    assert.deepEqual(e.notes, ['image not found or not readable: missing-plot (sized as 0.62 of its width)']);
  });
});

describe('image natural sizes', () => {
  test('a PNG at its recorded resolution, a PNG without one at 72 dpi, a PDF page box, an EPS bounding box', () => {
    const png150 = naturalSize(readFileSync(join(FIGURES, 'dpi150.png')));
    assert.ok(png150 && Math.abs(png150.width - 216) < 0.1 && Math.abs(png150.height - 144) < 0.1, JSON.stringify(png150));
    assert.deepEqual(naturalSize(readFileSync(join(FIGURES, 'plain72.png'))), { width: 200, height: 160 });
    assert.deepEqual(naturalSize(readFileSync(join(FIGURES, 'chart.pdf'))), { width: 288, height: 144 });
    assert.deepEqual(naturalSize(readFileSync(join(FIGURES, 'sketch.eps'))), { width: 216, height: 108 });
  });
});

describe('template profiles', () => {
  const host = (files: Record<string, string>): FileHost => ({ readFile: (p) => files[p], exists: (p) => p in files });

  test('stock NeurIPS years share the 5.5in x 9in block; lmodern after the template widens the text', () => {
    const w = readWriteup('\\documentclass{article}\n\\usepackage[final]{neurips_2019}\n\\usepackage{lmodern}\n\\begin{document}\nx\n\\end{document}\n', { file: '/w/r.tex' });
    const { profile, notes } = profileOf(w);
    assert.equal(profile.textWidth, W);
    assert.equal(profile.fontWidth, 1.12);
    assert.match(notes.join(), /lmodern/);
  });

  test('a local copy of the style with its own geometry, and \\newgeometry in the preamble, override the block', () => {
    const sty = '\\RequirePackage{geometry}\n\\geometry{textwidth=6in, textheight=9.5in}\n';
    const w = readWriteup('\\documentclass{article}\n\\usepackage{neurips_2023}\n\\begin{document}\nx\n\\end{document}\n', { file: '/w/r.tex', host: host({ '/w/neurips_2023.sty': sty }) });
    assert.ok(Math.abs(profileOf(w).profile.textWidth - 6 * 72.27) < 0.01);
    assert.ok(Math.abs(profileOf(w).profile.textHeight - 9.5 * 72.27) < 0.01);
    const g = readWriteup('\\documentclass{article}\n\\usepackage{neurips_2023}\n\\newgeometry{left=1in,right=1in}\n\\begin{document}\nx\n\\end{document}\n', { file: '/w/r.tex' });
    assert.ok(Math.abs(profileOf(g).profile.textWidth - 6.5 * 72.27) < 0.01);
  });

  test('geometry keys: total, margins on A4', () => {
    assert.ok(Math.abs((geometryBlock('a4paper, total={6in,10in}').height ?? 0) - 10 * 72.27) < 0.01);
    assert.ok(Math.abs((geometryBlock('a4paper,left=2cm,right=2cm').width ?? 0) - (17 * 72.27) / 2.54) < 0.01);
  });

  test('an unknown template is named in the notes', () => {
    const w = readWriteup('\\documentclass{article}\n\\usepackage{icml2024}\n\\begin{document}\nx\n\\end{document}\n', { file: '/w/r.tex' });
    assert.match(profileOf(w).notes.join(), /icml2024 has no profile/);
  });
});

describe('\\input children', () => {
  test('a \\subfile child with its own preamble: only its body is read, in source order', () => {
    const files = { '/w/sec.tex': '\\documentclass[../r.tex]{subfiles}\n\\usepackage{foo}\n\\begin{document}\n\\section{Child}\nChild text.\n\\end{document}\n' };
    const w = readWriteup('\\documentclass{article}\n\\begin{document}\n\\section{Main}\nMain text.\n\\subfile{sec}\n\\section{After}\n\\end{document}\n', { file: '/w/r.tex', host: { readFile: (p: string) => files[p as keyof typeof files], exists: (p: string) => p in files } });
    assert.deepEqual(w.sections.map((s) => s.title), ['Main', 'Child', 'After']);
    assert.ok(!w.blocks.some((b) => b.type === 'paragraph' && /usepackage|subfiles/.test(b.text)));
  });
});

describe('a figure with more than one caption', () => {
  const sizes = { 'img/a.png': { width: 200, height: 100 }, 'img/b.png': { width: 200, height: 100 } };
  test('a caption with images after it stands between their rows; the last is the figure\'s caption', () => {
    const f = figureOf('\\begin{figure}\\centering\n\\includegraphics[width=6cm]{a}\n\\caption{First plot.}\n\\includegraphics[width=5cm]{b}\n\\includegraphics[width=5cm]{b}\n\\caption{Second and third plots.}\n\\end{figure}');
    assert.equal(f.caption, 'Second and third plots.');
    assert.deepEqual(f.parts?.map((p) => [p.path, p.captionBefore, p.newRow]), [['a', undefined, undefined], ['b', 'First plot.', true], ['b', undefined, undefined]]);
    // 6cm at 1:2, then the first caption (a line and its skip), then the two 5cm images side by side.
    const cm = 72.27 / 2.54;
    const expected = 3 * cm + 2 + (11 + 7) + 2 + 2.5 * cm;
    assert.ok(Math.abs(figureBodyHeight(f, ctx(sizes)) - expected) < 0.5, `${figureBodyHeight(f, ctx(sizes))} vs ${expected}`);
  });

  test('one caption between images, none after: it is the figure\'s caption, counted once', () => {
    const f = figureOf('\\begin{figure}\\centering\n\\includegraphics[width=6cm]{a}\n\\caption{Only caption.}\n\\includegraphics[width=6cm]{b}\n\\end{figure}');
    assert.equal(f.caption, 'Only caption.');
    assert.equal(f.parts?.some((p) => p.captionBefore !== undefined), false);
  });
});
