/**
 * The wrapper file a background compile runs instead of the writeup: it installs measuring hooks
 * and then `\input`s the writeup, so the student's file is never edited. The hooks write lines
 * the log parser reads (see `log.ts`):
 *
 * - `WXGEOM:<top>:<height>:<paperheight>:<pdfpageheight>` at the end of `\begin{document}`
 *   (the text block as the document leaves it, in TeX points);
 * - `WXMARK:<n>:h:<level>:<size>:<ascent>:<title>` when a heading is typeset (`\@sect`,
 *   `\@ssect`), with the heading's font size and the height of its tallest parenthesis;
 * - `WXMARK:<n>:b:0:0:0:` at `\begin{abstract}`;
 * - `WXPOS:<n>:<sheet>:<y>` when the page holding mark `n` is shipped out: the PDF sheet and the
 *   mark's height above the bottom of the page in scaled points (`\pdfsavepos`);
 * - `WXAPPENDIX:<n>` at `\appendix`, after mark `n`.
 *
 * Pure: returns text.
 */

/** Prefix of every line the hooks write. */
export const MARK_PREFIX = 'WX';

/**
 * The wrapper's TeX source. `input` is the path of the writeup as `\input` should see it (relative
 * to the compile's working folder, forward slashes).
 */
export function wrapperSource(input: string): string {
  const safe = input.replace(/\\/g, '/');
  return [
    '% Written by Research Writeup for a background page count; the writeup is \\input below, unchanged.',
    '\\makeatletter',
    '\\newcount\\wx@n',
    '\\def\\wx@level{0}',
    '\\protected\\def\\wx@mark#1{\\global\\advance\\wx@n\\@ne',
    '  \\immediate\\write-1{WXMARK:\\the\\wx@n:#1}%',
    '  \\pdfsavepos',
    '  \\edef\\wx@w{\\write-1{WXPOS:\\the\\wx@n:\\noexpand\\the\\noexpand\\ReadonlyShipoutCounter:\\noexpand\\the\\noexpand\\pdflastypos}}\\wx@w}',
    '\\def\\wx@head#1{\\wx@mark{h:\\wx@level:\\f@size:\\the\\fontcharht\\font`\\(:\\detokenize{#1}}\\gdef\\wx@level{0}}',
    '\\AddToHook{begindocument/end}{%',
    '  \\immediate\\write-1{WXGEOM:\\the\\dimexpr 1in+\\voffset+\\topmargin+\\headheight+\\headsep\\relax:\\the\\textheight:\\the\\paperheight:\\the\\pdfpageheight}%',
    '  \\let\\wx@startsection\\@startsection',
    '  \\def\\@startsection#1#2{\\gdef\\wx@level{#2}\\wx@startsection{#1}{#2}}%',
    '  \\let\\wx@sect\\@sect',
    '  \\def\\@sect#1#2#3#4#5#6[#7]#8{\\wx@sect{#1}{#2}{#3}{#4}{#5}{#6}[{#7}]{\\wx@head{#8}#8}}%',
    '  \\let\\wx@ssect\\@ssect',
    '  \\def\\@ssect#1#2#3#4#5{\\wx@ssect{#1}{#2}{#3}{#4}{\\wx@head{#5}#5}}%',
    '  \\@ifundefined{abstract}{}{\\let\\wx@abstract\\abstract',
    '    \\def\\abstract{\\wx@abstract\\ifvmode\\wx@mark{b:0:0:0:}\\fi}}%',
    '  \\let\\wx@appendix\\appendix',
    '  \\def\\appendix{\\immediate\\write-1{WXAPPENDIX:\\the\\wx@n}\\wx@appendix}%',
    '}',
    '\\makeatother',
    `\\input{${safe}}`,
    '',
  ].join('\n');
}
