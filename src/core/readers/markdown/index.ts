import type { Range } from '../../model/range';
import type { Citation, MathNode, Metadata, ReaderProblem, Writeup } from '../../model/writeup';
import { LineIndex } from '../../text/lineIndex';
import { ChunkedTreeParser, type MdNode, parseTree, type TreeParser } from '../chunkedParse';
import { defuseDeepLists, defuseUnclosedBrackets } from '../deepLists';
import { readFrontMatter } from '../frontMatter';
import { inlineSpans } from '../inlineSpans';
import type { ReadOptions } from '../options';
import { PandocInlineScanner, type ScannedMath } from '../pandocInline';
import { APPENDIX_TITLE, buildSections, emptyMetadata, findRawSpaces, type HeadingInfo, isReferencesTitle, type PlacedBlock } from '../common';
import { isFenceOnly, readBlock, readHeading, toMathNode } from './blocks';
import { collect } from './collect';
import { readImages } from './images';
import { footnotesOf, nociteKeys } from './notes';
import { defuseBrackets, defuseDeepContainers, dotsEndFrontMatter, hideMath, remapPositions, restoreMathText, shrinkLongLines } from './prepare';
import { endOf, insideSpans, mergeSpans, startOf } from './spans';
import { keepTree } from './tree';

/*
 * The pandoc Markdown reader. remark parses the blocks (the text prepared first: prepare.ts), one
 * walk gathers the regions to scan (collect.ts), pandocInline.ts reads their citations and math,
 * and blocks.ts turns each top-level node into the model's headings and blocks.
 */

/**
 * Reads pandoc Markdown into the model: YAML front matter, headings with pandoc attributes,
 * blocks, pandoc citations and math (including raw `\(...\)`, `\[...\]` and math environments).
 */
