/** The cold-run table: each engine's first run in a fresh process, beside its warm median. */
import { formatDuration, formatRatio, geometricMean } from '../stats.js';
import { GROUP_SELECTIONS, type ResultIndex } from './speedups.js';

export interface ColdTable {
  readonly header: readonly string[];
  /** One row per case with a cold time, then a geometric-mean row per group of cases. */
  readonly rows: readonly (readonly string[])[];
}

/** Groups of cases the table gives a geometric mean for (as the speed-up means select them). */
const MEAN_GROUPS = ['main+micro', 'call'].map(
  (name) => GROUP_SELECTIONS.find((selection) => selection.name === name)!,
);

/**
 * Columns: per engine its cold time and cold / warm median, then per other
 * engine its cold speed-up over `peer` (the peer's cold time / its own).
 * Undefined when no case has a cold time.
 */
export function coldTable(
  index: ResultIndex,
  engines: readonly string[],
  peer: string,
): ColdTable | undefined {
  const cases = index.cases.filter((name) => engines.some((engine) => index.get(name, engine)?.coldRunNs));
  if (cases.length === 0) return undefined;
  const others = engines.includes(peer) ? engines.filter((engine) => engine !== peer) : [];
  const cold = (name: string, engine: string) => index.get(name, engine)?.coldRunNs;
  const speedup = (name: string, engine: string) => {
    const mine = cold(name, engine);
    const theirs = cold(name, peer);
    return mine === undefined || theirs === undefined ? undefined : theirs / mine;
  };
  const header = [
    'case',
    ...engines.flatMap((engine) => [`${engine} cold`, `${engine} cold / warm`]),
    ...others.map((engine) => `${engine} vs ${peer}, cold`),
  ];
  const rows = cases.map((name) => [
    name,
    ...engines.flatMap((engine) => {
      const ns = cold(name, engine);
      const warm = index.get(name, engine)?.summary?.medianNs;
      return ns === undefined
        ? ['', '']
        : [formatDuration(ns), warm === undefined ? '' : formatRatio(ns / warm)];
    }),
    ...others.map((engine) => {
      const ratio = speedup(name, engine);
      return ratio === undefined ? '' : formatRatio(ratio);
    }),
  ]);
  const means = MEAN_GROUPS.flatMap(({ name: label, includes }) => {
    const members = cases.filter((name) =>
      index.results.some((result) => result.case === name && includes(result)),
    );
    if (members.length === 0 || others.length === 0) return [];
    return [
      [
        `geometric mean, ${label} (${members.length} case${members.length === 1 ? '' : 's'})`,
        ...engines.flatMap(() => ['', '']),
        ...others.map((engine) => {
          const ratios = members.flatMap((name) => speedup(name, engine) ?? []);
          return ratios.length === 0 ? '' : formatRatio(geometricMean(ratios));
        }),
      ],
    ];
  });
  return { header, rows: [...rows, ...means] };
}
