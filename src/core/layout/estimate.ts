/*
 * The page estimate: walks the body's headings and blocks in source order through the pager,
 * finds where the content ends, and reports the pages, their breaks and what takes the room.
 */
import type { Block, Position, Section, Writeup } from '../model';
import { comparePositions } from '../model';
import { APPENDIX_TITLE, isReferencesTitle } from '../readers/common';
import { placeBlock } from './blocks';
import { Context } from './context';
import { heading, headingStacks, type HeadingStack } from './heading';
import { NEURIPS, TUNING, type LayoutTuning } from './neurips';
import { Pager } from './pager';
import { textWidth } from './fonts';
import { footnotesHeight } from './paragraph';
import { profileOf } from './profile';
import { BIB_HANG, entryGap, entryLines, entryText, labelIndent, referenceStyleOf, referencesSize, type EntryText, type ReferenceStyle } from './references';
import { BODY, FONT, H, P, SIZES, W, useTextBlock } from './textBlock';
import { titleBlock } from './title';
import type { EstimateOptions, PageBreak, PageBreakdown, PageEstimate } from './types';

/**
 * Estimates how many NeurIPS pages a writeup takes when compiled (pandoc for Markdown,
 * pdflatex for LaTeX), without compiling: content pages (up to the references or appendix),
 * total pages, where each page ends, and what takes the room.
 */
