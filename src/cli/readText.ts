import { isUtf8 } from 'node:buffer';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { MAX_WRITEUP_CHARS, megabytes } from '../core/readers/index';
import { MAX_TEXT_FILE_BYTES } from '../node/regularFile';

/**
 * A text file's content (with a warning when it is not UTF-8 and was read anyway), or why it
 * cannot be read (one line, without the command's prefix).
 */
export type TextRead = { readonly text: string; readonly warning?: string } | { readonly problem: string };

/** Files given where a writeup is expected that are something else (read as Markdown, a .bib gave an error per entry). */
const NOT_WRITEUPS: readonly [RegExp, string][] = [
  [/\.bib$/i, 'a bibliography'],
  [/\.json$/i, 'JSON (a course pack goes to --packs)'],
  [/\.(sty|cls|bst|csl)$/i, 'a style file'],
  [/\.html?$/i, 'a web page'],
];

/** `file` as a message shows it: relative to `cwd` when inside it, else absolute (not ../../tmp/x.md). */
export function shownPath(cwd: string, file: string): string {
  const relative = path.relative(cwd, file);
  return relative === '' || relative.startsWith('..') || path.isAbsolute(relative) ? file : relative;
}

/** How much of a file is looked at to tell text from binary data. */
const SNIFF_BYTES = 8192;

/**
 * Reads a UTF-8 text file for a CLI command. Never throws: a missing file, a broken symbolic
 * link, a folder, a file without read permission, binary data, UTF-16, or (with `writeup`) a file
 * larger than the readers read each give one clear line naming `shown` (the path as the user typed it).
 */
export function readTextFile(file: string, shown: string = file, writeup = false): TextRead {
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
  const kind = writeup ? NOT_WRITEUPS.find(([pattern]) => pattern.test(file))?.[1] : undefined;
  if (kind) return { problem: `${shown} is ${kind}, not a writeup: give the .md or .tex file` };
  if (stat.size > MAX_TEXT_FILE_BYTES) return { problem: `cannot read ${shown}: ${megabytes(stat.size)} is too large` };
  if (writeup && stat.size > MAX_WRITEUP_CHARS) {
    return { problem: `cannot read ${shown}: ${megabytes(stat.size)} is more than a writeup (the limit is ${megabytes(MAX_WRITEUP_CHARS)}; a 100-page report is about 0.3 MB)` };
  }
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (error) {
    return { problem: `cannot read ${shown}: ${reason(error)}` };
  }
  // Notepad's "Unicode": every other byte of ASCII text is NUL, so it would pass for binary data.
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return { problem: `cannot read ${shown}: UTF-16 text; save it as UTF-8` };
  }
  if (isBinary(bytes)) return { problem: `cannot read ${shown}: binary data, not a text file` };
  // A byte order mark is not text: editors (VS Code) and pandoc drop it, so columns on line 1 match theirs.
  const decoded = bytes.toString('utf8');
  const text = decoded.charCodeAt(0) === 0xfeff ? decoded.slice(1) : decoded;
  if (isUtf8(bytes)) return { text };
  // Text in a legacy encoding (Latin-1, Windows-1252): read, each bad byte as U+FFFD, and said.
  const at = text.indexOf('\uFFFD');
  const before = text.slice(0, at);
  const line = before.split(/\r\n|\r|\n/).length;
  const column = at - Math.max(before.lastIndexOf('\n'), before.lastIndexOf('\r'));
  const refused = /\.(md|markdown|tex|bib)$/i.test(file) ? ', and pandoc and LaTeX refuse the file' : '';
  return { text, warning: `${shown} is not UTF-8 text (first at line ${line}, column ${column}; saved as Latin-1 or Windows-1252?): those characters read as \uFFFD${refused}; save it as UTF-8` };
}

/**
 * True for data with NUL bytes, or, when it is not UTF-8, with control bytes (more than 1 in 100
 * of the first bytes) or mostly bytes above 127: text in a legacy encoding has neither.
 */
export function isBinary(bytes: Uint8Array): boolean {
  const head = bytes.subarray(0, SNIFF_BYTES);
  if (head.includes(0)) return true;
  if (isUtf8(bytes)) return false;
  let control = 0;
  let high = 0;
  for (const b of head) {
    // Tab, line ends, form feed and escape are found in text files.
    if ((b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0c && b !== 0x0d && b !== 0x1b) || b === 0x7f) control++;
    else if (b >= 0x80) high++;
  }
  return control > head.length / 100 || high > head.length * 0.3;
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
