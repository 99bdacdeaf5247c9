/**
 * The page as lines with their structure: headings, paragraphs, list items, table rows (with
 * their table's header) and code blocks; and the sentence splitting and clean-up every reader
 * of the page shares.
 */

/** One line of the page, cleaned of list markers and emphasis, with where it stands. */
export interface PageLine {
  /** 0-based line number in the (converted) page. */
  readonly line: number;
  /** The line as written (after HTML conversion). */
  readonly raw: string;
  /** Without list markers, numbering, emphasis and time slots. */
  readonly text: string;
  /** Set on heading lines: Markdown `#`, a line of bold text only, or an all-capitals line. */
  readonly heading?: string;
  /** The nearest heading above the line. */
  readonly section?: string;
  /** Lines of one paragraph (or one list item with its continuation lines) share the number. */
  readonly paragraph: number;
  readonly listItem: boolean;
  /** Set on the body rows of a table: the cells, and the header cells when the table has a header. */
  readonly table?: { readonly id: number; readonly cells: readonly string[]; readonly header?: readonly string[] };
  /** Inside a fenced code block or front matter: not prose. */
  readonly code: boolean;
}

/** Strips list markers, reference numbers, emphasis and time slots from a line. */
export function clean(line: string): string {
  return line
    .replace(/\s+/g, ' ')
    .replace(/^\s*(?:[-*+•]|\d+[.)]|\(\d+\))\s+/, '')
    .replace(/^\s*(?:[-*+•]|\(\d+\))\s+/, '')
    .replace(/^\s*\[\d+\]\s+/, '')
    .replace(/\*\*|__/g, '')
    .replace(/(^|[\s(])\*([^*\s][^*]*?)\*(?=[\s).,;:]|$)/g, '$1$2')
    .replace(/^\d{1,2}:\d{2}\s*[-–]\s*\d{1,2}:\d{2}:?\s*/, '')
    .trim();
}

/** A heading's text: Markdown `#`, a line that is only bold text, or a short all-capitals line. */
export function headingOf(line: string): string | undefined {
  const h = /^#{1,6}\s+(.*?)\s*#*$/.exec(line);
  if (h?.[1]) return h[1].replace(/\*\*/g, '').trim();
  const bold = /^(?:[-*+]\s+)?\*\*([^*]+)\*\*:?\s*$/.exec(line.trim());
  if (bold?.[1]) return bold[1].trim();
  const caps = /^([A-Z][A-Z &/-]{2,40})(?:\s*\(([^)]*)\))?:?$/.exec(line.trim());
  if (caps?.[1] && /[A-Z]{4}/.test(caps[1])) return line.trim().replace(/:$/, '');
  return undefined;
}

const cellsOf = (row: string): string[] =>
  row
    .trim()
    .replace(/^\|/, '')
    .replace(/\|$/, '')
    .split(/(?<!\\)\|/)
    .map((c) => c.trim());
const isTableRow = (l: string) => /^\s*\|.*\|\s*$/.test(l);
const isSeparator = (l: string) => /^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$/.test(l);

/** Splits a page (Markdown-like lines) into lines with their structure. */
export function readLines(text: string): PageLine[] {
  const raw = text.split('\n').map((l) => l.trimEnd());
  const out: PageLine[] = [];
  let paragraph = 0;
  let section: string | undefined;
  let fence: string | undefined;
  let frontMatter = raw[0]?.trim() === '---';
  let tableId = 0;
  let header: string[] | undefined;
  let inTable = false;
  raw.forEach((line, i) => {
    const trimmed = line.trim();
    if (frontMatter) {
      if (i > 0 && /^(?:---|\.\.\.)$/.test(trimmed)) frontMatter = false;
      out.push({ line: i, raw: line, text: '', paragraph, listItem: false, code: true });
      return;
    }
    const fenceMark = /^(`{3,}|~{3,})/.exec(trimmed)?.[1];
    if (fence !== undefined || fenceMark) {
      if (fence === undefined && fenceMark) fence = fenceMark;
      else if (fenceMark && fence !== undefined && fenceMark.startsWith(fence)) fence = undefined;
      out.push({ line: i, raw: line, text: '', paragraph: ++paragraph, listItem: false, code: true });
      return;
    }
    if (isTableRow(line) || (inTable && isSeparator(line))) {
      if (!inTable) {
        inTable = true;
        tableId++;
        header = undefined;
        paragraph++;
      }
      const next = raw[i + 1] ?? '';
      if (isSeparator(line)) return;
      if (header === undefined && out.at(-1)?.table?.id !== tableId && isSeparator(next)) {
        header = cellsOf(line);
        return;
      }
      const cells = cellsOf(line).map(clean);
      out.push({ line: i, raw: line, text: cells.filter(Boolean).join(' | '), ...(section ? { section } : {}), paragraph: ++paragraph, listItem: false, code: false, table: { id: tableId, cells, ...(header ? { header } : {}) } });
      return;
    }
    inTable = false;
    if (!trimmed) {
      paragraph++;
      out.push({ line: i, raw: line, text: '', paragraph, listItem: false, code: false });
      return;
    }
    const heading = headingOf(line);
    if (heading) {
      section = heading;
      out.push({ line: i, raw: line, text: heading, heading, section, paragraph: ++paragraph, listItem: false, code: false });
      paragraph++;
      return;
    }
    const listItem = /^\s*(?:[-*+•]|\d+[.)]|\(\d+\)|\[\d+\])\s+/.test(line);
    if (listItem) paragraph++;
    out.push({ line: i, raw: line, text: clean(line), ...(section ? { section } : {}), paragraph, listItem, code: false });
  });
  return out;
}

const abbreviation = /(?:\b(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Dr|Prof|Mr|Ms|Mrs|vs|approx|al|e\.g|i\.e|cf|No|no|Vol|vol|Sec|Fig|max|min|pp|ca|Proc|Trans|Int|Conf)|\b[A-Z])\.$/;

/** Splits a line into sentences; a line never joins the next. */
export function sentencesOf(line: string): string[] {
  const out: string[] = [];
  for (const piece of line.split(/(?<=[.!?])\s+(?=[A-Z0-9(“"*])/)) {
    const last = out.length - 1;
    if (last >= 0 && abbreviation.test(out[last] ?? '')) out[last] = `${out[last]} ${piece}`;
    else out.push(piece);
  }
  return out.map((s) => s.trim()).filter(Boolean);
}

/** The sentence without parentheticals, except short ones like `(proposal)` that label a date. */
export function withoutAsides(sentence: string): string {
  return sentence.replace(/\(([^()]*)\)/g, (whole, inner: string) => (inner.trim().split(/\s+/).length <= 2 ? whole : ' '.repeat(whole.length)));
}

/** A pack id from a title: lowercase words joined by '-', at most about 40 characters. */
export function slug(s: string): string {
  const words = s.toLowerCase().normalize('NFKD').replace(/[^a-z0-9.]+/g, ' ').trim().split(/\s+/);
  let id = '';
  for (const w of words) {
    if (id && id.length + w.length + 1 > 40) break;
    id = id ? `${id}-${w}` : w;
  }
  return id.replace(/^[-.]+|[-.]+$/g, '') || 'imported-course';
}
