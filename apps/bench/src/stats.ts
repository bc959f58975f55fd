/** Summary statistics of timing samples, and the geometric mean used for ratios. */

export interface Summary {
  readonly samples: number;
  readonly medianNs: number;
  readonly minNs: number;
  readonly maxNs: number;
}

/** The middle value (mean of the two middle values for an even count). */
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new RangeError('median: no values');
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** exp(mean(log x)); the mean that suits ratios. Every value must be positive. */
export function geometricMean(values: readonly number[]): number {
  if (values.length === 0) throw new RangeError('geometricMean: no values');
  let sumOfLogs = 0;
  for (const value of values) {
    if (!(value > 0) || !Number.isFinite(value))
      throw new RangeError(`geometricMean: ${value} is not a positive number`);
    sumOfLogs += Math.log(value);
  }
  return Math.exp(sumOfLogs / values.length);
}

export function summarize(samplesNs: readonly number[]): Summary {
  if (samplesNs.length === 0) throw new RangeError('summarize: no samples');
  let minNs = Number.POSITIVE_INFINITY;
  let maxNs = 0;
  for (const sample of samplesNs) {
    if (sample < minNs) minNs = sample;
    if (sample > maxNs) maxNs = sample;
  }
  return { samples: samplesNs.length, medianNs: median(samplesNs), minNs, maxNs };
}

/** A duration for people: `812 ns`, `3.41 µs`, `27.0 ms`, `6.42 s` (three significant digits). */
export function formatDuration(ns: number): string {
  if (ns < 1e3) return `${ns.toPrecision(3)} ns`;
  if (ns < 1e6) return `${(ns / 1e3).toPrecision(3)} µs`;
  if (ns < 1e9) return `${(ns / 1e6).toPrecision(3)} ms`;
  return `${(ns / 1e9).toPrecision(3)} s`;
}

/** A ratio for people: `0.52×`, `12.3×`, `1,084×`. */
export function formatRatio(ratio: number): string {
  if (ratio >= 1000) return `${Math.round(ratio).toLocaleString('en-US')}×`;
  return `${ratio.toPrecision(3)}×`;
}
