import * as assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { roundMs, summarize } from '../../bench/stats';

describe('summarize', () => {
  test('median of an odd and an even number of samples, in any order', () => {
    assert.deepEqual(summarize([5, 1, 3]), { median_ms: 3, p95_ms: 5, n: 3 });
    assert.equal(summarize([4, 1, 3, 2]).median_ms, 2.5);
  });

  test('p95 is the nearest-rank 95th percentile', () => {
    const samples = Array.from({ length: 100 }, (_, i) => i + 1); // 1..100
    assert.equal(summarize(samples).p95_ms, 95);
    assert.equal(summarize(Array.from({ length: 20 }, (_, i) => i + 1)).p95_ms, 19);
  });

  test('no samples give NaN figures and n = 0', () => {
    const s = summarize([]);
    assert.equal(s.n, 0);
    assert.ok(Number.isNaN(s.median_ms) && Number.isNaN(s.p95_ms));
  });

  test('figures are rounded to microseconds', () => {
    assert.equal(roundMs(1.23456789), 1.235);
    assert.equal(summarize([0.1234567]).median_ms, 0.123);
  });
});
