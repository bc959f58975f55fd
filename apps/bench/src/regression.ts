/**
 * The performance regression check, with the rule DTVM's CI uses: compare
 * medians; a case regresses when it is more than 25 % slower than its
 * baseline and the baseline median is at least 5 µs (shorter cases are too
 * noisy to judge); the check fails when 5 or more cases regress.
 */

export interface MedianRow {
  readonly case: string;
  readonly engine: string;
  readonly medianNs: number | null;
}

export interface RegressionRule {
  /** A case regresses when current / baseline exceeds this. */
  readonly maxSlowdown: number;
  /** Baselines shorter than this are not judged. */
  readonly minBaselineNs: number;
  /** The check fails when this many cases (or more) regress. */
  readonly failAt: number;
}

export const DTVM_RULE: RegressionRule = { maxSlowdown: 1.25, minBaselineNs: 5_000, failAt: 5 };

export interface Comparison {
  readonly case: string;
  readonly engine: string;
  readonly baselineNs: number;
  readonly currentNs: number;
  /** current / baseline: above 1 is slower. */
  readonly ratio: number;
  readonly judged: boolean;
  readonly regressed: boolean;
}

export interface ComparisonReport {
  readonly rule: RegressionRule;
  readonly comparisons: readonly Comparison[];
  readonly regressions: readonly Comparison[];
  /**
   * (case, engine) pairs of the baseline that this run ran but has no median
   * for (failed verification). Pairs this run did not run (--filter,
   * --engines) are skipped.
   */
  readonly missing: readonly string[];
  readonly failed: boolean;
}

function key(row: MedianRow): string {
  return `${row.case}\u0000${row.engine}`;
}

/** Compares the current medians with the baseline's, pair by (case, engine). */
export function compareToBaseline(
  baseline: readonly MedianRow[],
  current: readonly MedianRow[],
  rule: RegressionRule = DTVM_RULE,
): ComparisonReport {
  const currentByKey = new Map(current.map((row) => [key(row), row]));
  const comparisons: Comparison[] = [];
  const missing: string[] = [];
  for (const base of baseline) {
    if (base.medianNs === null) continue;
    const now = currentByKey.get(key(base));
    if (now === undefined) continue;
    if (now.medianNs === null) {
      missing.push(`${base.case} [${base.engine}]`);
      continue;
    }
    const ratio = now.medianNs / base.medianNs;
    const judged = base.medianNs >= rule.minBaselineNs;
    comparisons.push({
      case: base.case,
      engine: base.engine,
      baselineNs: base.medianNs,
      currentNs: now.medianNs,
      ratio,
      judged,
      regressed: judged && ratio > rule.maxSlowdown,
    });
  }
  const regressions = comparisons.filter((comparison) => comparison.regressed);
  return { rule, comparisons, regressions, missing, failed: regressions.length >= rule.failAt };
}
