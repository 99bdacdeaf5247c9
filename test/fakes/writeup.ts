/**
 * Hand-built Writeup models for tests, and a deliberately small reader of the same shape so rule
 * tests do not depend on the real readers' every detail. `readForTest` uses the real reader
 * (src/core/readers) once it yields sections, and this small one while the readers are stubs.
 */
import { parse as parseYaml } from 'yaml';
import type { Author, Block, Citation, DisableDirective, Metadata, Section, Writeup, WriteupFormat } from '../../src/core/model/writeup';
import type { Range } from '../../src/core/model/range';
import { readWriteup } from '../../src/core/readers/index';
import { LineIndex } from '../../src/core/text/lineIndex';

const r = (l1: number, c1: number, l2: number, c2: number): Range => ({ start: { line: l1, character: c1 }, end: { line: l2, character: c2 } });

/** A model with the given parts; everything else empty. */
export function fakeWriteup(parts: Partial<Omit<Writeup, 'metadata'>> & { metadata?: Partial<Metadata> } = {}): Writeup {
  const text = parts.text ?? '';
  const { metadata, ...rest } = parts;
  return {
    file: 'test.md',
    format: 'markdown',
    text,
    lineCount: new LineIndex(text).lineCount,
    sections: [],
    blocks: [],
    citations: [],
    math: [],
    disableDirectives: [],
    includes: [],
    problems: [],
    ...rest,
    metadata: { authors: [], bibliography: [], disabledRules: [], keyRanges: {}, raw: {}, ...metadata },
  };
}

/** Reads `text` with the real reader, or with {@link miniRead} while the real one is a stub. */
export function readForTest(text: string, format: WriteupFormat = 'markdown', file?: string): Writeup {
  const name = file ?? (format === 'latex' ? 'test.tex' : 'test.md');
  const real = readWriteup(text, { file: name, format });
  const stub = real.sections.length === 0 && real.blocks.length === 0 && Object.keys(real.metadata.raw).length === 0;
  return stub && text.trim() !== '' ? miniRead(text, format, name) : real;
}

function authorsOf(value: unknown): Author[] {
  const list = Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];
  return list.map((a) => (typeof a === 'string' ? { name: a } : { name: String((a as { name?: unknown }).name ?? '') }));
}

