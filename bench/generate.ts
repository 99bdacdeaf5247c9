/**
 * Deterministic inputs for the benchmarks: writeups of N NeurIPS-ish pages in pandoc Markdown or
 * LaTeX, and .bib files of N entries. Same options, same text, on every machine (seeded PRNG).
 *
 * ```ts
 * const md = generateMarkdown({ pages: 100 });
 * const tex = generateLatex({ pages: 10, seed: 2 });
 * const bib = generateBib({ entries: 10_000 });
 * ```
 * The writeups cite keys from `bibKeys(n)`, so a writeup and a .bib generated with the same
 * `bibEntries` agree (every citation resolves).
 */

/** mulberry32: a small, fast, seeded PRNG returning floats in [0, 1). */
export function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Helpers over one PRNG stream. */
class Dice {
  private readonly next: () => number;
  constructor(seed: number) {
    this.next = prng(seed);
  }
  /** An integer in [lo, hi]. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)] as T;
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
}

const NOUNS = [
  'network', 'layer', 'width', 'depth', 'margin', 'norm', 'bound', 'sample', 'gradient', 'kernel', 'feature',
  'estimator', 'loss', 'risk', 'class', 'function', 'parameter', 'initialization', 'rate', 'regime', 'landscape',
  'minimizer', 'trajectory', 'representation', 'dataset', 'classifier', 'architecture', 'matrix', 'spectrum',
];
const ADJECTIVES = [
  'wide', 'deep', 'shallow', 'overparameterized', 'implicit', 'spectral', 'uniform', 'tight', 'linear', 'random',
  'smooth', 'convex', 'non-convex', 'stochastic', 'low-rank', 'sparse', 'empirical', 'population', 'benign',
];
const VERBS = [
  'controls', 'bounds', 'implies', 'improves', 'matches', 'depends on', 'scales with', 'characterizes',
  'approximates', 'generalizes', 'separates', 'converges to', 'recovers', 'dominates',
];
const GLUE = ['we show that', 'in particular', 'moreover', 'as a consequence', 'under mild assumptions', 'in contrast', 'empirically'];
const SECTION_TITLES = [
  'Introduction', 'Related Work', 'Background', 'Setting and Notation', 'Main Results', 'Proof Sketch', 'Experiments',
  'Discussion', 'Limitations', 'Conclusion',
];
const SUBSECTION_TITLES = [
  'Generalization bounds', 'Approximation', 'Optimization', 'Wide networks', 'Depth separation', 'Implicit bias',
  'Kernel regime', 'Mean-field limit', 'Sample complexity', 'Lower bounds', 'Setup', 'Ablations',
];
const INLINE_MATH = [
  '\\|W_{%d}\\|_\\sigma \\le %d',
  'n \\ge d^{%d}',
  '\\mathcal{O}(1/\\sqrt{n})',
  'f_\\theta(x) = \\sum_{j=1}^{%d} a_j \\sigma(w_j^\\top x)',
  '\\epsilon < 10^{-%d}',
  '\\mathbb{E}[\\ell(f(x), y)]',
  'L = %d',
  '\\eta_t = \\eta_0 / \\sqrt{t}',
];
const DISPLAY_MATH = [
  'R(f) \\le \\hat R_n(f) + \\frac{%d \\prod_{i=1}^{L} \\|W_i\\|_\\sigma}{\\gamma \\sqrt{n}}',
  '\\Theta(x, x\') = \\mathbb{E}_{w}\\left[ \\nabla_w f(x) \\cdot \\nabla_w f(x\') \\right]',
  '\\min_{\\theta} \\frac{1}{n} \\sum_{i=1}^{n} \\ell\\big(f_\\theta(x_i), y_i\\big) + \\lambda \\|\\theta\\|_2^{%d}',
  '\\left\\| \\theta_t - \\theta^\\star \\right\\| \\le (1 - \\eta \\mu)^{t} \\|\\theta_0 - \\theta^\\star\\| + %d',
];

/** NeurIPS pages hold about this many words of running text (10pt Times, 5.5in column). */
const WORDS_PER_PAGE = 520;

/** The citation keys of `generateBib({ entries: n })`, in order. */
export function bibKeys(n: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < n; i++) out.push(`${FAMILIES[i % FAMILIES.length]?.toLowerCase().replace(/[^a-z]/g, '') ?? 'anon'}${1990 + (i % 35)}k${i}`);
  return out;
}

