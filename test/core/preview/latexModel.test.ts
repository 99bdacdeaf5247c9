import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { FileHost } from '../../../src/core/host';
import type { CitedWork } from '../../../src/core/preview/citations';
import { renderPreview } from '../../../src/core/preview/render';
import { readWriteup } from '../../../src/core/readers/index';

// What a user sees in the LaTeX preview where the text is more than a paragraph: captions, lists,
// tables, theorems and the parts of an `\input` file. The preview renders the reader's model (its
// running-text pieces), so each case reads a whole document as the editor does.

const works: Record<string, CitedWork> = {
  jacot2018: { key: 'jacot2018', authors: ['Arthur Jacot', 'Franck Gabriel', 'Clément Hongler'], year: 2018, title: 'Neural tangent kernel' },
};
const resolveCitation = (key: string): CitedWork | undefined => works[key];

function preview(body: string, files: Record<string, string> = {}, preamble = ''): string {
  const text = `\\documentclass{article}\n${preamble}\\begin{document}\n${body}\n\\end{document}\n`;
  const host: FileHost = { readFile: (p) => files[p], exists: (p) => p in files };
  return renderPreview(readWriteup(text, { file: '/ws/report.tex', host }), { resolveCitation, resolveImage: (p) => `img/${p}` }).body;
}

/** The text a user reads in some HTML: tags dropped, KaTeX's MathML annotation kept as the math. */
const visible = (html: string): string =>
  html
    .replace(/<span class="katex">.*?<annotation encoding="application\/x-tex">(.*?)<\/annotation>.*?<\/span><\/span><\/span>(?=[^<]*(<\/|<[a-z]))/gs, ' [$1] ')
    .replace(/<[^>]+>/g, '')
    .replace(/\s+/g, ' ')
    .trim();

describe('LaTeX preview: captions', () => {
  test('a figure with subfigures shows its own caption, math and citation rendered (not the first subcaption)', () => {
    const html = preview(
      [
        '\\begin{figure}[t]',
        '  \\begin{subfigure}{0.48\\linewidth}\\includegraphics{a.png}\\caption{Left}\\end{subfigure}',
        '  \\begin{subfigure}{0.48\\linewidth}\\includegraphics{b.png}\\caption{Right}\\end{subfigure}',
        '  \\caption{Loss for width $n \\to \\infty$, as in \\citet{jacot2018}.}',
        '\\end{figure}',
      ].join('\n'),
    );
    const caption = /<figcaption>(.*?)<\/figcaption>/s.exec(html)?.[1] ?? '';
    assert.match(caption, /^Loss for width <span class="katex">/);
    assert.match(caption, /<a class="cite"[^>]*>Jacot et al\. \(2018\)<\/a>/);
    assert.doesNotMatch(caption, /Left/);
  });

  test('a table caption with a short form shows the long one, emphasis kept', () => {
    const html = preview('\\begin{table}\\caption[Short]{The \\emph{long} caption}\\begin{tabular}{ll}a & b\\\\\\end{tabular}\\end{table}');
    assert.match(html, /<caption>The <em>long<\/em> caption<\/caption>/);
  });
});

describe('LaTeX preview: headings', () => {
  test('math in a section title and a forced break in the title render as written', () => {
    const html = preview('\\section{Bounds for $\\ell_2$ norms}\nText.', {}, '\\title{Wide nets\\\\ are lazy}\n');
    assert.match(html, /<h2 data-line="3">Bounds for <span class="katex">.*<annotation encoding="application\/x-tex">\\ell_2<\/annotation>.*<\/span> norms<\/h2>/);
    assert.match(html, /<h1 class="title">Wide nets<br> are lazy<\/h1>/);
  });
});

describe('LaTeX preview: lists', () => {
  test('a list inside an item nests inside it, with its own kind; item labels show', () => {
    const html = preview(
      [
        '\\begin{itemize}',
        '\\item First, with steps:',
        '  \\begin{enumerate}[label=(\\alph*)]',
        '  \\item read $x$',
        '  \\item write',
        '  \\end{enumerate}',
        '\\item[Note] Second',
        '\\end{itemize}',
      ].join('\n'),
    );
    const list = /<ul data-line="2">(.*)<\/ul>/s.exec(html)?.[1] ?? '';
    assert.match(list, /^<li> First, with steps:\s*<ol><li> read <span class="katex">.*<\/li><li> write\s*<\/li><\/ol><\/li><li><strong>Note<\/strong> {2}Second\s*<\/li>$/s);
    assert.doesNotMatch(list, /label=/);
  });

  test('a description list shows each term', () => {
    const html = preview('\\begin{description}\n\\item[Kernel] the NTK\n\\item[Width] $n$\n\\end{description}');
    assert.equal(visible(/<ul[^>]*>.*?<\/ul>/s.exec(html)?.[0] ?? ''), 'Kernel the NTK Width [n]');
  });
});

