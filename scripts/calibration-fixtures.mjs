// Writes the calibration corpus of the page estimator (test/fixtures/calibration/): writeups in
// Markdown and LaTeX of varied shape, their bibliography and figures (small PNGs), all
// deterministic. Run: node scripts/calibration-fixtures.mjs. Then `npm run calibrate`.
import { mkdirSync, writeFileSync } from 'node:fs';
import { greyPng } from './png.mjs';

const out = new URL('../test/fixtures/calibration/', import.meta.url);
mkdirSync(new URL('figures/', out), { recursive: true });

// ---- deterministic randomness
function rng(seed) {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13; x >>>= 0; x ^= x >>> 17; x ^= x << 5; x >>>= 0;
    return x / 4294967296;
  };
}

// ---- PNG writer (grayscale gradient with a stripe)
const png = (width, height) => greyPng(width, height, (x, y) => (x * 255) / width + (Math.abs(y - height / 2) < 3 ? 128 : 0));
const FIGURES = { 'wide.png': [480, 240], 'landscape.png': [400, 300], 'square.png': [300, 300], 'tall.png': [240, 360], 'panel.png': [600, 200] };
for (const [name, [w, h]] of Object.entries(FIGURES)) writeFileSync(new URL(`figures/${name}`, out), png(w, h));

// ---- words
const VOCAB = ('we study the training dynamics of overparameterized neural networks in the kernel regime and beyond ' +
  'our analysis shows that gradient descent converges to a global minimum at a linear rate when the width exceeds a ' +
  'polynomial in the number of samples under a separation assumption on the data distribution this complements recent ' +
  'results on implicit regularization benign overfitting double descent and the generalization of interpolating ' +
  'estimators in high dimensions we further characterize feature learning through a mean field limit of two layer ' +
  'networks and discuss when the neural tangent kernel fails to describe practical architectures including transformers ' +
  'with attention layers residual connections normalization and stochastic optimization with momentum').split(' ');
const MATH_INLINE = ['x', 'n', 'd \\gg n', '\\theta_t', 'f(x; \\theta)', '\\eta', 'L(\\theta)', '\\|w\\|_2', 'O(1/\\sqrt{n})', '\\mathbb{E}[\\ell(f(x), y)]', 'k(x, x\')', '\\lambda_{\\min}(K)', 'm = \\Omega(n^2)', '\\sigma(\\cdot)'];
const DISPLAYS = [
  'L(\\theta) = \\frac{1}{n} \\sum_{i=1}^{n} \\ell(f(x_i; \\theta), y_i)',
  '\\theta_{t+1} = \\theta_t - \\eta \\nabla L(\\theta_t)',
  'K(x, x\') = \\mathbb{E}_{w \\sim \\mathcal{N}(0, I)}\\left[\\sigma(w^\\top x)\\, \\sigma(w^\\top x\')\\right]',
  '\\|f - f^*\\|_{L^2}^2 \\le C \\left( \\frac{d}{n} \\right)^{\\frac{2s}{2s+d}}',
  'R(\\hat f) - R(f^*) \\le \\frac{\\|w^*\\|^2}{2 \\eta T} + \\frac{\\eta G^2}{2}',
  '\\int_{0}^{T} \\|\\nabla L(\\theta_t)\\|^2 \\, dt \\le L(\\theta_0)',
  'H = \\begin{pmatrix} a & b \\\\ b & c \\end{pmatrix}',
  'g(x) = \\begin{cases} x & x > 0 \\\\ 0 & \\text{otherwise} \\end{cases}',
];
const ALIGNS = [
  ['L(\\theta_{t+1}) &\\le L(\\theta_t) - \\eta \\|\\nabla L(\\theta_t)\\|^2 + \\frac{\\beta \\eta^2}{2} \\|\\nabla L(\\theta_t)\\|^2', '&\\le L(\\theta_t) - \\frac{\\eta}{2} \\|\\nabla L(\\theta_t)\\|^2'],
  ['a_{t+1} &= (1 - \\eta \\lambda) a_t', 'b_{t+1} &= b_t + \\eta \\langle x_t, w \\rangle', 'c_{t+1} &= \\sum_{s \\le t} a_s b_s'],
];
const TITLES = ['Introduction', 'Related Work', 'Background', 'Setting and Notation', 'Main Results', 'Proof Sketch', 'Experiments', 'Discussion', 'Limitations', 'Conclusion', 'Method', 'Analysis'];
const SUBTITLES = ['Assumptions', 'A First Bound', 'Lower Bounds', 'Training Details', 'Datasets', 'Ablations', 'Comparison'];
const NAMES = ['Ada Lovelace', 'Alan Turing', 'Grace Hopper', 'Claude Shannon', 'Emmy Noether', 'John von Neumann', 'Sofia Kovalevskaya'];
const AFFILS = ['Massachusetts Institute of Technology', 'Technical University of Munich', 'Department of Mathematics, Example University'];

