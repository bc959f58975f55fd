/** Speed-ups between engines, per case and as geometric means per group. */

import type { CaseResult } from '../runner.js';
import { geometricMean } from '../stats.js';
import { GROUPS } from '../workloads/index.js';

/** A group of cases a geometric mean is taken over. */
export interface GroupSelection {
  readonly name: string;
  readonly includes: (result: CaseResult) => boolean;
}

/** The five groups, then the 27 evm-benchmarks cases DESIGN.md's targets use, then everything. */
export const GROUP_SELECTIONS: readonly GroupSelection[] = [
  ...GROUPS.map((group) => ({ name: group, includes: (result: CaseResult) => result.group === group })),
  { name: 'main+micro', includes: (result) => result.group === 'main' || result.group === 'micro' },
  { name: 'all', includes: () => true },
];

/** `engine` measured against `against`: `against`'s median / `engine`'s (above 1 is faster). */
export interface EnginePair {
  readonly engine: string;
  readonly against: string;
}

/**
 * The pairs worth showing: every engine against the peer, and every other
 * Tandem engine against the reference engine (not the inverses).
 */
export function enginePairs(engines: readonly string[], peer: string, reference: string): EnginePair[] {
  const pairs: EnginePair[] = [];
  for (const engine of engines) {
    if (engine !== peer && engines.includes(peer)) pairs.push({ engine, against: peer });
  }
  for (const engine of engines) {
    if (engine !== peer && engine !== reference && engines.includes(reference)) {
      pairs.push({ engine, against: reference });
    }
  }
  return pairs;
}

export class ResultIndex {
  private readonly byCase = new Map<string, Map<string, CaseResult>>();

  constructor(readonly results: readonly CaseResult[]) {
    for (const result of results) {
      let engines = this.byCase.get(result.case);
      if (engines === undefined) {
        engines = new Map();
        this.byCase.set(result.case, engines);
      }
      engines.set(result.engine, result);
    }
  }

  /** Case names in first-seen order. */
  get cases(): string[] {
    return [...this.byCase.keys()];
  }

  get(caseName: string, engine: string): CaseResult | undefined {
    return this.byCase.get(caseName)?.get(engine);
  }

  /** How many times faster `engine` ran `caseName` than `against` (median over median), if both verified. */
  speedup(caseName: string, engine: string, against: string): number | undefined {
    const mine = this.get(caseName, engine)?.summary;
    const theirs = this.get(caseName, against)?.summary;
    if (mine === undefined || theirs === undefined) return undefined;
    return theirs.medianNs / mine.medianNs;
  }
}

export interface GroupMean {
  readonly group: string;
  readonly pair: EnginePair;
  readonly cases: number;
  readonly geomean: number | undefined;
}

export function groupMeans(index: ResultIndex, pairs: readonly EnginePair[]): GroupMean[] {
  const means: GroupMean[] = [];
  for (const selection of GROUP_SELECTIONS) {
    const cases = index.cases.filter((name) => {
      const any = index.results.find((result) => result.case === name);
      return any !== undefined && selection.includes(any);
    });
    for (const pair of pairs) {
      const ratios = cases.flatMap((name) => index.speedup(name, pair.engine, pair.against) ?? []);
      means.push({
        group: selection.name,
        pair,
        cases: ratios.length,
        geomean: ratios.length > 0 ? geometricMean(ratios) : undefined,
      });
    }
  }
  return means;
}
