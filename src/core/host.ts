/**
 * What the core may ask of its host (the CLI's file system, VS Code's open buffers, a test's
 * in-memory fake). The core never touches the file system itself.
 */
export interface FileHost {
  /** Text of the file at an absolute path, or undefined when it cannot be read. */
  readFile(path: string): string | undefined;
  /** True when a file exists at the absolute path. */
  exists(path: string): boolean;
}

/** A host with no files: readers then skip `\input` and similar. */
export const emptyHost: FileHost = {
  readFile: () => undefined,
  exists: () => false,
};
