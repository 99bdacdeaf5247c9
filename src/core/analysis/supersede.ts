/**
 * Work on a document that a newer edit makes pointless is dropped, not finished: one run per key
 * (a document), a newer run for the same key supersedes the one before, and a run also goes stale
 * when its document moved on (`current()` says no: a new version, or closed). A run is split into
 * steps at `checkpoint()`s, which first let waiting events in (a keystroke is one) and then stop
 * the run if it went stale, so a long analysis is cut short at the next step instead of
 * publishing results for text that no longer exists.
 */

/** Thrown by `checkpoint()` of a stale run; `LatestRuns.run` turns it into `undefined`. */
export class Superseded extends Error {
  constructor() {
    super('superseded by a newer edit');
    this.name = 'Superseded';
  }
}

/** One run, as its work sees it. */
export interface Run {
  /** True once a newer run for its key started, it was cancelled, or its document moved on. */
  readonly stale: boolean;
  /** Lets waiting events run, then throws Superseded if the run went stale meanwhile. */
  checkpoint(): Promise<void>;
}

/** How a run pauses at a checkpoint; the default waits one macrotask (events queued by then run first). */
export type Pause = () => Promise<void>;

const nextTask: Pause = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** What the runs did so far (for tests and the integration suite). */
export interface RunCounts {
  readonly started: number;
  readonly finished: number;
  /** Runs stopped at a checkpoint (or whose result was dropped) because they went stale. */
  readonly superseded: number;
}

class RunState implements Run {
  cancelled = false;

  constructor(
    private readonly current: () => boolean,
    private readonly pause: Pause,
  ) {}

  get stale(): boolean {
    return this.cancelled || !this.current();
  }

  async checkpoint(): Promise<void> {
    await this.pause();
    if (this.stale) throw new Superseded();
  }
}

/** The latest run per key (see the module comment). */
export class LatestRuns<K = string> {
  private readonly runs = new Map<K, RunState>();
  private counts = { started: 0, finished: 0, superseded: 0 };

  constructor(private readonly pause: Pause = nextTask) {}

  /**
   * Runs `work` as the latest run for `key`, superseding the one in progress. Resolves to what
   * `work` returned, or to undefined when the run went stale (at a checkpoint, or by the time
   * it returned). Errors other than Superseded are passed on.
   */
  async run<T>(key: K, current: () => boolean, work: (run: Run) => Promise<T> | T): Promise<T | undefined> {
    this.cancel(key);
    const state = new RunState(current, this.pause);
    this.runs.set(key, state);
    this.counts.started++;
    try {
      const result = await work(state);
      if (state.stale) throw new Superseded();
      this.counts.finished++;
      return result;
    } catch (error) {
      if (!(error instanceof Superseded)) throw error;
      this.counts.superseded++;
      return undefined;
    } finally {
      if (this.runs.get(key) === state) this.runs.delete(key);
    }
  }

  /** Stops the run in progress for `key` (it ends at its next checkpoint). */
  cancel(key: K): void {
    const state = this.runs.get(key);
    if (state) state.cancelled = true;
    this.runs.delete(key);
  }

  /** Stops every run in progress. */
  cancelAll(): void {
    for (const key of [...this.runs.keys()]) this.cancel(key);
  }

  /** Whether a run for `key` is in progress. */
  running(key: K): boolean {
    return this.runs.has(key);
  }

  get stats(): RunCounts {
    return { ...this.counts };
  }
}

/** The parts of an analysis the editor's lint computes, each on first use (see WriteupAnalysis). */
export interface StepwiseAnalysis<D> {
  readonly pages: unknown;
  readonly diagnostics: D;
}

/**
 * The editor's lint of one document version in steps: read (`analyze`), page estimate, lint, with
 * a checkpoint after each, so an edit during one step stops the run before the next.
 */
export async function diagnosticsInSteps<D>(run: Run, analyze: () => StepwiseAnalysis<D>): Promise<D> {
  await run.checkpoint();
  const analysis = analyze();
  await run.checkpoint();
  void analysis.pages;
  await run.checkpoint();
  return analysis.diagnostics;
}
