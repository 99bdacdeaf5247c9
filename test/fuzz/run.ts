import fc from 'fast-check';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { bibText, latexText, markdownText, packText } from './arbitraries';
import { LINE_ENDS, withLineEnds } from '../helpers/lineEnds';
import { checkBib, checkPack, checkWriteup } from './pipeline';

/** One family of generated inputs and the check each input goes through. */
export interface Family {
  readonly name: string;
  readonly extension: string;
  readonly arbitrary: fc.Arbitrary<string>;
  readonly check: (text: string) => string[];
}

const baseFamilies: readonly Family[] = [
  { name: 'markdown', extension: 'md', arbitrary: markdownText, check: (t) => checkWriteup(t, 'markdown') },
  { name: 'latex', extension: 'tex', arbitrary: latexText, check: (t) => checkWriteup(t, 'latex') },
  { name: 'bib', extension: 'bib', arbitrary: bibText, check: checkBib },
  { name: 'pack', extension: 'json', arbitrary: packText, check: checkPack },
];

/** Every family as generated, then with Windows (CRLF) and old Mac (lone CR) line ends. */
export const families: readonly Family[] = [
  ...baseFamilies,
  ...baseFamilies.flatMap((f) =>
    LINE_ENDS.filter(([name]) => name !== 'LF').map(([name, eol]) => ({ ...f, name: `${f.name}-${name.toLowerCase()}`, arbitrary: f.arbitrary.map((t) => withLineEnds(t, eol)) })),
  ),
];

export const regressionDir = join(__dirname, '..', 'fixtures', 'fuzz');

/** CPU time an input may take: a hang guard proportional to its size, not a speed goal. */
export function budgetMs(text: string, factor: number): number {
  return factor * (1000 + text.length / 100);
}

export interface FamilyResult {
  readonly name: string;
  readonly runs: number;
  readonly ms: number;
  /** The input that took the most CPU time. */
  readonly slowest: { ms: number; bytes: number };
  readonly failure?: string;
  readonly counterexample?: string;
}

/**
 * Runs `runs` generated inputs of a family. A failing input is shrunk by fast-check (unless
 * `shrink` is false) and returned, so the caller can keep it as a regression fixture.
 */
export function runFamily(family: Family, runs: number, seed: number, budgetFactor: number, shrink = true): FamilyResult {
  const started = performance.now();
  let slowest = { ms: 0, bytes: 0 };
  const details = fc.check(
    fc.property(family.arbitrary, (text) => {
      // CPU time, not the clock: a niced run on a loaded machine waits for the CPU, it does not hang.
      const t0 = process.cpuUsage();
      const failures = family.check(text);
      const used = process.cpuUsage(t0);
      const ms = (used.user + used.system) / 1000;
      if (ms > slowest.ms) slowest = { ms, bytes: Buffer.byteLength(text) };
      if (ms > budgetMs(text, budgetFactor)) failures.push(`took ${ms.toFixed(0)} ms of CPU for ${text.length} characters (budget ${budgetMs(text, budgetFactor).toFixed(0)} ms)`);
      if (failures.length) throw new Error(failures.join('\n'));
    }),
    // Shrinking a large failing input can take minutes: the CI run reports the input as found.
    { numRuns: runs, seed, endOnFailure: !shrink, maxSkipsPerRun: 0 },
  );
  const ms = performance.now() - started;
  if (!details.failed) return { name: family.name, runs: details.numRuns, ms, slowest };
  const counterexample = details.counterexample?.[0] as string | undefined;
  const message = details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
  return { name: family.name, runs: details.numRuns, ms, slowest, failure: message, ...(counterexample !== undefined ? { counterexample } : {}) };
}

/** Saves a failing input as a regression fixture (kept forever, checked by the unit tests). */
export function keepRegression(family: Family, text: string): string {
  if (!existsSync(regressionDir)) mkdirSync(regressionDir, { recursive: true });
  const name = `${family.name}-${Date.now().toString(36)}.${family.extension}`;
  writeFileSync(join(regressionDir, name), text);
  return name;
}

/** The kept regression fixtures with the family that checks each. */
export function regressions(): { file: string; family: Family; text: string }[] {
  if (!existsSync(regressionDir)) return [];
  return readdirSync(regressionDir)
    .sort()
    .flatMap((file) => {
      const family = families.find((f) => file.startsWith(`${f.name}-`));
      return family ? [{ file, family, text: readFileSync(join(regressionDir, file), 'utf8') }] : [];
    });
}
