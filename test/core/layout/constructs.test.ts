import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { FileHost } from '../../../src/core/host';
import { estimatePages } from '../../../src/core/layout';
import { readWriteup } from '../../../src/core/readers';
import { prose } from './model';

const doc = (preamble: string, body: string, file = '/w/r.tex', host?: FileHost) =>
  readWriteup(`\\documentclass{article}\n${preamble}\n\\title{A title}\n\\begin{document}\n\\maketitle\n${body}\n\\end{document}\n`, { file, ...(host ? { host } : {}) });
const paras = (n: number, words = 120, seed = 1): string => Array.from({ length: n }, (_, i) => prose(words, seed + i)).join('\n\n');
const table = (rows: number, size = ''): string => `\\begin{table}[t]\n\\centering\n${size}\n\\begin{tabular}{lc}\n${Array.from({ length: rows }, (_, i) => `Row ${i} & ${i} \\\\`).join('\n')}\n\\end{tabular}\n\\caption{Numbers.}\n\\end{table}`;

describe('page estimate on real-report constructs', () => {
  test('a NeurIPS submission (no final/preprint) prints the anonymous author block', () => {
    const body = `\\section{Intro}\n${paras(2)}`;
    const submission = estimatePages(doc('\\usepackage{neurips_2024}', body));
    const final = estimatePages(doc('\\usepackage[final]{neurips_2024}', body));
    // Four lines of "Anonymous Author(s)" against the strut row of a missing \\author: three 11pt rows more.
    assert.ok(submission.breakdown.title - final.breakdown.title > 30 / 648, `${submission.breakdown.title} vs ${final.breakdown.title}`);
  });

  test('\\AND starts a new row of authors; \\thanks notes take room at the foot of page 1', () => {
    const authors = (sep: string, thanks = '') => `\\author{A One${thanks}\\\\ Uni\\\\ \\texttt{a@x.org} ${sep} B Two\\\\ Uni\\\\ \\texttt{b@x.org}}`;
    const body = `\\section{Intro}\n${paras(3)}`;
    const and = estimatePages(doc(`\\usepackage[final]{neurips_2024}\n${authors('\\And')}`, body));
    const AND = estimatePages(doc(`\\usepackage[final]{neurips_2024}\n${authors('\\AND')}`, body));
    assert.ok(AND.breakdown.title > and.breakdown.title + 30 / 648);
    const thanked = estimatePages(doc(`\\usepackage[final]{neurips_2024}\n${authors('\\And', '\\thanks{Equal contribution.}')}`, body));
    assert.ok(thanked.contentPages > and.contentPages + 10 / 648, `${thanked.contentPages} vs ${and.contentPages}`);
  });

  test('a size switch sets the text after it at its size until its group ends; \\small tables have 10pt rows', () => {
    const normal = estimatePages(doc('\\usepackage[final]{neurips_2024}', paras(6)));
    const large = estimatePages(doc('\\usepackage[final]{neurips_2024}', `\\large\n${paras(6)}`));
    const grouped = estimatePages(doc('\\usepackage[final]{neurips_2024}', `{\\large x}\n\n${paras(6)}`));
    assert.ok(large.contentPages > normal.contentPages * 1.3, `${large.contentPages} vs ${normal.contentPages}`);
    assert.ok(Math.abs(grouped.contentPages - normal.contentPages) < 0.05);
    const w = doc('\\usepackage[final]{neurips_2024}', table(20, '\\small'));
    const t = w.blocks.find((b) => b.type === 'table');
    assert.equal(t?.type === 'table' ? t.size : undefined, 'small');
    const small = estimatePages(w).breakdown.tables;
    const plain = estimatePages(doc('\\usepackage[final]{neurips_2024}', table(20))).breakdown.tables;
    assert.ok(Math.abs(plain - small - 20 / 648) < 0.01, `${plain} - ${small}`);
  });

  test('a font package after the template widens the text (lmodern about 12%)', () => {
    const times = estimatePages(doc('\\usepackage[final]{neurips_2024}', paras(20)));
    const lm = estimatePages(doc('\\usepackage[final]{neurips_2024}\n\\usepackage{lmodern}', paras(20)));
    assert.ok(lm.contentPages > times.contentPages * 1.07, `${lm.contentPages} vs ${times.contentPages}`);
    assert.match((lm.notes ?? []).join(), /lmodern/);
  });

  test('[H] figures stand where they are written; content floats set after the references heading still count', () => {
    const fig = (spec: string) => `\\begin{figure}${spec}\\centering\\includegraphics[width=\\linewidth]{a.png}\\caption{A figure.}\\end{figure}`;
    const size = () => ({ width: 100, height: 100 });
    const here = estimatePages(doc('\\usepackage[final]{neurips_2024}\n\\usepackage{float}', `${paras(1)}\n${fig('[H]')}\n${paras(1)}`), { imageSize: size });
    assert.equal(here.pageBreaks.length, 1, 'a full-width square figure and two paragraphs: the second paragraph runs onto page 2');
    const late = doc('\\usepackage[final]{neurips_2024}', `${paras(5)}\n${fig('[t]')}\n${fig('[t]')}\n${prose(40, 9)}\n\\section*{References}\nA reference.`);
    const e = estimatePages(late, { imageSize: size });
    assert.ok(late.referencesStart !== undefined);
    // Two page-high squares wait past the heading: content runs to the float pages after it.
    assert.ok(e.contentPages > 2.3, `content ${e.contentPages}`);
  });

  test('a \\newpage just after a page filled gives a range and a note', () => {
    // Find a length of text that ends a hair into page 2, then force a break.
    let found = false;
    for (let words = 40; words < 900 && !found; words += 10) {
      const e = estimatePages(doc('\\usepackage[final]{neurips_2024}', `${paras(6, 100)}\n\n${prose(words, 77)}\n\\newpage\n\\section*{References}\nA reference.`));
      if (e.contentRange) {
        found = true;
        assert.equal(e.contentRange[1] - e.contentRange[0], 1);
        assert.match((e.notes ?? []).join(), /forced page break on line \d+ falls just/);
      }
    }
    assert.ok(found, 'some length puts the \\newpage near a page end');
  });

  test('paragraphs of an \\input child see only their own citations', () => {
    const child = Array.from({ length: 12 }, (_, i) => `${prose(60, i + 3)} \\citep{k${i},k${i + 20}}.`).join('\n\n');
    const files: Record<string, string> = { '/w/child.tex': child };
    const host: FileHost = { readFile: (p) => files[p], exists: (p) => p in files };
    const included = estimatePages(doc('\\usepackage[final]{neurips_2024}', '\\input{child}', '/w/r.tex', host));
    const inline = estimatePages(doc('\\usepackage[final]{neurips_2024}', child));
    assert.ok(Math.abs(included.contentPages - inline.contentPages) < 0.03, `${included.contentPages} vs ${inline.contentPages}`);
  });
});

