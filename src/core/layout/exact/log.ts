/**
 * Reads what the wrapper's hooks (`hooks.ts`) wrote to a pdflatex log: the text block, each
 * heading with the PDF sheet and height it was shipped at, the abstract, where `\appendix` came,
 * and the number of pages written. Pure: takes the log's text.
 */

import { APPENDIX_TITLE, isReferencesTitle } from '../../readers/common';

/** Big points per TeX point. */
const BP_PER_PT = 72 / 72.27;
/** Scaled points per TeX point. */
const SP_PER_PT = 65536;

/** The text block, in PDF points (bp) from the top of the page. */
export interface TextBlock {
  readonly top: number;
  readonly height: number;
  readonly pageHeight: number;
}

/** One measured place: a heading or the start of the abstract. */
export interface LogMark {
  /** Order in which TeX met it (1-based). */
  readonly n: number;
  readonly kind: 'heading' | 'abstract';
  /** Sectioning level (1 = `\section`), 0 when unknown. */
  readonly level: number;
  /** The heading as written (detokenized TeX), empty for the abstract. */
  readonly title: string;
  /** True when the heading comes after `\appendix`. */
  readonly appendix: boolean;
  /** PDF sheet (1-based), when the page was shipped out. */
  readonly sheet?: number;
  /** Top of the heading's first line (the abstract: the mark itself), in bp from the top of the page. */
  readonly top?: number;
}

export interface ExactLog {
  readonly block?: TextBlock;
  readonly marks: readonly LogMark[];
  /** Pages the PDF has, from "Output written on … (N pages", or 0. */
  readonly pdfPages: number;
}

const pt = (s: string): number => Number.parseFloat(s.replace(/pt$/, ''));

/** The hook lines in `log`. Lines it cannot read are skipped; never throws. */
export function parseExactLog(log: string): ExactLog {
  let block: TextBlock | undefined;
  let appendixAfter = Number.POSITIVE_INFINITY;
  const raw = new Map<number, { kind: LogMark['kind']; level: number; size: number; ascent: number; title: string }>();
  const positions = new Map<number, { sheet: number; ysp: number }>();
  let pdfPages = 0;
  for (const line of log.split(/\r?\n/)) {
    if (line.startsWith('WXGEOM:')) {
      const [top = '', height = '', paper = '', pdfPage = ''] = line.slice(7).split(':');
      const pageHeight = pt(pdfPage) > 0 ? pt(pdfPage) : pt(paper);
      if ([top, height].every((s) => Number.isFinite(pt(s))) && pageHeight > 0) {
        block = { top: pt(top) * BP_PER_PT, height: pt(height) * BP_PER_PT, pageHeight: pageHeight * BP_PER_PT };
      }
    } else if (line.startsWith('WXMARK:')) {
      const m = /^WXMARK:(\d+):([hb]):([^:]*):([^:]*):([^:]*):(.*)$/.exec(line);
      if (!m) continue;
      raw.set(Number(m[1]), {
        kind: m[2] === 'b' ? 'abstract' : 'heading',
        level: Number.parseInt(m[3] ?? '', 10) || 0,
        size: Number.parseFloat(m[4] ?? '') || 0,
        ascent: pt(m[5] ?? '') || 0,
        title: m[6] ?? '',
      });
    } else if (line.startsWith('WXPOS:')) {
      const m = /^WXPOS:(\d+):(\d+):(-?\d+)/.exec(line);
      if (m) positions.set(Number(m[1]), { sheet: Number(m[2]), ysp: Number(m[3]) });
    } else if (line.startsWith('WXAPPENDIX:')) {
      const n = Number.parseInt(line.slice(11), 10);
      if (Number.isFinite(n)) appendixAfter = Math.min(appendixAfter, n);
    } else {
      const out = /^Output written on .*\((\d+) pages?/.exec(line);
      if (out) pdfPages = Number(out[1]);
    }
  }
  const marks: LogMark[] = [];
  for (const [n, r] of [...raw].sort((a, b) => a[0] - b[0])) {
    const pos = positions.get(n);
    const base = { n, kind: r.kind, level: r.level, title: r.title, appendix: n > appendixAfter };
    if (!pos || !block) {
      marks.push(base);
      continue;
    }
    const y = block.pageHeight - (pos.ysp / SP_PER_PT) * BP_PER_PT;
    marks.push({ ...base, sheet: pos.sheet, top: y - r.ascent * BP_PER_PT });
  }
  return { ...(block ? { block } : {}), marks, pdfPages };
}

/** The heading's text without TeX commands and braces (`\textbf {Deep} nets` -> `Deep nets`). */
export function plainTitle(title: string): string {
  return title
    .replace(/\\(?:label|ref|cite\w*|footnote|thanks|protect|@mkboth|MakeUppercase|texorpdfstring)\b\s*(\{(?:[^{}]|\{[^{}]*\})*\})?/g, (m, arg: string | undefined) => (/^\\(?:MakeUppercase)/.test(m) && arg ? arg.slice(1, -1) : ''))
    .replace(/\\[A-Za-z@]+\s*/g, ' ')
    .replace(/[{}$~]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** A section number the log's title starts with (`6 `, `A.1 `). */
const NUMBER = /^(?:[A-Z0-9]{1,2}(?:\.[0-9]+)*\.?\s+)/i;

/** True for a References heading: its text reads References/Bibliography, or it is `\refname`/`\bibname`. */
export function isReferencesHeading(mark: LogMark): boolean {
  if (mark.kind !== 'heading') return false;
  if (/^\\(?:refname|bibname)\b/.test(mark.title.trim())) return true;
  return isReferencesTitle(plainTitle(mark.title).replace(/^[0-9]+(?:\.[0-9]+)*\.?\s+/, ''));
}

/** True for an appendix heading: the first heading after `\appendix`, or one whose text reads Appendix. */
export function isAppendixHeading(mark: LogMark): boolean {
  if (mark.kind !== 'heading') return false;
  return (mark.appendix && mark.level <= 1) || APPENDIX_TITLE.test(plainTitle(mark.title).replace(NUMBER, ''));
}