export function estimatePages(writeup: Writeup, options: EstimateOptions = {}): PageEstimate {
  const tuning: LayoutTuning = TUNING[writeup.format];
  const { profile, notes: profileNotes } = profileOf(writeup);
  useTextBlock(profile.textWidth, profile.textHeight, profile.fontWidth, profile.baselineSkip, profile.style, profile.sizes);
  const pager = new Pager();
  const ctx = new Context(writeup, options.bibliography);
  ctx.estimateNotes.push(...profileNotes);
  const { items, stacks } = itemsOf(writeup);
  const refs = writeup.referencesStart?.start;
  const appendix = writeup.appendixStart?.start;
  const contentEnd = refs && appendix ? (comparePositions(refs, appendix) <= 0 ? refs : appendix) : (refs ?? appendix);
  let contentPages: number | undefined;
  let refsPlaced = false;

  const abstractBlock = writeup.blocks.find((b) => b.type === 'environment' && b.name === 'abstract');
  titleBlock(pager, writeup, abstractBlock?.type === 'environment' ? abstractBlock.text : writeup.metadata.abstract);

  const list = referenceList(writeup, options, tuning, ctx.estimateNotes);
  const placeReferences = (line: number, withHeading: boolean): void => {
    refsPlaced = true;
    if (list.entries.length === 0) return;
    if (withHeading) heading(pager, 1, 'References', line, 'references');
    list.entries.forEach((n, i) => {
      if (i > 0) pager.glue(list.gap, 'references');
      // A fitted average (no entries read) comes as a fraction of a line: whole lines of a shorter leading.
      const lines = Math.max(1, Math.round(n));
      pager.lines(lines, (list.leading * n) / lines, 'references', line, line);
    });
  };

  /** The heading that opens the references (in an `\\input` child every heading stands where the child does: its title tells). */
  const isRefsHeading = (s: Section): boolean => refs !== undefined && comparePositions(s.range.start, refs) === 0 && (s.origin === undefined || isReferencesTitle(s.title));
  // Where the references or appendix heading is read from a child, content ends at that heading, not at the child's first item.
  const endHeading = contentEnd && items.find((it) => it.kind === 'heading' && it.section.origin !== undefined && comparePositions(it.start, contentEnd) === 0 && (isReferencesTitle(it.section.title) || APPENDIX_TITLE.test(it.section.title)));
  for (const item of items) {
    const line = item.start.line;
    const reached = contentEnd !== undefined && (endHeading === undefined ? comparePositions(item.start, contentEnd) >= 0 : item === endHeading || comparePositions(item.start, contentEnd) > 0);
    if (contentPages === undefined && contentEnd && reached) {
      const isRefs = refs !== undefined && comparePositions(contentEnd, refs) === 0;
      const before = item.kind === 'heading' ? P.parSkip + P.headings[0].before * P.ex : 0;
      contentPages = pager.position() + (pager.y > 0 ? before / H : 0);
      pager.markContentEnd();
      // `\\bibliography` followed by another heading (an appendix): the list is set before that heading.
      if (isRefs && !(item.kind === 'heading' && isRefsHeading(item.section))) placeReferences(line, true);
    }
    // The list after an appendix (`\\appendix` ... `\\bibliography`): set where it stands.
    if (!refsPlaced && refs !== undefined && contentPages !== undefined && comparePositions(item.start, refs) >= 0 && !(item.kind === 'heading' && isRefsHeading(item.section))) placeReferences(line, true);
    if (item.kind === 'heading') {
      const s = item.section;
      const refsHeading = isRefsHeading(s);
      heading(pager, s.level, s.title, line, refsHeading ? 'references' : 'text', stacks.get(s));
      // A run-in \\paragraph title (bold) and its 1em begin the first line of its paragraph.
      ctx.runIn = s.level >= 4 ? (textWidth(s.title, 'bold') + 1) * 10 : 0;
      if (refsHeading) placeReferences(line, false);
      continue;
    }
    // A `thebibliography` written by hand is the reference list: set from its items above.
    if (item.block.type === 'environment' && item.block.name === 'thebibliography' && list.fromItems) continue;
    placeBlock(pager, item.block, writeup, ctx, options, tuning);
    // A paragraph places its notes at its marks' lines (placeBlock).
    if (!isFloat(item.block, writeup.format) && item.block.type !== 'paragraph') {
      const notes = footnotesHeight(item.block.origin?.range ?? item.block.range, ctx, item.block.origin?.file);
      if (notes > 0) pager.footnote(notes);
    }
  }
  if (contentPages === undefined && contentEnd) {
    contentPages = pager.position() + (pager.y > 0 ? (P.parSkip + P.headings[0].before * P.ex) / H : 0);
    pager.markContentEnd();
    if (refs !== undefined && !refsPlaced) placeReferences(refs.line, true);
  }
  if (refs !== undefined && !refsPlaced) placeReferences(refs.line, true);
  if (!refsPlaced && writeup.format === 'markdown' && writeup.citations.length > 0) {
    if (contentPages === undefined) {
      contentPages = pager.position();
      pager.markContentEnd();
    }
    placeReferences(writeup.lineCount, false);
  }
  pager.finish(writeup.lineCount);
  const totalPages = pager.position();
  // Content ends where its last item ends: a content float LaTeX sets after the references heading counts.
  if (contentPages !== undefined) contentPages = Math.max(contentPages, pager.contentFloatEnd);
  const content = Math.min(contentPages ?? totalPages, totalPages);
  let low = content;
  let high = content;
  for (const b of pager.nearBreaks) {
    if (contentEnd !== undefined && b.line > contentEnd.line + 1) continue;
    if (b.pages < 0) low = Math.min(low, content - 1);
    else high = Math.max(high, content + 1);
    ctx.estimateNotes.push(`the forced page break on line ${b.line} falls ${b.pages < 0 ? 'just after' : 'just before'} a page end: a small drift moves the content after it by a page (${b.pages < 0 ? 'one page less' : 'one page more'} is as likely)`);
  }
  return {
    // The skip before a references/appendix heading with nothing after it is not a page of content.
    contentPages: content,
    ...(low !== content || high !== content ? { contentRange: [Math.max(0, low), high] as const } : {}),
    totalPages,
    pageBreaks: clampBreaks(pager.breaks, writeup.lineCount),
    breakdown: breakdownOf(pager, totalPages),
    ...(ctx.estimateNotes.length > 0 ? { notes: [...new Set(ctx.estimateNotes)] } : {}),
    style: options.style ?? 'neurips',
  };
}

/**
 * The lines of each entry of the reference list, and the list's leading: the document's own
 * `\\bibitem`s, else the cited entries of the bibliography (all of them for `\\nocite{*}`) as its
 * style prints them, else (no bibliography read) the fitted average per cited key, with a note.
 */
function referenceList(writeup: Writeup, options: EstimateOptions, tuning: LayoutTuning, notes: string[]): { entries: number[]; leading: number; gap: number; fromItems: boolean } {
  const size = referencesSize(writeup);
  const [fontSize, leading] = size === 'normalsize' ? [10, BODY] : SIZES[size];
  const style = referenceStyleOf(writeup);
  const items = writeup.bibItems ?? [];
  const cited = [...new Set(writeup.citations.map((c) => c.key))];
  const bib = options.bibliography;
  const gap = writeup.format === 'latex' ? entryGap(writeup) : tuning.refGap;
  let texts: EntryText[];
  if (items.length > 0) {
    // natbib's author-year labels (`Foo et~al.(2020)`) print no label in an author-year style; any other label is printed.
    const labelled = style.label === 'none' && items.every((b) => b.labelYear !== undefined);
    texts = items.map((b) => [[b.text || '?', 'regular']]);
    return { entries: setEntries(texts, labelled ? style : { ...style, label: style.label === 'alpha' ? 'alpha' : 'number' }, fontSize), leading, gap, fromItems: true };
  }
  if (bib !== undefined && bib.size > 0) {
    const keys = writeup.citesAll ? [...new Set([...[...bib.entries()].map((e) => e.key), ...cited])] : cited;
    // A key the bibliography lacks still takes a line (BibTeX prints nothing for it until it is added).
    texts = keys.map((k) => {
      const entry = bib.get(k);
      return entry ? entryText(entry, style) : [['?', 'regular']];
    });
    return { entries: setEntries(texts, style, fontSize), leading, gap, fromItems: false };
  }
  if (cited.length > 0) notes.push(`no bibliography entries were read: the reference list is sized at about ${tuning.refLines} lines per cited key, a guess`);
  // An entry's lines were fitted on the NeurIPS measure in Times: a wider font or a narrower block takes more.
  const perEntry = (tuning.refLines * FONT * NEURIPS.textWidth) / W;
  return { entries: cited.map(() => perEntry), leading: BODY, gap: tuning.refGap, fromItems: false };
}