describe('TikZ outside floats', () => {
  test('a tikzpicture it cannot size is a box of a quarter page, not its source as words, and is named in the notes', () => {
    const picture = `\\begin{tikzpicture}\n\\foreach \\i in {0,...,39} {\\node at (\\i,0) {label \\i};}\n${Array.from({ length: 40 }, (_, i) => `\\node at (${i},0) {label ${i}};`).join('\n')}\n\\end{tikzpicture}`;
    const w = doc('\\usepackage[final]{neurips_2024}\n\\usepackage{tikz}', `${paras(1)}\n\n${picture}\n\n${paras(1)}`);
    assert.ok(!w.blocks.some((b) => b.type === 'paragraph' && b.text.includes('node')));
    const e = estimatePages(w);
    assert.ok(Math.abs(e.breakdown.figures - 0.25) < 0.01, `figures ${e.breakdown.figures}`);
    assert.match((e.notes ?? []).join(), /tikzpicture outside a figure on line \d+/);
  });
});

describe('tables whose cells wrap', () => {
  test('p{..} and tabularx X columns: a row is as tall as its longest cell', () => {
    const long = prose(40, 5);
    const t = (spec: string, env = 'tabular') => `\\begin{table}[t]\n\\centering\n\\begin{${env}}${env === 'tabularx' ? '{\\linewidth}' : ''}{${spec}}\nA & ${long} \\\\\nB & ${long} \\\\\n\\end{${env}}\n\\caption{Cells.}\n\\end{table}`;
    const plain = estimatePages(doc('\\usepackage[final]{neurips_2024}', t('ll')));
    const wrapped = doc('\\usepackage[final]{neurips_2024}', t('lp{4cm}'));
    const table = wrapped.blocks.find((b) => b.type === 'table');
    assert.ok(table?.type === 'table' && (table.lines ?? 0) >= 6, JSON.stringify(table));
    assert.ok(estimatePages(wrapped).breakdown.tables > plain.breakdown.tables + 40 / 648);
    const x = doc('\\usepackage[final]{neurips_2024}\n\\usepackage{tabularx}', t('lX', 'tabularx'));
    const tx = x.blocks.find((b) => b.type === 'table');
    assert.ok(tx?.type === 'table' && (tx.lines ?? 0) >= 4, JSON.stringify(tx));
  });
});