function sentence(r, s) {
  const n = 9 + Math.floor(r() * 16);
  const words = [];
  for (let i = 0; i < n; i++) {
    if (s.math > 0 && r() < s.math) words.push(s.fmt.inline(MATH_INLINE[Math.floor(r() * MATH_INLINE.length)]));
    else words.push(VOCAB[Math.floor(r() * VOCAB.length)]);
  }
  if (s.cite > 0 && r() < s.cite) {
    const keys = [];
    const k = 1 + Math.floor(r() * 2);
    for (let i = 0; i < k; i++) keys.push(`ref${Math.floor(r() * s.refPool)}`);
    words.push(s.fmt.cite([...new Set(keys)]));
  }
  const t = words.join(' ');
  return t.charAt(0).toUpperCase() + t.slice(1) + '.';
}
function paragraph(r, s, sentences) {
  const out = [];
  for (let i = 0; i < sentences; i++) out.push(sentence(r, s));
  return out.join(' ');
}

const MD = {
  inline: (t) => `$${t}$`,
  cite: (keys) => `[${keys.map((k) => `@${k}`).join('; ')}]`,
  heading: (level, t) => `${'#'.repeat(level)} ${t}`,
  display: (t) => `$$\n${t}\n$$`,
  align: (rows) => `$$\n\\begin{aligned}\n${rows.join(' \\\\\n')}\n\\end{aligned}\n$$`,
  figure: (file, width, caption) => `![${caption}](figures/${file})${width ? `{width=${width}%}` : ''}`,
  list: (items, ordered) => items.map((t, i) => `${ordered ? `${i + 1}.` : '-'} ${t}`).join('\n'),
  // items: [text, depth] with depth 1, 2, 3
  nested: (items) => items.map(([t, d]) => `${'  '.repeat(d - 1)}${d === 2 ? '*' : '-'} ${t}`).join('\n'),
  footnote: (t, n) => (n % 2 === 0 ? { mark: `^[${t}]` } : { mark: `[^n${n}]`, definition: `[^n${n}]: ${t}` }),
  vspace: (len) => `\\vspace{${len}}`,
  table: (rows, cols, caption) => {
    const head = `| ${Array.from({ length: cols }, (_, i) => (i === 0 ? 'Method' : `Metric ${i}`)).join(' | ')} |`;
    const sep = `|${Array.from({ length: cols }, (_, i) => (i === 0 ? ':---' : '---:')).join('|')}|`;
    const body = Array.from({ length: rows }, (_, r) => `| ${Array.from({ length: cols }, (_, c) => (c === 0 ? `Model ${r + 1}` : (0.5 + ((r * 7 + c * 3) % 40) / 100).toFixed(2))).join(' | ')} |`);
    return [head, sep, ...body, '', `: ${caption}`].join('\n');
  },
  newpage: () => '\\newpage',
};
const TEX = {
  inline: (t) => `$${t}$`,
  cite: (keys) => `\\citep{${keys.join(',')}}`,
  heading: (level, t) => `\\${['section', 'subsection', 'subsubsection'][level - 1]}{${t}}`,
  display: (t) => `\\begin{equation}\n  ${t}\n\\end{equation}`,
  align: (rows) => `\\begin{align}\n  ${rows.join(' \\\\\n  ')}\n\\end{align}`,
  figure: (file, width, caption) => `\\begin{figure}[t]\n  \\centering\n  \\includegraphics[width=${width ? (width / 100).toFixed(2) : '1.0'}\\linewidth]{figures/${file}}\n  \\caption{${caption}}\n\\end{figure}`,
  list: (items, ordered) => `\\begin{${ordered ? 'enumerate' : 'itemize'}}\n${items.map((t) => `  \\item ${t}`).join('\n')}\n\\end{${ordered ? 'enumerate' : 'itemize'}}`,
  nested: (items) => {
    const out = ['\\begin{itemize}'];
    let depth = 1;
    for (const [t, d] of items) {
      while (depth < d) { out.push(`${'  '.repeat(depth)}\\begin{${depth === 1 ? 'enumerate' : 'itemize'}}`); depth++; }
      while (depth > d) { depth--; out.push(`${'  '.repeat(depth)}\\end{${depth === 1 ? 'enumerate' : 'itemize'}}`); }
      out.push(`${'  '.repeat(d)}\\item ${t}`);
    }
    while (depth > 1) { depth--; out.push(`${'  '.repeat(depth)}\\end{${depth === 1 ? 'enumerate' : 'itemize'}}`); }
    out.push('\\end{itemize}');
    return out.join('\n');
  },
  footnote: (t) => ({ mark: `\\footnote{${t}}` }),
  vspace: (len) => `\\vspace{${len}}`,
  algorithm: (steps, caption, placement) => [
    `\\begin{algorithm}${placement}`, `  \\caption{${caption}}`, '  \\begin{algorithmic}[1]',
    ...steps.map(([cmd, t, d]) => `  ${'  '.repeat(d)}\\${cmd}${t === undefined ? '' : cmd === 'FOR' || cmd === 'IF' || cmd === 'WHILE' ? `{${t}}` : ` ${t}`}`),
    '  \\end{algorithmic}', '\\end{algorithm}',
  ].join('\n'),
  table: (rows, cols, caption) => {
    const head = Array.from({ length: cols }, (_, i) => (i === 0 ? 'Method' : `Metric ${i}`)).join(' & ');
    const body = Array.from({ length: rows }, (_, r) => Array.from({ length: cols }, (_, c) => (c === 0 ? `Model ${r + 1}` : (0.5 + ((r * 7 + c * 3) % 40) / 100).toFixed(2))).join(' & ') + ' \\\\');
    return `\\begin{table}[t]\n  \\caption{${caption}}\n  \\centering\n  \\begin{tabular}{l${'c'.repeat(cols - 1)}}\n    \\toprule\n    ${head} \\\\\n    \\midrule\n    ${body.join('\n    ')}\n    \\bottomrule\n  \\end{tabular}\n\\end{table}`;
  },
  newpage: () => '\\newpage',
};

