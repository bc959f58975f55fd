// The SSTORE matrix: (original, current, next) for each metering scheme.
// Pre-Constantinople and Petersburg price the current value alone; EIP-1283
// (Constantinople) and EIP-2200 (Istanbul) meter net changes; EIP-2929
// (Berlin) moves the cold cost out and EIP-3529 (London) cuts the clear refund.
import { Revision } from '@tandem-evm/host';
import { describe, expect, it } from 'vitest';
import { hasNetSstoreMetering, SSTORE_SENTRY_GAS, type SstoreCost, sstoreCost } from './index.js';

const R = Revision;

/** [original, current, next] -> expected gas and refund, for a warm slot. */
type Row = [original: bigint, current: bigint, next: bigint, gas: number, refund: number];

function check(revision: Revision, rows: readonly Row[]): void {
  for (const [original, current, next, gas, refund] of rows) {
    const expected: SstoreCost = { gas, refund };
    expect(sstoreCost(revision, original, current, next, false), `${original},${current},${next}`).toEqual(
      expected,
    );
  }
}

describe('sstoreCost', () => {
  it('prices by the current value alone before net metering and in Petersburg', () => {
    const rows: Row[] = [
      [0n, 0n, 1n, 20000, 0],
      [0n, 1n, 2n, 5000, 0],
      [1n, 1n, 0n, 5000, 15000],
      [0n, 0n, 0n, 5000, 0],
      [1n, 1n, 1n, 5000, 0], // no no-op discount
      [1n, 0n, 1n, 20000, 0], // the original does not matter
    ];
    for (const revision of [R.Frontier, R.Byzantium, R.Petersburg]) check(revision, rows);
  });

  it('meters net changes in Constantinople (EIP-1283: 200 for a no-op or dirty slot)', () => {
    check(R.Constantinople, [
      [0n, 0n, 0n, 200, 0],
      [0n, 0n, 1n, 20000, 0],
      [1n, 1n, 2n, 5000, 0],
      [1n, 1n, 0n, 5000, 15000],
      [0n, 1n, 2n, 200, 0],
      [0n, 1n, 0n, 200, 19800], // back to an original zero: refund set minus no-op
      [1n, 2n, 1n, 200, 4800], // back to an original non-zero: refund reset minus no-op
      [1n, 0n, 2n, 200, -15000], // a clear undone
      [1n, 2n, 0n, 200, 15000],
      [1n, 0n, 1n, 200, -15000 + 4800],
    ]);
  });

  it('meters net changes in Istanbul (EIP-2200: the no-op costs an SLOAD, 800)', () => {
    check(R.Istanbul, [
      [0n, 0n, 0n, 800, 0],
      [0n, 0n, 1n, 20000, 0],
      [1n, 1n, 2n, 5000, 0],
      [1n, 1n, 0n, 5000, 15000],
      [0n, 1n, 0n, 800, 19200],
      [1n, 2n, 1n, 800, 4200],
      [1n, 0n, 1n, 800, -15000 + 4200],
    ]);
  });

  it('takes the cold slot cost out of the reset price in Berlin (EIP-2929: 2900, no-op 100)', () => {
    check(R.Berlin, [
      [0n, 0n, 0n, 100, 0],
      [0n, 0n, 1n, 20000, 0],
      [1n, 1n, 2n, 2900, 0],
      [1n, 1n, 0n, 2900, 15000],
      [0n, 1n, 0n, 100, 19900],
      [1n, 2n, 1n, 100, 2800],
      [1n, 0n, 2n, 100, -15000],
    ]);
  });

  it('cuts the clear refund to 4800 from London (EIP-3529)', () => {
    for (const revision of [R.London, R.Cancun, R.Osaka])
      check(revision, [
        [1n, 1n, 0n, 2900, 4800],
        [1n, 0n, 2n, 100, -4800],
        [1n, 2n, 0n, 100, 4800],
        [1n, 0n, 1n, 100, -4800 + 2800],
        [0n, 1n, 0n, 100, 19900],
      ]);
  });

  it('adds 2100 for a cold slot from Berlin, and ignores coldness before it', () => {
    expect(sstoreCost(R.Berlin, 0n, 0n, 1n, true)).toEqual({ gas: 22100, refund: 0 });
    expect(sstoreCost(R.London, 1n, 1n, 2n, true)).toEqual({ gas: 5000, refund: 0 });
    expect(sstoreCost(R.Cancun, 1n, 1n, 1n, true)).toEqual({ gas: 2200, refund: 0 });
    expect(sstoreCost(R.Istanbul, 1n, 1n, 2n, true)).toEqual({ gas: 5000, refund: 0 });
    expect(sstoreCost(R.Byzantium, 0n, 0n, 1n, true)).toEqual({ gas: 20000, refund: 0 });
  });
});

describe('hasNetSstoreMetering', () => {
  it('is on in Constantinople, off again in Petersburg (EIP-1283 withdrawn), on from Istanbul', () => {
    const on = [R.Frontier, R.Byzantium, R.Constantinople, R.Petersburg, R.Istanbul, R.Osaka].map(
      hasNetSstoreMetering,
    );
    expect(on).toEqual([false, false, true, false, true, true]);
  });

  it('keeps the EIP-2200 sentry at the call stipend, 2300', () => {
    expect(SSTORE_SENTRY_GAS).toBe(2300);
  });
});
