import * as path from 'node:path';
import type { Range } from '../../core/model/range';
import type { Writeup } from '../../core/model/writeup';
import { parseCommandArgs } from '../args';
import { type CliCommand, type CliIO, UsageError } from '../command';
import { cliService } from '../analysisHost';
import { readTextFile } from '../readText';

/** `writeup outline --json` output: the model's metadata, sections, citations and math with ranges. */
export interface OutlineResult {
  readonly file: string;
  readonly format: Writeup['format'];
  readonly metadata: Omit<Writeup['metadata'], 'raw'>;
  readonly sections: readonly { level: number; title: string; unnumbered: boolean; range: Range; titleRange: Range }[];
  readonly citations: readonly { key: string; range: Range; command: string; file?: string }[];
  /** `\nocite{*}` or `nocite: '@*'`: every bibliography entry is cited. */
  readonly citesAll?: boolean;
  /** Keys defined by `\bibitem` in the document's `thebibliography`. */
  readonly bibItems?: readonly { key: string; range: Range; label?: string; file?: string }[];
  readonly math: readonly { tex: string; display: boolean; range: Range; delimiter: string; environment?: string }[];
  readonly referencesStart?: Range;
  readonly appendixStart?: Range;
  readonly includes: readonly string[];
  readonly problems: Writeup['problems'];
}

/** The outline of a model, as `--json` prints it (`file` as given on the command line). */
export function outlineOf(file: string, writeup: Writeup): OutlineResult {
  const { raw: _raw, ...metadata } = writeup.metadata;
  return {
    file,
    format: writeup.format,
    metadata,
    sections: writeup.sections.map((s) => ({ level: s.level, title: s.title, unnumbered: s.unnumbered, range: s.range, titleRange: s.titleRange })),
    citations: writeup.citations.map((c) => ({ key: c.key, range: c.range, command: c.command, ...(c.origin ? { file: c.origin.file } : {}) })),
    ...(writeup.citesAll ? { citesAll: true } : {}),
    ...(writeup.bibItems
      ? { bibItems: writeup.bibItems.map((b) => ({ key: b.key, range: b.range, ...(b.label !== undefined ? { label: b.label } : {}), ...(b.origin ? { file: b.origin.file } : {}) })) }
      : {}),
    math: writeup.math.map((m) => ({
      tex: m.tex,
      display: m.display,
      range: m.range,
      delimiter: m.delimiter,
      ...(m.environment ? { environment: m.environment } : {}),
    })),
    ...(writeup.referencesStart ? { referencesStart: writeup.referencesStart } : {}),
    ...(writeup.appendixStart ? { appendixStart: writeup.appendixStart } : {}),
    includes: writeup.includes,
    problems: writeup.problems,
  };
}

const at = (r: Range): string => `${r.start.line + 1}:${r.start.character + 1}`;

/** The indented text outline. Lines and columns are 1-based here, as editors show them. */
export function formatOutline(o: OutlineResult): string {
  const out: string[] = [];
  const m = o.metadata;
  out.push(`${o.file} (${o.format})${m.title ? `: ${m.title}` : ''}`);
  const facts = [
    m.course ? `course ${m.course}` : undefined,
    m.kind ? `kind ${m.kind}` : undefined,
    m.authors.length > 0 ? `${m.authors.length === 1 ? 'author' : 'authors'} ${m.authors.map((a) => a.name).join(', ')}` : undefined,
    m.bibliography.length > 0 ? `bibliography ${m.bibliography.join(', ')}` : undefined,
  ].filter((f): f is string => f !== undefined);
  if (facts.length > 0) out.push(`  ${facts.join('; ')}`);
  out.push('');
  if (o.sections.length === 0) out.push('(no sections)');
  for (const s of o.sections) out.push(`${'  '.repeat(Math.max(0, s.level - 1))}${s.title}${s.unnumbered ? ' (unnumbered)' : ''}  [${at(s.range)}]`);
  out.push('');
  const keys = [...new Set(o.citations.map((c) => c.key))];
  out.push(`citations: ${o.citations.length}${keys.length > 0 ? ` (${keys.join(', ')})` : ''}`);
  const display = o.math.filter((x) => x.display).length;
  out.push(`math: ${o.math.length} (${o.math.length - display} inline, ${display} display)`);
  if (o.referencesStart) out.push(`references start at ${at(o.referencesStart)}`);
  if (o.includes.length > 0) out.push(`includes: ${o.includes.join(', ')}`);
  for (const p of o.problems) out.push(`${at(p.range)} ${p.severity} ${p.message} (${p.code})`);
  return `${out.join('\n')}\n`;
}

/** `writeup outline [--json] PATH`: what the readers see in a writeup. */
export const outlineCommand: CliCommand = {
  name: 'outline',
  summary: 'show the sections, citations and math the readers find in a writeup',
  usage: [
    'Usage: writeup outline [--json] PATH',
    '',
    'Reads one writeup (.md or .tex) and prints its outline: metadata, sections, citations',
    'and math. With --json, the model with 0-based ranges as VS Code counts them:',
    '  { "file", "metadata", "sections": [{ "level", "title", "range" }],',
    '    "citations": [{ "key", "range" }], "math": [{ "tex", "display", "range" }] }',
    '',
    'Options:',
    '  --json   print JSON instead of text',
  ].join('\n'),
  run(args: readonly string[], io: CliIO): number {
    const { values, positionals } = parseCommandArgs(args, { json: { type: 'boolean' } });
    if (positionals.length !== 1) throw new UsageError('expected exactly one PATH');
    const file = positionals[0] as string;
    const full = path.resolve(io.cwd, file);
    const read = readTextFile(full, file, true);
    if ('problem' in read) throw new UsageError(read.problem);
    if (read.warning) io.stderr(`writeup outline: ${read.warning}\n`);
    const text = read.text;
    const outline = outlineOf(file, cliService({ packs: [], cwd: io.cwd, warn: () => undefined }).read({ file: full, text }));
    io.stdout(values.json ? `${JSON.stringify(outline, null, 2)}\n` : formatOutline(outline));
    return 0;
  },
};
