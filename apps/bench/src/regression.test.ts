import { describe, expect, it } from 'vitest';
import { compareToBaseline, DTVM_RULE, type MedianRow } from './regression.js';
import { comparisonText } from './report/table.js';

const US = 1_000;

function rows(medians: Record<string, number | null>, engine = 'interpreter'): MedianRow[] {
  return Object.entries(medians).map(([name, medianNs]) => ({ case: name, engine, medianNs }));
}

/** `count` cases of 100 µs in the baseline, the first `slower` of them `factor` times slower now. */
function scenario(count: number, slower: number, factor: number) {
  const baseline: Record<string, number> = {};
  const current: Record<string, number> = {};
  for (let i = 0; i < count; i++) {
    baseline[`case/${i}`] = 100 * US;
    current[`case/${i}`] = i < slower ? 100 * US * factor : 100 * US;
  }
  return compareToBaseline(rows(baseline), rows(current));
}

describe('the DTVM regression rule', () => {
  it('has the thresholds DTVM uses', () => {
    expect(DTVM_RULE).toEqual({ maxSlowdown: 1.25, minBaselineNs: 5_000, failAt: 5 });
  });

  it('passes with 4 regressions and fails with 5', () => {
    const four = scenario(20, 4, 1.5);
    expect(four.regressions).toHaveLength(4);
    expect(four.failed).toBe(false);
    const five = scenario(20, 5, 1.5);
    expect(five.regressions).toHaveLength(5);
    expect(five.failed).toBe(true);
  });

  it('counts a case only when it is more than 25 % slower', () => {
    const report = compareToBaseline(
      rows({ exactly: 10 * US, over: 10 * US, faster: 10 * US }),
      rows({ exactly: 12.5 * US, over: 12.6 * US, faster: 2 * US }),
    );
    expect(report.comparisons.map((c) => [c.case, c.regressed])).toEqual([
      ['exactly', false],
      ['over', true],
      ['faster', false],
    ]);
  });

  it('does not judge cases whose baseline is under 5 µs', () => {
    const report = compareToBaseline(
      rows({ tiny: 4.9 * US, edge: 5 * US }),
      rows({ tiny: 49 * US, edge: 50 * US }),
    );
    const byCase = Object.fromEntries(report.comparisons.map((c) => [c.case, c]));
    expect(byCase.tiny).toMatchObject({ judged: false, regressed: false, ratio: 10 });
    expect(byCase.edge).toMatchObject({ judged: true, regressed: true });
  });

  it('matches cases by name and engine', () => {
    const baseline = [...rows({ a: 10 * US }, 'interpreter'), ...rows({ a: 1000 * US }, 'ethereumjs')];
    const current = [...rows({ a: 10 * US }, 'interpreter'), ...rows({ a: 10 * US }, 'ethereumjs')];
    const report = compareToBaseline(baseline, current);
    expect(report.regressions).toHaveLength(0);
    expect(report.comparisons.find((c) => c.engine === 'ethereumjs')!.ratio).toBeCloseTo(0.01);
  });

  it('lists cases this run ran but could not measure, and skips cases it did not run', () => {
    const report = compareToBaseline(
      rows({ kept: 10 * US, failedNow: 10 * US, notRun: 10 * US, failedBefore: null }),
      rows({ kept: 10 * US, failedNow: null, failedBefore: 10 * US }),
    );
    expect(report.missing).toEqual(['failedNow [interpreter]']);
    expect(report.comparisons.map((comparison) => comparison.case)).toEqual(['kept']);
  });

  it('prints beside each regression the peer engine’s own change on that case', () => {
    const baseline = [
      ...rows({ a: 10 * US, b: 10 * US }),
      ...rows({ a: 100 * US, b: 100 * US }, 'ethereumjs'),
    ];
    const current = [
      ...rows({ a: 15 * US, b: 20 * US }),
      ...rows({ a: 150 * US, b: 100 * US }, 'ethereumjs'),
    ];
    const text = comparisonText(compareToBaseline(baseline, current), 'base.json', 'ethereumjs');
    expect(text).toContain(
      'REGRESSED a [interpreter]: 10.0 µs -> 15.0 µs (1.50× the baseline); ethereumjs on this case: 1.50× its baseline',
    );
    expect(text).toContain(
      'REGRESSED b [interpreter]: 10.0 µs -> 20.0 µs (2.00× the baseline); ethereumjs on this case: 1.00× its baseline',
    );
    expect(text).toContain('REGRESSED a [ethereumjs]: 100 µs -> 150 µs (1.50× the baseline)\n');
    expect(text).toContain('regression check passed');
  });

  it('takes another rule', () => {
    const report = compareToBaseline(rows({ a: 10 * US }), rows({ a: 11 * US }), {
      maxSlowdown: 1.05,
      minBaselineNs: 0,
      failAt: 1,
    });
    expect(report.failed).toBe(true);
  });
});
