#!/usr/bin/env node
// Runs the web integration suite (test/web, bundled to out/test/web/index.js) inside the browser's
// web-worker extension host, as on vscode.dev and github.dev, offline: the pinned code-server
// serves the VS Code 1.100.3 web workbench, headless Chromium runs it, and the run's user settings
// put this extension in the web worker (`remote.extensionKind`: the `extensionDevelopmentKind`
// payload is not honoured by the 1.100 web workbench). See test/integration/README.md.
//
// The workspace is a fresh copy of example/ with `expected-pages.json` (the CLI's estimate of
// report.md, which the editor must reproduce with the figure read through `workspace.fs`) and a
// workspace course pack, .writeup/courses/web-seminar.json.
//
// usage: node scripts/test-web.mjs [--no-build] [--timeout SECONDS] [--keep-logs] [--vsix FILE]
//        --vsix FILE   install FILE and test that (the development extension is then an empty stub)
// env:   SCREENSHOT=dir/   save the workbench when a test logs `[harness:screenshot] <name>`
//        CHROMIUM_PATH=... the browser (default: chromium on PATH)
// exit:  0 all passed, 1 a test failed (or none ran), 2 harness error or time-out.
// Last line: "integration-web: N passed, N failed".
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { killTagged, startCodeServer, workbenchUrl } from './vscode-harness/codeServer.mjs';
import { ensureHarness, harnessInstalled, harnessResolve, repoRoot } from './vscode-harness/install.mjs';
import { chromiumPath, ensurePrerequisites } from './vscode-harness/prereqs.mjs';
import { openWorkbench } from './vscode-harness/workbench.mjs';

const EXTENSION_ID = 'research-writeup.research-writeup';
const started = Date.now();
const say = (...a) => console.log(`[integration-web +${((Date.now() - started) / 1000).toFixed(1)}s]`, ...a);
/** Workbench chatter that is not the suite's output. */
const noise = /^(Resolv(ing|ed) connection token|Creating a socket|Creation of workbench contribution|Ignoring fetching additional builtin|Updating additional builtin|\[Service Worker\]|ChatSessionStore:|Extension host .* is (un)?responsive)/;

function parseArgs(argv) {
  const opts = { build: true, timeout: Number(process.env.TEST_TIMEOUT ?? 300), keepLogs: false, vsix: undefined };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--no-build') opts.build = false;
    else if (a === '--keep-logs') opts.keepLogs = true;
    else if (a === '--timeout') opts.timeout = Number(argv[++i]);
    else if (a === '--vsix') opts.vsix = path.resolve(argv[++i] ?? '');
    else {
      console.error(`test-web: unknown argument ${a}\nusage: node scripts/test-web.mjs [--no-build] [--timeout SECONDS] [--keep-logs] [--vsix FILE]`);
      process.exit(2);
    }
  }
  if (!(opts.timeout > 0)) opts.timeout = 300;
  if (opts.vsix && !existsSync(opts.vsix)) {
    console.error(`test-web: --vsix ${opts.vsix}: no such file (run npm run package)`);
    process.exit(2);
  }
  return opts;
}

/** The workspace of the run: example/ copied, with the CLI's page estimate of report.md beside it. */
function makeWorkspace(runDir) {
  const workspace = path.join(runDir, 'workspace');
  cpSync(path.join(repoRoot, 'example'), workspace, { recursive: true });
  const cli = spawnSync(process.execPath, [path.join(repoRoot, 'dist', 'cli.js'), 'pages', '--json', 'report.md'], { cwd: workspace, encoding: 'utf8' });
  if (cli.status !== 0) throw new Error(`writeup pages failed (${cli.status}): ${cli.stderr}`);
  const [row] = JSON.parse(cli.stdout);
  writeFileSync(path.join(workspace, 'expected-pages.json'), JSON.stringify({ contentPages: row.contentPages, totalPages: row.totalPages }));
  // A workspace course pack (a bundled one under another id), which the extension reads through workspace.fs.
  const pack = JSON.parse(readFileSync(path.join(repoRoot, 'src', 'core', 'courses', 'packs', 'mit-18.408.json'), 'utf8'));
  mkdirSync(path.join(workspace, '.writeup', 'courses'), { recursive: true });
  writeFileSync(path.join(workspace, '.writeup', 'courses', 'web-seminar.json'), JSON.stringify({ ...pack, id: 'web-seminar', shortName: 'Web Seminar' }, null, 2));
  return workspace;
}