/** Body of one writeup from its recipe. */
function body(r, recipe, fmt) {
  const s = { math: recipe.inlineMath ?? 0.02, cite: recipe.cite ?? 0.15, refPool: recipe.refs ?? 12, fmt };
  const parts = [];
  const figs = Object.keys(FIGURES);
  let fig = 0, tab = 0, disp = 0;
  const defs = [];
  let notes = 0;
  for (let sec = 0; sec < recipe.sections; sec++) {
    // Squeezing before a heading, as students do to stay under the limit.
    if (recipe.vspace && sec > 0 && r() < recipe.vspace) parts.push(fmt.vspace(['-2mm', '-0.5\\baselineskip', '-4pt', '3mm', '-1em'][Math.floor(r() * 5)]));
    parts.push(fmt.heading(1, TITLES[sec % TITLES.length]));
    const subs = recipe.subsections && sec > 0 && sec % 2 === 0 ? 2 : 0;
    for (let sub = 0; sub <= subs; sub++) {
      if (sub > 0) parts.push(fmt.heading(2, SUBTITLES[(sec + sub) % SUBTITLES.length]));
      for (let p = 0; p < recipe.paragraphs; p++) {
        let para = paragraph(r, s, recipe.sentences ?? 5);
        if (recipe.footnotes && r() < recipe.footnotes) {
          // A note after the paragraph's first sentence.
          const note = fmt.footnote(paragraph(r, { ...s, cite: s.cite / 2 }, 1 + Math.floor(r() * 2)), notes++);
          const cut = para.indexOf('. ') + 1;
          para = cut > 0 ? para.slice(0, cut) + note.mark + para.slice(cut) : para + note.mark;
          if (note.definition) defs.push(note.definition);
        }
        parts.push(para);
        if (recipe.vspace && r() < recipe.vspace / 3) parts.push(fmt.vspace(['-3mm', '2mm', '-\\baselineskip'][Math.floor(r() * 3)]));
        if (recipe.displays && r() < recipe.displays) {
          disp++;
          parts.push(disp % 3 === 0 ? fmt.align(ALIGNS[disp % ALIGNS.length]) : fmt.display(DISPLAYS[disp % DISPLAYS.length]));
        }
      }
      if (recipe.lists && r() < recipe.lists) {
        const n = 2 + Math.floor(r() * 4);
        parts.push(fmt.list(Array.from({ length: n }, () => paragraph(r, s, 1 + Math.floor(r() * 2))), r() < 0.4));
      }
      if (recipe.nested && r() < recipe.nested) {
        const items = [];
        let d = 1;
        for (let k = 0; k < 4 + Math.floor(r() * 5); k++) {
          items.push([paragraph(r, s, 1), d]);
          const x = r();
          d = x < 0.4 ? Math.min(3, d + 1) : x < 0.7 ? d : Math.max(1, d - 1);
        }
        parts.push(fmt.nested(items));
      }
      if (recipe.algorithms && fmt.algorithm && r() < recipe.algorithms) {
        const steps = [['REQUIRE', 'data $(x_i, y_i)_{i=1}^n$, step size $\\eta$', 0], ['STATE', '$\\theta_0 \\gets 0$', 0], ['FOR', '$t = 0$ \\TO $T - 1$', 0]];
        for (let k = 0; k < 2 + Math.floor(r() * 6); k++) steps.push(['STATE', paragraph(r, { ...s, cite: 0, math: 0 }, 1).split(' ').slice(0, 3 + Math.floor(r() * 8)).join(' '), 1]);
        if (r() < 0.5) steps.push(['IF', '$\\|\\nabla L(\\theta_t)\\| < \\epsilon$', 1], ['STATE', 'stop', 2], ['ENDIF', undefined, 1]);
        steps.push(['ENDFOR', undefined, 0], ['RETURN', '$\\theta_T$', 0]);
        parts.push(fmt.algorithm(steps, `${['Gradient descent', 'Kernel regression with early stopping', 'Training the two-layer network'][Math.floor(r() * 3)]} ${paragraph(r, { ...s, cite: 0, math: 0 }, 1).split(' ').slice(0, 5).join(' ')}`, ['', '[t]', '[h]', '[tb]'][Math.floor(r() * 4)]));
      }
    }
    if (recipe.figures && r() < recipe.figures) {
      const width = [null, 50, 60, 80, 100, 40][fig % 6];
      parts.push(fmt.figure(figs[fig % figs.length], width, paragraph(r, { ...s, cite: 0, math: 0 }, 1 + (fig % 2))));
      fig++;
    }
    if (recipe.tables && r() < recipe.tables) {
      parts.push(fmt.table(3 + (tab % 5), 3 + (tab % 3), `Results of the ${['first', 'second', 'third'][tab % 3]} experiment.`));
      tab++;
    }
    if (recipe.newpageAfter === sec) parts.push(fmt.newpage());
  }
  return [...parts, ...defs];
}

