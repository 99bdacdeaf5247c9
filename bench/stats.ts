/** Median and 95th percentile (nearest rank) of `samples`, in ms rounded to microseconds. */
export function summarize(samples: readonly number[]): { median_ms: number; p95_ms: number; n: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  const n = sorted.length;
  if (n === 0) return { median_ms: NaN, p95_ms: NaN, n: 0 };
  const mid = Math.floor(n / 2);
  const median = n % 2 ? (sorted[mid] ?? NaN) : ((sorted[mid - 1] ?? NaN) + (sorted[mid] ?? NaN)) / 2;
  const p95 = sorted[Math.min(n - 1, Math.ceil(0.95 * n) - 1)] ?? NaN;
  return { median_ms: roundMs(median), p95_ms: roundMs(p95), n };
}

/** Milliseconds rounded to three decimals (microseconds). */
export function roundMs(ms: number): number {
  return Math.round(ms * 1000) / 1000;
}