/** For --vsix: an extension folder with only a manifest and the test bundle (tests must lie inside it). */
function testHostStub(runDir) {
  const dir = path.join(runDir, 'test-host');
  mkdirSync(path.join(dir, 'out', 'test', 'web'), { recursive: true });
  writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'writeup-web-test-host', publisher: 'writeup-tests', version: '0.0.0', engines: { vscode: '^1.100.0' }, browser: './none.js' }));
  writeFileSync(path.join(dir, 'none.js'), 'exports.activate = () => undefined;\n');
  cpSync(path.join(repoRoot, 'out', 'test', 'web', 'index.js'), path.join(dir, 'out', 'test', 'web', 'index.js'));
  return dir;
}

function installVsix(runDir, vsix) {
  const r = spawnSync(
    process.execPath,
    [harnessResolve('code-server/out/node/entry.js'), '--user-data-dir', path.join(runDir, 'user-data'), '--extensions-dir', path.join(runDir, 'extensions'), '--install-extension', vsix],
    { encoding: 'utf8', env: { ...process.env, WRITEUP_HARNESS_RUN: runDir, EXTENSIONS_GALLERY: '{"serviceUrl":""}', XDG_DATA_HOME: path.join(runDir, 'xdg-data'), XDG_CONFIG_HOME: path.join(runDir, 'xdg-config') }, timeout: 120_000 },
  );
  if (r.status !== 0) throw new Error(`installing ${vsix} failed (${r.status}): ${r.stderr || r.stdout}`);
  say(`installed ${path.basename(vsix)}`);
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  if (!ensurePrerequisites(harnessInstalled() ? ['run'] : ['run', 'install'], say)) return { code: 2, summary: 'prerequisites missing' };
  try {
    ensureHarness(say);
  } catch (e) {
    return { code: 2, summary: `harness: ${e.message}` };
  }
  if (opts.build && spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: repoRoot, stdio: 'inherit' }).status !== 0) {
    return { code: 2, summary: 'the build failed' };
  }
  const testsFile = path.join(repoRoot, 'out', 'test', 'web', 'index.js');
  if (!existsSync(testsFile) || !existsSync(path.join(repoRoot, 'dist', 'web', 'extension.js'))) return { code: 2, summary: 'out/test/web or dist/web is missing (run npm run build)' };

  const runDir = mkdtempSync(path.join(os.tmpdir(), 'writeup-web-'));
  let server;
  let workbench;
  let results;
  const cleanup = async () => {
    await workbench?.close();
    await server?.stop();
    killTagged(runDir);
  };
  process.once('SIGINT', () => void cleanup().then(() => process.exit(130)));
  process.once('SIGTERM', () => void cleanup().then(() => process.exit(143)));
  let outcome;
  let workspace;
  try {
    workspace = makeWorkspace(runDir);
    if (opts.vsix) installVsix(runDir, opts.vsix);
    const extensionPath = opts.vsix ? testHostStub(runDir) : repoRoot;
    // The extension has `main` and `browser`: this setting runs it in the browser's web worker.
    server = await startCodeServer({ runDir, log: say, settings: { 'remote.extensionKind': { [EXTENSION_ID]: ['web'] } } });
    const url = workbenchUrl(server.authority, { folder: workspace, extensionPath, testsPath: path.join(extensionPath, 'out', 'test', 'web', 'index.js') });
    say(`VS Code 1.100.3 web workbench, web-worker extension host${opts.vsix ? `, extension from ${path.basename(opts.vsix)}` : ''}`);
    const shots = [];
    workbench = await openWorkbench({
      url,
      chromium: chromiumPath(),
      env: { WRITEUP_HARNESS_RUN: runDir },
      onLog: (type, text) => {
        const m = /\[writeup:web-results\] (.*)$/s.exec(text);
        if (m) {
          try {
            results = JSON.parse(m[1]);
          } catch {
            // a garbled line: counted as no results
          }
          return;
        }
        // `[harness:screenshot] <name> id=<id>`: save the page (SCREENSHOT=dir/), then answer with
        // <workspace>/.harness/<id>.done, which the test waits for (the extension host must still be up).
        const shot = /\[harness:screenshot\][ \t]+([\w.-]+)[ \t]+id=([\w-]+)/.exec(text);
        if (shot && workbench) {
          const [, name, id] = shot;
          const done = () => {
            mkdirSync(path.join(workspace, '.harness'), { recursive: true });
            writeFileSync(path.join(workspace, '.harness', `${id}.done`), '');
          };
          if (!process.env.SCREENSHOT) done();
          else {
            const target = path.resolve(process.env.SCREENSHOT, `${name}.png`);
            mkdirSync(path.dirname(target), { recursive: true });
            // A hover shot waits for the hover's image (the extension cannot see the widget itself).
            const ready = name.endsWith('-hover') ? workbench.page.waitForSelector('.monaco-hover img', { timeout: 10_000 }).catch(() => say('no hover image seen')) : Promise.resolve();
            shots.push(
              ready
                .then(() => workbench.page.screenshot({ path: target }))
                .then(() => say(`screenshot: ${path.relative(process.cwd(), target)}`), (e) => say(`screenshot failed: ${e.message}`))
                .finally(done),
            );
          }
        }
        if (noise.test(text) && process.env.HARNESS_VERBOSE !== '1') return;
        (type === 'error' ? console.error : console.log)(text);
      },
    });
    outcome = await Promise.race([
      workbench.exitCode.then((c) => ({ kind: 'exit', c })),
      server.exited.then((c) => ({ kind: 'server-died', c })),
      sleep(opts.timeout * 1000, undefined, { ref: false }).then(() => ({ kind: 'timeout' })),
    ]);
    await Promise.all(shots);
  } catch (e) {
    outcome = { kind: 'error', error: e };
  } finally {
    await cleanup();
  }
  const keep = () => say(`logs kept in ${runDir} (code-server.log)`);
  if (outcome.kind === 'error') return keep(), { code: 2, summary: `harness error: ${outcome.error?.stack ?? outcome.error}` };
  if (outcome.kind === 'timeout') return keep(), { code: 2, summary: `TIME-OUT after ${opts.timeout} s` };
  if (outcome.kind === 'server-died') return keep(), { code: 2, summary: `code-server exited (${outcome.c}) before the suite finished` };
  if (!results) return keep(), { code: 1, summary: `the suite reported no results (exit code ${outcome.c}): it did not load or run` };
  for (const f of results.failures) console.error(`  FAILED: ${f.title}: ${f.error}`);
  const failed = results.failures.length > 0 || outcome.c !== 0 || results.passes.length === 0;
  if (failed || opts.keepLogs) keep();
  else rmSync(runDir, { recursive: true, force: true });
  return { code: failed ? 1 : 0, passed: results.passes.length, failed: Math.max(results.failures.length, failed && results.failures.length === 0 ? 1 : 0) };
}

const r = await main();
say(r.summary ?? `done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
console.log(`integration-web: ${r.passed ?? 0} passed, ${r.failed ?? (r.code === 0 ? 0 : 1)} failed`);
process.exitCode = r.code;