/** Options of the writeup generators. */
export interface WriteupOptions {
  /** Approximate length in NeurIPS pages (of content, without references). */
  readonly pages: number;
  /** PRNG seed (default 1). */
  readonly seed?: number;
  /** Citations draw from the first `bibEntries` keys of `bibKeys` (default 40). */
  readonly bibEntries?: number;
}

type Format = 'markdown' | 'latex';

function fill(template: string, dice: Dice): string {
  return template.replace(/%d/g, () => String(dice.int(1, 9)));
}

function sentence(dice: Dice, format: Format, keys: readonly string[]): string {
  const words = [dice.pick(GLUE), 'the', dice.pick(ADJECTIVES), dice.pick(NOUNS), dice.pick(VERBS), 'the', dice.pick(ADJECTIVES), dice.pick(NOUNS)];
  for (let i = dice.int(0, 8); i > 0; i--) words.push(dice.pick(['of', 'for', 'with', 'and', 'when', 'the']), dice.pick(NOUNS));
  if (dice.chance(0.3)) words.push('when', `$${fill(dice.pick(INLINE_MATH), dice)}$`);
  let text = words.join(' ');
  text = text.charAt(0).toUpperCase() + text.slice(1);
  const r = dice.int(0, 99);
  if (r < 18) {
    const key = dice.pick(keys);
    text += format === 'markdown' ? ` [@${key}]` : `~\\citep{${key}}`;
  } else if (r < 24) {
    const a = dice.pick(keys);
    const b = dice.pick(keys);
    text += format === 'markdown' ? ` [@${a}; @${b}, p. ${dice.int(1, 30)}]` : `~\\citep[p.~${dice.int(1, 30)}]{${a},${b}}`;
  } else if (r < 28) {
    const key = dice.pick(keys);
    text = format === 'markdown' ? `@${key} observe that ${text.charAt(0).toLowerCase()}${text.slice(1)}` : `\\citet{${key}} observe that ${text.charAt(0).toLowerCase()}${text.slice(1)}`;
  }
  return `${text}.`;
}

function paragraph(dice: Dice, format: Format, keys: readonly string[], words: number): string {
  const out: string[] = [];
  let count = 0;
  while (count < words) {
    const s = sentence(dice, format, keys);
    out.push(s);
    count += s.split(' ').length;
  }
  return out.join(' ');
}

