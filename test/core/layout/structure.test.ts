import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { FileHost } from '../../../src/core/host';
import { estimatePages } from '../../../src/core/layout';
import { LineBreaker } from '../../../src/core/layout/lineBreak';
import { textWidth } from '../../../src/core/layout/fonts';
import { readWriteup } from '../../../src/core/readers';
import { algorithmLines } from '../../../src/core/readers/latex';
import { prose } from './model';

// Constructs of real reports whose layout the estimate follows TeX on (the fixture
// tex-construct-structure.tex holds them all, with its real compile in measured.json).
const TEMPLATE = '\\usepackage[final]{neurips_2024}';
const doc = (preamble: string, body: string, file = '/w/r.tex', host?: FileHost) =>
  readWriteup(`\\documentclass{article}\n${preamble}\n\\title{A title}\n\\begin{document}\n\\maketitle\n${body}\n\\end{document}\n`, { file, ...(host ? { host } : {}) });
const paras = (n: number, words = 120, seed = 1): string => Array.from({ length: n }, (_, i) => prose(words, seed + i)).join('\n\n');
const pt = (pages: number): number => pages * 648;

describe('an \\input child in document order', () => {
  test('its headings and paragraphs keep their order (they all start at the \\input command)', () => {
    // A \\newpage between the child's two sections: the second section's heading belongs on the new page.
    const child = `\\section{First}\n${paras(2)}\n\\newpage\n\\section{Second}\n${paras(3)}\n\\subsection{Third}\n${paras(2)}`;
    const host: FileHost = { readFile: (p) => (p === '/w/child.tex' ? child : undefined), exists: (p) => p === '/w/child.tex' };
    const included = estimatePages(doc(TEMPLATE, '\\input{child}', '/w/r.tex', host));
    const inline = estimatePages(doc(TEMPLATE, child));
    assert.ok(Math.abs(included.contentPages - inline.contentPages) < 0.001, `${included.contentPages} vs ${inline.contentPages}`);
    assert.deepEqual(
      included.pageBreaks.map((b) => b.page),
      inline.pageBreaks.map((b) => b.page),
    );
  });
});

describe('heading skips as \\@startsection adds them', () => {
  const total = (body: string): number => pt(estimatePages(doc(TEMPLATE, body)).totalPages);

  test('a heading right after another keeps the larger of the skip below the first and above the second, not both', () => {
    const text = paras(1, 60);
    const alone = total(`\\section{A}\n${text}`);
    const stacked = total(`\\section{A}\n\\subsection{B}\n${text}`);
    // The subsection adds its line (11pt), its skip below (0.8ex) and a \\parskip (5.5pt), and of its
    // 1.8ex above only what exceeds the section's 1.5ex below: about 21pt, not the 28pt of both skips.
    assert.ok(stacked - alone > 19 && stacked - alone < 24, `${stacked - alone}pt`);
  });

  test('a run-in \\paragraph adds its 1.5ex above; the paragraph it starts brings the one \\parskip', () => {
    const plain = total(`${prose(60, 3)}\n\n${prose(60, 4)}`);
    const runIn = total(`${prose(60, 3)}\n\n\\paragraph{Note.} ${prose(60, 4)}`);
    // 1.5ex of 10pt Times (6.75pt); the bold "Note." may take a line more.
    assert.ok(runIn - plain > 6 && runIn - plain < 7.5 + 11, `${runIn - plain}pt`);
    assert.ok(runIn - plain < 12 || runIn - plain > 17, 'no second \\parskip (5.5pt) on top of the skip');
  });
});

describe('the page holds what TeX puts on it', () => {
  test('a page of body text holds 59 lines (the first baseline sits \\topskip, 10pt, below the top)', () => {
    const lines = (n: number) => Array.from({ length: n }, (_, i) => `line ${i}`).join(' \\\\\n');
    const content = (n: number) => estimatePages(doc(TEMPLATE, `${paras(1, 40)}\n\\newpage\n${lines(n)}\n\\newpage\n\\section*{References}\nA reference.`)).contentPages;
    assert.equal(content(59), 2);
    assert.equal(content(60), 3);
  });

  test('a [h] float that does not fit here waits for the top of a page, never a page of its own', () => {
    // A figure of 0.8 page after a page of text: [h] (LaTeX makes it [ht]) goes to the top of the next
    // page with text below it; [hp] may make a page of floats, and the text moves past it.
    const fig = (spec: string) => `\\begin{figure}${spec}\\centering\\includegraphics[width=0.55\\linewidth]{a.png}\\caption{A figure.}\\end{figure}`;
    const size = () => ({ width: 100, height: 230 });
    const at = (spec: string) => estimatePages(doc(TEMPLATE, `${paras(5)}\n${fig(spec)}\n${paras(2)}\n\\section*{References}\nA reference.`), { imageSize: size }).contentPages;
    assert.ok(at('[hp]') - at('[h]') > 0.1, `[h] ${at('[h]')} vs [hp] ${at('[hp]')}`);
  });
});

