import type { CliCommand } from '../command';

/** Every subcommand, in the order `writeup --help` lists them. Add new ones here. */
export const commands: readonly CliCommand[] = [];