function generate(format: Format, options: WriteupOptions): string {
  const dice = new Dice(options.seed ?? 1);
  const keys = bibKeys(Math.max(1, options.bibEntries ?? 40));
  const md = format === 'markdown';
  const out: string[] = [];
  if (md) {
    out.push('---', 'title: "Generated Report on the Theory of Deep Learning"', 'author:', '  - Ada Student', '  - Ben Student', 'course: mit-9.520-fall2024', 'kind: report', 'bibliography: references.bib', '---', '');
    out.push('# Abstract {.unnumbered}', '', paragraph(dice, format, keys, 120), '');
  } else {
    out.push(
      '% writeup: course=mit-9.520-fall2024 kind=report',
      '\\documentclass{article}',
      '\\usepackage{amsmath,amssymb}',
      '\\usepackage{graphicx}',
      '\\usepackage{natbib}',
      '\\title{Generated Report on the Theory of Deep Learning}',
      '\\author{Ada Student \\\\ MIT \\And Ben Student \\\\ MIT}',
      '\\begin{document}',
      '\\maketitle',
      '\\begin{abstract}',
      paragraph(dice, format, keys, 120),
      '\\end{abstract}',
      '',
    );
  }
  const heading = (level: 1 | 2, title: string): string => {
    if (md) return `${level === 1 ? '#' : '##'} ${title}`;
    return `\\${level === 1 ? 'section' : 'subsection'}{${title}}`;
  };
  const pages = Math.max(1, options.pages);
  const sectionsPerPage = 0.5; // a section every two pages, a subsection on the others
  let equation = 0;
  for (let page = 0; page < pages; page++) {
    const isSection = page === 0 || page % Math.round(1 / sectionsPerPage) === 0;
    const title = isSection
      ? `${SECTION_TITLES[(page / 2) % SECTION_TITLES.length] ?? 'Section'}${page >= SECTION_TITLES.length * 2 ? ` ${Math.floor(page / 2) + 1}` : ''}`
      : `${SUBSECTION_TITLES[page % SUBSECTION_TITLES.length] ?? 'Part'}${page >= SUBSECTION_TITLES.length ? ` ${page}` : ''}`;
    out.push(heading(isSection ? 1 : 2, title), '');
    let words = WORDS_PER_PAGE;
    // Per page: three or four paragraphs, one display equation, a list on most pages.
    const paragraphs = dice.int(3, 4);
    for (let p = 0; p < paragraphs; p++) {
      const n = Math.round(words / (paragraphs - p + 1));
      out.push(paragraph(dice, format, keys, n), '');
      words -= n;
      if (p === 0) {
        const tex = fill(dice.pick(DISPLAY_MATH), dice);
        equation++;
        if (md) out.push('$$', tex, `$$ {#eq:e${equation}}`, '');
        else if (dice.chance(0.5)) out.push('\\begin{equation}', `  ${tex}`, `  \\label{eq:e${equation}}`, '\\end{equation}', '');
        else out.push('\\begin{align}', `  ${tex} \\\\`, `  &\\le ${dice.int(2, 9)} \\epsilon`, '\\end{align}', '');
      }
    }
    if (dice.chance(0.7)) {
      const items = Array.from({ length: dice.int(2, 4) }, () => sentence(dice, format, keys));
      out.push(md ? items.map((s, i) => (page % 2 ? `${i + 1}. ${s}` : `- ${s}`)).join('\n') : ['\\begin{itemize}', ...items.map((s) => `  \\item ${s}`), '\\end{itemize}'].join('\n'), '');
    }
    out.push(paragraph(dice, format, keys, Math.max(40, words)), '');
    // A figure and a table early on, then one of each every ten pages.
    if (page % 10 === 1 || (pages === 1 && page === 0)) {
      const fig = `figures/fig${page + 1}.png`;
      out.push(
        md
          ? `![Training loss of the ${dice.pick(ADJECTIVES)} ${dice.pick(NOUNS)} against width.](${fig}){#fig:f${page + 1} width=60%}`
          : ['\\begin{figure}[t]', '  \\centering', `  \\includegraphics[width=0.6\\linewidth]{${fig}}`, `  \\caption{Training loss against width.}`, `  \\label{fig:f${page + 1}}`, '\\end{figure}'].join('\n'),
        '',
      );
    }
    if (page % 10 === 2 || (pages === 1 && page === 0)) {
      const rows = Array.from({ length: dice.int(3, 5) }, (_, i) => [`${2 ** (i + 6)}`, (dice.int(700, 999) / 10).toFixed(1), (dice.int(600, 999) / 10).toFixed(1)]);
      out.push(
        md
          ? ['| Width | Layer-wise (%) | End-to-end (%) |', '|------:|---------------:|---------------:|', ...rows.map((r) => `| ${r.join(' | ')} |`), '', ': Test accuracy by width.'].join('\n')
          : ['\\begin{table}[t]', '  \\centering', '  \\caption{Test accuracy by width.}', '  \\begin{tabular}{rrr}', '    Width & Layer-wise (\\%) & End-to-end (\\%) \\\\', ...rows.map((r) => `    ${r.join(' & ')} \\\\`), '  \\end{tabular}', '\\end{table}'].join('\n'),
        '',
      );
    }
  }
  if (md) out.push('# References {.unnumbered}', '', '::: {#refs}', ':::', '');
  else out.push('\\bibliographystyle{plainnat}', '\\bibliography{references}', '', '\\end{document}', '');
  return out.join('\n');
}

