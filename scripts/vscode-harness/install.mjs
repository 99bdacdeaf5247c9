// Installs the pinned VS Code server (code-server 4.100.3 = VS Code 1.100.3) and playwright-core
// into .vscode-test/code-server-4.100.3/ on first use, from the npm registry only.
// Idempotent: a stamp holding the lockfile's hash makes later calls return at once.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { which } from './prereqs.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));

/** The repository root (scripts/vscode-harness/../..). */
export const repoRoot = path.resolve(here, '..', '..');

/** The code-server version and the Node major its postinstall accepts. */
export const CODE_SERVER_VERSION = '4.100.3';
const NODE_MAJOR = 20;

/** Where the harness's node_modules live (ignored by git). */
export const harnessDir = path.join(repoRoot, '.vscode-test', `code-server-${CODE_SERVER_VERSION}`);

// code-server 4.100.3 ships @vscode/ripgrep 1.15.11, whose postinstall downloads rg v13.0.0-10
// from GitHub unless the tarball is already in its cache folder under the temp directory.
const RIPGREP_NPM_VERSION = '1.15.11';
const RIPGREP_TARGETS = { x64: 'x86_64-unknown-linux-musl', arm64: 'aarch64-unknown-linux-musl' };

const stampFile = path.join(harnessDir, 'node_modules', '.writeup-harness-installed');

function lockHash() {
  const h = createHash('sha256');
  h.update(readFileSync(path.join(here, 'package.json')));
  h.update(readFileSync(path.join(here, 'package-lock.json')));
  h.update(`node${process.versions.node.split('.')[0]}`);
  return h.digest('hex');
}

/** True when the pinned harness is installed and matches the committed lockfile. */
export function harnessInstalled() {
  try {
    return readFileSync(stampFile, 'utf8').trim() === lockHash();
  } catch {
    return false;
  }
}

/** Loads a module installed in the harness folder (playwright-core). */
export function harnessRequire(specifier) {
  return createRequire(path.join(harnessDir, 'package.json'))(specifier);
}

/** The path of a file inside a harness module, e.g. `code-server/out/node/entry.js`. */
export function harnessResolve(specifier) {
  return createRequire(path.join(harnessDir, 'package.json')).resolve(specifier);
}

/** Gives @vscode/ripgrep's postinstall the system rg as a cached "download". */
function seedRipgrepCache(tmpDir, log) {
  const target = RIPGREP_TARGETS[process.arch];
  const rg = which('rg');
  if (!target || !rg) {
    log(`cannot seed the ripgrep cache (arch ${process.arch}, rg ${rg ?? 'missing'}); its postinstall may try GitHub`);
    return;
  }
  const cacheDir = path.join(tmpDir, `vscode-ripgrep-cache-${RIPGREP_NPM_VERSION}`);
  const tarball = path.join(cacheDir, `ripgrep-v13.0.0-10-${target}.tar.gz`);
  if (existsSync(tarball)) return;
  const stage = path.join(cacheDir, 'stage');
  mkdirSync(stage, { recursive: true });
  copyFileSync(rg, path.join(stage, 'rg'));
  const r = spawnSync('tar', ['czf', tarball, '-C', stage, 'rg'], { stdio: 'inherit' });
  rmSync(stage, { recursive: true, force: true });
  if (r.status !== 0) throw new Error('tar failed while seeding the ripgrep cache');
}

/**
 * Installs the harness if needed. Returns the harness folder. Throws with a readable message
 * when the install fails (the caller exits 2).
 */
export function ensureHarness(log = console.log) {
  if (harnessInstalled()) return harnessDir;
  const release = takeInstallLock(log);
  try {
    if (harnessInstalled()) return harnessDir; // another process installed it while we waited
    return install(log);
  } finally {
    release();
  }
}