describe('displays, citations and quotes as LaTeX sets them', () => {
  test('a display after a short last line takes the short skips (0pt above, 4pt below); align and wide displays do not', () => {
    const eq = (env: string, tex: string) => `We then have\n\\begin{${env}}\n${tex}\n\\end{${env}}\n`;
    const body = (env: string, tex: string) => Array.from({ length: 20 }, (_, i) => `${prose(40, i + 1)}\n\n${eq(env, tex)}`).join('\n');
    const math = (env: string, tex: string) => estimatePages(doc('\\usepackage[final]{neurips_2024}\n\\usepackage{amsmath}', body(env, tex))).breakdown.math;
    const narrow = 'x = y + 1';
    // Twenty displays, 10pt less each (7 + 7 against 0 + 4).
    assert.ok(Math.abs(math('align', narrow) - math('equation', narrow) - 200 / 648) < 0.01, `${math('align', narrow)} vs ${math('equation', narrow)}`);
    // A display as wide as the line starts before "We then have" ends: full skips.
    const wide = Array.from({ length: 14 }, (_, i) => `a_{${i}} + b_{${i}}`).join(' + ');
    assert.ok(Math.abs(math('align', wide) - math('equation', wide)) < 0.005, `${math('align', wide)} vs ${math('equation', wide)}`);
  });
  test('numbered citations ("[3, 7]") take far less of a line than author and year; \\citet still names the authors', () => {
    const cited = (cmd: string) => Array.from({ length: 12 }, (_, i) => Array.from({ length: 6 }, (_, j) => `${prose(15, 20 * i + j + 1)} \\${cmd}{a${i}${j},b${i}${j}}`).join(' ')).join('\n\n');
    const pages = (preamble: string, cmd = 'citep') => estimatePages(doc(`${preamble}\n\\usepackage[final]{neurips_2024}`, `${cited(cmd)}\n\\bibliographystyle{plainnat}\n\\bibliography{refs}`)).contentPages;
    const authorYear = pages('');
    const numbers = pages('\\PassOptionsToPackage{numbers}{natbib}');
    // 72 groups of two keys, about 150pt each against 27pt: some 23 lines of 11pt less (more where lines break).
    assert.ok(authorYear - numbers > (15 * 11) / 648 && authorYear - numbers < (40 * 11) / 648, `${authorYear} vs ${numbers}`);
    assert.ok(Math.abs(pages('\\PassOptionsToPackage{numbers}{natbib}', 'citet') - authorYear) < 0.005);
    const bst = estimatePages(doc('\\usepackage[final]{neurips_2024}', `${cited('cite')}\n\\bibliographystyle{unsrt}\n\\bibliography{refs}`)).contentPages;
    assert.ok(Math.abs(bst - numbers) < 0.005, `${bst} vs ${numbers}`);
  });

  test('csquotes \\enquote prints its text in quotes, not its name', () => {
    const w = doc('\\usepackage{csquotes}', `They call it \\enquote{a small gap} in the text.`);
    const p = w.blocks.find((b) => b.type === 'paragraph');
    assert.equal(p?.type === 'paragraph' ? p.text.replace(/\s+/g, ' ').trim() : undefined, 'They call it \u201ca small gap\u201d in the text.');
  });

  test('unknown commands print their arguments, never their names; \\cref and \\autoref print a name and a number', () => {
    const plain = (body: string): string | undefined => {
      const p = doc('\\usepackage{cleveref}', body).blocks.find((b) => b.type === 'paragraph');
      return p?.type === 'paragraph' ? p.text.replace(/\s+/g, ' ').trim() : undefined;
    };
    assert.equal(plain('As \\cref{fig:loss} and \\autoref{tab:main} show.'), 'As Figure 1 and Table 1 show.');
    assert.equal(plain('See \\Cref{sec:a,sec:b}.'), 'See Sections 1, 2.');
    assert.equal(plain('A \\mymacro{kept word} and \\textcolor{red}{red text} and \\href{https://example.org/long/path}{a link}.'), 'A kept word and red text and a link.');
    // A text macro without arguments prints its body, with or without `{}` after it.
    const w = doc('\\newcommand{\\ours}{DeepNetwork\\xspace}\n\\newcommand{\\epochs}{4}', 'Train \\ours for \\epochs{} epochs.');
    const p = w.blocks.find((b) => b.type === 'paragraph');
    assert.equal(p?.type === 'paragraph' ? p.text.replace(/\s+/g, ' ').trim() : undefined, 'Train DeepNetwork for 4 epochs.');
    const w1 = doc('\\newcommand{\\note}[1]{\\textcolor{red}{Note: #1}}', 'Text \\note{check $x$ here} ends.');
    const p1 = w1.blocks.find((b) => b.type === 'paragraph');
    assert.equal(p1?.type === 'paragraph' ? p1.text.replace(/\s+/g, ' ').trim() : undefined, 'Text Note: check x here ends.');
    // Math keeps its TeX (the estimate sizes it from there).
    assert.equal(plain('Take $\\frac{a}{b}$ and \\(\\mathbb{R}\\) here.'), 'Take \\fracab and \\mathbbR here.');
    // Over a page of text, the names no longer take room: a paragraph full of \\cref is as long as one with "Figure 1".
    const refs = Array.from({ length: 200 }, (_, i) => `word \\cref{fig:figure-label-${i}}`).join(' ');
    const words = Array.from({ length: 200 }, () => 'word Figure 1').join(' ');
    const a = estimatePages(doc('\\usepackage[final]{neurips_2024}\n\\usepackage{cleveref}', refs));
    const b = estimatePages(doc('\\usepackage[final]{neurips_2024}\n\\usepackage{cleveref}', words));
    assert.ok(Math.abs(a.contentPages - b.contentPages) < 0.01, `${a.contentPages} vs ${b.contentPages}`);
  });
});