/** A pandoc Markdown writeup of about `pages` NeurIPS pages. */
export function generateMarkdown(options: WriteupOptions): string {
  return generate('markdown', options);
}

/** The same kind of writeup in LaTeX (NeurIPS template shape: `\title`, `\author` with `\And`). */
export function generateLatex(options: WriteupOptions): string {
  return generate('latex', options);
}

const FAMILIES = [
  'Bartlett', 'Foster', 'Telgarsky', 'Golowich', 'Rakhlin', 'Shamir', 'Arora', 'Du', 'Jacot', 'Chizat', 'Bach',
  'Belkin', 'Montanari', 'Mei', 'Yang', 'Neyshabur', 'Zhang', 'Soudry', 'Gunasekar', 'Eldan', 'Safran', 'Cohen',
  'Allen-Zhu', 'Li', 'Liang', 'Poggio', 'Schmidt-Hieber', 'Müller', 'Erdős', 'de Bruijn',
];
const GIVEN = ['Peter L.', 'Dylan J.', 'Matus', 'Noah', 'Alexander', 'Ohad', 'Sanjeev', 'Simon S.', 'Arthur', 'Lénaïc', 'Francis', 'Mikhail', 'Andrea', 'Song', 'Greg', 'Behnam', 'Chiyuan', 'Daniel', 'Suriya', 'Ronen', 'Itay', 'Nadav'];
const VENUES = [
  ['inproceedings', 'booktitle', 'Advances in Neural Information Processing Systems'],
  ['inproceedings', 'booktitle', 'International Conference on Machine Learning'],
  ['inproceedings', 'booktitle', 'Conference on Learning Theory'],
  ['inproceedings', 'booktitle', 'International Conference on Learning Representations'],
  ['article', 'journal', 'Journal of Machine Learning Research'],
  ['article', 'journal', 'Proceedings of the National Academy of Sciences'],
  ['misc', 'howpublished', 'arXiv preprint'],
] as const;

/** Options of `generateBib`. */
export interface BibOptions {
  /** Number of entries. */
  readonly entries: number;
  /** PRNG seed (default 1). */
  readonly seed?: number;
}

/** A .bib file of `entries` entries with the keys of `bibKeys(entries)`. */
export function generateBib(options: BibOptions): string {
  const dice = new Dice(options.seed ?? 1);
  const keys = bibKeys(options.entries);
  const out: string[] = ['% Generated by bench/generate.ts', ''];
  keys.forEach((key, i) => {
    const authors = Array.from({ length: dice.int(1, 4) }, (_, j) =>
      j === 0 ? `${FAMILIES[i % FAMILIES.length]}, ${dice.pick(GIVEN)}` : `${dice.pick(FAMILIES)}, ${dice.pick(GIVEN)}`,
    );
    const title = Array.from({ length: dice.int(4, 9) }, () => dice.pick([...ADJECTIVES, ...NOUNS])).join(' ');
    const [type, field, venue] = dice.pick(VENUES);
    const year = 1990 + (i % 35);
    const lines = [
      `@${type}{${key},`,
      `  author = {${authors.join(' and ')}},`,
      `  title = {${title.charAt(0).toUpperCase()}${title.slice(1)}},`,
      `  ${field} = {${venue}},`,
      `  year = {${year}},`,
    ];
    if (type === 'article') lines.push(`  volume = {${dice.int(1, 25)}},`, `  pages = {${dice.int(1, 500)}--${dice.int(501, 900)}},`);
    if (type === 'misc') lines.push(`  eprint = {${String(year % 100).padStart(2, '0')}${String(dice.int(1, 12)).padStart(2, '0')}.${String(dice.int(0, 99999)).padStart(5, '0')}},`, '  archivePrefix = {arXiv},');
    lines.push('}', '');
    out.push(...lines);
  });
  return out.join('\n');
}
