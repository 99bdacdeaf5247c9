import fc from 'fast-check';

/**
 * Generators for hostile writeups, .bib files and course packs: random structure from the
 * pieces real writeups are made of, then mutated (cut, duplicated, bytes flipped).
 */

const words = ['theorem', 'the', 'network', 'bound', 'margin', 'we', 'prove', 'that', 'loss', 'é', '😀', 'a\u0301', '\u200b'];
const mdPieces = [
  '---\n', 'title: T\n', 'author: [A, B]\n', 'course: mit-18.408\n', 'kind: report\n', 'bibliography: refs.bib\n',
  'a: &x [*x]\n', 'b: *x\n', 'c: !!binary x\n', '# Intro\n', '## Method {.unnumbered}\n', '### ', '\n\n', '\n',
  '$', '$$', '\\(', '\\)', '\\[', '\\]', '\\begin{align}', '\\end{align}', '\\end{gather}', '\\frac{1}{2}', '\\left(', '\\right',
  '{', '}', '[@', '@', ';', ', p. 3]', '[-@key]', 'a@b.com', '`', '```\n', '~~~', '<!-- writeup-disable-next-line page-limit -->\n',
  '- item\n', '1. item\n', '| a | b |\n|---|---|\n| 1 | 2 |\n', '![cap](fig.png){width=50%}\n', '::: {#refs}\n:::\n',
  '# References\n', '\\newpage\n', '\r\n', '\r', '\t', '\u0000', '\uFFFD', '\uD800', '<img src=x onerror=alert(1)>', '\\href{javascript:alert(1)}{x}',
  // Link and footnote definitions and references (each chunk of a read is given those its labels name).
  '[^1]', '[^N1]', '\n\n[^n1]: A note.\n\n', '[a]', '[A][]', '[t][ a ]', '![i][a]', '\n\n[a]: https://x.org\n\n', '[a]: #\n',
];
const texPieces = [
  '\\documentclass{article}\n', '\\usepackage{neurips_2024}\n', '\\title{T}\n', '\\author{A \\And B \\AND C}\n',
  '\\begin{document}\n', '\\end{document}\n', '\\maketitle\n', '\\begin{abstract}', '\\end{abstract}', '\\section{', '\\subsection*{',
  '}', '{', '\\cite{', '\\citep[p.~3]{a,b}', '\\citet{', '\\input{', '\\include{self}', '$', '$$', '\\[', '\\]', '\\(', '\\)',
  '\\begin{equation}', '\\end{equation}', '\\begin{align*}', '\\end{align}', '\\begin{figure}', '\\includegraphics[width=0.5\\linewidth]{f.png}',
  '\\caption{c}', '\\end{figure}', '\\begin{tabular}{cc}', 'a & b \\\\', '\\end{tabular}', '\\begin{itemize}', '\\item x', '\\end{itemize}',
  '% writeup: course=mit-9.520-fall2024 kind=report\n', '% writeup-disable-next-line empty-section\n', '\\%', '%', '\\newcommand{\\R}{\\mathbb{R}}',
  '\\def\\x{\\x}', '\\bibliography{references}', '\\appendix', '\\newpage', '\n\n', '\n', '\r\n', '\u0000', '😀', '\\verb|x|',
];

function pieces(list: readonly string[]): fc.Arbitrary<string> {
  return fc.array(fc.oneof(fc.constantFrom(...list), fc.constantFrom(...words).map((w) => `${w} `)), { maxLength: 80 }).map((a) => a.join(''));
}

/** Deeply nested or very long inputs that stress recursion and line handling. */
const stress: fc.Arbitrary<string> = fc.oneof(
  fc.integer({ min: 1, max: 20_000 }).map((n) => '{'.repeat(n) + 'x'),
  fc.integer({ min: 1, max: 5_000 }).map((n) => '$'.repeat(n)),
  fc.integer({ min: 1, max: 3_000 }).map((n) => '[@a'.repeat(n)),
  fc.integer({ min: 1, max: 2_000 }).map((n) => '> '.repeat(n) + 'quote'),
  fc.integer({ min: 1, max: 2_000 }).map((n) => '- '.repeat(n) + 'item'),
  fc.integer({ min: 1, max: 1_000 }).map((n) => '\\begin{x}'.repeat(n)),
  fc.integer({ min: 1, max: 200_000 }).map((n) => 'a'.repeat(n)),
  fc.integer({ min: 1, max: 200 }).map((n) => `---\n${Array.from({ length: n }, (_, i) => `k${i}: &a${i} [${i ? `*a${i - 1},`.repeat(8) : 'x'}]`).join('\n')}\n---\n`),
);

