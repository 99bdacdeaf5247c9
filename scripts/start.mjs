#!/usr/bin/env node
// `npm start`: builds, then opens example/ in a real VS Code with this extension loaded from source
// (an Extension Development Host).
// - A desktop `code` on PATH: runs `code --extensionDevelopmentPath=<repo> example/`.
// - Otherwise: serves VS Code 1.100.3 with the pinned code-server (the integration tests' install,
//   in .vscode-test/) on 127.0.0.1 and prints the URL to open; runs until Ctrl-C.
//
// usage: node scripts/start.mjs [--server] [--port N] [--host ADDR] [--watch]
//   --server   use code-server even when a desktop `code` is on PATH
//   --port N   port to listen on (default: 8080, or a free one if 8080 is taken); also $PORT
//   --host A   address to bind (default 127.0.0.1; there is no password, so keep it local)
//   --watch    rebuild on every change (then run "Developer: Reload Window" in VS Code)
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { freePort, killTagged, startCodeServer, workbenchUrl } from './vscode-harness/codeServer.mjs';
import { ensureHarness, harnessInstalled, repoRoot } from './vscode-harness/install.mjs';
import { ensurePrerequisites, which } from './vscode-harness/prereqs.mjs';

const say = (...a) => console.log('[start]', ...a);

function parseArgs(argv) {
  const opts = { server: false, port: process.env.PORT ? Number(process.env.PORT) : undefined, host: '127.0.0.1', watch: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      const v = a.includes('=') ? a.slice(a.indexOf('=') + 1) : argv[++i];
      if (v === undefined) fail(`${a} needs a value`);
      return v;
    };
    if (a === '--server') opts.server = true;
    else if (a === '--watch') opts.watch = true;
    else if (a === '--port' || a.startsWith('--port=')) opts.port = Number(value());
    else if (a === '--host' || a.startsWith('--host=')) opts.host = value();
    else fail(`unknown argument: ${a}\nusage: node scripts/start.mjs [--server] [--port N] [--host ADDR] [--watch]`);
  }
  if (opts.port !== undefined && !(Number.isInteger(opts.port) && opts.port > 0 && opts.port < 65536)) fail('--port needs a port number');
  return opts;
}

function fail(message) {
  console.error(`start: ${message}`);
  process.exit(2);
}

function portIsFree(port, host) {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen(port, host, () => server.close(() => resolve(true)));
  });
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const build = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: repoRoot, stdio: 'inherit' });
  if (build.status !== 0) fail('the build failed');
  const folder = path.join(repoRoot, 'example');

  let watcher;
  if (opts.watch) {
    watcher = spawn(process.execPath, ['scripts/build.mjs', '--watch'], { cwd: repoRoot, stdio: 'inherit' });
  }
  const stopWatcher = () => watcher?.kill('SIGTERM');

  const desktop = which('code');
  if (desktop && !opts.server) {
    say(`opening example/ in ${desktop} with the extension from ${repoRoot}`);
    const r = spawnSync(desktop, [`--extensionDevelopmentPath=${repoRoot}`, folder], { stdio: 'inherit' });
    if (!watcher) process.exit(r.status ?? 1);
    say('watching for changes; Ctrl-C to stop');
    process.once('SIGINT', () => {
      stopWatcher();
      process.exit(0);
    });
    return;
  }

  if (!harnessInstalled() && !ensurePrerequisites(['install'], say)) process.exit(2);
  try {
    ensureHarness(say);
  } catch (e) {
    fail(e.message);
  }
  let port = opts.port;
  if (port === undefined) port = (await portIsFree(8080, opts.host)) ? 8080 : await freePort();
  else if (!(await portIsFree(port, opts.host))) fail(`port ${port} is in use (pick another with --port)`);

  const runDir = mkdtempSync(path.join(os.tmpdir(), 'writeup-start-'));
  let server;
  let stopping = false;
  const stop = async (code) => {
    if (stopping) return;
    stopping = true;
    say('stopping VS Code');
    stopWatcher();
    await server?.stop();
    killTagged(runDir);
    rmSync(runDir, { recursive: true, force: true });
    process.exit(code);
  };
  process.once('SIGINT', () => void stop(0));
  process.once('SIGTERM', () => void stop(0));
  process.once('SIGHUP', () => void stop(0));

  try {
    server = await startCodeServer({ runDir, port, host: opts.host, log: say });
  } catch (e) {
    console.error(`start: ${e.message}`);
    await stop(2);
    return;
  }
  const url = workbenchUrl(server.authority, { folder, extensionPath: repoRoot });
  if (opts.host === '0.0.0.0' || opts.host === '::') say('warning: listening on all interfaces without a password');
  console.log(`
  VS Code 1.100.3 (code-server) is serving example/ with Research Writeup loaded from source.
  Open this URL in a browser (the window title says "[Extension Development Host]"):

    ${url}

  Logs: ${server.logFile}
  Press Ctrl-C to stop.
`);
  const code = await server.exited;
  if (!stopping) {
    console.error(`start: code-server exited (${code}); see ${server.logFile}`);
    await stop(1);
  }
}

await main();
