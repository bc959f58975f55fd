// CALLDATACOPY/CODECOPY/EXTCODECOPY, RETURNDATACOPY and MCOPY: memory, then 3 gas per word.
import { describe, expect, it } from 'vitest';
import { copyIntoMemory, mcopy, returnDataCopy } from './index.js';
import { frame, gasUsed } from './test/frame.js';

const SOURCE = Uint8Array.from({ length: 40 }, (_, i) => i + 1);

describe('copyIntoMemory', () => {
  it('charges memory plus 3 per word and zero-fills past the source', () => {
    const context = frame();
    expect(copyIntoMemory(context, SOURCE, 0n, 30n, 33n)).toBeUndefined();
    expect(gasUsed(context)).toBe(6n + 6n); // two words of memory, two words copied
    expect([...context.memory.readable(0, 12)]).toEqual([31, 32, 33, 34, 35, 36, 37, 38, 39, 40, 0, 0]);
  });

  it('copies nothing and charges nothing for a zero size', () => {
    const context = frame();
    expect(copyIntoMemory(context, SOURCE, 1n << 100n, 0n, 0n)).toBeUndefined();
    expect(gasUsed(context)).toBe(0n);
  });

  it('is out of gas for the copy cost after the memory is paid', () => {
    expect(copyIntoMemory(frame({ gas: 3n }), SOURCE, 0n, 0n, 32n)).toBe('out-of-gas');
    expect(copyIntoMemory(frame({ gas: 6n }), SOURCE, 0n, 0n, 32n)).toBeUndefined();
  });
});

describe('returnDataCopy', () => {
  it('copies the last child’s output', () => {
    const context = frame();
    context.returnData = Uint8Array.of(9, 8, 7);
    expect(returnDataCopy(context, 0n, 1n, 2n)).toBeUndefined();
    expect([...context.memory.readable(0, 3)]).toEqual([8, 7, 0]);
  });

  it('halts reading past the end of the return data (EIP-211), even by one byte or with zero size', () => {
    const context = frame();
    context.returnData = Uint8Array.of(9, 8, 7);
    expect(returnDataCopy(context, 0n, 1n, 3n)).toBe('invalid-memory-access');
    expect(returnDataCopy(frame(), 0n, 1n, 0n)).toBe('invalid-memory-access');
    expect(returnDataCopy(frame(), 0n, 0n, 0n)).toBeUndefined();
  });
});

describe('mcopy (EIP-5656)', () => {
  it('moves overlapping regions like memmove, both directions', () => {
    const context = frame();
    expect(mcopy(context, 0n, 0n, 32n)).toBeUndefined();
    context.memory.writable(0, 5).set([1, 2, 3, 4, 5]);
    expect(mcopy(context, 1n, 0n, 4n)).toBeUndefined();
    expect([...context.memory.readable(0, 5)]).toEqual([1, 1, 2, 3, 4]);
    expect(mcopy(context, 0n, 1n, 4n)).toBeUndefined();
    expect([...context.memory.readable(0, 5)]).toEqual([1, 2, 3, 4, 4]);
  });

  it('expands memory to cover the higher of source and destination', () => {
    const context = frame();
    expect(mcopy(context, 0n, 64n, 32n)).toBeUndefined();
    expect(context.memory.size).toBe(96);
    expect(gasUsed(context)).toBe(9n + 3n); // three words of memory, one word copied
  });

  it('touches no memory for a zero size at any offset', () => {
    const context = frame();
    expect(mcopy(context, 1n << 255n, 1n << 255n, 0n)).toBeUndefined();
    expect(context.memory.size).toBe(0);
    expect(gasUsed(context)).toBe(0n);
  });
});
