// Gas charging and memory growth: what every instruction that touches memory goes through.
import { MAX_NUMBER_GAS } from '@tandem-evm/frame';
import { describe, expect, it } from 'vitest';
import {
  chargeGas,
  chargeMemory,
  chargeMemoryEnd,
  copyToMemory,
  tryChargeGas,
  tryExpandMemory,
} from './index.js';
import { frame, gasUsed } from './test/frame.js';

describe('chargeMemory', () => {
  it('grows memory to whole words and charges 3 per word plus words²/512', () => {
    const context = frame();
    expect(chargeMemory(context, 0n, 1n)).toBe(true);
    expect(context.memory.size).toBe(32);
    expect(gasUsed(context)).toBe(3n);
    expect(chargeMemory(context, 32n, 1024n - 32n)).toBe(true); // to 32 words: 98 in all
    expect(context.memory.size).toBe(1024);
    expect(gasUsed(context)).toBe(98n);
  });

  it('charges nothing for a region memory already covers', () => {
    const context = frame();
    chargeMemory(context, 0n, 64n);
    const used = gasUsed(context);
    expect(chargeMemory(context, 10n, 54n)).toBe(true);
    expect(chargeMemoryEnd(context, 64)).toBe(true);
    expect(gasUsed(context)).toBe(used);
  });

  it('touches nothing for a zero size, whatever the offset', () => {
    const context = frame();
    expect(chargeMemory(context, (1n << 256n) - 1n, 0n)).toBe(true);
    expect(context.memory.size).toBe(0);
    expect(gasUsed(context)).toBe(0n);
  });

  it('is out of gas for a region past 4 GiB, which no gas pays for', () => {
    expect(chargeMemory(frame(), 1n << 32n, 1n)).toBe(false);
    expect(chargeMemory(frame(), 0n, 1n << 32n)).toBe(false);
    expect(chargeMemory(frame(), 0xffffffffn, 1n)).toBe(false);
  });

  it('is out of gas when the expansion costs more than the gas left', () => {
    const context = frame({ gas: 5n });
    expect(chargeMemory(context, 0n, 32n)).toBe(true); // 3
    expect(chargeMemory(context, 32n, 32n)).toBe(false); // 3 more, 2 left
  });
});

describe('chargeGas', () => {
  it('charges down to exactly zero and fails one past it', () => {
    const context = frame({ gas: 10n });
    expect(chargeGas(context, 10)).toBe(true);
    expect(context.gasLeft).toBe(0n);
    expect(chargeGas(frame({ gas: 10n }), 11)).toBe(false);
  });

  it('draws on the reserve of a frame given more than 2^53-1 gas, staying exact', () => {
    const gas = (1n << 60n) + 7n;
    const context = frame({ gas });
    expect(chargeGas(context, MAX_NUMBER_GAS)).toBe(true);
    expect(chargeGas(context, 3)).toBe(true);
    expect(context.gasLeft).toBe(gas - BigInt(MAX_NUMBER_GAS) - 3n);
  });
});

describe('tryChargeGas and tryExpandMemory', () => {
  it('charge when the frame can pay', () => {
    const context = frame({ gas: 100n });
    expect(tryChargeGas(context, 40)).toBe(true);
    expect(tryExpandMemory(context, 32)).toBe(true);
    expect(context.gasLeft).toBe(57n);
  });

  it('change nothing when the frame cannot pay', () => {
    const context = frame({ gas: 5n });
    expect(tryChargeGas(context, 6)).toBe(false);
    expect(tryExpandMemory(context, 64)).toBe(false); // 6 gas
    expect(tryExpandMemory(context, 0x1_0000_0000)).toBe(false);
    expect(context.gasLeft).toBe(5n);
    expect(context.memory.size).toBe(0);
  });
});

describe('copyToMemory', () => {
  it('copies the bytes there are and zero-fills the rest', () => {
    const context = frame();
    chargeMemory(context, 0n, 32n);
    context.memory.writable(0, 32).fill(0xee);
    copyToMemory(context, 1, Uint8Array.of(1, 2, 3), 1n, 4);
    expect([...context.memory.readable(0, 6)]).toEqual([0xee, 2, 3, 0, 0, 0xee]);
  });

  it('writes only zeros when the source offset is past the source', () => {
    const context = frame();
    chargeMemory(context, 0n, 32n);
    context.memory.writable(0, 32).fill(0xee);
    copyToMemory(context, 0, Uint8Array.of(1, 2), 1n << 200n, 3);
    expect([...context.memory.readable(0, 4)]).toEqual([0, 0, 0, 0xee]);
  });
});
