import { macrosFromSetting, mergeMacros, noMacros } from '../../math/macros';
import { texProblemMessages, validateMathNodes } from '../../math/validate';
import type { Report, Rule } from '../rule';

/**
 * Formulas KaTeX (the preview's engine) cannot parse: unknown commands, unbalanced braces,
 * `\left` without `\right`, mismatched environments. Located at the offending character.
 */
export const mathSyntax: Rule = {
  id: 'math-syntax',
  description: 'A formula that does not parse: unknown command, unbalanced braces, \\left without \\right, environment mismatch.',
  defaultSeverity: 'error',
  needsCourse: false,
  fixable: false,
  messages: texProblemMessages,
  docs: {
    details:
      'Checks every formula (`$...$`, `$$...$$`, `\\(...\\)`, `\\[...\\]`, `equation`, `align`, ...) with KaTeX\'s parser, ' +
      'the engine the Writeup preview renders with, and reports the first problem of each formula at the character ' +
      'that causes it: an unknown command (`\\frca`), an unclosed `{` or a stray `}`, a `\\left` with no `\\right`, ' +
      'an `\\end{...}` that does not match its `\\begin{...}`, an unknown environment.\n\n' +
      'Macros defined with `\\newcommand`, `\\renewcommand`, `\\def` or `\\DeclareMathOperator` in the LaTeX preamble or ' +
      'in Markdown `header-includes`, and those of the `writeup.math.macros` setting, are known. Cross-references ' +
      '(`\\label`, `\\eqref`, `\\ref`) and the LaTeX environments KaTeX lacks (`multline`, `flalign`, `eqnarray`) are accepted.',
    enforces: 'No course sentence: a course-free check that runs on every writeup (math that does not compile costs a submission).',
    options:
      '`macros`: extra macros, the same shape as the `writeup.math.macros` setting (`{ "R": "\\\\mathbb{R}", "norm": ["\\\\lVert #1 \\\\rVert", 1] }`).',
  },
  examples: {
    ok: [
      {
        title: 'Inline and display math, with a macro from header-includes',
        text:
          '---\ntitle: Bounds\nheader-includes: |\n  \\newcommand{\\R}{\\mathbb{R}}\n---\n\n' +
          'Let $x \\in \\R^d$ and\n\n$$\n\\left( \\sum_i x_i \\right)^2 \\le d \\|x\\|^2.\n$$\n',
      },
      {
        title: 'A LaTeX align with labels and a DeclareMathOperator',
        format: 'latex',
        text:
          '\\documentclass{article}\n\\DeclareMathOperator*{\\argmin}{arg\\,min}\n\\begin{document}\n' +
          '\\begin{align}\n  w^\\star &= \\argmin_w L(w) \\label{eq:w} \\\\\n  L(w) &= \\frac{1}{n} \\sum_i \\ell_i(w)\n\\end{align}\n\\end{document}\n',
      },
    ],
    notOk: [
      {
        title: 'An unknown command (a typo)',
        text: 'The bound is $\\frca{1}{n}$.\n',
        problems: [{ messageId: 'unknownCommand', line: 0 }],
      },
      {
        title: 'An unclosed brace on the second line of display math',
        text: 'Text.\n\n$$\na = b\n\\frac{1}{n\n$$\n',
        problems: [{ messageId: 'unclosedBrace', line: 4 }],
      },
      {
        title: '\\left without \\right',
        text: 'Here $\\left( x + y$.\n',
        problems: [{ messageId: 'leftWithoutRight', line: 0 }],
      },
      {
        title: 'An environment ended by the wrong \\end',
        format: 'latex',
        text: '\\documentclass{article}\n\\begin{document}\n\\[\n\\begin{cases} 1 & x > 0 \\\\ 0 & \\text{else}\n\\end{array}\n\\]\n\\end{document}\n',
        problems: [{ messageId: 'environmentMismatch', line: 4 }],
      },
    ],
  },
  check({ writeup, options }) {
    const macros = mergeMacros(macrosFromSetting(options['macros']), writeup.metadata.mathMacros ?? noMacros);
    const reports: Report[] = [];
    for (const p of validateMathNodes(writeup.text, writeup.math, macros)) {
      reports.push({ messageId: p.code, data: p.data, range: p.range });
    }
    return reports;
  },
};