describe('words and citations as TeX sets them', () => {
  test('a line may break after the hyphen of a compound word, at no cost', () => {
    const head = 'aaaa bbbb';
    const measure = (textWidth(`${head} bottom-`) + textWidth(' ') * 0.5) * 10;
    const b = new LineBreaker(measure);
    b.text(`${head} bottom-up`);
    assert.equal(b.lines, 2);
    assert.ok(Math.abs(b.lastLineWidth - textWidth('up') * 10) < 0.01, `${b.lastLineWidth}`);
    const whole = new LineBreaker(measure);
    whole.text(`${head} bottomup`);
    assert.ok(whole.lastLineWidth > textWidth('bottom') * 10, 'without the hyphen the word moves whole');
  });

  test('a numbered \\cite is set once, as its label: as long as the same text with "[17]" written out (a two-digit number)', () => {
    const body = (cite: (i: number) => string) => Array.from({ length: 8 }, (_, i) => Array.from({ length: 8 }, (_, j) => `${prose(12, 10 * i + j + 1)} ${cite(j)}.`).join(' ')).join('\n\n');
    const numbered = (text: string) => estimatePages(doc(`\\PassOptionsToPackage{numbers}{natbib}\n${TEMPLATE}`, text)).contentPages;
    const cited = numbered(body((j) => `\\cite{k${j}}`));
    const written = numbered(body(() => '[17]'));
    assert.ok(Math.abs(cited - written) < 3 / 648 + 11 / 648, `${cited} vs ${written}`);
  });
});

describe('title block and algorithm2e as printed', () => {
  test("the template's commented-out example author is not read; the authors after it are", () => {
    const w = doc(
      `${TEMPLATE}\n\\author{%\n%  Example Author\\thanks{A note that runs\n%    over two lines.} \\\\\n%  Somewhere \\\\\n%  \\And\n  Ada One \\\\\n  First University \\\\\n  \\texttt{ada@example.org} \\\\\n\\And\n  Bo Two \\\\\n  Second University \\\\\n  \\texttt{bo@example.org} \\\\\n}`,
      paras(1),
    );
    assert.deepEqual(
      w.metadata.authors.map((a) => a.name),
      ['Ada One', 'Bo Two'],
    );
    const none = estimatePages(doc(TEMPLATE, paras(1)));
    // Two authors side by side, three lines each: two 11pt rows more than the strut of no author.
    assert.ok(estimatePages(w).breakdown.title > none.breakdown.title + 20 / 648);
  });

  test('algorithm2e prints a line a statement (\\;), a line a block head and an end line a block', () => {
    const body = `\\KwIn{data $X$ \\\\ rate $\\eta$}\n\\KwOut{weights}\n$w \\gets 0$\\;\n\\For{$t = 1$ \\KwTo $T$}{\n  $g \\gets \\nabla L(w)$\\;\n  \\If{$\\|g\\| < \\epsilon$}{\n    stop\\;\n  }\n  $w \\gets w - \\eta g$\\;\n}\n\\Return{$w$}\\;`;
    // 2 input lines + 1 output + 5 statements + 2 block heads + 2 end lines.
    assert.equal(algorithmLines(body), 12);
    assert.equal(algorithmLines(body, true), 10);
    const alg = `\\begin{algorithm}[t]\n\\caption{Training.}\n${body}\n\\end{algorithm}`;
    const w = doc(`${TEMPLATE}\n\\usepackage[ruled]{algorithm2e}`, `${paras(1)}\n${alg}\n${paras(1)}`);
    const code = w.blocks.find((b) => b.type === 'code');
    assert.equal(code?.type === 'code' ? code.lines : undefined, 12);
    const noEnd = doc(`${TEMPLATE}\n\\usepackage[ruled,noend]{algorithm2e}`, `${paras(1)}\n${alg}\n${paras(1)}`).blocks.find((b) => b.type === 'code');
    assert.equal(noEnd?.type === 'code' ? noEnd.lines : undefined, 10);
  });
});

