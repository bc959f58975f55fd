import { describe, expect, it } from 'vitest';
import { runPool, splitRange } from './pool.js';

describe('the worker pool', () => {
  it('splits a range into contiguous parts that cover it once', () => {
    expect(splitRange(0, 10, 3)).toEqual([
      [0, 4],
      [4, 7],
      [7, 10],
    ]);
    expect(splitRange(5, 7, 4)).toEqual([
      [5, 6],
      [6, 7],
    ]);
    expect(splitRange(3, 3, 2)).toEqual([]);
  });

  it('runs nothing for an empty range without starting a worker', () => {
    expect(runPool({ seed: 1, start: 4, end: 4, workers: 2 })).toMatchObject({
      runs: 0,
      divergences: 0,
      workers: [],
    });
  });
});
