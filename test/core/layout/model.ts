// Hand-built writeups for the estimator's tests (independent of the readers).
import type { Block, Citation, Footnote, Section, Writeup } from '../../../src/core/model';
import { range } from '../../../src/core/model';

/** One body element for `build`: a heading or a block written without its range. */
export type Part =
  | { heading: string; level?: number }
  | { para: string; notes?: string[] }
  | { math: string; env?: string }
  | { figure: string; width?: string; caption?: string }
  | { table: number; caption?: string }
  | { list: string[]; depths?: number[] }
  | { space: string; keep?: boolean }
  | { algorithm: number; caption?: string; placement?: string }
  | { newpage: true; clear?: boolean }
  | { cite: string[] };

/**
 * Builds a writeup with one source line per part, in order, with the facts a reader finds in such
 * a source: a display on the first line stands alone (no text line before it), a paragraph right
 * after a display goes on with it.
 */
export function build(parts: readonly Part[], options: { title?: string; abstract?: string; format?: 'markdown' | 'latex'; refsAt?: number; appendixAt?: number } = {}): Writeup {
  const sections: Section[] = [];
  const blocks: Block[] = [];
  const citations: Citation[] = [];
  const footnotes: Footnote[] = [];
  const lines: string[] = [];
  parts.forEach((part, line) => {
    const r = range(line, 0, line, 10);
    if ('heading' in part) {
      lines.push(`# ${part.heading}`);
      sections.push({ level: part.level ?? 1, title: part.heading, unnumbered: false, range: r, titleRange: r, bodyRange: r, blocks: [] });
    } else if ('para' in part) {
      lines.push(part.para);
      const afterDisplay = line > 0 && parts[line - 1] !== undefined && 'math' in (parts[line - 1] as Part);
      blocks.push({ type: 'paragraph', text: part.para, range: r, ...(afterDisplay ? { continuesDisplay: true } : {}) });
      for (const [i, text] of (part.notes ?? []).entries()) footnotes.push({ text, range: range(line, 1 + i, line, 2 + i), bodyRange: range(line, 1 + i, line, 2 + i) });
    } else if ('math' in part) {
      lines.push(`$$${part.math}$$`);
      const math = { tex: part.math, display: true, range: r, contentRange: r, delimiter: '$$' as const, ...(part.env ? { environment: part.env } : {}) };
      blocks.push({ type: 'math', math, range: r, ...(line === 0 ? { standalone: true } : {}) });
    } else if ('figure' in part) {
      lines.push(`![](${part.figure})`);
      blocks.push({ type: 'figure', path: part.figure, range: r, ...(part.width ? { width: part.width } : {}), ...(part.caption ? { caption: part.caption } : {}) });
    } else if ('table' in part) {
      lines.push('| a | b |');
      blocks.push({ type: 'table', rows: part.table, columns: 3, range: r, ...(part.caption ? { caption: part.caption } : {}) });
    } else if ('list' in part) {
      lines.push('- item');
      const entries = part.depths ? { entries: part.list.map((text, i) => ({ text, depth: part.depths?.[i] ?? 1 })) } : {};
      blocks.push({ type: 'list', ordered: false, items: part.list, range: r, ...entries });
    } else if ('space' in part) {
      lines.push(`\\vspace${part.keep ? '*' : ''}{${part.space}}`);
      blocks.push({ type: 'space', length: part.space, range: r, ...(part.keep ? { keep: true } : {}) });
    } else if ('algorithm' in part) {
      lines.push(`\\begin{algorithm}${part.placement !== undefined ? `[${part.placement}]` : ''}`);
      blocks.push({ type: 'code', lines: part.algorithm, language: 'algorithm', float: true, range: r, ...(part.caption !== undefined ? { caption: part.caption } : {}), ...(part.placement !== undefined ? { placement: part.placement } : {}) });
    } else if ('newpage' in part) {
      lines.push(part.clear === true ? '\\clearpage' : '\\newpage');
      blocks.push({ type: 'pagebreak', range: r, ...(part.clear === true ? { clear: true } : {}) });
    } else {
      lines.push(part.cite.map((k) => `[@${k}]`).join(' '));
      blocks.push({ type: 'paragraph', text: 'See', range: r });
      for (const key of part.cite) citations.push({ key, range: r, groupRange: range(line, 0, line, 1 + citations.length), command: 'pandoc' });
    }
  });
  const text = lines.join('\n');
  return {
    file: 'test.md',
    format: options.format ?? 'markdown',
    text,
    lineCount: lines.length,
    metadata: {
      authors: [{ name: 'Ada Lovelace', affiliation: 'Analytical Engines', email: 'ada@example.org' }],
      bibliography: [],
      disabledRules: [],
      keyRanges: {},
      raw: {},
      ...(options.title ? { title: options.title } : {}),
      ...(options.abstract ? { abstract: options.abstract } : {}),
    },
    sections,
    blocks,
    citations,
    footnotes,
    math: blocks.flatMap((b) => (b.type === 'math' ? [b.math] : [])),
    ...(options.refsAt !== undefined ? { referencesStart: range(options.refsAt, 0, options.refsAt, 12) } : {}),
    ...(options.appendixAt !== undefined ? { appendixStart: range(options.appendixAt, 0, options.appendixAt, 10) } : {}),
    disableDirectives: [],
    includes: [],
    problems: [],
  };
}

/** A paragraph of about `words` words of plain prose. */
export function prose(words: number, seed = 1): string {
  const vocab = ['the', 'gradient', 'network', 'converges', 'under', 'mild', 'assumptions', 'on', 'width', 'and', 'depth', 'of', 'kernel', 'regime', 'we', 'show', 'that', 'generalization', 'bound', 'holds'];
  const out: string[] = [];
  let x = seed;
  for (let i = 0; i < words; i++) {
    x = (x * 1103515245 + 12345) % 2147483648;
    out.push(vocab[x % vocab.length] as string);
  }
  return out.join(' ') + '.';
}
