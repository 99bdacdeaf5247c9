/**
 * The names of an author-year citation as pandoc prints them with its default style (citeproc,
 * Chicago author-date): "A", "A and B", "A, B, and C", and "A et al." from four names on. The page
 * estimate sets these words and the Markdown preview shows them: one rule, so both print the PDF's.
 * `names` are as they print (surnames; the caller may give the first one its initials).
 */
export function citationNames(names: readonly string[]): string {
  const [a = '', b = '', c = ''] = names;
  if (names.length <= 1) return a;
  if (names.length === 2) return `${a} and ${b}`;
  if (names.length === 3) return `${a}, ${b}, and ${c}`;
  return `${a} et al.`;
}
