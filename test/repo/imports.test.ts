// The layering of src/ as an import graph (type-only imports included): no cycles, and each layer
// imports only the layers below it (core <- node <- cli, vscode; vscode never imports cli).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { globSync } from 'glob';

const files = globSync('src/**/*.ts', { posix: true }).sort();

/** Relative imports of a file, resolved to src/ paths. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specs = [...text.matchAll(/^\s*(?:import|export)\s[^;]*?from\s+'([^']+)'|^\s*import\s+'([^']+)'/gm)].map((m) => m[1] ?? m[2] ?? '');
  const out: string[] = [];
  for (const spec of specs) {
    if (!spec.startsWith('.')) continue;
    const base = path.posix.join(path.posix.dirname(file), spec);
    const hit = [`${base}.ts`, `${base}/index.ts`, base].find((p) => existsSync(p) && p.endsWith('.ts'));
    if (hit) out.push(hit);
  }
  return out;
}

const graph = new Map(files.map((f) => [f, importsOf(f)]));

/** Every cycle found by a depth-first search, as the files around it. */
function cycles(): string[][] {
  const found: string[][] = [];
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (f: string) => {
    state.set(f, 'open');
    stack.push(f);
    for (const g of graph.get(f) ?? []) {
      if (state.get(g) === 'open') found.push([...stack.slice(stack.indexOf(g)), g]);
      else if (!state.has(g)) visit(g);
    }
    stack.pop();
    state.set(f, 'done');
  };
  for (const f of files) if (!state.has(f)) visit(f);
  return found;
}

describe('src/ import graph', () => {
  test('reads the whole tree', () => assert.ok(graph.size > 100 && [...graph.values()].some((i) => i.length > 0)));
  test('has no import cycle', () => assert.deepEqual(cycles().map((c) => c.join(' -> ')), []));
  const layer = (f: string) => f.split('/')[1] ?? '';
  const allowed: Record<string, readonly string[]> = { core: ['core'], node: ['core', 'node'], cli: ['core', 'node', 'cli'], vscode: ['core', 'node', 'vscode'] };
  test('each layer imports only what is below it (src/vscode nothing from src/cli, src/core no adapter)', () => {
    const wrong: string[] = [];
    for (const [f, imports] of graph) for (const g of imports) if (!(allowed[layer(f)] ?? []).includes(layer(g))) wrong.push(`${f} -> ${g}`);
    assert.deepEqual(wrong, []);
  });
});
