/* LaTeX to plain text: what a snippet prints, as the reader's blocks and metadata hold it. */

import { matchBracket } from './source';

/** The snippet without its `\\footnote{...}`s (their text is set at the foot of the page). */
export function withoutFootnotes(source: string): string {
  const re = /\\footnote(?:text)?(?![A-Za-z@])\s*(?:\[[^\]]*\]\s*)?\{/g;
  const parts: string[] = [];
  let last = 0;
  for (let m = re.exec(source); m; m = re.exec(source)) {
    const close = matchBracket(source, m.index + m[0].length - 1, '{', '}');
    if (close < 0) break;
    parts.push(source.slice(last, m.index));
    last = close + 1;
    re.lastIndex = last;
  }
  parts.push(source.slice(last));
  return parts.join('');
}

/**
 * A command outside math that takes a brace argument: math spans (kept whole), or `\\name[..]{first}`.
 * Reference commands print a name and a number; commands whose first argument is not text
 * (a colour, a link target) print only what follows it; any other command prints its arguments,
 * never its own name.
 */
/** Math spans: `$..$`, `\\(..\\)`, `\\[..\\]` and display environments (and an escaped dollar); bounded, so unclosed ones stay linear. */
export const MATH_SPAN = String.raw`(\\\$|\$\$?[^$]{0,2000}\$\$?|\\\([\s\S]{0,400}?\\\)|(?<!\\)\\\[[\s\S]{0,2000}?\\\]|\\begin\{(?:equation|align|gather|multline|eqnarray|flalign|alignat|displaymath|math)\*?\}[\s\S]{0,5000}?\\end\{(?:equation|align|gather|multline|eqnarray|flalign|alignat|displaymath|math)\*?\})`;
export const OUTSIDE_MATH_COMMAND = new RegExp(String.raw`${MATH_SPAN}|\\([A-Za-z]+)\*?((?:\[[^\]]{0,200}\])*)\{([^{}]{0,2000})\}`, 'g');

/** Math spans (kept whole), or a command without arguments, with or without `{}` after it. */
export const OUTSIDE_MATH_MACRO = new RegExp(String.raw`${MATH_SPAN}|\\([A-Za-z]+)(?![A-Za-z])(?:\{\})?`, 'g');

/** Commands whose first brace argument prints nothing (a colour, a link's address, an index entry). */
export const HIDDEN_FIRST_ARGUMENT = new Set(['textcolor', 'color', 'colorbox', 'href', 'index', 'glsadd', 'pagestyle', 'thispagestyle', 'addtocounter', 'stepcounter', 'refstepcounter', 'bibliography', 'addbibresource', 'pagenumbering', 'phantomsection', 'hyperlink', 'hypertarget']);

/** Commands that print a name before the referenced number: cleveref's `\\cref`, hyperref's `\\autoref`. */
export const NAMED_REFERENCE = /^(cref|Cref|autoref|Autoref|cpageref|Cpageref|vref|Vref|labelcref|crefrange|Crefrange|namecref|nameCref)$/;

/** What a label's prefix (`fig:x`) prints before its number. */
export const REFERENCE_NAMES: Record<string, string> = { fig: 'Figure', tab: 'Table', tbl: 'Table', sec: 'Section', ssec: 'Section', subsec: 'Section', app: 'Appendix', eq: 'Equation', eqn: 'Equation', thm: 'Theorem', lem: 'Lemma', prop: 'Proposition', def: 'Definition', cor: 'Corollary', alg: 'Algorithm', algo: 'Algorithm' };

export function plainCommand(whole: string, kept: string | undefined, name: string, _options: string, first: string): string {
  if (kept !== undefined) return kept;
  // `\\ref`/`\\eqref` are left to the removal below (the tuned constants absorb their digits).
  if (name === 'ref' || name === 'eqref') return whole;
  if (NAMED_REFERENCE.test(name)) {
    const labels = first.split(',').map((l) => l.trim()).filter((l) => l !== '');
    const prefix = /^([A-Za-z]+)[:_-]/.exec(labels[0] ?? '')?.[1]?.toLowerCase() ?? 'sec';
    const word = REFERENCE_NAMES[prefix] ?? 'Section';
    if (labels.length <= 1) return `${word} 1`;
    return `${word}s ${labels.map((_l, i) => String(i + 1)).join(', ')}`;
  }
  if (HIDDEN_FIRST_ARGUMENT.has(name)) return '';
  // Commands the rest of `toPlain` reads (citations, labels, figures): left as written.
  if (/^(label|vspace|hspace|includegraphics|bibliographystyle|cite[a-z]*|Cite[a-z]*|citep|citet|begin|end|textbf|textit|emph|texttt|textsc|textrm|textsf|textsl|textup|textmd|textnormal|enquote|underline|uline|mbox|text|url|footnote|caption|section|subsection|subsubsection|paragraph|title)$/.test(name)) return whole;
  return `{${first}}`;
}

/** What `\\\\` becomes in plain text: U+2028 LINE SEPARATOR, white space to every other reader, a forced line break to the page estimate. */
export const LINE_BREAK = '\u2028';
/** Runs of white space other than a forced line break. */
export const SPACES = /[^\S\u2028]+/g;

/**
 * Plain text of a LaTeX snippet: comments dropped, math kept as its TeX, markup commands
 * dropped with their arguments' text kept, `~` as a space.
 */
export function toPlain(source: string, macros?: ReadonlyMap<string, string>): string {
  const uncommented = (source.includes('\\footnote') ? withoutFootnotes(source) : source).replace(/(?<!\\)%[^\n]*\n?/g, '');
  return (macros && macros.size > 0 ? uncommented.replace(OUTSIDE_MATH_MACRO, (whole, kept: string | undefined, name: string) => kept ?? macros.get(name) ?? whole) : uncommented)
    .replace(OUTSIDE_MATH_COMMAND, (whole: string, kept: string | undefined, name: string, options: string, first: string) => {
      const oneArgument = kept === undefined ? macros?.get(`${name}#1`) : undefined;
      return oneArgument !== undefined ? oneArgument.replace('#1', () => first) : plainCommand(whole, kept, name, options, first);
    })
    .replace(/\\(label|ref|eqref|vspace|hspace|includegraphics|bibliographystyle|cite[a-z]*|citep|citet)\*?(\[[^\]]*\])*\{[^{}]*\}/g, (_m, cmd: string) =>
      cmd.startsWith('cite') ? '[1]' : '',
    )
    .replace(/\\(begin|end)\{[^{}]*\}(\{[^{}]*\})?/g, ' ')
    .replace(/\\\\(\[[^\]]*\])?/g, LINE_BREAK)
    .replace(/\\([%$&#_{}])/g, '$1')
    .replace(/\\(And|AND|and|item|centering|noindent|maketitle|hline|toprule|midrule|bottomrule)\b/g, ' ')
    .replace(/\\(textbf|textit|emph|texttt|textsc|textrm|textsf|textsl|textup|textmd|textnormal|enquote|underline|uline|mbox|text|url|href|footnote|caption|section|subsection|subsubsection|paragraph|title)\*?/g, '')
    .replace(/~/g, ' ')
    .replace(/\$+/g, '')
    .replace(/[{}]/g, '')
    .replace(/[ \t]+/g, ' ');
}
