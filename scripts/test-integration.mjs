#!/usr/bin/env node
// Runs the integration suite (test/integration/*.test.ts, bundled to out/test/integration) inside a
// real VS Code extension host, offline: the pinned code-server serves VS Code 1.100.3 and headless
// Chromium drives its workbench. See test/integration/README.md.
//
// usage: node scripts/test-integration.mjs [--grep PATTERN] [--timeout SECONDS] [--no-build] [--keep-logs]
//                                           [--untrusted] [--vsix FILE]
//        --untrusted   workspace trust ENABLED and example/ not trusted (Restricted Mode); suites
//                      check vscode.workspace.isTrusted (test/integration/untrusted.test.ts)
//        --vsix FILE   install FILE into a fresh extensions dir and test that, not the sources
// env:   SCREENSHOT=shot.png    save screenshots a test asks for (helpers.screenshot()); named ones
//                              go beside it as <name>.png (SCREENSHOT=dir/ saves into dir)
//        TEST_TIMEOUT=600       seconds before the run counts as hung
//        CHROMIUM_PATH=...      the browser to use (default: chromium on PATH)
// exit:  0 all passed, 1 a test failed (or none ran), 2 harness error, hang or time-out.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { killTagged, startCodeServer, workbenchUrl } from './vscode-harness/codeServer.mjs';
import { ensureHarness, harnessInstalled, harnessResolve, repoRoot } from './vscode-harness/install.mjs';
import { chromiumPath, ensurePrerequisites } from './vscode-harness/prereqs.mjs';
import { openWorkbench } from './vscode-harness/workbench.mjs';

const started = Date.now();
/** Workbench chatter forwarded along with the extension host's output; shown with HARNESS_VERBOSE=1. */
const noise = new RegExp(
  [
    '^Resolv(ing|ed) connection token',
    '^Creating a socket',
    '^Creation of workbench contribution',
    '^Ignoring fetching additional builtin extensions',
    '^Updating additional builtin extensions cache',
    '^\\[Service Worker\\]',
    '^ChatSessionStore:',
    '^Extension host \\(Remote\\) is (un)?responsive',
  ].join('|'),
);
const say = (...a) => console.log(`[integration +${((Date.now() - started) / 1000).toFixed(1)}s]`, ...a);

function parseArgs(argv) {
  const opts = { grep: undefined, timeout: Number(process.env.TEST_TIMEOUT ?? 600), build: true, keepLogs: false, untrusted: false, vsix: undefined };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      const eq = a.indexOf('=');
      if (eq !== -1) return a.slice(eq + 1);
      const v = argv[++i];
      if (v === undefined) usage(`${a} needs a value`);
      return v;
    };
    if (a === '--grep' || a === '-g' || a.startsWith('--grep=')) opts.grep = value();
    else if (a === '--timeout' || a.startsWith('--timeout=')) opts.timeout = Number(value());
    else if (a === '--no-build') opts.build = false;
    else if (a === '--keep-logs') opts.keepLogs = true;
    else if (a === '--untrusted') opts.untrusted = true;
    else if (a === '--vsix' || a.startsWith('--vsix=')) opts.vsix = path.resolve(value());
    else if (a === '-h' || a === '--help') usage();
    else usage(`unknown argument: ${a}`);
  }
  if (!(opts.timeout > 0)) usage('--timeout must be a positive number of seconds');
  if (opts.vsix && !existsSync(opts.vsix)) usage(`--vsix ${opts.vsix}: no such file (run npm run package)`);
  return opts;
}

function usage(problem) {
  if (problem) console.error(`test-integration: ${problem}`);
  console.error('usage: node scripts/test-integration.mjs [--grep PATTERN] [--timeout SECONDS] [--no-build] [--keep-logs] [--untrusted] [--vsix FILE]');
  process.exit(problem ? 2 : 0);
}

/** Where a screenshot request goes: SCREENSHOT=file.png (named ones beside it) or SCREENSHOT=dir/. */
function screenshotTarget(name) {
  const base = path.resolve(process.env.SCREENSHOT);
  if (base.endsWith('.png')) return name ? path.join(path.dirname(base), `${name}.png`) : base;
  return path.join(base, `${name || 'screenshot'}.png`);
}

