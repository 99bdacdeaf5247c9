/**
 * `npm run bench [-- NAME...] [--runs N] [--list]`: runs the benchmark cases in bench/cases/*.ts
 * (files starting with `_` are helpers), prints a table, then ONE JSON object as the last line:
 * `{ "<case>": { "median_ms", "p95_ms", "n", ...extra } }`, sizes as `{ "bytes", ...extra }`.
 * NAME filters cases by substring. A case whose extra names a `baseline` that also ran gets
 * `baseline_median_ms` and `speedup_vs_baseline` beside its own figures.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { roundMs as round, summarize } from './stats';
import type { BenchCase, SamplesCase, SizeCase } from './types';

type AnyCase = BenchCase | SizeCase | SamplesCase;
type Row = Record<string, unknown>;

function isSize(c: AnyCase): c is SizeCase {
  return typeof (c as SizeCase).measure === 'function';
}

function isSamples(c: AnyCase): c is SamplesCase {
  return typeof (c as SamplesCase).samples === 'function';
}

async function timeCase(c: BenchCase, runsOverride: number | undefined): Promise<Row> {
  const state = c.setup ? await c.setup() : undefined;
  const runs = runsOverride ?? c.runs ?? 30;
  if (!c.cold) await c.run(state); // warm-up, not counted
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await c.run(state);
    samples.push(performance.now() - t);
  }
  return { ...summarize(samples), ...(c.extra ? c.extra(state) : {}) };
}

async function loadCases(dir: string): Promise<AnyCase[]> {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.ts') && !f.startsWith('_') && !f.endsWith('.d.ts'))
    .sort();
  const cases: AnyCase[] = [];
  for (const f of files) {
    const mod = (await import(pathToFileURL(path.join(dir, f)).href)) as { default?: AnyCase | { default?: AnyCase } };
    const exported = mod.default && 'default' in mod.default ? mod.default.default : (mod.default as AnyCase | undefined);
    if (!exported || typeof exported.name !== 'string') throw new Error(`bench/cases/${f}: the default export is not a bench case`);
    cases.push(exported);
  }
  return cases;
}

function brief(value: unknown): string {
  if (typeof value === 'number') return String(Number.isInteger(value) ? value : round(value));
  if (typeof value === 'string') return value.length > 40 ? `${value.slice(0, 37)}...` : value;
  return JSON.stringify(value);
}

function table(results: Record<string, Row>): string {
  const head = ['case', 'median ms', 'p95 ms', 'n', 'bytes', 'vs baseline', 'notes'];
  const rows = Object.entries(results).map(([name, r]) => {
    if ('error' in r) return [name, '-', '-', '-', '-', '-', `ERROR: ${brief(r.error)}`];
    const known = new Set(['median_ms', 'p95_ms', 'n', 'bytes', 'baseline_median_ms', 'speedup_vs_baseline', 'samples_ms']);
    const notes = Object.entries(r)
      .filter(([k]) => !known.has(k))
      .map(([k, v]) => `${k}=${brief(v)}`)
      .join(' ');
    const vs = typeof r.speedup_vs_baseline === 'number' ? `${r.speedup_vs_baseline}x faster (${brief(r.baseline_median_ms)} ms)` : '';
    return [name, brief(r.median_ms ?? ''), brief(r.p95_ms ?? ''), brief(r.n ?? ''), brief(r.bytes ?? ''), vs, notes];
  });
  const widths = head.map((h, i) => Math.min(60, Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length))));
  const line = (cells: string[]) => cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i] ?? 0))).join('  ');
  return [line(head), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

async function main(argv: readonly string[]): Promise<number> {
  const filters: string[] = [];
  let runs: number | undefined;
  let list = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] ?? '';
    if (a === '--runs') runs = Number(argv[++i]);
    else if (a.startsWith('--runs=')) runs = Number(a.slice(7));
    else if (a === '--list') list = true;
    else if (a.startsWith('-')) {
      console.error(`bench: unknown option ${a}\nusage: npm run bench -- [NAME...] [--runs N] [--list]`);
      return 2;
    } else filters.push(a);
  }
  if (runs !== undefined && !(Number.isInteger(runs) && runs > 0)) {
    console.error('bench: --runs needs a positive integer');
    return 2;
  }
  const all = await loadCases(path.join(__dirname, 'cases'));
  const cases = all.filter((c) => filters.length === 0 || filters.some((f) => c.name.includes(f)));
  if (list) {
    for (const c of all) console.log(c.name);
    return 0;
  }
  if (cases.length === 0) {
    console.error(`bench: no case matches ${filters.join(' ')} (cases: ${all.map((c) => c.name).join(', ')})`);
    return 2;
  }

  const results: Record<string, Row> = {};
  let failed = false;
  for (const c of cases) {
    process.stdout.write(`[bench] ${c.name} ... `);
    const t = performance.now();
    try {
      if (isSize(c)) results[c.name] = { ...(await c.measure()) };
      else if (isSamples(c)) {
        const { samples_ms, ...extra } = await c.samples();
        results[c.name] = { ...summarize(samples_ms), ...extra, samples_ms: samples_ms.map(round) };
      } else results[c.name] = await timeCase(c, runs);
      console.log(`done in ${((performance.now() - t) / 1000).toFixed(1)} s`);
    } catch (e) {
      failed = true;
      results[c.name] = { error: e instanceof Error ? e.message : String(e) };
      console.log('FAILED');
      console.error(e);
    }
  }
  for (const r of Object.values(results)) {
    const baseline = typeof r.baseline === 'string' ? results[r.baseline] : undefined;
    if (baseline && typeof baseline.median_ms === 'number' && typeof r.median_ms === 'number' && r.median_ms > 0) {
      r.baseline_median_ms = baseline.median_ms;
      r.speedup_vs_baseline = Math.round((baseline.median_ms / r.median_ms) * 10) / 10;
    }
  }
  console.log('');
  console.log(table(results));
  console.log('');
  console.log(JSON.stringify(results));
  return failed ? 1 : 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    console.error(e);
    process.exitCode = 1;
  },
);
