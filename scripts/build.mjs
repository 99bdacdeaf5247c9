// Bundles the extension, the CLI and the integration tests with esbuild.
// Usage: node scripts/build.mjs [--watch] [--production]
import * as esbuild from 'esbuild';
import { globSync } from 'glob';
import { cpSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');

/** Shared options: Node 20, CommonJS, `vscode` provided by the host. */
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: production ? false : 'linked',
  minify: production,
  external: ['vscode'],
  logLevel: 'warning',
  logOverride: { 'import-is-undefined': 'error' },
  // ESM-only packages (unified, remark) use import.meta.url in places; give it a value in CJS.
  define: { 'import.meta.url': '__importMetaUrl' },
  banner: { js: "const __importMetaUrl = require('url').pathToFileURL(__filename).href;" },
};

/**
 * citation-js (a third of the extension's bytes) is only needed for a formatted reference: the
 * extension and the CLI require it from dist/cslEngine.js on first use instead of carrying it.
 */
const cslApart = {
  name: 'csl-apart',
  setup(build) {
    build.onResolve({ filter: /\/cslEngine$/ }, () => ({ path: './cslEngine.js', external: true }));
  },
};

/**
 * Libraries the extension loads on first use (src/core/lazy/index.ts requires `./<module>`): each
 * is bundled to dist/lazy-<module>.js and left out of dist/extension.js, so activation neither
 * reads nor compiles them. Other bundles (the CLI, a browser build) may keep them inline.
 */
export function lazyEntries() {
  return ['katex', 'ajv', 'yaml', 'remark', 'packs', 'courseImport', 'imageSize', 'fuzzysort', 'engine'].map((module) => ({ module, file: `lazy-${module}`, entry: `src/core/lazy/${module}.ts` }));
}

/** Resolves src/core/lazy/index.ts's requires to the dist/lazy-*.js files beside the bundle. */
const lazyApart = {
  name: 'lazy-apart',
  setup(build) {
    const byModule = new Map(lazyEntries().map((e) => [`./${e.module}`, e.file]));
    build.onResolve({ filter: /^\.\/[A-Za-z]+$/ }, (args) => {
      const file = byModule.get(args.path);
      if (!file || !/[\\/]src[\\/]core[\\/]lazy[\\/]index\.ts$/.test(args.importer)) return undefined;
      return { path: `./${file}.js`, external: true };
    });
  },
};

/**
 * `import * as vscode from 'vscode'` in each of 30-odd modules costs, when the bundle loads, one
 * copy of the whole API object per module (esbuild's `__toESM`: about 200 getters each), some
 * 8 ms of activation. The extension bundles resolve `vscode` to one module instead, which
 * reads each value of the API once: the names @types/vscode declares (namespaces, classes, enums,
 * `version`). A name missing there is a build error (`import-is-undefined`), never an undefined.
 */
const vscodeOnce = {
  name: 'vscode-once',
  setup(build) {
    const names = [...readFileSync('node_modules/@types/vscode/index.d.ts', 'utf8').matchAll(/^\texport (?:namespace|class|enum|const|let|function) ([A-Za-z_$][\w$]*)/gm)].map((m) => m[1]);
    const contents = ['const api = require("vscode");', ...[...new Set(names)].map((n) => `export const ${n} = api.${n};`)].join('\n');
    build.onResolve({ filter: /^vscode$/ }, (args) => (args.namespace === 'vscode-once' ? { path: 'vscode', external: true } : { path: 'vscode', namespace: 'vscode-once' }));
    build.onLoad({ filter: /.*/, namespace: 'vscode-once' }, () => ({ contents, loader: 'js' }));
  },
};

/** Each bundle the project ships. Add new entry points here. */
const bundles = [
  { entryPoints: { extension: 'src/vscode/extension.ts' }, outdir: 'dist', plugins: [vscodeOnce, cslApart, lazyApart], metafile: true },
  // The chunks require each other (the engine: remark, KaTeX...) and citation-js from their files too.
  { entryPoints: Object.fromEntries(lazyEntries().map((e) => [e.file, e.entry])), outdir: 'dist', plugins: [cslApart, lazyApart], metafile: true },
  { entryPoints: { cslEngine: 'src/core/bib/cslEngine.ts' }, outdir: 'dist' },
  {
    entryPoints: { cli: 'src/cli/main.ts' },
    outdir: 'dist',
    plugins: [cslApart],
    banner: { js: "#!/usr/bin/env node\nconst __importMetaUrl = require('url').pathToFileURL(__filename).href;" },
  },
  // MathJax for math hovers runs in a worker thread, loaded on the first hover.
  // Always minified: most of it is MathJax's font data, and a smaller file loads faster.
  { entryPoints: { mathWorker: 'src/vscode/mathWorker.ts' }, outdir: 'dist', minify: true, sourcemap: false },
];

