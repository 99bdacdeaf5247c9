import type { Range } from '../model/range';
import { deliverableNotes, wrap } from './notes';
import type { TemplateParts } from './parts';

/** Where the official NeurIPS style files are published (named in the template's comment). */
export const NEURIPS_STYLE_URL = 'https://neurips.cc/Conferences/2024/PaperInformation/StyleFiles';

/**
 * A NeurIPS-style LaTeX writeup the project writes itself: it loads `neurips_2024.sty` when the
 * user has put it next to the file, and falls back to the same text block (5.5in x 9in, Times)
 * otherwise, so it compiles either way.
 */
export function latexTemplate(parts: TemplateParts): { text: string; titleRange: Range } {
  const { course, deliverable, projectType, headings, title, authors } = parts;
  const marker = [`course=${course.id}`, `kind=${deliverable.kind}`, ...(projectType ? [`project-type=${projectType.id}`] : [])];
  const lines: string[] = [
    `% writeup: ${marker.join(' ')}`,
    '\\documentclass{article}',
    '',
    `% NeurIPS style: download neurips_2024.sty from ${NEURIPS_STYLE_URL}`,
    '% and put it next to this file. Without it, the fallback below gives the same page',
    '% geometry (5.5in x 9in text block) and Times, so page counts stay close.',
    '\\IfFileExists{neurips_2024.sty}{%',
    '  \\usepackage[final]{neurips_2024}%',
    '}{%',
    '  \\usepackage[letterpaper,textwidth=5.5in,textheight=9in,top=1in,headheight=12pt,headsep=25pt,footskip=30pt]{geometry}%',
    '  \\usepackage{times}%',
    '  \\usepackage[numbers,square,sort&compress]{natbib}%',
    '  % amsmath defines its own \\And, so the author separators are set once all packages are loaded.',
    '  \\AtBeginDocument{\\def\\And{\\and}\\def\\AND{\\and}}%',
    '}',
    '\\usepackage[utf8]{inputenc}',
    '\\usepackage[T1]{fontenc}',
    '\\usepackage{amsmath,amssymb,amsthm}',
    '\\usepackage{graphicx}',
    '\\usepackage{booktabs}',
    '\\usepackage{url}',
    '\\usepackage{hyperref}',
    '',
    '\\newtheorem{theorem}{Theorem}',
    '\\newtheorem{lemma}[theorem]{Lemma}',
    '\\newtheorem{proposition}[theorem]{Proposition}',
    '\\newtheorem{corollary}[theorem]{Corollary}',
    '\\theoremstyle{definition}',
    '\\newtheorem{definition}[theorem]{Definition}',
    '',
  ];
  const titleLine = lines.length;
  const titleText = escapeLatex(title);
  lines.push(`\\title{${titleText}}`, '');
  lines.push(`\\author{${authors.map(escapeLatex).join(' \\And ')}}`, '');
  lines.push('\\begin{document}', '', '\\maketitle', '');
  lines.push(...comment(deliverableNotes(course, deliverable, projectType)), '');
  lines.push('\\begin{abstract}', '  % One paragraph: the question, what you did, what you found.', '\\end{abstract}', '');
  for (const { title: heading, guidance } of headings) {
    lines.push(`\\section{${escapeLatex(heading)}}`);
    if (guidance.length > 0) lines.push(...comment(guidance));
    lines.push('');
  }
  lines.push('\\bibliographystyle{plainnat}', '\\bibliography{references}', '', '\\end{document}', '');
  const start = '\\title{'.length;
  const titleRange: Range = { start: { line: titleLine, character: start }, end: { line: titleLine, character: start + titleText.length } };
  return { text: lines.join('\n'), titleRange };
}

/** Escapes the characters LaTeX treats specially in running text. */
export function escapeLatex(text: string): string {
  return text.replace(/[\\{}$&#%_^~]/g, (c) => {
    switch (c) {
      case '\\':
        return '\\textbackslash{}';
      case '^':
        return '\\textasciicircum{}';
      case '~':
        return '\\textasciitilde{}';
      default:
        return `\\${c}`;
    }
  });
}

function comment(paragraphs: readonly string[]): string[] {
  return paragraphs.flatMap((p, i) => [...(i > 0 ? ['%'] : []), ...wrap(p).map((l) => `% ${l}`)]);
}
