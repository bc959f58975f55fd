import { describe, expect, it } from 'vitest';
import { nextBaseFee } from './base-fee.js';

describe('nextBaseFee (EIP-1559)', () => {
  const parent = { baseFee: 1_000_000_000n, gasLimit: 30_000_000n };

  it('stays at the target, and moves by at most 1/8', () => {
    expect(nextBaseFee({ ...parent, gasUsed: 15_000_000n })).toBe(1_000_000_000n);
    expect(nextBaseFee({ ...parent, gasUsed: 30_000_000n })).toBe(1_125_000_000n);
    expect(nextBaseFee({ ...parent, gasUsed: 0n })).toBe(875_000_000n);
  });

  it('rises by at least 1 above the target', () => {
    expect(nextBaseFee({ baseFee: 7n, gasLimit: 30_000_000n, gasUsed: 15_000_001n })).toBe(8n);
  });

  it('falls in proportion below it (go-ethereum t8n testdata 25: 0x500 with nothing used gives 0x460)', () => {
    expect(nextBaseFee({ baseFee: 0x500n, gasLimit: 0x750a163df65e8an, gasUsed: 0n })).toBe(0x460n);
  });
});
