import { describe, expect, it } from 'vitest';
import { formatDuration, formatRatio, geometricMean, median, summarize } from './stats.js';

describe('median', () => {
  it('takes the middle value of an odd count, whatever the order', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([7])).toBe(7);
  });
  it('averages the two middle values of an even count', () => {
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });
  it('does not reorder its input', () => {
    const values = [3, 1, 2];
    median(values);
    expect(values).toEqual([3, 1, 2]);
  });
  it('rejects an empty list', () => {
    expect(() => median([])).toThrow(RangeError);
  });
});

describe('geometricMean', () => {
  it('is the n-th root of the product', () => {
    expect(geometricMean([2, 8])).toBeCloseTo(4, 12);
    expect(geometricMean([1, 10, 100])).toBeCloseTo(10, 12);
    expect(geometricMean([0.5, 2])).toBeCloseTo(1, 12);
  });
  it('rejects zero, negative and non-finite values and an empty list', () => {
    expect(() => geometricMean([])).toThrow(RangeError);
    expect(() => geometricMean([1, 0])).toThrow(RangeError);
    expect(() => geometricMean([-1])).toThrow(RangeError);
    expect(() => geometricMean([Number.POSITIVE_INFINITY])).toThrow(RangeError);
  });
});

describe('summarize', () => {
  it('gives count, median, min and max', () => {
    expect(summarize([30, 10, 20, 40])).toEqual({ samples: 4, medianNs: 25, minNs: 10, maxNs: 40 });
  });
});

describe('formatting', () => {
  it('picks a unit and keeps three significant digits', () => {
    expect(formatDuration(812)).toBe('812 ns');
    expect(formatDuration(3_414)).toBe('3.41 µs');
    expect(formatDuration(27_000_000)).toBe('27.0 ms');
    expect(formatDuration(6_420_000_000)).toBe('6.42 s');
  });
  it('writes ratios with a multiplication sign', () => {
    expect(formatRatio(0.5212)).toBe('0.521×');
    expect(formatRatio(12.34)).toBe('12.3×');
    expect(formatRatio(1084.4)).toBe('1,084×');
  });
});