/** Restricted Mode: trust enabled, no prompt, no trusted folders, untrusted files simply open. */
const untrustedSettings = {
  workspaceTrust: true,
  settings: {
    'security.workspace.trust.enabled': true,
    'security.workspace.trust.startupPrompt': 'never',
    'security.workspace.trust.untrustedFiles': 'open',
    'security.workspace.trust.banner': 'never',
    'security.workspace.trust.emptyWindow': false,
  },
};

/** An extension folder with nothing in it but a manifest (no code, no contributions). */
function testHostStub(runDir) {
  const dir = path.join(runDir, 'test-host');
  mkdirSync(dir, { recursive: true });
  const manifest = { name: 'writeup-test-host', publisher: 'writeup-tests', version: '0.0.0', engines: { vscode: '^1.100.0' } };
  writeFileSync(path.join(dir, 'package.json'), JSON.stringify(manifest, null, 2));
  return dir;
}

/** Installs a .vsix into the run's (empty) extensions dir with code-server's own CLI. */
function installVsix(runDir, vsix) {
  const r = spawnSync(
    process.execPath,
    [
      harnessResolve('code-server/out/node/entry.js'),
      '--user-data-dir', path.join(runDir, 'user-data'),
      '--extensions-dir', path.join(runDir, 'extensions'),
      '--install-extension', vsix,
    ],
    {
      encoding: 'utf8',
      env: { ...process.env, WRITEUP_HARNESS_RUN: runDir, XDG_DATA_HOME: path.join(runDir, 'xdg-data'), XDG_CONFIG_HOME: path.join(runDir, 'xdg-config') },
      timeout: 120_000,
    },
  );
  if (r.status !== 0) throw new Error(`installing ${vsix} failed (${r.status}): ${r.stderr || r.stdout}`);
  say(`installed ${path.basename(vsix)}: ${(r.stdout.trim().split('\n').pop() ?? '').trim()}`);
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));

  if (!ensurePrerequisites(harnessInstalled() ? ['run'] : ['run', 'install'], say)) return 2;
  try {
    ensureHarness(say);
  } catch (e) {
    console.error(`test-integration: ${e.message}`);
    return 2;
  }

  if (opts.build) {
    const b = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: repoRoot, stdio: 'inherit' });
    if (b.status !== 0) {
      console.error('test-integration: the build failed');
      return 2;
    }
  }
  const testsPath = path.join(repoRoot, 'out', 'test', 'integration');
  if (!existsSync(path.join(testsPath, 'index.js'))) {
    console.error(`test-integration: ${testsPath}/index.js is missing (run npm run build)`);
    return 2;
  }

  const runDir = mkdtempSync(path.join(os.tmpdir(), 'writeup-vscode-'));
  const resultsFile = path.join(runDir, 'results.json');
  const shotsDir = path.join(runDir, 'shots');
  mkdirSync(shotsDir);
  let server;
  let workbench;
  let cleaned = false;
  const cleanup = async () => {
    if (cleaned) return;
    cleaned = true;
    await workbench?.close();
    await server?.stop();
    killTagged(runDir);
  };
  const onSignal = (signal) => {
    say(`${signal}: stopping VS Code`);
    void cleanup().then(() => process.exit(130));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);

  let code;
  let why;
  // The whole run (server start, workbench load, suite) must end within --timeout.
  const timedOut = sleep(opts.timeout * 1000, undefined, { ref: false }).then(() => ({ kind: 'timeout' }));
  try {
    const env = {
      WRITEUP_TEST_RESULTS: resultsFile,
      ...(opts.grep ? { WRITEUP_TEST_GREP: opts.grep } : {}),
      ...(process.env.SCREENSHOT ? { WRITEUP_SCREENSHOT: '1' } : {}),
      ...(process.stdout.isTTY ? { WRITEUP_TEST_COLOR: '1' } : {}),
    };
    if (opts.vsix) installVsix(runDir, opts.vsix);
    server = await startCodeServer({ runDir, env, log: say, ...(opts.untrusted ? untrustedSettings : {}) });
    const url = workbenchUrl(server.authority, {
      folder: path.join(repoRoot, 'example'),
      // The web workbench only runs tests in extension development mode: with a .vsix, the
      // "development" extension is an empty stub and the installed extension is the one tested.
      extensionPath: opts.vsix ? testHostStub(runDir) : repoRoot,
      testsPath,
    });
    say(`VS Code 1.100.3 (code-server) on example/${opts.grep ? `, grep ${JSON.stringify(opts.grep)}` : ''}${opts.untrusted ? ', workspace NOT trusted' : ''}${opts.vsix ? `, extension from ${path.basename(opts.vsix)}` : ''}`);

    const shots = [];
    workbench = await openWorkbench({
      url,
      chromium: chromiumPath(),
      env: { WRITEUP_HARNESS_RUN: runDir },
      onLog: (type, text) => {
        if (noise.test(text) && process.env.HARNESS_VERBOSE !== '1') return;
        (type === 'error' ? console.error : console.log)(text);
        const m = /\[harness:screenshot\](?:[ \t]+([\w.-]+))?(?:[ \t]+id=([\w-]+))?/.exec(text);
        if (m && process.env.SCREENSHOT && workbench) {
          const name = m[1] && m[1] !== '-' ? m[1] : undefined;
          const target = screenshotTarget(name);
          mkdirSync(path.dirname(target), { recursive: true });
          shots.push(
            workbench.page.screenshot({ path: target }).then(
              () => say(`screenshot: ${path.relative(process.cwd(), target)}`),
              (e) => say(`screenshot failed: ${e.message}`),
            ).finally(() => {
              if (m[2]) writeFileSync(path.join(shotsDir, `${m[2]}.done`), target);
            }),
          );
        }
      },
    });

    const outcome = await Promise.race([
      workbench.exitCode.then((c) => ({ kind: 'exit', c })),
      server.exited.then((c) => ({ kind: 'server-died', c })),
      timedOut,
    ]);
    await Promise.all(shots);
    if (outcome.kind === 'timeout') {
      why = `TIME-OUT after ${opts.timeout} s (the suite hung)`;
      try {
        await workbench.page.screenshot({ path: path.join(runDir, 'hang.png') });
        say(`hang screenshot: ${path.join(runDir, 'hang.png')}`);
      } catch {
        // the page is gone
      }
      code = 2;
    } else if (outcome.kind === 'server-died') {
      why = `code-server exited (${outcome.c}) before the suite finished`;
      code = 2;
    } else {
      if (process.env.SCREENSHOT && shots.length === 0 && process.env.SCREENSHOT.endsWith('.png')) {
        await workbench.page.screenshot({ path: screenshotTarget() });
        say(`screenshot (after the run): ${process.env.SCREENSHOT}`);
      }
      let results;
      try {
        results = JSON.parse(readFileSync(resultsFile, 'utf8'));
      } catch {
        results = undefined;
      }
      if (!results) {
        why = `the suite wrote no results (exit code ${outcome.c}): it did not load or run`;
        code = 1;
      } else {
        const summary = `${results.passes.length} passed, ${results.failures.length} failed`;
        writeFileSync(path.join(repoRoot, '.vscode-test', 'integration-results.json'), JSON.stringify(results, null, 2));
        if (results.failures.length > 0 || outcome.c !== 0) {
          for (const f of results.failures) console.error(`  FAILED: ${f.title}: ${f.error}`);
          why = `integration: ${summary}`;
          code = 1;
        } else if (results.passes.length === 0) {
          why = `integration: no test ran${opts.grep ? ` (nothing matches --grep ${JSON.stringify(opts.grep)})` : ''}`;
          code = 1;
        } else {
          why = `integration: ${summary}`;
          code = 0;
        }
      }
    }
  } catch (e) {
    why = `harness error: ${e.stack ?? e}`;
    code = 2;
  } finally {
    await cleanup();
  }
  say(why);
  if (code === 0 && !opts.keepLogs) rmSync(runDir, { recursive: true, force: true });
  else say(`logs kept in ${runDir} (code-server.log)`);
  return code;
}

process.exitCode = await main();
