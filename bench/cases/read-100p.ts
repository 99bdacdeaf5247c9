import type { BenchCase } from '../types';
import { readWriteup } from '../../src/core/readers/index';
import type { Writeup } from '../../src/core/model/writeup';

/** A small deterministic generator (mulberry32) so inputs are the same on every run. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = (
  'network layer width depth margin norm bound sample complexity gradient descent kernel tangent ' +
  'generalization approximation optimization rank spectral Frobenius Rademacher covering number ' +
  'the of a we show that and in for with under which this result'
).split(' ');
const KEYS = ['bartlett2017spectrally', 'golowich2018size', 'yang2019tensor', 'arora2019exact', 'razin2020implicit', 'safran2019depth'];

/** One writeup of about `pages` NeurIPS pages (~450 words of prose a page, with math, lists, figures, tables). */
export function generateWriteup(pages: number, format: 'markdown' | 'latex', seed = 1): string {
  const rnd = random(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
  const md = format === 'markdown';
  const out: string[] = [];
  if (md) {
    out.push('---', 'title: "A Generated Report"', 'author:', '  - Ada Student', '  - Ben Student', 'course: mit-9.520-fall2024', 'kind: report', 'bibliography: references.bib', '---', '');
  } else {
    out.push('% writeup: course=mit-9.520-fall2024 kind=report', '\\documentclass{article}', '\\usepackage{amsmath}', '\\newcommand{\\R}{\\mathbb{R}}', '\\title{A Generated Report}', '\\author{Ada Student \\And Ben Student}', '\\begin{document}', '\\maketitle', '');
  }
  const sentence = (): string => {
    const n = 8 + Math.floor(rnd() * 14);
    const words: string[] = [];
    for (let i = 0; i < n; i++) words.push(pick(WORDS));
    const r = rnd();
    if (r < 0.25) words.push(md ? `[@${pick(KEYS)}]` : `\\citep{${pick(KEYS)}}`);
    else if (r < 0.35) words.push(md ? `[@${pick(KEYS)}; @${pick(KEYS)}, p. ${1 + Math.floor(rnd() * 20)}]` : `\\citep[p.~3]{${pick(KEYS)},${pick(KEYS)}}`);
    else if (r < 0.6) words.push(`$\\|W_{${Math.floor(rnd() * 9)}}\\|_\\sigma \\le ${Math.floor(rnd() * 99)}$`);
    return words.join(' ') + '.';
  };
  for (let page = 0; page < pages; page++) {
    if (page % 2 === 0) out.push(md ? `# Section ${page / 2 + 1}` : `\\section{Section ${page / 2 + 1}}`, '');
    else out.push(md ? `## Part ${page}` : `\\subsection{Part ${page}}`, '');
    for (let p = 0; p < 4; p++) {
      const s: string[] = [];
      for (let k = 0; k < 5; k++) s.push(sentence());
      out.push(s.join(' '), '');
    }
    if (md) out.push('$$', `\\sum_{k=1}^{${page + 2}} \\frac{1}{k^2} \\le \\frac{\\pi^2}{6}`, '$$', '');
    else out.push('\\begin{align}', `  a_{${page}} &= \\sum_{k=1}^{n} b_k \\\\`, '  &\\le c', '\\end{align}', '');
    out.push(md ? '- first item with $x_1$\n- second item\n- third item' : '\\begin{itemize}\n  \\item first item with $x_1$\n  \\item second item\n\\end{itemize}', '');
    if (page % 5 === 4) {
      out.push(
        md
          ? `![Figure ${page}.](figures/f${page}.png){width=50%}\n\n| a | b |\n|---|---|\n| 1 | 2 |\n| 3 | 4 |`
          : `\\begin{figure}\n  \\includegraphics[width=0.5\\linewidth]{figures/f${page}.png}\n  \\caption{Figure ${page}.}\n\\end{figure}\n\n\\begin{tabular}{cc}\n a & b \\\\\n 1 & 2 \\\\\n\\end{tabular}`,
        '',
      );
    }
  }
  out.push(md ? '# References\n\n::: {#refs}\n:::' : '\\bibliography{references}\n\\end{document}', '');
  return out.join('\n');
}

interface State {
  readonly markdown: string;
  readonly latex: string;
  last?: Writeup;
}

const bench: BenchCase<State> = {
  name: 'read-100p',
  setup: () => ({ markdown: generateWriteup(100, 'markdown'), latex: generateWriteup(100, 'latex') }),
  run(state) {
    state.last = readWriteup(state.markdown, { file: 'report.md' });
    return state.last;
  },
  runs: 15,
  extra(state) {
    const times: number[] = [];
    for (let i = 0; i < 5; i++) {
      const t = performance.now();
      readWriteup(state.latex, { file: 'report.tex' });
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    return {
      bytes: state.markdown.length,
      sections: state.last?.sections.length ?? 0,
      citations: state.last?.citations.length ?? 0,
      latex_median_ms: Number((times[2] ?? 0).toFixed(2)),
      latex_bytes: state.latex.length,
    };
  },
};

export default bench;