/** Applies a few random edits: cut, duplicate, insert a hostile piece, flip a character. */
function mutate(base: fc.Arbitrary<string>): fc.Arbitrary<string> {
  const edit = fc.tuple(fc.nat(), fc.nat(), fc.constantFrom('cut', 'dup', 'flip', 'insert'), fc.string({ unit: 'binary', maxLength: 8 }));
  return fc.tuple(base, fc.array(edit, { maxLength: 4 })).map(([text, edits]) => {
    let t = text;
    for (const [a, b, op, s] of edits) {
      const i = t.length ? a % t.length : 0;
      const j = t.length ? Math.min(t.length, i + (b % 64)) : 0;
      if (op === 'cut') t = t.slice(0, i) + t.slice(j);
      else if (op === 'dup') t = t.slice(0, j) + t.slice(i, j) + t.slice(j);
      else if (op === 'flip') t = t.slice(0, i) + String.fromCharCode((t.charCodeAt(i) || 0) ^ ((b % 255) + 1)) + t.slice(i + 1);
      else t = t.slice(0, i) + s + t.slice(i);
    }
    return t;
  });
}

/** A Markdown writeup: structured pieces, arbitrary strings, stress shapes, all mutated. */
export const markdownText: fc.Arbitrary<string> = mutate(
  fc.oneof({ weight: 6, arbitrary: pieces(mdPieces) }, { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 400 }) }, { weight: 1, arbitrary: stress }),
);

/** A LaTeX writeup, built the same way. */
export const latexText: fc.Arbitrary<string> = mutate(
  fc.oneof({ weight: 6, arbitrary: pieces(texPieces) }, { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 400 }) }, { weight: 1, arbitrary: stress }),
);

const bibPieces = [
  '@article{', '@inproceedings{key,', '@misc{k2,\n', '@string{nips = "NeurIPS"}\n', '@comment{x}', '@preamble{"\\x"}',
  'title = {A {B} title},\n', 'author = {Last, First and Other, A.},\n', 'year = 2017,\n', 'year = {20x7},\n', 'booktitle = nips # " 2017",\n',
  'title = "quoted {brace}",\n', '}\n', '{', '}', '"', ',', '=', '#', '\\"o', "{\\'e}", '@', '\n', '%% comment\n', '\u0000', '😀',
];

/** A .bib file. */
export const bibText: fc.Arbitrary<string> = mutate(
  fc.oneof({ weight: 5, arbitrary: pieces(bibPieces) }, { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 300 }) }, { weight: 1, arbitrary: stress }),
);

/** A course pack: a JSON value shaped like a pack, with wrong types here and there, or broken JSON. */
export const packText: fc.Arbitrary<string> = fc.oneof(
  fc
    .record({
      id: fc.oneof(fc.string(), fc.constant('mit-18.408'), fc.integer()),
      title: fc.oneof(fc.string(), fc.constant(null)),
      deliverables: fc.array(
        fc.record({
          kind: fc.oneof(fc.constantFrom('proposal', 'report'), fc.string()),
          due: fc.oneof(fc.constant('2021-04-09'), fc.string()),
          pageLimit: fc.oneof(fc.record({ individual: fc.oneof(fc.integer(), fc.string()), team: fc.integer() }), fc.constant('5')),
          requiredSections: fc.array(fc.record({ id: fc.string(), title: fc.string(), aliases: fc.array(fc.string()), source: fc.string(), severity: fc.constantFrom('error', 'warning', 'x') })),
        }),
        { maxLength: 3 },
      ),
      papers: fc.array(fc.record({ key: fc.string(), title: fc.string(), authors: fc.oneof(fc.array(fc.string()), fc.string()), year: fc.oneof(fc.integer(), fc.string()) }), { maxLength: 4 }),
    })
    .map((v) => JSON.stringify(v)),
  mutate(fc.constant('{"id":"x","title":"y","deliverables":[],"papers":[]}')),
  fc.string({ unit: 'binary', maxLength: 200 }),
);
