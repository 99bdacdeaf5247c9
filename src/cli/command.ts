/** Where a command writes; injected so tests can capture output. */
export interface CliIO {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Working directory paths are resolved against. */
  readonly cwd: string;
}

/** One `writeup <name>` subcommand. */
export interface CliCommand {
  readonly name: string;
  /** One line for `writeup --help`. */
  readonly summary: string;
  /** Usage lines for `writeup <name> --help`. */
  readonly usage: string;
  /** Returns the exit code: 0 ok, 1 problems found, 2 bad usage. */
  run(args: readonly string[], io: CliIO): Promise<number> | number;
}

/** Thrown for bad usage: the CLI prints the message in one line and exits 2. */
export class UsageError extends Error {}
