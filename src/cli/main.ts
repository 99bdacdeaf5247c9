import { type CliIO, UsageError } from './command';
import { commands } from './commands/index';
import { version } from '../../package.json';

const help = (): string =>
  [
    'writeup: check project proposals and reports for theory-of-deep-learning courses',
    '',
    'Usage: writeup <command> [options] [args]',
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.name.padEnd(14)} ${c.summary}`),
    '',
    'Options:',
    '  -h, --help     show help (also: writeup <command> --help)',
    '  -v, --version  print the version',
    '',
  ].join('\n');

/** Errors are printed as one line (a message with line breaks, e.g. from node, is joined). */
function oneLine(message: string): string {
  return message.replace(/\s*\n\s*/g, ' ').trim();
}

/** Control characters a terminal would act on (escape sequences, carriage returns, bells), from C0, DEL and C1. */
const CONTROL = /[^\t\n -~\u00a0-\uffff]/g;

/**
 * `text` with each control character written as `\\uXXXX`: a writeup's title, a citation key or a
 * course id can hold an escape sequence (clear the screen, retitle the window), and a TA runs
 * `writeup lint` over files students wrote. In JSON output these characters only stand inside
 * strings, where `\\uXXXX` is the same character.
 */
export function visible(text: string): string {
  return text.replace(CONTROL, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Runs the CLI with `argv` (without `node` and the script) and returns the exit code. */
export async function main(argv: readonly string[], raw: CliIO): Promise<number> {
  const io: CliIO = { ...raw, stdout: (t) => raw.stdout(visible(t)), stderr: (t) => raw.stderr(visible(t)) };
  const [name, ...rest] = argv;
  if (name === undefined || name === '-h' || name === '--help' || name === 'help') {
    io.stdout(help());
    return name === undefined ? 2 : 0;
  }
  if (name === '-v' || name === '--version') {
    io.stdout(`${version}\n`);
    return 0;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    io.stderr(`writeup: unknown command '${name}' (see writeup --help)\n`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout(`${command.usage}\n`);
    return 0;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`writeup ${name}: ${oneLine(error.message)}\n`);
      return 2;
    }
    const message = error instanceof Error ? error.message : String(error);
    io.stderr(`writeup ${name}: internal error: ${oneLine(message)}\n`);
    return 2;
  }
}

if (require.main === module) {
  const io: CliIO = {
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
    cwd: process.cwd(),
  };
  main(process.argv.slice(2), io).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`writeup: ${String(error)}\n`);
      process.exitCode = 2;
    },
  );
}
