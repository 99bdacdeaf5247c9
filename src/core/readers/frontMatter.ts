import type { Node as YamlNode } from 'yaml';
import { lazyYaml } from '../lazy/index';
import { collectMacros } from '../math/macros';
import type { Range } from '../model/range';
import type { Author, Metadata, ReaderProblem } from '../model/writeup';
import type { LineIndex } from '../text/lineIndex';
import { captionSetupOf, emptyMetadata } from './common';

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
  // The YAML parser recurses once per level: thousands of levels take seconds and overflow its stack.
  const deep = tooDeepAt(yamlText);
  if (deep >= 0) {
    problems.push({
      code: 'front-matter-yaml',
      message: `Front matter nests lists or mappings more than ${MAX_YAML_DEPTH} levels deep: it is not read.`,
      range: at(deep, deep + 1),
      severity: 'error',
    });
    return { metadata: { ...emptyMetadata(), keyRanges: {}, raw: {}, range: blockRange }, problems };
  }
  // logLevel 'error': the library's warnings (a collection as a key) would go to the CLI's stderr as Node warnings.
  const doc = parseDocument(yamlText, { prettyErrors: false, uniqueKeys: false, logLevel: 'error' });
  // An unclosed bracket is reported once per level it leaves open, at the same place: readWriteup says it once.
  for (const error of doc.errors) {
    const [start, end] = error.pos;
    problems.push({ code: 'front-matter-yaml', message: `Front matter is not valid YAML: ${firstLine(error.message)}`, range: at(start, Math.max(end, start + 1)), severity: 'error' });
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
      message: `Front matter could not be read: ${aliasMessage(firstLine(error instanceof Error ? error.message : String(error)))}`,
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
  // Values of broken YAML are what the parser made of it (`title: [a` a list): its error says it.
  if (doc.errors.length === 0) problems.push(...wrongTypes(raw, keyRanges, blockRange));
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

/** Nesting the front matter may have (real front matter has a handful of levels). */
export const MAX_YAML_DEPTH = 64;

/**
 * Where `yaml` first nests deeper than MAX_YAML_DEPTH, or -1: open `[`/`{` (counted until a line
 * starts a new top-level key), or block indentation (each deeper indent, and each `- ` or `? `
 * in front of an entry, is a level). Linear, and generous: only a pathological input reaches it.
 */
function tooDeepAt(yaml: string): number {
  let flow = 0;
  const indents: number[] = [];
  for (let lineStart = 0; lineStart < yaml.length; ) {
    let lineEnd = lineStart;
    while (lineEnd < yaml.length && yaml[lineEnd] !== '\n' && yaml[lineEnd] !== '\r') lineEnd++;
    let i = lineStart;
    while (i < lineEnd && yaml[i] === ' ') i++;
    if (i < lineEnd && yaml[i] !== '#') {
      if (i === lineStart && yaml[i] !== ']' && yaml[i] !== '}') flow = 0;
      // Block levels: this line's indentation, then each `- ` / `? ` / `: ` that opens an entry in it.
      for (let at = i; ; ) {
        while (indents.length > 0 && (indents[indents.length - 1] ?? 0) >= at) indents.pop();
        indents.push(at);
        if (indents.length > MAX_YAML_DEPTH) return at;
        const c = yaml[at];
        if ((c !== '-' && c !== '?' && c !== ':') || (yaml[at + 1] !== ' ' && yaml[at + 1] !== '\t')) break;
        at += 2;
        while (at < lineEnd && (yaml[at] === ' ' || yaml[at] === '\t')) at++;
        if (at >= lineEnd) break;
      }
      for (let j = i; j < lineEnd; j++) {
        const c = yaml[j];
        if (c === '[' || c === '{') {
          if (++flow > MAX_YAML_DEPTH) return j;
        } else if ((c === ']' || c === '}') && flow > 0) flow--;
      }
    }
    lineStart = lineEnd + (yaml[lineEnd] === '\r' && yaml[lineEnd + 1] === '\n' ? 2 : 1);
  }
  return -1;
}

/** The YAML library's word for an alias bomb, said for a writer. */
function aliasMessage(message: string): string {
  return /alias count/i.test(message) ? 'its aliases (`*name`) expand to too many values' : message;
}

/** Keys whose value must be one piece of text, and how much the checks depend on it. */
const SCALAR_KEYS: readonly [string, 'error' | 'warning'][] = [
  ['course', 'error'], ['kind', 'error'], ['project', 'error'], ['projectType', 'error'], ['project-type', 'error'],
  ['title', 'warning'], ['date', 'warning'], ['abstract', 'warning'],
];

/** What a value is, in a writer's words. */
function shapeOf(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (value instanceof Uint8Array) return 'binary data';
  return typeof value === 'object' ? 'a mapping' : 'not text';
}

/** Values of a type the reader cannot use: said, rather than dropped without a word. */
function wrongTypes(raw: Record<string, unknown>, keyRanges: Record<string, Range>, blockRange: Range): ReaderProblem[] {
  const out: ReaderProblem[] = [];
  const report = (key: string, message: string, severity: 'error' | 'warning') =>
    out.push({ code: 'front-matter-type', message, range: keyRanges[key] ?? blockRange, severity });
  for (const [key, severity] of SCALAR_KEYS) {
    const value = raw[key];
    if (value !== undefined && value !== null && text(value) === undefined) {
      report(key, `\`${key}:\` should be one value (e.g. \`${key}: ${EXAMPLES[key] ?? '...'}\`), not ${shapeOf(value)}: it is ignored.`, severity);
    }
  }
  const bibliography = raw['bibliography'];
  if (bibliography !== undefined && bibliography !== null && (Array.isArray(bibliography) ? bibliography.some((b) => text(b) === undefined) : text(bibliography) === undefined)) {
    report('bibliography', '`bibliography:` should be a file name or a list of file names (e.g. `bibliography: references.bib`): other values are ignored.', 'warning');
  }
  const authorKey = raw['author'] !== undefined ? 'author' : 'authors';
  const author = raw[authorKey];
  if (author !== undefined && author !== null) {
    const list = Array.isArray(author) ? author : [author];
    if (list.some((a) => text(a) === undefined && !(a && typeof a === 'object' && !Array.isArray(a) && text((a as Record<string, unknown>)['name']) !== undefined))) {
      report(authorKey, `Each \`${authorKey}:\` entry should be a name or a mapping with \`name:\` (e.g. \`- name: Ada Lovelace\`): entries without a name are ignored.`, 'warning');
    }
  }
  return out.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}

const EXAMPLES: Record<string, string> = { course: 'mit-18.408', kind: 'report', project: 'reading', title: 'Margin bounds', date: '2024-05-01' };

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
