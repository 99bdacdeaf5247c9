/**
 * What a LaTeX snippet prints, piece by piece: the LaTeX reader's one reading of running text
 * (readers/latex/runningText.ts). The model holds these pieces where a front end shows the text
 * with its structure (the preview): paragraphs, captions, list items, table cells, environments.
 */
export type TexInline =
  | { readonly kind: 'text'; readonly text: string }
  /** `~`: a space no line breaks at. */
  | { readonly kind: 'nbsp' }
  /** `\\`, `\newline`: a forced line break. */
  | { readonly kind: 'break' }
  /** `\emph{..}`, `\textbf{..}`, `\texttt{..}`, `\mbox{..}`, `\verb|..|`...: the command and what it holds. */
  | { readonly kind: 'styled'; readonly command: string; readonly children: readonly TexInline[] }
  /** `\url{..}` (no children: the address is its text) or `\href{url}{text}`. */
  | { readonly kind: 'link'; readonly url: string; readonly children?: readonly TexInline[] }
  /** `\citep[prefix][locator]{a,b}`: the command, its keys and its optional arguments as written. */
  | { readonly kind: 'cite'; readonly command: string; readonly keys: readonly string[]; readonly options: readonly string[] }
  /** `\ref{..}`, `\eqref{..}`, `\cref{..}`...: the label (labels, comma-separated) as written. */
  | { readonly kind: 'ref'; readonly command: string; readonly label: string }
  /** `\footnote{..}`, `\footnotetext{..}`, `\thanks{..}`: set at the foot of the page. */
  | { readonly kind: 'footnote'; readonly children: readonly TexInline[] }
  /**
   * `$..$`, `$$..$$`, `\(..\)`, `\[..\]` or a math environment (`\begin{align}..\end{align}`,
   * delimiter `\begin`, its name in `environment`): the TeX inside, as written.
   */
  | { readonly kind: 'math'; readonly tex: string; readonly display: boolean; readonly delimiter: '$' | '$$' | '\\(' | '\\[' | '\\begin'; readonly environment?: string }
  /**
   * A command that prints nothing here: `\label{..}` and `\vspace{..}` (with their first argument
   * as written), `\begin{itemize}` (the environment's name), `\textcolor{red}` (the colour; the
   * text after it is read on), `\centering` and `\small` (no argument).
   */
  | { readonly kind: 'hidden'; readonly command: string; readonly argument?: string }
  /**
   * Any other command, by name (without its backslash); the text of its arguments follows as
   * pieces. `argument`: a brace group follows it (its options, `[..]`, were skipped).
   */
  | { readonly kind: 'command'; readonly command: string; readonly argument?: true };