/** Lines of each entry in the list's measure: inside the label's indent, or with the first line out by the hang. */
function setEntries(texts: readonly EntryText[], style: ReferenceStyle, fontSize: number): number[] {
  const indent = labelIndent(style, texts.length, fontSize);
  const hang = style.label === 'none' ? (style.hang ?? BIB_HANG) : 0;
  const measure = (W - indent - hang) / FONT;
  return texts.map((t) => entryLines(t, measure, fontSize, hang / FONT));
}

/** Floats set their footnotes nowhere (LaTeX loses them), so the foot of the page ignores them. */
function isFloat(block: Block, format: Writeup['format']): boolean {
  return block.type === 'figure' || (block.type === 'table' && format === 'latex') || (block.type === 'code' && block.float === true);
}

/** Page breaks on lines of the document, in order (a break after the last line names the last line). */
function clampBreaks(breaks: readonly PageBreak[], lineCount: number): PageBreak[] {
  const last = Math.max(0, lineCount - 1);
  let previous = 0;
  return breaks.map((b) => {
    previous = Math.max(previous, Math.min(Math.max(0, b.line), last));
    return { page: b.page, line: previous };
  });
}

function breakdownOf(pager: Pager, totalPages: number): PageBreakdown {
  const u = pager.used;
  const b = { title: u.title / H, text: u.text / H, math: u.math / H, figures: u.figures / H, tables: u.tables / H, lists: u.lists / H, references: u.references / H };
  const known = b.title + b.text + b.math + b.figures + b.tables + b.lists + b.references;
  return { ...b, other: Math.max(0, totalPages - known) };
}


/** An event of the body in source order: a heading or a block. */
type Item = { kind: 'heading'; section: Section; start: Position } | { kind: 'block'; block: Block; start: Position };

/**
 * The headings and blocks in source order. Reading order breaks ties of position: everything read
 * from an `\\input` child (or a macro's expansion) stands at the command, so each heading goes
 * just before its first block (an empty section just before the next section's first block),
 * not all of them ahead of the child's text.
 */
function itemsOf(writeup: Writeup): Items {
  const known = ITEMS.get(writeup);
  if (known !== undefined) return known;
  const index = new Map<Block, number>();
  writeup.blocks.forEach((b, i) => index.set(b, i));
  const keys: number[] = [];
  let next = writeup.blocks.length;
  for (let s = writeup.sections.length - 1; s >= 0; s--) {
    const first = writeup.sections[s]?.blocks[0];
    const at = first !== undefined ? index.get(first) : undefined;
    if (at !== undefined) next = at;
    keys[s] = next - 0.5;
  }
  const items: { item: Item; order: number }[] = [];
  writeup.sections.forEach((section, s) => items.push({ item: { kind: 'heading', section, start: section.range.start }, order: keys[s] ?? 0 }));
  writeup.blocks.forEach((block, i) => items.push({ item: { kind: 'block', block, start: block.range.start }, order: i }));
  items.sort((a, b) => comparePositions(a.item.start, b.item.start) || a.order - b.order);
  const sorted = items.map((x) => x.item);
  const out: Items = { items: sorted, stacks: headingStacks(sorted.map((it) => (it.kind === 'heading' ? it.section : undefined))) };
  ITEMS.set(writeup, out);
  return out;
}

/** A writeup's items in order and the headings above each section. */
interface Items {
  readonly items: readonly Item[];
  readonly stacks: ReadonlyMap<Section, HeadingStack>;
}

/** Each writeup model's items, worked out by its first estimate (the readers never change a model). */
const ITEMS = new WeakMap<Writeup, Items>();
