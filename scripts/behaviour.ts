// What users see on every fixture writeup: `writeup lint --format json`, `writeup pages --json`
// and citation completion at the start of each citation. Compared against a snapshot taken from an
// earlier commit (test/repo/behaviour.test.ts) so a refactoring shows it changed nothing.
//
//   node --import tsx scripts/behaviour-snapshot.ts [--src DIR] > test/fixtures/behaviour/snapshot.json
//
// --src: the src/ folder whose code runs (default this repository's; an exported older tree to
// take a snapshot from it). The fixtures are always this repository's.
import { globSync } from 'glob';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

/** One fixture's results. */
export interface FixtureBehaviour {
  readonly lint: unknown;
  readonly pages: unknown;
  readonly completion: readonly { readonly line: number; readonly character: number; readonly keys: readonly string[] }[];
}

/** The fixture writeups, relative to the repository root, sorted (course pages for the importer are not writeups). */
export function fixtureWriteups(root: string): string[] {
  return globSync('{test/fixtures,example}/**/*.{md,tex}', { cwd: root, posix: true, ignore: ['**/node_modules/**', 'test/fixtures/fuzz/**', 'test/fixtures/syntaxes/**', 'test/fixtures/courses/import/pages/**'] })
    .filter((f) => !/(^|\/)(README|CHANGELOG)\.md$/i.test(f))
    .sort();
}

type Module = Record<string, unknown>;
const load = (src: string, file: string): Promise<Module> => import(pathToFileURL(path.join(src, file)).href) as Promise<Module>;

/** Runs the CLI of `src` once, capturing stdout. */
async function cli(main: (argv: readonly string[], io: unknown) => Promise<number>, root: string, argv: readonly string[]): Promise<unknown> {
  let out = '';
  await main(argv, { stdout: (t: string) => (out += t), stderr: () => undefined, cwd: root });
  try {
    return JSON.parse(out);
  } catch {
    return out;
  }
}

/** Lint, pages and completion for every fixture, with the code under `src`. */
export async function behaviour(root: string, src: string = path.join(root, 'src')): Promise<Record<string, FixtureBehaviour>> {
  const { main } = (await load(src, 'cli/main.ts')) as { main: (argv: readonly string[], io: unknown) => Promise<number> };
  const { readWriteup } = (await load(src, 'core/readers/index.ts')) as { readWriteup: (text: string, o: { file: string }) => { format: 'markdown' | 'latex'; citations: { range: { start: { line: number; character: number } }; origin?: unknown; key: string }[] } };
  const { CitationCompletionProvider } = (await load(src, 'core/features/citationCompletion.ts')) as { CitationCompletionProvider: new () => { provide(d: unknown, p: unknown, s: unknown): { items: { key: string }[] } | undefined } };
  const { loadBundledPacks } = (await load(src, 'core/courses/loader.ts')) as { loadBundledPacks: () => unknown[] };
  const { emptyBibIndex } = (await load(src, 'core/bib/index.ts')) as { emptyBibIndex: unknown };
  const packs = loadBundledPacks();
  const provider = new CitationCompletionProvider();
  const out: Record<string, FixtureBehaviour> = {};
  for (const file of fixtureWriteups(root)) {
    const text = readFileSync(path.join(root, file), 'utf8');
    const writeup = readWriteup(text, { file: path.join(root, file) });
    const completion = writeup.citations
      .filter((c) => !c.origin)
      .slice(0, 5)
      .map((c) => {
        // The cursor one character into the key: the list a user sees after typing its first letter.
        const position = { line: c.range.start.line, character: c.range.start.character + 1 };
        const list = provider.provide({ text, format: writeup.format }, position, { bib: emptyBibIndex, packs });
        return { ...position, keys: (list?.items ?? []).slice(0, 8).map((i) => i.key) };
      });
    out[file] = {
      lint: await cli(main, root, ['lint', '--format', 'json', file]),
      pages: await cli(main, root, ['pages', '--json', file]),
      completion,
    };
  }
  return out;
}
