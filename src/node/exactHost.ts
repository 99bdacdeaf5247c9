/**
 * The Node side of a background compile (`ExactHost`): a temporary folder under the system's
 * temp directory, processes spawned from argv without a shell, each in its own process group at
 * low priority, killed with its children at the time limit or on cancel. Used by the CLI and the
 * editor alike; `runningCompiles()` lets the editor check that nothing is left behind.
 */

import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { ExportStep } from '../core/export/plan';
import type { ExactHost, StepResult } from '../core/layout/exact';

const running = new Set<ChildProcess>();
/** Niceness of compile processes: below the editor, above idle. */
const LOW_PRIORITY = 10;
const MAX_STDERR = 64 * 1024;

/** Process ids of compiles still running (for tests and shutdown checks). */
export function runningCompiles(): number[] {
  return [...running].map((c) => c.pid).filter((p): p is number => p !== undefined);
}

/** Kills every running compile with its process group (editor shutdown). */
export function killAllCompiles(): void {
  for (const child of running) killTree(child);
}

function killTree(child: ChildProcess): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    if (process.platform === 'win32') child.kill();
    else process.kill(-child.pid, 'SIGKILL');
  } catch {
    try {
      child.kill('SIGKILL');
    } catch {
      // Already gone.
    }
  }
}

/** Whether `command` names an executable file, directly or on PATH. */
function onPath(command: string): boolean {
  const exts = process.platform === 'win32' ? (process.env['PATHEXT'] ?? '.EXE;.CMD;.BAT').split(';') : [''];
  const isFile = (p: string): boolean => {
    try {
      const s = fs.statSync(p);
      if (!s.isFile()) return false;
      if (process.platform !== 'win32') fs.accessSync(p, fs.constants.X_OK);
      return true;
    } catch {
      return false;
    }
  };
  if (command.includes('/') || command.includes('\\')) return exts.some((e) => isFile(command + e));
  for (const dir of (process.env['PATH'] ?? '').split(path.delimiter)) {
    if (dir && exts.some((e) => isFile(path.join(dir, command + e)))) return true;
  }
  return false;
}

function runStep(step: ExportStep, signal: AbortSignal): Promise<StepResult> {
  return new Promise((resolve) => {
    if (signal.aborted) {
      resolve({ code: null, stderr: '', cancelled: true });
      return;
    }
    let stderr = '';
    let timedOut = false;
    let cancelled = false;
    let settled = false;
    const child = spawn(step.command, [...step.args], {
      cwd: step.cwd,
      env: { ...process.env, ...step.env },
      shell: false,
      detached: process.platform !== 'win32',
      stdio: ['ignore', 'ignore', 'pipe'],
      windowsHide: true,
    });
    running.add(child);
    if (child.pid !== undefined) {
      try {
        os.setPriority(child.pid, LOW_PRIORITY);
      } catch {
        // Not permitted here: run at normal priority.
      }
    }
    const timer = setTimeout(() => {
      timedOut = true;
      killTree(child);
    }, step.timeoutMs);
    const onAbort = (): void => {
      cancelled = true;
      killTree(child);
    };
    signal.addEventListener('abort', onAbort, { once: true });
    child.stderr?.on('data', (d: Buffer) => {
      if (stderr.length < MAX_STDERR) stderr += d.toString('utf8');
    });
    const finish = (r: StepResult): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      signal.removeEventListener('abort', onAbort);
      running.delete(child);
      resolve(r);
    };
    child.on('error', (err: NodeJS.ErrnoException) => finish({ code: null, stderr: err.message, missing: err.code === 'ENOENT' }));
    child.on('close', (code) => finish({ code, stderr, ...(timedOut ? { timedOut } : {}), ...(cancelled ? { cancelled } : {}) }));
  });
}

/** The Node host: real processes and a real temporary folder. */
export const nodeExactHost: ExactHost = {
  available: async (command) => onPath(command),
  makeTempDir: () => fs.promises.mkdtemp(path.join(os.tmpdir(), 'writeup-exact-')),
  writeFile: (file, text) => fs.promises.writeFile(file, text, 'utf8'),
  readFile: async (file) => {
    try {
      return await fs.promises.readFile(file, 'utf8');
    } catch {
      return undefined;
    }
  },
  removeDir: (dir) => fs.promises.rm(dir, { recursive: true, force: true, maxRetries: 3 }),
  run: runStep,
  now: () => Date.now(),
};
