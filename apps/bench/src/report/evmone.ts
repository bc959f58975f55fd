/**
 * Each engine's time against native evmone's reference timings
 * (`fixtures/benchmarks/evmone_reference_timings.tsv`). The references were
 * not measured in this run, so these are estimates; the ratios to
 * @ethereumjs/evm, measured in the same run, stay the measure.
 */
import { readFileSync } from 'node:fs';
import { formatDuration, formatRatio, geometricMean } from '../stats.js';
import { FIXTURES_DIR } from '../workloads/fixtures.js';
import type { GroupMean, ResultIndex } from './speedups.js';

/**
 * How many times slower than native evmone @ethereumjs/evm 10.1 ran the 27
 * `main`+`micro` cases (geometric mean), from the same reference
 * measurements (fixtures/benchmarks/README.md).
 */
export const ETHEREUMJS_TIMES_EVMONE = 176;

/** Native evmone's time per case, in nanoseconds, from the TSV (`case, evmone_ns, note`). */
export function evmoneTimings(
  text = readFileSync(new URL('evmone_reference_timings.tsv', FIXTURES_DIR), 'utf8'),
): Map<string, number> {
  const timings = new Map<string, number>();
  for (const [i, line] of text.split('\n').entries()) {
    if (i === 0 || line.trim() === '') continue; // the header
    const [name, ns] = line.split('\t');
    const value = Number(ns);
    if (name === undefined || !(value > 0))
      throw new Error(`evmone_reference_timings.tsv line ${i + 1}: ${line}`);
    timings.set(name, value);
  }
  return timings;
}

export interface EvmoneComparison {
  /** Per case with a reference: evmone's time and each engine's median / evmone's time. */
  readonly rows: readonly { case: string; evmoneNs: number; times: readonly (number | undefined)[] }[];
  /** Per engine: the geometric mean of its times-evmone over the `main`/`micro` rows it ran. */
  readonly geomeans: readonly (number | undefined)[];
  /**
   * Per engine: `ETHEREUMJS_TIMES_EVMONE` divided by its measured main+micro
   * speed-up over @ethereumjs/evm (undefined for the peer itself, or without one).
   */
  readonly viaEthereumjs: readonly (number | undefined)[];
}

export function compareWithEvmone(
  index: ResultIndex,
  engines: readonly string[],
  means: readonly GroupMean[],
  peer: string,
  timings: ReadonlyMap<string, number> = evmoneTimings(),
): EvmoneComparison {
  const rows = [...timings].flatMap(([caseName, evmoneNs]) => {
    const times = engines.map((engine) => {
      const median = index.get(caseName, engine)?.summary?.medianNs;
      return median === undefined ? undefined : median / evmoneNs;
    });
    return times.every((time) => time === undefined) ? [] : [{ case: caseName, evmoneNs, times }];
  });
  const suite = rows.filter((row) => /^(main|micro)\//.test(row.case));
  const geomeans = engines.map((_, e) => {
    const times = suite.flatMap((row) => row.times[e] ?? []);
    return times.length === 0 ? undefined : geometricMean(times);
  });
  const viaEthereumjs = engines.map((engine) => {
    if (engine === peer) return ETHEREUMJS_TIMES_EVMONE;
    const speedup = means.find(
      (mean) => mean.group === 'main+micro' && mean.pair.engine === engine && mean.pair.against === peer,
    )?.geomean;
    return speedup === undefined ? undefined : ETHEREUMJS_TIMES_EVMONE / speedup;
  });
  return { rows, geomeans, viaEthereumjs };
}

/**
 * The comparison as table rows under `case, evmone, <engine>…`: one per case,
 * then the geometric mean, then the estimate from the ethereumjs speed-up.
 */
export function evmoneTableRows(comparison: EvmoneComparison): string[][] {
  const ratio = (value: number | undefined) => (value === undefined ? '' : formatRatio(value));
  return [
    ...comparison.rows.map((row) => [row.case, formatDuration(row.evmoneNs), ...row.times.map(ratio)]),
    ['geometric mean of the main+micro cases above', '', ...comparison.geomeans.map(ratio)],
    [
      `main+micro, from the speed-up over ethereumjs (ethereumjs = ${ETHEREUMJS_TIMES_EVMONE}×)`,
      '',
      ...comparison.viaEthereumjs.map(ratio),
    ],
  ];
}