const RECIPES = [
  ['proposal-short', { sections: 3, paragraphs: 1, sentences: 4, refs: 4 }],
  ['proposal-onepage', { sections: 4, paragraphs: 2, sentences: 4, refs: 6, lists: 0.5 }],
  ['proposal-math', { sections: 3, paragraphs: 2, sentences: 4, inlineMath: 0.08, displays: 0.5, refs: 5 }],
  ['proposal-list', { sections: 4, paragraphs: 1, sentences: 3, lists: 1, refs: 8 }],
  ['report-plain', { sections: 6, paragraphs: 3, sentences: 6, refs: 12 }],
  ['report-math', { sections: 6, paragraphs: 3, sentences: 5, inlineMath: 0.1, displays: 0.6, refs: 10, subsections: true }],
  ['report-figures', { sections: 6, paragraphs: 2, sentences: 5, figures: 1, refs: 10 }],
  ['report-tables', { sections: 6, paragraphs: 2, sentences: 5, tables: 0.8, refs: 10 }],
  ['report-mixed', { sections: 7, paragraphs: 3, sentences: 5, inlineMath: 0.05, displays: 0.3, figures: 0.5, tables: 0.4, lists: 0.4, refs: 15, subsections: true }],
  ['report-long', { sections: 10, paragraphs: 5, sentences: 6, inlineMath: 0.04, displays: 0.25, figures: 0.4, tables: 0.3, lists: 0.3, refs: 25, subsections: true }],
  ['report-citations', { sections: 5, paragraphs: 3, sentences: 5, cite: 0.6, refs: 30 }],
  ['report-newpage', { sections: 5, paragraphs: 2, sentences: 5, figures: 0.4, refs: 8, newpageAfter: 2 }],
  ['report-dense-math', { sections: 5, paragraphs: 4, sentences: 4, inlineMath: 0.15, displays: 0.8, refs: 8, subsections: true }],
  ['report-lists', { sections: 6, paragraphs: 2, sentences: 4, lists: 1, refs: 10 }],
  ['report-figheavy', { sections: 8, paragraphs: 1, sentences: 5, figures: 1, tables: 0.3, refs: 8 }],
  ['report-medium', { sections: 8, paragraphs: 3, sentences: 6, inlineMath: 0.03, displays: 0.2, figures: 0.3, lists: 0.2, refs: 18, subsections: true }],
  ['report-squeeze', { sections: 7, paragraphs: 2, sentences: 5, inlineMath: 0.04, displays: 0.3, figures: 0.4, nested: 0.4, footnotes: 0.25, vspace: 0.9, refs: 12, subsections: true }],
  ['report-footnotes', { sections: 6, paragraphs: 3, sentences: 5, inlineMath: 0.03, footnotes: 0.5, nested: 0.5, vspace: 0.4, tables: 0.3, refs: 12 }],
];
/** LaTeX only: algorithm floats need the algorithms package. */
const TEX_ONLY = [
  ['report-algorithms', { sections: 6, paragraphs: 2, sentences: 5, inlineMath: 0.05, displays: 0.3, algorithms: 0.45, figures: 0.25, vspace: 0.5, footnotes: 0.15, refs: 10, subsections: true }],
];
const AUTHORS = [1, 2, 3, 4, 2, 1, 3];

