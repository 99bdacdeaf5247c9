// Starts the pinned code-server (VS Code server + web workbench, Node extension host) and stops it
// again without leaving a process behind.
import { spawn } from 'node:child_process';
import { closeSync, mkdirSync, openSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { harnessResolve } from './install.mjs';

/** Settings for a quiet, offline workbench: no gallery, no git prompts, no welcome page. */
const userSettings = {
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'update.mode': 'none',
  'telemetry.telemetryLevel': 'off',
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'git.enabled': false,
  'git.openRepositoryInParentFolders': 'never',
  'security.workspace.trust.enabled': false,
  'window.restoreWindows': 'none',
};

/** Asks the OS for a free TCP port on 127.0.0.1. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function answers(url) {
  return new Promise((resolve) => {
    const req = http.get(url, (res) => {
      res.resume();
      resolve((res.statusCode ?? 500) < 500);
    });
    req.on('error', () => resolve(false));
    req.setTimeout(2000, () => {
      req.destroy();
      resolve(false);
    });
  });
}

/**
 * Kills every process whose environment holds `WRITEUP_HARNESS_RUN=<runDir>`: code-server, its
 * extension host, watchers and tsserver children, and Chromium, even if one escaped its group.
 */
export function killTagged(runDir, signal = 'SIGKILL') {
  const tag = `WRITEUP_HARNESS_RUN=${runDir}\0`;
  let killed = 0;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    try {
      if (readFileSync(`/proc/${entry}/environ`, 'latin1').includes(tag)) {
        process.kill(Number(entry), signal);
        killed++;
      }
    } catch {
      // gone already, or not ours to read
    }
  }
  return killed;
}

/**
 * Starts code-server for `folder` with fresh user-data and extensions directories under `runDir`.
 * `env` is added to the server's environment, which its extension host inherits.
 * Resolves once /healthz answers; rejects if the server dies or `startTimeoutMs` passes.
 */
export async function startCodeServer({ runDir, env = {}, port, host = '127.0.0.1', log = () => {}, startTimeoutMs = 60_000, settings = {}, workspaceTrust = false }) {
  const listenPort = port ?? (await freePort());
  const dirs = ['user-data/User', 'extensions', 'tmp', 'xdg-data', 'xdg-config'];
  for (const d of dirs) mkdirSync(path.join(runDir, d), { recursive: true });
  writeFileSync(path.join(runDir, 'config.yaml'), 'auth: none\ncert: false\n');
  writeFileSync(path.join(runDir, 'user-data', 'User', 'settings.json'), JSON.stringify({ ...userSettings, ...settings }, null, 2));
  const logFile = path.join(runDir, 'code-server.log');
  const out = openSync(logFile, 'w');
  const args = [
    harnessResolve('code-server/out/node/entry.js'),
    '--config', path.join(runDir, 'config.yaml'),
    '--auth', 'none',
    '--bind-addr', `${host}:${listenPort}`,
    '--user-data-dir', path.join(runDir, 'user-data'),
    '--extensions-dir', path.join(runDir, 'extensions'),
    '--disable-telemetry',
    '--disable-update-check',
    // workspaceTrust: the folder opens in Restricted Mode (with trust settings from `settings`).
    ...(workspaceTrust ? [] : ['--disable-workspace-trust']),
    '--disable-getting-started-override',
    '--disable-proxy',
    '--ignore-last-opened',
  ];
  const child = spawn(process.execPath, args, {
    stdio: ['ignore', out, out],
    detached: true, // its own process group: the extension host dies with it
    env: {
      ...process.env,
      ...env,
      WRITEUP_HARNESS_RUN: runDir,
      EXTENSIONS_GALLERY: '{"serviceUrl":""}', // no open-vsx queries
      TMPDIR: path.join(runDir, 'tmp'),
      XDG_DATA_HOME: path.join(runDir, 'xdg-data'),
      XDG_CONFIG_HOME: path.join(runDir, 'xdg-config'),
    },
  });
  closeSync(out);
  let exitCode;
  const exited = new Promise((resolve) => {
    child.once('exit', (code, signal) => {
      exitCode = code ?? signal;
      resolve(exitCode);
    });
  });

  const stop = async () => {
    if (exitCode === undefined) {
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        // already gone
      }
      await Promise.race([exited, sleep(5000)]);
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
    killTagged(runDir);
  };

  const authority = `${host}:${listenPort}`;
  const deadline = Date.now() + startTimeoutMs;
  while (!(await answers(`http://${authority}/healthz`))) {
    if (exitCode !== undefined) {
      throw new Error(`code-server exited (${exitCode}) during start-up:\n${readFileSync(logFile, 'utf8').slice(-4000)}`);
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`code-server did not answer on ${authority} within ${startTimeoutMs / 1000} s (log: ${logFile})`);
    }
    await sleep(200);
  }
  log(`code-server is up on http://${authority}/`);
  return { port: listenPort, authority, logFile, exited, stop, pid: child.pid };
}

/**
 * The workbench URL that opens `folder` as an Extension Development Host for `extensionPath`
 * (and runs `testsPath` when given). Both paths are on the server, hence `vscode-remote://`;
 * the tests path must lie inside the extension folder.
 */
export function workbenchUrl(authority, { folder, extensionPath, testsPath }) {
  const remote = (p) => `vscode-remote://${authority}${p}`;
  const payload = [['extensionDevelopmentPath', remote(extensionPath)]];
  if (testsPath) payload.push(['extensionTestsPath', remote(testsPath)]);
  return `http://${authority}/?folder=${encodeURIComponent(folder)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
}
