// Prints the behaviour snapshot (see scripts/behaviour.ts) of the code under --src (default ./src).
import path from 'node:path';
import { behaviour } from './behaviour';

async function run(): Promise<void> {
  const at = process.argv.indexOf('--src');
  const root = process.cwd();
  const src = at > 0 && process.argv[at + 1] ? path.resolve(process.argv[at + 1] ?? '') : path.join(root, 'src');
  process.stdout.write(`${JSON.stringify(await behaviour(root, src), null, 1)}\n`);
}

void run();
