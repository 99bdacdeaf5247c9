/**
 * One benchmark case: a file in bench/cases/<name>.ts whose default export is a BenchCase.
 * The runner (bench/run.ts) times `run` after `setup`, and prints one JSON object last.
 */
export interface BenchCase<State = unknown> {
  /** Stable case name from DESIGN.md, e.g. `lint-10p`. */
  readonly name: string;
  /** Builds deterministic inputs; not timed. */
  setup?(): Promise<State> | State;
  /** The timed work. */
  run(state: State): unknown;
  /** How many timed runs (default 30); one warm-up run is not counted unless `cold`. */
  readonly runs?: number;
  /** Time the very first call (no warm-up), e.g. `math-hover-cold`. */
  readonly cold?: boolean;
  /** Extra fields reported beside the timings (e.g. sizes, or a baseline's name). */
  extra?(state: State): Record<string, unknown>;
}

/** A case that reports a size instead of a time (e.g. `bundle-bytes`). */
export interface SizeCase {
  readonly name: string;
  measure(): Promise<{ bytes: number } & Record<string, unknown>> | ({ bytes: number } & Record<string, unknown>);
}

/**
 * A case that measures itself and hands the runner its samples, e.g. `activate`, which times
 * activation in fresh VS Code extension hosts. The runner computes median/p95/n from `samples_ms`.
 */
export interface SamplesCase {
  readonly name: string;
  samples(): Promise<{ samples_ms: number[] } & Record<string, unknown>>;
}
