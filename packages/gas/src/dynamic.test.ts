// Dynamic gas rules, with expected values worked out from the yellow paper
// (memory: 3 per word + words²/512) and the EIPs that changed them.
import { Revision } from '@tandem-evm/host';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ACCOUNT_CREATION_COST,
  allButOne64th,
  CALL_STIPEND,
  CALL_VALUE_COST,
  CODE_DEPOSIT_COST_PER_BYTE,
  COLD_ACCOUNT_ACCESS_COST,
  COLD_SLOAD_COST,
  copyCost,
  expCost,
  initcodeCostPerWord,
  LOG_DATA_COST_PER_BYTE,
  MAX_CODE_SIZE,
  MAX_INITCODE_SIZE,
  memoryCost,
  memoryExpansionCost,
  numWords,
  WARM_STORAGE_READ_COST,
} from './index.js';

describe('memory expansion', () => {
  it('costs 3 per word plus the square of the words over 512', () => {
    expect(memoryCost(0)).toBe(0);
    expect(memoryCost(1)).toBe(3);
    expect(memoryCost(22)).toBe(66); // 22² = 484 < 512: the quadratic part is still 0
    expect(memoryCost(23)).toBe(70); // 23² = 529: 1 from the quadratic part
    expect(memoryCost(32)).toBe(98); // 1 KiB: 96 + 1024/512
    expect(memoryCost(512)).toBe(2048); // 16 KiB: 1536 + 512
  });

  it('stays exact up to a 4 GiB memory (2^27 words), where words² passes 2^53', () => {
    const words = 2 ** 27;
    expect(memoryCost(words)).toBe(3 * words + 2 ** 45);
    fc.assert(
      // Around 94,906,265 words the shortcut for an exact square hands over to the split.
      fc.property(
        fc.oneof(fc.constantFrom(94_906_265, 94_906_266), fc.integer({ min: 0, max: 2 ** 27 })),
        (w) => {
          const exact = 3n * BigInt(w) + (BigInt(w) * BigInt(w)) / 512n;
          expect(BigInt(memoryCost(w))).toBe(exact);
        },
      ),
    );
  });

  it('charges only the growth, and nothing to stay or shrink', () => {
    expect(memoryExpansionCost(0, 1)).toBe(3);
    expect(memoryExpansionCost(1, 2)).toBe(3);
    expect(memoryExpansionCost(22, 23)).toBe(4);
    expect(memoryExpansionCost(5, 5)).toBe(0);
    expect(memoryExpansionCost(6, 2)).toBe(0);
    expect(memoryExpansionCost(0, 32) + memoryExpansionCost(32, 64)).toBe(memoryCost(64));
  });

  it('rounds sizes up to whole words', () => {
    expect([0, 1, 31, 32, 33, 64, 65].map(numWords)).toEqual([0, 1, 1, 1, 2, 2, 3]);
  });
});

describe('copies', () => {
  it('cost 3 per word copied, rounded up', () => {
    expect([0, 1, 32, 33, 96, 1024].map(copyCost)).toEqual([0, 3, 3, 6, 9, 96]);
  });
});

describe('EXP', () => {
  it('costs nothing extra for a zero exponent', () => {
    expect(expCost(0n, Revision.Cancun)).toBe(0);
  });

  it('costs 10 per exponent byte before Spurious Dragon and 50 from it (EIP-160)', () => {
    expect(expCost(1n, Revision.TangerineWhistle)).toBe(10);
    expect(expCost(1n, Revision.SpuriousDragon)).toBe(50);
    expect(expCost(0xffn, Revision.Cancun)).toBe(50);
    expect(expCost(0x100n, Revision.Cancun)).toBe(100);
    expect(expCost(0xffffn, Revision.Homestead)).toBe(20);
    expect(expCost((1n << 256n) - 1n, Revision.Cancun)).toBe(32 * 50);
    expect(expCost(1n << 255n, Revision.Frontier)).toBe(32 * 10);
  });
});

describe('CREATE and init code', () => {
  it('charges CREATE2 hashing at 6 per word, and EIP-3860 metering at 2 per word from Shanghai', () => {
    expect(initcodeCostPerWord(false, Revision.Paris)).toBe(0);
    expect(initcodeCostPerWord(true, Revision.Paris)).toBe(6);
    expect(initcodeCostPerWord(false, Revision.Shanghai)).toBe(2);
    expect(initcodeCostPerWord(true, Revision.Shanghai)).toBe(8);
  });

  it('lets an EVM switch EIP-3860 metering against its revision', () => {
    expect(initcodeCostPerWord(false, Revision.Paris, true)).toBe(2);
    expect(initcodeCostPerWord(true, Revision.Cancun, false)).toBe(6);
  });

  it('limits code to 24 KiB (EIP-170) and init code to twice that (EIP-3860), and deposits at 200 a byte', () => {
    expect(MAX_CODE_SIZE).toBe(24576);
    expect(MAX_INITCODE_SIZE).toBe(2 * MAX_CODE_SIZE);
    expect(CODE_DEPOSIT_COST_PER_BYTE).toBe(200);
  });
});

describe('calls', () => {
  it('forwards at most all but one 64th of the gas left (EIP-150)', () => {
    expect(allButOne64th(0n)).toBe(0n);
    expect(allButOne64th(63n)).toBe(63n);
    expect(allButOne64th(64n)).toBe(63n);
    expect(allButOne64th(6400n)).toBe(6300n);
    expect(allButOne64th(1_000_000n)).toBe(984_375n);
  });

  it('prices a value transfer at 9000 with a 2300 stipend, and a new account at 25000', () => {
    expect([CALL_VALUE_COST, CALL_STIPEND, ACCOUNT_CREATION_COST]).toEqual([9000, 2300, 25000]);
  });

  it('prices EIP-2929 accesses: 2600 cold account, 2100 cold slot, 100 warm', () => {
    expect([COLD_ACCOUNT_ACCESS_COST, COLD_SLOAD_COST, WARM_STORAGE_READ_COST]).toEqual([2600, 2100, 100]);
  });
});

describe('LOG', () => {
  it('charges 8 per data byte on top of the static 375 per topic', () => {
    expect(LOG_DATA_COST_PER_BYTE).toBe(8);
  });
});