function frontMatter(r, i, title, abstractSentences) {
  const n = AUTHORS[i % AUTHORS.length];
  const authors = Array.from({ length: n }, (_, k) => ({ name: NAMES[(i + k) % NAMES.length], affiliation: AFFILS[(i + k) % AFFILS.length], email: `${NAMES[(i + k) % NAMES.length].split(' ')[1].toLowerCase()}@example.edu` }));
  const abstract = paragraph(r, { math: 0.02, cite: 0, refPool: 1, fmt: MD }, abstractSentences);
  return { authors, abstract, title };
}

const written = [];
function writeMd(name, i, recipe) {
  const r = rng(1000 + i);
  const fm = frontMatter(r, i, `${TITLES[i % TITLES.length]} of ${VOCAB[(i * 7) % VOCAB.length]} ${VOCAB[(i * 13) % VOCAB.length]} networks`, recipe.sections > 5 ? 6 : 4);
  const yaml = ['---', `title: "${fm.title}"`, 'author:', ...fm.authors.flatMap((a) => [`  - name: ${a.name}`, `    affiliation: ${a.affiliation}`, `    email: ${a.email}`]), 'abstract: |', `  ${fm.abstract}`, 'bibliography: refs.bib', '---', ''];
  const text = [...yaml, ...body(r, recipe, MD).flatMap((p) => [p, '']), '# References {-}', '', '::: {#refs}', ':::', ''].join('\n');
  writeFileSync(new URL(`${name}.md`, out), text);
  written.push(`${name}.md`);
}
function writeTex(name, i, recipe) {
  const r = rng(5000 + i);
  const fm = frontMatter(r, i, `${TITLES[(i + 3) % TITLES.length]} of ${VOCAB[(i * 11) % VOCAB.length]} ${VOCAB[(i * 5) % VOCAB.length]} models`, recipe.sections > 5 ? 6 : 4);
  const authors = fm.authors.map((a) => `  ${a.name}\\\\\n  ${a.affiliation}\\\\\n  \\texttt{${a.email}}`).join('\n  \\And\n');
  const text = [
    '\\documentclass{article}', '\\usepackage[final]{neurips_2024}', '\\usepackage[utf8]{inputenc}', '\\usepackage[T1]{fontenc}',
    '\\usepackage{amsmath,amssymb,amsfonts}', '\\usepackage{graphicx}', '\\usepackage{booktabs}', ...(recipe.algorithms ? ['\\usepackage{algorithm}', '\\usepackage{algorithmic}'] : []), '\\usepackage{hyperref}', '',
    `\\title{${fm.title}}`, '', `\\author{\n${authors}\n}`, '', '\\begin{document}', '', '\\maketitle', '',
    '\\begin{abstract}', `  ${fm.abstract}`, '\\end{abstract}', '',
    ...body(r, recipe, TEX).flatMap((p) => [p, '']),
    '\\bibliographystyle{plainnat}', '\\bibliography{refs}', '', '\\end{document}', '',
  ].join('\n');
  writeFileSync(new URL(`${name}.tex`, out), text);
  written.push(`${name}.tex`);
}

