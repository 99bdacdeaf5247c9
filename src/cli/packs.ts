import * as fs from 'node:fs';
import * as path from 'node:path';
import { formatProblem, loadBundledPacks, loadUserPacks, type PackProblem, type PackSource } from '../core/courses/loader';
import type { CoursePack } from '../core/courses/types';
import { type CliIO, UsageError } from './command';
import { readTextFile } from './readText';

/** The packs the CLI sees: bundled ones plus user packs from files or folders. */
export interface CliPacks {
  readonly packs: readonly CoursePack[];
  /** Where each pack id came from: `bundled` or a file path. */
  readonly origins: ReadonlyMap<string, string>;
  readonly problems: readonly PackProblem[];
  readonly notices: readonly string[];
}

/** The `--packs` option, the same in every command that reads course packs. */
export const packsOption = { packs: { type: 'string', multiple: true } } as const;

/** The `--help` line for `--packs`, padded to the column the command's options use. */
export function packsUsage(column: number): string {
  return `  ${'--packs FILE|DIR'.padEnd(column - 2)}add user course packs (a .json file or a folder of them; repeatable)`;
}

/** The `.json` files of a folder (sorted), or the file itself. */
function packFiles(target: string, shown: string): string[] {
  const stat = fs.statSync(target, { throwIfNoEntry: false });
  if (!stat) throw new UsageError(`no such file or folder: ${shown}`);
  if (!stat.isDirectory()) return [target];
  return fs
    .readdirSync(target)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => path.join(target, name));
}

/**
 * The packs of `base` (the bundled ones by default) plus the user packs in `targets` (files, or
 * folders of `*.json`); a user pack with a base pack's id replaces it. Broken packs are left out
 * and reported; the rest still load. Paths are resolved against `cwd`.
 */
export function loadCliPacks(targets: readonly string[], cwd: string, base: () => readonly CoursePack[] = loadBundledPacks): CliPacks {
  const sources: PackSource[] = [];
  for (const target of targets) {
    for (const file of packFiles(path.resolve(cwd, target), target)) {
      const shown = path.relative(cwd, file) || file;
      // A folder, a broken link or binary data (a renamed .zip) gets one clear line, as a writeup does.
      const read = readTextFile(file, shown);
      sources.push('text' in read ? { file: shown, text: read.text } : { file: shown, readError: read.problem.slice(`cannot read ${shown}: `.length) });
    }
  }
  const basePacks = base();
  const { packs, notices, user, problems } = loadUserPacks(sources, basePacks);
  const origins = new Map<string, string>(basePacks.map((p) => [p.id, 'bundled']));
  for (const { pack, file } of user) origins.set(pack.id, file);
  return { packs, origins, problems, notices };
}

/**
 * `loadCliPacks` for a command's `--packs` values, with every problem (`file#/pointer: message`)
 * and override notice written to stderr, one line each. A broken pack never stops the command.
 */
export function readCliPacks(targets: readonly string[] | undefined, io: CliIO, base?: () => readonly CoursePack[]): CliPacks {
  const loaded = loadCliPacks(targets ?? [], io.cwd, base);
  for (const problem of loaded.problems) io.stderr(`${formatProblem(problem)}\n`);
  for (const notice of loaded.notices) io.stderr(`${notice}\n`);
  return loaded;
}