/**
 * The web extension (package.json `browser`, for vscode.dev, github.dev and Codespaces in a
 * browser): the same sources bundled for a web worker. `src/vscode/host/index.ts` binds `./web`
 * instead of `./node`, so no Node built-in is reached; esbuild fails the build if one is.
 */
const webHost = {
  name: 'web-host',
  setup(build) {
    build.onResolve({ filter: /^\.\/node$/ }, (args) =>
      args.importer.endsWith(path.join('src', 'vscode', 'host', 'index.ts')) ? { path: path.resolve(args.resolveDir, 'web.ts') } : undefined,
    );
  },
};
const web = {
  bundle: true,
  platform: 'browser',
  target: 'es2022',
  format: 'cjs', // the web worker host loads CommonJS (module.exports.activate)
  // A web worker has no DOM: packages' `worker` builds before their `browser` ones (e.g.
  // decode-named-character-reference's browser build needs `document`).
  conditions: ['worker'],
  sourcemap: production ? false : 'linked',
  minify: production,
  external: ['vscode'],
  logLevel: 'warning',
  logOverride: { 'import-is-undefined': 'error' },
  plugins: [webHost],
};
const webBundles = [
  // citation-js apart, as on the desktop: the web host reads dist/web/cslEngine.js on first use.
  { entryPoints: { extension: 'src/vscode/extension.ts' }, outdir: 'dist/web', plugins: [vscodeOnce, webHost, cslApart] },
  { entryPoints: { cslEngine: 'src/core/bib/cslEngine.ts' }, outdir: 'dist/web' },
  { entryPoints: { mathWorker: 'src/vscode/host/mathWorker.web.ts' }, outdir: 'dist/web', minify: true, sourcemap: false },
];

/**
 * The web integration suite (test/web), run by mocha's browser build inside the web worker host.
 * The npm `assert` package reads `process.env.NODE_DEBUG` and `global`: given values here, and a
 * small `process` (test/web/process-shim.js), since a web worker has neither.
 */
const webTests = {
  ...web,
  entryPoints: { index: 'test/web/index.ts' },
  outdir: 'out/test/web',
  minify: false,
  sourcemap: 'linked',
  define: { global: 'globalThis', 'process.env.NODE_DEBUG': 'false' },
  inject: ['test/web/process-shim.js'],
};

/** The integration suite: one file per test module, run by mocha inside the extension host. */
const integration = {
  entryPoints: globSync('test/integration/**/*.ts').sort(),
  outdir: 'out/test/integration',
  outbase: 'test/integration',
  external: ['vscode', 'mocha'],
  bundle: true,
};

mkdirSync('dist', { recursive: true });
// The preview's KaTeX stylesheet and fonts, served from media/katex (never from a CDN).
cpSync('node_modules/katex/dist/katex.min.css', 'media/katex/katex.min.css');
cpSync('node_modules/katex/dist/fonts', 'media/katex/fonts', { recursive: true, filter: (f) => !/\.(ttf|woff)$/.test(f) });
const configs = [...bundles.map((b) => ({ ...common, ...b })), { ...common, ...integration }, ...webBundles.map((b) => ({ ...web, ...b })), webTests];
if (watch) {
  for (const config of configs) {
    const ctx = await esbuild.context(config);
    await ctx.watch();
  }
  console.log('[watch] esbuild is watching src/ and test/integration/');
} else {
  const results = await Promise.all(configs.map((c) => esbuild.build(c)));
  checkOneState(results.filter((r) => r.metafile).map((r) => r.metafile));
}

/**
 * A module bundled into dist/extension.js and into a lazy chunk runs twice, with two copies of its
 * module state: harmless for pure functions and caches, wrong for state that callers set (an
 * exported `let`, e.g. the page style, or an exported `set...` function). The build fails on such
 * a module instead.
 */
function checkOneState(metafiles) {
  const inputs = metafiles.flatMap((m) => Object.entries(m.outputs)).filter(([file]) => /^dist\/(extension|lazy-[A-Za-z]+)\.js$/.test(file));
  const seen = new Map();
  for (const [file, output] of inputs) {
    for (const input of Object.keys(output.inputs)) {
      if (!input.startsWith('src/') || input === 'src/core/lazy/index.ts') continue;
      const other = seen.get(input);
      if (other && other !== file && /^export (let|var|function set[A-Z])/m.test(readFileSync(input, 'utf8'))) {
        throw new Error(`${input} has state its callers set and is bundled into both ${other} and ${file}: load it from one of them`);
      }
      seen.set(input, file);
    }
  }
}