describe('a local copy of the style that sets no body size', () => {
  test("the article class's 10pt on 12pt, its skips, and the copy's \\parskip apply; the notes say so", () => {
    const sty = (extra: string) => `\\RequirePackage[letterpaper]{geometry}\n\\geometry{textheight=9in,textwidth=5.5in,top=1in}\n\\RequirePackage{times}\n\\setlength{\\parskip}{4pt}\n${extra}`;
    const at = (extra: string) => {
      const files: Record<string, string> = { '/w/neurips_2021.sty': sty(extra) };
      const host: FileHost = { readFile: (p) => files[p], exists: (p) => p in files };
      return estimatePages(doc('\\usepackage[final]{neurips_2021}', `\\section{Intro}\n${paras(12)}`, '/w/r.tex', host));
    };
    const rewritten = at('');
    const stock = at('\\renewcommand\\normalsize{\\@setfontsize\\normalsize\\@xpt\\@xipt}');
    // Lines of 12pt instead of 11pt: about a tenth more (less the smaller paragraph skip).
    assert.ok(rewritten.contentPages > stock.contentPages * 1.05, `${rewritten.contentPages} vs ${stock.contentPages}`);
    assert.match((rewritten.notes ?? []).join(), /neurips_2021\.sty sets no body size/);
    assert.equal((stock.notes ?? []).filter((n) => /body size/.test(n)).length, 0);
  });
});

describe('the references', () => {
  const body = `\\section{Intro}\n${Array.from({ length: 30 }, (_, i) => `${prose(30, i + 1)} \\citep{key${i}}.`).join('\n\n')}\n\\bibliographystyle{plainnat}\n\\bibliography{refs}\n`;
  test('are set where \\bibliography stands even when an appendix heading follows it at once', () => {
    const appendix = `\\appendix\n\\section{More}\n${paras(2)}`;
    const withAppendix = estimatePages(doc(TEMPLATE, `${body}${appendix}`));
    const alone = estimatePages(doc(TEMPLATE, body));
    assert.ok(alone.breakdown.references > 0.5, `references ${alone.breakdown.references}`);
    assert.ok(Math.abs(withAppendix.breakdown.references - alone.breakdown.references) < 0.01, `${withAppendix.breakdown.references} vs ${alone.breakdown.references}`);
  });

  test('take more lines in a wider font (lmodern) or a narrower text block', () => {
    const times = estimatePages(doc(TEMPLATE, body)).breakdown.references;
    const lm = estimatePages(doc(`${TEMPLATE}\n\\usepackage{lmodern}`, body)).breakdown.references;
    assert.ok(lm > times * 1.08, `${lm} vs ${times}`);
  });
});

describe('a local copy of the style without the anonymous block', () => {
  test('a submission names its authors when the copy has no "Anonymous Author(s)" block; a stock-like copy hides them', () => {
    const maketitle = (anonymous: boolean) =>
      `\\def\\@maketitle{\\vbox{\\@title\\par${anonymous ? '\\if@submission\\begin{tabular}[t]{c}\\bf Anonymous Author(s)\\end{tabular}\\else' : ''}\\def\\And{\\hfil}\\@author${anonymous ? '\\fi' : ''}}}\n\\renewcommand\\normalsize{\\@setfontsize\\normalsize\\@xpt\\@xipt}`;
    const authors = '\\author{A One\\\\ Uni\\\\ Street\\\\ City\\\\ \\texttt{a@x.org} \\AND B Two\\\\ Uni\\\\ Street\\\\ City\\\\ \\texttt{b@x.org}}';
    const at = (anonymous: boolean) => {
      const files: Record<string, string> = { '/w/nips_2018.sty': maketitle(anonymous) };
      const host: FileHost = { readFile: (p) => files[p], exists: (p) => p in files };
      return estimatePages(doc(`\\usepackage{nips_2018}\n${authors}`, `\\section{Intro}\n${paras(3)}`, '/w/r.tex', host));
    };
    // Two rows of five-line author blocks against the four-line anonymous block.
    assert.ok(at(false).breakdown.title > at(true).breakdown.title + 50 / 648, `${at(false).breakdown.title * 648} vs ${at(true).breakdown.title * 648} pt`);
  });
});