/** One installer at a time per checkout (e.g. `npm start` and `npm test` started together). */
function takeInstallLock(log) {
  const lockDir = `${harnessDir}.lock`;
  mkdirSync(path.dirname(lockDir), { recursive: true });
  const deadline = Date.now() + 20 * 60_000;
  let told = false;
  for (;;) {
    try {
      mkdirSync(lockDir);
      writeFileSync(path.join(lockDir, 'pid'), String(process.pid));
      return () => rmSync(lockDir, { recursive: true, force: true });
    } catch (e) {
      if (e.code !== 'EEXIST') throw e;
    }
    let holder = NaN;
    try {
      holder = Number(readFileSync(path.join(lockDir, 'pid'), 'utf8'));
    } catch {
      // being created or removed right now
    }
    if (Number.isInteger(holder) && !alive(holder)) {
      rmSync(lockDir, { recursive: true, force: true }); // left by a killed installer
      continue;
    }
    if (Date.now() > deadline) throw new Error(`another install holds ${lockDir}; remove it if no install is running`);
    if (!told) log(`waiting for another process (pid ${holder}) to finish installing the harness`);
    told = true;
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 1000);
  }
}

function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return e.code === 'EPERM';
  }
}

function install(log) {
  const major = Number(process.versions.node.split('.')[0]);
  if (major !== NODE_MAJOR) {
    throw new Error(
      `code-server ${CODE_SERVER_VERSION} (VS Code 1.100.3) needs Node ${NODE_MAJOR}; this is Node ${process.versions.node}. ` +
        `Run the integration tests with Node ${NODE_MAJOR}.`,
    );
  }
  const started = Date.now();
  log(`installing code-server ${CODE_SERVER_VERSION} + playwright-core into ${path.relative(repoRoot, harnessDir)} (first run only, one to three minutes)`);
  mkdirSync(harnessDir, { recursive: true });
  rmSync(stampFile, { force: true });
  copyFileSync(path.join(here, 'package.json'), path.join(harnessDir, 'package.json'));
  copyFileSync(path.join(here, 'package-lock.json'), path.join(harnessDir, 'package-lock.json'));

  const tmpDir = path.join(harnessDir, '.tmp');
  mkdirSync(tmpDir, { recursive: true });
  seedRipgrepCache(tmpDir, log);

  const env = {
    ...process.env,
    TMPDIR: tmpDir, // where @vscode/ripgrep looks for its seeded cache
    npm_config_unsafe_perm: 'true', // code-server's postinstall refuses root without it
    npm_config_yes: 'true', // node-pty's postinstall runs `npx node-gyp`; a user npmrc may say yes=false
    npm_config_fund: 'false',
    npm_config_audit: 'false',
    npm_config_update_notifier: 'false',
  };
  // node-gyp must build against the local Node headers, not download them from nodejs.org.
  const nodePrefix = path.resolve(process.execPath, '..', '..');
  if (existsSync(path.join(nodePrefix, 'include', 'node', 'node.h'))) env.npm_config_nodedir = nodePrefix;
  else log(`warning: no ${nodePrefix}/include/node/node.h; node-gyp may try to download Node headers`);
  // `npm run` exports npm_config_* of the outer project (e.g. npm_config_ignore_scripts); drop the risky ones.
  delete env.npm_config_ignore_scripts;
  delete env.npm_config_global;
  delete env.npm_config_prefix;

  const r = spawnSync('npm', ['ci', '--no-audit', '--no-fund', '--loglevel=error'], {
    cwd: harnessDir,
    env,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  if (r.status !== 0) throw new Error(`npm ci in ${harnessDir} failed (exit ${r.status ?? r.signal})`);
  const pty = path.join(harnessDir, 'node_modules', 'code-server', 'lib', 'vscode', 'node_modules', 'node-pty');
  if (!existsSync(pty)) throw new Error('code-server postinstall did not complete (no lib/vscode/node_modules/node-pty)');
  rmSync(tmpDir, { recursive: true, force: true });
  writeFileSync(stampFile, `${lockHash()}\n`);
  log(`harness installed in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  return harnessDir;
}
