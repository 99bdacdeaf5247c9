/**
 * Line ends for fixture-driven tests: many students write on Windows (CRLF) and a few files still
 * carry old Mac line ends (lone CR). `withLineEnds(text, eol)` converts every line end of `text`;
 * `LINE_ENDS` names the three so a test can run once per kind.
 */
export const LINE_ENDS = [
  ['LF', '\n'],
  ['CRLF', '\r\n'],
  ['CR', '\r'],
] as const;

export type LineEnd = (typeof LINE_ENDS)[number][1];

/** `text` with each `\r\n`, `\r` or `\n` replaced by `eol`. */
export function withLineEnds(text: string, eol: LineEnd): string {
  return text.replace(/\r\n|\r|\n/g, eol);
}