RECIPES.forEach(([name, recipe], i) => writeMd(`md-${name}`, i, recipe));
// LaTeX: every other recipe, plus two variants.
RECIPES.filter((_, i) => i % 2 === 1 || i === 0 || i === 8).forEach(([name, recipe], i) => writeTex(`tex-${name}`, i + 20, recipe));
TEX_ONLY.forEach(([name, recipe], i) => writeTex(`tex-${name}`, i + 40, recipe));

// ---- bibliography: 40 entries, two to four authors, titles of varied length
const r = rng(77);
const LAST = ['Jacot', 'Gabriel', 'Hongler', 'Arora', 'Du', 'Lee', 'Chizat', 'Bach', 'Mei', 'Montanari', 'Belkin', 'Hsu', 'Bartlett', 'Long', 'Soudry', 'Zhang', 'Bengio', 'Recht', 'Neyshabur', 'Srebro'];
const VENUES = ['Advances in Neural Information Processing Systems', 'International Conference on Machine Learning', 'Conference on Learning Theory', 'Proceedings of the National Academy of Sciences', 'Journal of Machine Learning Research', 'International Conference on Learning Representations'];
const bib = [];
for (let i = 0; i < 40; i++) {
  const n = 1 + Math.floor(r() * 4);
  const authors = Array.from({ length: n }, () => `${LAST[Math.floor(r() * LAST.length)]}, ${String.fromCharCode(65 + Math.floor(r() * 26))}.`).join(' and ');
  const tw = 5 + Math.floor(r() * 9);
  const title = Array.from({ length: tw }, () => VOCAB[Math.floor(r() * VOCAB.length)]).join(' ');
  bib.push(`@inproceedings{ref${i},\n  author = {${authors}},\n  title = {${title.charAt(0).toUpperCase() + title.slice(1)}},\n  booktitle = {${VENUES[i % VENUES.length]}},\n  year = {${2012 + (i % 12)}}\n}\n`);
}
writeFileSync(new URL('refs.bib', out), bib.join('\n'));
console.log(`wrote ${written.length} writeups:`, written.join(' '));