export function readMarkdown(original: string, options: ReadOptions, parse: TreeParser = new ChunkedTreeParser().parse): Writeup {
  const lines = new LineIndex(original);
  const deep = defuseDeepLists(defuseDeepContainers(defuseBrackets(defuseUnclosedBrackets(dotsEndFrontMatter(original)))));
  const text = deep.text;
  const hidden: ScannedMath[] = [];
  const shrunk = shrinkLongLines(hideMath(text, hidden), deep.indents);
  // Micromark drops a leading byte order mark and counts offsets without it.
  const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  // A session's chunked parse (readers/incremental) serves only text whose offsets are the text's own.
  const root = (shrunk.spans.length > 0 || bom ? parseTree : parse)(bom ? shrunk.text.slice(1) : shrunk.text);
  if (shrunk.spans.length > 0 || bom) remapPositions(root, (o) => shrunk.toOriginal(o + bom), text);
  if (hidden.length > 0) restoreMathText(root, text, hidden);
  // Every image starts `![`: most texts need no walk for them.
  if (text.includes('![')) readImages(root, text);
  const collected = collect(root, text);
  const masks = mergeSpans(collected.masks);
  const scanner = new PandocInlineScanner(text, masks);
  for (const region of collected.regions) scanner.scan(region.start, region.end, region.spill === true);
  const { citations: scannedCitations, math: scannedMath, problems: scannedProblems } = scanner.result;

  const problems: ReaderProblem[] = scannedProblems.map((p) => ({
    code: p.code,
    message: p.message,
    range: lines.rangeAt(p.start, p.end),
    severity: p.code === 'unclosed-math' && p.end - p.start === 1 ? 'warning' : 'error',
  }));

  let metadata: Metadata = emptyMetadata();
  const yaml = root.children?.find((c) => c.type === 'yaml');
  if (yaml) {
    const start = startOf(yaml);
    const firstBreak = text.indexOf('\n', start);
    const contentStart = firstBreak < 0 ? endOf(yaml) : firstBreak + 1;
    // The YAML as written, not remark's value: the text remark parsed had its unclosed brackets
    // and long lines defused (prepare.ts), which must not hide a YAML error or change a value.
    const block = original.slice(contentStart, Math.max(contentStart, endOf(yaml)));
    const fence = Math.max(block.lastIndexOf('\n'), block.lastIndexOf('\r'));
    const yamlText = fence < 0 ? '' : block.slice(0, block[fence - 1] === '\r' && block[fence] === '\n' ? fence - 1 : fence);
    const result = readFrontMatter(yamlText, contentStart, lines.rangeAt(start, endOf(yaml)), lines);
    metadata = result.metadata;
    problems.push(...result.problems);
  }
  const nocite = yaml && metadata.raw['nocite'] !== undefined ? nociteKeys(text, startOf(yaml), endOf(yaml)) : undefined;

  const math: MathNode[] = scannedMath.map((m) => toMathNode(m, text, lines));
  const mathByStart = new Map<number, MathNode>(scannedMath.map((m, i) => [m.start, math[i] as MathNode]));
  const citations: Citation[] = scannedCitations.map((c) => ({
    key: c.key,
    range: lines.rangeAt(c.keyStart, c.keyEnd),
    groupRange: lines.rangeAt(c.groupStart, c.groupEnd),
    command: 'pandoc',
    ...(c.suppressAuthor ? { suppressAuthor: true } : {}),
    ...(c.inText ? { inText: true } : {}),
    ...(c.prefix !== undefined ? { prefix: c.prefix } : {}),
    ...(c.locator !== undefined ? { locator: c.locator } : {}),
  }));
  // Pandoc's `nocite:` keys are cited without appearing in the text (they come first: the front matter does).
  citations.unshift(
    ...(nocite?.keys ?? []).map((k): Citation => {
      const range = lines.rangeAt(k.start, k.end);
      return { key: k.key, range, groupRange: range, command: 'nocite' };
    }),
  );

  const footnotes = footnotesOf(text, collected, masks, lines);
  // A paragraph's own inline math (not that of the notes standing in it), in offsets, for its spans.
  const inlineMath = scannedMath.flatMap((m, i) => (m.display ? [] : [{ start: m.start, end: m.end, node: math[i] as MathNode }])).sort((a, b) => a.start - b.start);
  const noteSpans = footnotes.map((f) => ({ start: lines.offsetAt(f.range.start), end: lines.offsetAt(f.range.end) })).sort((a, b) => a.start - b.start);
  let nextMath = 0;
  let nextNote = 0;

  const headings: HeadingInfo[] = [];
  const placed: PlacedBlock[] = [];
  // Raw vertical space, found in one pass (a search per paragraph would scan the rest of the text each time).
  const rawSpaces = text.includes('\\') ? findRawSpaces(text, 0, text.length).filter((f) => !insideSpans(masks, f.start)) : [];
  let nextSpace = 0;
  let referencesStart: Range | undefined;
  let appendixStart: Range | undefined;
  const children = root.children ?? [];
  for (let i = 0; i < children.length; i++) {
    const node = children[i] as MdNode;
    if (node.type === 'heading') {
      const heading = readHeading(node, text, lines);
      headings.push(heading);
      if (!referencesStart && isReferencesTitle(heading.title)) referencesStart = heading.range;
      if (!appendixStart && APPENDIX_TITLE.test(heading.title.trim())) appendixStart = heading.range;
      continue;
    }
    if (node.type === 'paragraph') {
      const source = text.slice(startOf(node), endOf(node));
      if (isFenceOnly(source)) {
        if (!referencesStart && /\{\s*#refs\b/.test(source)) referencesStart = lines.rangeAt(startOf(node), endOf(node));
        continue;
      }
    }
    const next = children[i + 1];
    const read = readBlock(node, text, lines, mathByStart, next);
    let block = read;
    if (read?.type === 'paragraph' && read.text !== '') {
      const start = startOf(node);
      const end = endOf(node);
      while (nextMath < inlineMath.length && (inlineMath[nextMath] as { start: number }).start < start) nextMath++;
      while (nextNote < noteSpans.length && (noteSpans[nextNote] as { start: number }).start < start) nextNote++;
      const notes: { start: number; end: number }[] = [];
      for (let k = nextNote; k < noteSpans.length && (noteSpans[k] as { start: number }).start <= end; k++) notes.push(noteSpans[k] as { start: number; end: number });
      const own: MathNode[] = [];
      for (let k = nextMath; k < inlineMath.length && (inlineMath[k] as { start: number }).start <= end; k++) {
        const m = inlineMath[k] as { start: number; end: number; node: MathNode };
        if (m.end <= end && !notes.some((n) => m.start >= n.start && m.end <= n.end)) own.push(m.node);
      }
      const inline = inlineSpans(read.text, own, true);
      if (inline) block = { ...read, inline };
    }
    // Raw `\vspace{..}` in a paragraph is vertical space (pandoc passes it to LaTeX), not words.
    while (nextSpace < rawSpaces.length && (rawSpaces[nextSpace] as { start: number }).start < startOf(node)) nextSpace++;
    const spaces: typeof rawSpaces = [];
    if (node.type === 'paragraph') {
      for (; nextSpace < rawSpaces.length && (rawSpaces[nextSpace] as { end: number }).end <= endOf(node); nextSpace++) spaces.push(rawSpaces[nextSpace] as (typeof rawSpaces)[number]);
    }
    if (block && !(spaces.length > 0 && block.type === 'paragraph' && block.text === '')) {
      placed.push({ offset: startOf(node), block });
      if (block.type === 'table' && block.caption !== undefined) i++;
    }
    for (const f of spaces) placed.push({ offset: f.start, block: { type: 'space', range: lines.rangeAt(f.start, f.end), length: f.length, ...(f.keep ? { keep: true } : {}) } });
  }

  const blocks = placed.map((p) => p.block);
  keepTree(blocks, root);
  return {
    file: options.file,
    format: 'markdown',
    text: original,
    lineCount: lines.lineCount,
    metadata,
    sections: buildSections(headings, placed, lines),
    blocks,
    citations,
    ...(nocite?.all ? { citesAll: true } : {}),
    math,
    ...(referencesStart ? { referencesStart } : {}),
    ...(appendixStart ? { appendixStart } : {}),
    disableDirectives: collected.directives(text, lines),
    includes: [],
    problems,
    codeRanges: collected.code.map((s) => lines.rangeAt(s.start, s.end)),
    footnotes,
  };
}