describe('LaTeX preview: tables', () => {
  test('\\multicolumn spans its columns and shows only its text; rules and \\% are handled', () => {
    const html = preview(
      [
        '\\begin{table}',
        '\\begin{tabular}{l|cc}',
        '\\toprule',
        'Model & \\multicolumn{2}{c}{\\textbf{Accuracy}} \\\\',
        '\\midrule',
        'NTK & 50\\% & $\\pm 1$ \\\\',
        '\\bottomrule',
        '\\end{tabular}',
        '\\end{table}',
      ].join('\n'),
    );
    const table = /<tbody>(.*?)<\/tbody>/s.exec(html)?.[1] ?? '';
    assert.match(table, /^<tr><td>Model<\/td><td colspan="2"><strong>Accuracy<\/strong><\/td><\/tr><tr><td>NTK<\/td><td>50%<\/td><td><span class="katex">/);
    assert.equal((table.match(/<tr>/g) ?? []).length, 2);
  });

  test('a longtable shows its rows once, without its caption row or repeated head', () => {
    const html = preview(
      [
        '\\begin{longtable}{ll}',
        '\\caption{Runs} \\\\',
        'Run & Loss \\\\ \\hline',
        '\\endfirsthead',
        'Run & Loss (cont.) \\\\',
        '\\endhead',
        '1 & 0.5 \\\\',
        '2 & 0.4 \\\\',
        '\\end{longtable}',
      ].join('\n'),
    );
    assert.match(html, /<caption>Runs<\/caption><tbody><tr><td>Run<\/td><td>Loss<\/td><\/tr><tr><td>1<\/td><td>0.5<\/td><\/tr><tr><td>2<\/td><td>0.4<\/td><\/tr><\/tbody>/);
    assert.doesNotMatch(html, /cont\./);
  });

  test('a column spec with nested braces is not shown as text', () => {
    const html = preview('\\begin{tabular}{p{3cm}l}\nA & B \\\\\n\\end{tabular}');
    assert.match(html, /<tbody><tr><td>A<\/td><td>B<\/td><\/tr><\/tbody>/);
  });
});

describe('LaTeX preview: environments and included files', () => {
  test("a theorem's name prints after its title; a TikZ picture is a placeholder, not its commands", () => {
    const html = preview('\\begin{theorem}[Main result]\nWide nets are \\emph{lazy}.\n\\end{theorem}\n\n\\begin{tikzpicture}\n\\draw (0,0) -- (1,1);\n\\end{tikzpicture}');
    assert.match(html, /<div class="env env-theorem" data-line="2"><strong>Theorem \(Main result\)\.<\/strong>\s*Wide nets are <em>lazy<\/em>\.\s*<\/div>/);
    assert.match(html, /<div class="env env-tikzpicture" data-line="6"><span class="figure missing">\[picture: tikzpicture\]<\/span><\/div>/);
    assert.doesNotMatch(html, /\(0,0\)/);
  });

  test('what an \\input file holds is shown in its order, citations and captions rendered', () => {
    const child = '\\section{Method}\nWe follow \\citet{jacot2018}.\n\n\\subsection{Setup}\n\\begin{figure}\\includegraphics{f.png}\\caption{Drift of $\\Theta$}\\end{figure}\n\\begin{verbatim}\nx = 1\n\\end{verbatim}\n';
    const html = preview('\\section{Intro}\nText.\n\n\\input{method}\n\n\\section{End}', { '/ws/method.tex': child });
    assert.equal(
      visible(html.replace(/<header.*?<\/header>/s, '').replace(/<section class="references">.*$/s, '')),
      'Intro Text. Method We follow Jacot et al. (2018). Setup Drift of [\\Theta] x = 1 End',
    );
    assert.match(html, /<figure data-line="5"><img src="img\/f.png" alt="Drift of \\Theta"><figcaption>Drift of <span class="katex">/);
  });

  test('a text macro of the preamble prints its text', () => {
    const html = preview('We train \\ours{} on CIFAR.', {}, '\\newcommand{\\ours}{OurNet}\n');
    assert.match(html, /<p data-line="\d+">We train OurNet on CIFAR\.<\/p>/);
  });
});

describe('LaTeX preview: the document\'s own references', () => {
  test("a citation of a natbib \\bibitem shows its label's names and year", () => {
    const html = preview('As \\citet{foo} show.\n\n\\begin{thebibliography}{1}\n\\bibitem[Foo et~al.(2020a)]{foo} A.~Foo. A paper. 2020.\n\\end{thebibliography}');
    assert.match(html, /<a class="cite"[^>]*>Foo et al\. \(2020a\)<\/a>/);
    assert.match(html, /<li id="ref-foo" data-key="foo">\[Foo et~al.\(2020a\)\] A\. Foo\. A paper\. 2020\.<\/li>/);
  });

  test('a thebibliography in an \\input file lists its items', () => {
    const refs = '\\begin{thebibliography}{1}\n\\bibitem{foo} A. Foo. A paper.\n\\bibitem{bar} B. Bar. Another.\n\\end{thebibliography}\n';
    const html = preview('See \\cite{foo}.\n\n\\input{refs}', { '/ws/refs.tex': refs });
    assert.match(html, /<ol class="bibliography"><li id="ref-foo" data-key="foo">A\. Foo\. A paper\.<\/li><li id="ref-bar" data-key="bar">B\. Bar\. Another\.<\/li><\/ol>/);
  });
});
