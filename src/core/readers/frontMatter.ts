import type { Node as YamlNode } from 'yaml';
import { lazyYaml } from '../lazy/index';
import { collectMacros } from '../math/macros';
import type { Range } from '../model/range';
import type { Author, Metadata, ReaderProblem } from '../model/writeup';
import type { LineIndex } from '../text/lineIndex';
import { captionSetupOf } from './common';

/** Metadata read from a YAML front matter block, and what went wrong reading it. */
export interface FrontMatterResult {
  readonly metadata: Metadata;
  readonly problems: readonly ReaderProblem[];
}

/**
 * Reads pandoc's YAML front matter. `yamlText` starts at document offset `offset`;
 * `blockRange` covers the block with its `---` fences.
 */
export function readFrontMatter(yamlText: string, offset: number, blockRange: Range, lines: LineIndex): FrontMatterResult {
  // Typing below the front matter leaves it as it was: the last answer is kept with all it was read
  // from (the text up to the block's end fixes every position in it), so it cannot go stale.
  const key = `${JSON.stringify(blockRange)}\u0000${yamlText}\u0000${lines.text.slice(0, offset + yamlText.length)}`;
  if (lastRead?.key === key) return lastRead.result;
  const result = readFresh(yamlText, offset, blockRange, lines);
  lastRead = { key, result };
  return result;
}

/** The last front matter read, with what it was read from. */
let lastRead: { readonly key: string; readonly result: FrontMatterResult } | undefined;

function readFresh(yamlText: string, offset: number, blockRange: Range, lines: LineIndex): FrontMatterResult {
  const problems: ReaderProblem[] = [];
  const at = (start: number, end: number): Range => lines.rangeAt(offset + start, offset + end);
  const { isMap, isScalar, parseDocument } = lazyYaml();
  const doc = parseDocument(yamlText, { prettyErrors: false, uniqueKeys: false });
  for (const error of doc.errors) {
    const [start, end] = error.pos;
    problems.push({
      code: 'front-matter-yaml',
      message: `Front matter is not valid YAML: ${firstLine(error.message)}`,
      range: at(start, Math.max(end, start + 1)),
      severity: 'error',
    });
  }
  let raw: Record<string, unknown> = {};
  try {
    const js: unknown = doc.toJS({ maxAliasCount: 50 });
    if (js !== null && typeof js === 'object' && !Array.isArray(js)) raw = js as Record<string, unknown>;
    else if (js !== null && js !== undefined && doc.errors.length === 0) {
      problems.push({
        code: 'front-matter-yaml',
        message: 'Front matter should be a YAML mapping of keys to values (e.g. `title: ...`).',
        range: blockRange,
        severity: 'error',
      });
    }
  } catch (error) {
    problems.push({
      code: 'front-matter-yaml',
      message: `Front matter could not be read: ${firstLine(error instanceof Error ? error.message : String(error))}`,
      range: blockRange,
      severity: 'error',
    });
  }

  const keyRanges: Record<string, Range> = {};
  let titleRange: Range | undefined;
  if (isMap(doc.contents)) {
    for (const pair of doc.contents.items) {
      const key = pair.key as YamlNode | null;
      if (!isScalar(key) || !key.range) continue;
      const name = String(key.value);
      const value = pair.value as YamlNode | null;
      const end = value?.range ? value.range[1] : key.range[1];
      keyRanges[name] = at(key.range[0], trimEnd(yamlText, key.range[0], end));
      if (name === 'title' && value?.range) titleRange = at(value.range[0], trimEnd(yamlText, value.range[0], value.range[1]));
    }
  }

  const writeupOptions = raw['writeup'];
  const disabled =
    writeupOptions && typeof writeupOptions === 'object' && !Array.isArray(writeupOptions)
      ? stringList((writeupOptions as Record<string, unknown>)['disable'])
      : [];
  const headerIncludes = stringList(raw['header-includes']).join('\n');
  const title = text(raw['title']);
  const course = text(raw['course']);
  const kind = text(raw['kind']);
  const projectType = text(raw['projectType'] ?? raw['project-type'] ?? raw['project']);
  const date = text(raw['date']);
  const abstract = text(raw['abstract']);
  const metadata: Metadata = {
    authors: authors(raw['author'] ?? raw['authors']),
    bibliography: stringList(raw['bibliography']),
    disabledRules: disabled,
    keyRanges,
    raw,
    range: blockRange,
    ...(title !== undefined ? { title } : {}),
    ...(titleRange ? { titleRange } : {}),
    ...(course !== undefined ? { course } : {}),
    ...(kind !== undefined ? { kind } : {}),
    ...(projectType !== undefined ? { projectType } : {}),
    ...(date !== undefined ? { date } : {}),
    ...(abstract !== undefined ? { abstract: abstract.trim() } : {}),
    ...(headerIncludes ? { headerIncludes } : {}),
    ...mathMacrosOf(headerIncludes),
    ...captionSetupOf(headerIncludes),
  };
  return { metadata, problems };
}

/** A pair's end without trailing line breaks and spaces. */
function trimEnd(text: string, start: number, end: number): number {
  let e = end;
  while (e > start && /\s/.test(text[e - 1] ?? '')) e--;
  return e;
}

function firstLine(message: string): string {
  return (message.split('\n')[0] ?? message).trim();
}

/** A scalar as text (numbers and dates too); undefined for anything else. */
function text(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return undefined;
}

/** A string or a list of strings (other entries dropped). */
function stringList(value: unknown): string[] {
  if (value === undefined || value === null) return [];
  if (Array.isArray(value)) return value.map(text).filter((v): v is string => v !== undefined);
  const one = text(value);
  return one === undefined ? [] : [one];
}

/** Pandoc authors: a string, a list of strings, or a list of `{ name, affiliation, email }`. */
function authors(value: unknown): Author[] {
  const list = Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];
  const out: Author[] = [];
  for (const entry of list) {
    const name = text(entry);
    if (name !== undefined) {
      if (name.trim()) out.push({ name: name.trim() });
      continue;
    }
    if (entry && typeof entry === 'object' && !Array.isArray(entry)) {
      const record = entry as Record<string, unknown>;
      const n = text(record['name']);
      if (n === undefined) continue;
      const affiliation = text(record['affiliation']) ?? stringList(record['affiliation']).join('; ');
      const email = text(record['email']);
      out.push({ name: n.trim(), ...(affiliation ? { affiliation } : {}), ...(email ? { email } : {}) });
    }
  }
  return out;
}

/** The TeX macros `header-includes` defines, read once for the math rules, hover and preview. */
function mathMacrosOf(headerIncludes: string): Pick<Metadata, 'mathMacros'> {
  const macros = collectMacros(headerIncludes);
  return Object.keys(macros).length > 0 ? { mathMacros: macros } : {};
}