/** A small reader: YAML front matter, ATX headings, paragraphs, `[@key]`, disable comments; LaTeX basics. */
export function miniRead(text: string, format: WriteupFormat, file: string): Writeup {
  const index = new LineIndex(text);
  const lines = Array.from({ length: index.lineCount }, (_, i) => index.lineText(i));
  const sections: { s: Omit<Section, 'blocks' | 'bodyRange'>; blocks: Block[] }[] = [];
  const blocks: Block[] = [];
  const citations: Citation[] = [];
  const directives: DisableDirective[] = [];
  const problems: Writeup['problems'][number][] = [];
  const keyRanges: Record<string, Range> = {};
  let raw: Record<string, unknown> = {};
  let titleRange: Range | undefined;
  let metaRange: Range | undefined;
  let referencesStart: Range | undefined;
  let i = 0;
  if (format === 'markdown' && lines[0] === '---') {
    const end = lines.indexOf('---', 1);
    if (end > 0) {
      metaRange = r(0, 0, end, 3);
      try {
        const parsed: unknown = parseYaml(lines.slice(1, end).join('\n'));
        if (parsed && typeof parsed === 'object') raw = parsed as Record<string, unknown>;
      } catch (error) {
        problems.push({ code: 'front-matter-yaml', message: `YAML: ${(error as Error).message.split('\n')[0]}`, range: r(1, 0, 1, (lines[1] ?? '').length), severity: 'error' });
      }
      for (let l = 1; l < end; l++) {
        const m = /^([\w-]+):\s*(.*)$/.exec(lines[l] ?? '');
        if (m?.[1]) {
          keyRanges[m[1]] = r(l, 0, l, m[1].length);
          if (m[1] === 'title') titleRange = r(l, m[1].length + 2, l, (lines[l] ?? '').length);
        }
      }
      i = end + 1;
    }
  }
  let para: { start: number; text: string[] } | undefined;
  const flush = (endLine: number) => {
    if (!para) return;
    const block: Block = /^\s*([-*]|\d+\.)\s/.test(para.text[0] ?? '')
      ? { type: 'list', ordered: /^\s*\d/.test(para.text[0] ?? ''), items: para.text, range: r(para.start, 0, endLine, (lines[endLine] ?? '').length) }
      : { type: 'paragraph', text: para.text.join(' '), range: r(para.start, 0, endLine, (lines[endLine] ?? '').length) };
    blocks.push(block);
    sections[sections.length - 1]?.blocks.push(block);
    para = undefined;
  };
  const heading = (level: number, title: string, line: number, start: number, titleStart: number, end: number) => {
    flush(line - 1);
    sections.push({ s: { level, title, unnumbered: false, range: r(line, start, line, end), titleRange: r(line, titleStart, line, titleStart + title.length) }, blocks: [] });
    if (/^(references|bibliography)$/i.test(title)) referencesStart = r(line, start, line, end);
  };
  for (; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const directive = /(?:<!--|%)\s*writeup-disable-next-line\b([^>]*?)(?:-->|$)/.exec(line);
    if (directive) {
      directives.push({ line: i + 1, rules: (directive[1] ?? '').split(/[\s,]+/).filter(Boolean) });
      continue;
    }
    for (const m of line.matchAll(format === 'latex' ? /\\cite[pt]?\{([^}]*)\}/g : /\[([^\]]*@[^\]]*)\]/g)) {
      const inner = m[1] ?? '';
      let offset = (m.index ?? 0) + m[0].indexOf(inner);
      for (const part of inner.split(format === 'latex' ? ',' : ';')) {
        const key = format === 'latex' ? part.trim() : /@([\w:.-]+)/.exec(part)?.[1];
        if (key) {
          const at = offset + part.indexOf(key);
          citations.push({ key, range: r(i, at, i, at + key.length), groupRange: r(i, m.index ?? 0, i, (m.index ?? 0) + m[0].length), command: format === 'latex' ? 'cite' : 'pandoc' });
        }
        offset += part.length + 1;
      }
    }
    if (format === 'markdown') {
      const h = /^(#{1,6})\s+(.*?)\s*$/.exec(line);
      if (h?.[1] && h[2] !== undefined) {
        heading(h[1].length, h[2], i, 0, h[1].length + 1, line.length);
        continue;
      }
      if (/^\s*<!--.*-->\s*$/.test(line)) continue;
    } else {
      const t = /\\title\{([^}]*)\}/.exec(line);
      if (t?.[1] !== undefined) {
        raw['title'] = t[1];
        titleRange = r(i, (t.index ?? 0) + 7, i, (t.index ?? 0) + 7 + t[1].length);
        continue;
      }
      const a = /\\author\{([^}]*)\}/.exec(line);
      if (a?.[1] !== undefined) {
        raw['author'] = a[1].split(/\\and/).map((s) => s.replace(/\\\\.*$/, '').trim());
        continue;
      }
      const w = /^%\s*writeup:\s*(\w+)\s*=\s*(\S+)/.exec(line);
      if (w?.[1] && w[2]) {
        raw[w[1]] = w[2];
        keyRanges[w[1]] = r(i, line.indexOf(w[1]), i, line.indexOf(w[1]) + w[1].length);
        continue;
      }
      const s = /^\\(sub)*section\*?\{([^}]*)\}/.exec(line);
      if (s && s[2] !== undefined) {
        heading(1 + (line.match(/sub/g)?.length ?? 0), s[2], i, 0, line.indexOf('{') + 1, line.length);
        continue;
      }
      if (/^\s*(%|\\(documentclass|usepackage|begin\{document\}|end\{document\}|maketitle|bibliography|bibliographystyle)(?![a-zA-Z]))/.test(line)) {
        if (/^\\bibliography\{/.test(line)) {
          flush(i - 1);
          referencesStart = r(i, 0, i, line.length);
        }
        continue;
      }
    }
    if (line.trim() === '') {
      flush(i - 1);
      continue;
    }
    if (para) para.text.push(line);
    else para = { start: i, text: [line] };
  }
  flush(lines.length - 1);
  const built: Section[] = sections.map(({ s, blocks: b }, k) => {
    const next = sections[k + 1];
    const endLine = next ? next.s.range.start.line : lines.length - 1;
    return { ...s, blocks: b, bodyRange: r(s.range.start.line, 0, endLine, next ? 0 : (lines[endLine] ?? '').length) };
  });
  const writeupRaw = raw['writeup'] as { disable?: unknown } | undefined;
  const disabled = Array.isArray(writeupRaw?.disable) ? writeupRaw.disable.map(String) : [];
  const str = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? String(v) : undefined);
  const title = str(raw['title']);
  const course = str(raw['course']);
  const kind = str(raw['kind']);
  const project = str(raw['project'] ?? raw['projectType']);
  const metadata: Metadata = {
    authors: authorsOf(raw['author'] ?? raw['authors']),
    bibliography: Array.isArray(raw['bibliography']) ? raw['bibliography'].map(String) : typeof raw['bibliography'] === 'string' ? [raw['bibliography']] : [],
    disabledRules: disabled,
    keyRanges,
    raw,
    ...(title !== undefined ? { title } : {}),
    ...(course !== undefined ? { course } : {}),
    ...(kind !== undefined ? { kind } : {}),
    ...(project !== undefined ? { projectType: project } : {}),
    ...(titleRange ? { titleRange } : {}),
    ...(metaRange ? { range: metaRange } : {}),
  };
  return fakeWriteup({
    file,
    format,
    text,
    sections: built,
    blocks,
    citations,
    disableDirectives: directives,
    problems,
    ...(referencesStart ? { referencesStart } : {}),
    metadata,
  });
}
