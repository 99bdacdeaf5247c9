/**
 * What `activate` returns: the extension's public API, used by the integration tests.
 *
 * ```ts
 * const ext = vscode.extensions.getExtension<WriteupApi>('research-writeup.research-writeup')!;
 * const api = await ext.activate();
 * await api.ready; // every feature adapter is registered
 * ```
 */
export interface WriteupApi {
  /** Resolves once `activate` has registered every feature adapter and command. */
  readonly ready: Promise<void>;
}

/** Builds the API object for `activate`; `ready` resolves when `markReady` is called. */
export function createApi(): { api: WriteupApi; markReady(): void } {
  let markReady!: () => void;
  const ready = new Promise<void>((resolve) => {
    markReady = resolve;
  });
  return { api: { ready }, markReady };
}
