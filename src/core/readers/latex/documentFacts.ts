import { collectMacros } from '../../math/macros';
import type { LineIndex } from '../../text/lineIndex';
import { captionSetupOf } from '../common';
import type { CitationPackageOptions, Metadata, TheoremSetup } from '../../model/writeup';

/*
 * What the document says that layout, lint and preview need beyond the scanner's model: the
 * bibliography style, the citation packages' options, theorem environments, the image width cap,
 * the math macros, the caption settings, natbib's `\bibfont`, where `\end{document}` stands, and bibliography files the scanner did not read.
 * Read once here, so no consumer runs a pattern over the raw text.
 */

type DocumentFacts = Pick<Metadata, 'captionSetup' | 'mathMacros' | 'bibliographyStyle' | 'citationPackage' | 'theorems' | 'imageMaxWidth' | 'documentEnd' | 'bibFont'>;

/** The facts of `text`; `preamble` is the text before `\begin{document}` (empty without one). */
export function documentFactsOf(text: string, preamble: string, lines: LineIndex): DocumentFacts {
  const style = /\\bibliographystyle\s*\{([^}]*)\}/.exec(text)?.[1]?.trim();
  const end = /^[ \t]*\\end\{document\}/m.exec(text);
  const macros = collectMacros(preamble);
  const bibFont = /\\(?:renewcommand|def)\s*\{?\\bibfont\}?\s*\{\s*\\(small|footnotesize|scriptsize)\b/.exec(preamble)?.[1] as Metadata['bibFont'];
  return {
    ...(Object.keys(macros).length > 0 ? { mathMacros: macros } : {}),
    ...(style !== undefined ? { bibliographyStyle: style } : {}),
    ...citationPackageOf(preamble),
    ...captionSetupOf(preamble),
    theorems: theoremsOf(text),
    ...(/\\setkeys\s*\{Gin\}\s*\{[^}]*\\maxwidth/.test(preamble) ? { imageMaxWidth: true } : {}),
    ...(end ? { documentEnd: lines.positionAt(end.index) } : {}),
    ...(bibFont !== undefined ? { bibFont } : {}),
  };
}

function options(list: string): string[] {
  return list.split(',').map((o) => o.trim()).filter(Boolean);
}

function citationPackageOf(pre: string): { citationPackage?: CitationPackageOptions } {
  const natbib: string[] = [];
  for (const m of pre.matchAll(/\\PassOptionsToPackage\s*\{([^}]*)\}\s*\{natbib\}/g)) natbib.push(...options(m[1] ?? ''));
  for (const m of pre.matchAll(/\\usepackage\s*\[([^\]]*)\]\s*\{natbib\}/g)) natbib.push(...options(m[1] ?? ''));
  for (const m of pre.matchAll(/\\setcitestyle\s*\{([^}]*)/g)) natbib.push(...options(m[1] ?? ''));
  const biblatex = /\\usepackage\s*(?:\[([^\]]*)\])?\s*\{biblatex\}/.exec(pre);
  if (natbib.length === 0 && !biblatex) return {};
  return { citationPackage: { natbib, ...(biblatex ? { biblatex: options(biblatex[1] ?? '') } : {}) } };
}

/** `\newtheorem` environments before `\begin{document}` (else in the first 20,000 characters), and amsthm. */
function theoremsOf(text: string): TheoremSetup {
  const begin = text.indexOf('\\begin{document}');
  const preamble = text.slice(0, begin < 0 ? Math.min(text.length, 20000) : begin);
  const names = [...preamble.matchAll(/\\newtheorem\*?\s*\{([^}]+)\}/g)].map((m) => (m[1] ?? '').trim());
  return { names, amsthm: /\\usepackage(?:\[[^\]]*\])?\{[^}]*\bamsthm\b[^}]*\}/.test(preamble) };
}

/**
 * Bibliography files named on an uncommented line where the scanner did not read the command
 * (a macro's body such as `\newcommand{\refs}{\bibliography{refs}}`, skipped text): the names
 * as written, read only when the scanner found none.
 */
export function unreadBibliography(text: string): string[] {
  const names: string[] = [];
  const re = /^[^%\n]*?\\(?:bibliography|addbibresource)\s*(?:\[[^\]]*\])?\s*\{([^}]*)\}/gm;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    for (const n of (m[1] ?? '').split(',')) if (n.trim()) names.push(n.trim());
  }
  return names;
}
