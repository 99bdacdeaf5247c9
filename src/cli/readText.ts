import * as fs from 'node:fs';

/** A text file's content, or why it cannot be read (one line, without the command's prefix). */
export type TextRead = { readonly text: string } | { readonly problem: string };

/** How much of a file is looked at to tell text from binary data. */
const SNIFF_BYTES = 8192;

/**
 * Reads a UTF-8 text file for a CLI command. Never throws: a missing file, a broken symbolic
 * link, a folder, a file without read permission, or binary data (NUL bytes, mostly invalid
 * UTF-8) each give one clear line naming `shown` (the path as the user typed it).
 */
export function readTextFile(file: string, shown: string = file): TextRead {
  let stat: fs.Stats | undefined;
  try {
    stat = fs.statSync(file, { throwIfNoEntry: false });
  } catch (error) {
    return { problem: `cannot read ${shown}: ${reason(error)}` };
  }
  if (!stat) {
    const link = fs.lstatSync(file, { throwIfNoEntry: false });
    return { problem: link?.isSymbolicLink() ? `cannot read ${shown}: a broken symbolic link` : `cannot read ${shown}: no such file` };
  }
  if (stat.isDirectory()) return { problem: `cannot read ${shown}: it is a folder, not a file` };
  if (!stat.isFile()) return { problem: `cannot read ${shown}: not a regular file` };
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (error) {
    return { problem: `cannot read ${shown}: ${reason(error)}` };
  }
  if (isBinary(bytes)) return { problem: `cannot read ${shown}: binary data, not a text file` };
  return { text: bytes.toString('utf8') };
}

/** True for data with NUL bytes, or where more than a tenth of the first bytes are not UTF-8. */
export function isBinary(bytes: Uint8Array): boolean {
  const head = bytes.subarray(0, SNIFF_BYTES);
  if (head.includes(0)) return true;
  const decoded = Buffer.from(head).toString('utf8');
  // The sniffed head may end inside a character: one bad sequence there is fine.
  let bad = 0;
  for (const c of decoded) if (c === '\uFFFD') bad++;
  return bad > 1 && bad > decoded.length / 10;
}

function reason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ENOENT':
      return 'no such file';
    case 'EISDIR':
      return 'it is a folder, not a file';
    case 'ELOOP':
      return 'a symbolic link loop';
    case 'ENAMETOOLONG':
      return 'the name is too long';
    default:
      return code ?? (error instanceof Error ? error.message.split('\n')[0] ?? 'unknown error' : String(error));
  }
}
