// System prerequisites of the offline VS Code harness, checked (and on Debian as root, installed).
//
// At run time the harness needs a Chromium binary (the workbench client). To install the pinned
// code-server, npm builds native modules (node-pty, spdlog, kerberos, ...): that needs a C/C++
// toolchain, python3, pkg-config, the Kerberos headers, and ripgrep (which replaces the GitHub
// download of @vscode/ripgrep's postinstall).
import { spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync, statSync } from 'node:fs';
import path from 'node:path';

/** One thing the harness needs, the Debian package that brings it, and how to find it. */
const requirements = [
  { what: 'chromium', pkg: 'chromium', phase: 'run', found: () => chromiumPath() !== undefined },
  { what: 'g++', pkg: 'build-essential', phase: 'install', found: () => onPath('g++') && onPath('make') },
  { what: 'python3', pkg: 'python3', phase: 'install', found: () => onPath('python3') },
  { what: 'pkg-config', pkg: 'pkg-config', phase: 'install', found: () => onPath('pkg-config') },
  {
    what: 'Kerberos headers (gssapi/gssapi.h)',
    pkg: 'libkrb5-dev',
    phase: 'install',
    found: () => existsSync('/usr/include/gssapi/gssapi.h') || existsSync('/usr/include/gssapi.h'),
  },
  { what: 'ripgrep (rg)', pkg: 'ripgrep', phase: 'install', found: () => onPath('rg') },
];

/** True when `name` is an executable on PATH. */
export function onPath(name) {
  return which(name) !== undefined;
}

/** The absolute path of executable `name` on PATH, or undefined. */
export function which(name) {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (!dir) continue;
    const candidate = path.join(dir, name);
    try {
      accessSync(candidate, constants.X_OK);
      if (statSync(candidate).isFile()) return candidate;
    } catch {
      // not here
    }
  }
  return undefined;
}

/** The Chromium the workbench runs in: $CHROMIUM_PATH, else the first of the usual names on PATH. */
export function chromiumPath() {
  if (process.env.CHROMIUM_PATH) return existsSync(process.env.CHROMIUM_PATH) ? process.env.CHROMIUM_PATH : undefined;
  for (const name of ['chromium', 'chromium-browser', 'google-chrome-stable', 'google-chrome']) {
    const found = which(name);
    if (found) return found;
  }
  return undefined;
}

/**
 * Makes sure the prerequisites of `phases` ('run', 'install') are present. When some are missing
 * and we are root on Debian/Ubuntu, installs them with apt-get; otherwise prints the exact command
 * and returns false.
 */
export function ensurePrerequisites(phases, log = console.log) {
  const missing = requirements.filter((r) => phases.includes(r.phase) && !r.found());
  if (missing.length === 0) return true;
  const pkgs = [...new Set(missing.map((r) => r.pkg))];
  const command = `apt-get update && apt-get install -y --no-install-recommends ${pkgs.join(' ')}`;
  log(`missing: ${missing.map((r) => r.what).join(', ')}`);
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const isDebian = existsSync('/etc/debian_version') && onPath('apt-get');
  if (!isRoot || !isDebian || process.env.WRITEUP_NO_APT === '1') {
    console.error(`The VS Code test harness needs these system packages. Install them with:\n\n  sudo ${command}\n`);
    return false;
  }
  log(`installing with apt-get: ${pkgs.join(' ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const apt = (args) =>
    spawnSync('apt-get', ['-o', 'DPkg::Lock::Timeout=600', '-y', '-q', ...args], { stdio: ['ignore', 'ignore', 'inherit'], env });
  apt(['update']);
  const r = apt(['install', '--no-install-recommends', ...pkgs]);
  const still = missing.filter((m) => !m.found());
  if (r.status !== 0 || still.length > 0) {
    console.error(`apt-get could not install ${still.map((s) => s.pkg).join(' ') || pkgs.join(' ')}; try:\n\n  ${command}\n`);
    return false;
  }
  return true;
}
