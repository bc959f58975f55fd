// Reads of the call and the block, KECCAK256 and RETURN/REVERT data.
import { emptyTxContext } from '@tandem-evm/host';
import { keccak256Word } from '@tandem-evm/primitives';
import { describe, expect, it } from 'vitest';
import { blobHash, blockHash, callDataLoad, keccakOfMemory, memoryOutput, offsetOf } from './index.js';
import { frame, gasUsed, stubHost } from './test/frame.js';

describe('callDataLoad', () => {
  const input = Uint8Array.from({ length: 33 }, (_, i) => i + 1);
  it('reads 32 bytes big-endian and zero past the end', () => {
    const context = frame({ message: { input } });
    expect(callDataLoad(context, 0n) >> 248n).toBe(1n);
    expect(callDataLoad(context, 1n) & 0xffn).toBe(33n);
    expect(callDataLoad(context, 2n)).toBe(
      BigInt(`0x${[...input.subarray(2)].map((b) => b.toString(16).padStart(2, '0')).join('')}00`),
    );
    expect(callDataLoad(context, 32n)).toBe(33n << 248n);
    expect(callDataLoad(context, 33n)).toBe(0n);
    expect(callDataLoad(context, 1n << 255n)).toBe(0n);
  });
});

describe('blockHash', () => {
  const host = stubHost({
    getTxContext: () => emptyTxContext({ number: 1000n }),
    getBlockHash: (number) => 0xb0000n + number,
  });

  it('answers for the 256 blocks before the current one', () => {
    const context = frame({ host });
    expect(blockHash(context, 999n)).toBe(0xb0000n + 999n);
    expect(blockHash(context, 744n)).toBe(0xb0000n + 744n);
  });

  it('gives 0 for the current block, later ones and those older than 256, without asking the host', () => {
    const context = frame({ host: stubHost({ getTxContext: () => emptyTxContext({ number: 1000n }) }) });
    for (const number of [1000n, 1001n, 743n, 0n, 1n << 255n]) expect(blockHash(context, number)).toBe(0n);
  });
});

describe('blobHash (EIP-4844)', () => {
  it('reads the versioned hash at an index, 0 past the end', () => {
    const context = frame({
      host: stubHost({ getTxContext: () => emptyTxContext({ blobHashes: [11n, 22n] }) }),
    });
    expect([0n, 1n, 2n, 1n << 64n].map((index) => blobHash(context, index))).toEqual([11n, 22n, 0n, 0n]);
  });
});

describe('keccakOfMemory', () => {
  it('hashes the region and charges memory plus 6 per word', () => {
    const context = frame();
    expect(keccakOfMemory(context, 0n, 33n)).toBe(keccak256Word(new Uint8Array(33)));
    expect(gasUsed(context)).toBe(6n + 12n);
  });

  it('hashes the empty string for a zero size at any offset', () => {
    const context = frame();
    expect(keccakOfMemory(context, 1n << 200n, 0n)).toBe(keccak256Word(new Uint8Array(0)));
    expect(gasUsed(context)).toBe(0n);
  });

  it('gives -1n when out of gas', () => {
    expect(keccakOfMemory(frame({ gas: 8n }), 0n, 32n)).toBe(-1n);
  });
});

describe('memoryOutput', () => {
  it('copies the region, so later writes to memory do not change the output', () => {
    const context = frame();
    const output = memoryOutput(context, 0n, 2n)!;
    context.memory.writable(0, 1)[0] = 1;
    expect([...output]).toEqual([0, 0]);
    expect(gasUsed(context)).toBe(3n);
  });

  it('is empty for a zero size and undefined when the expansion is out of gas', () => {
    expect(memoryOutput(frame(), 1n << 100n, 0n)).toHaveLength(0);
    expect(memoryOutput(frame({ gas: 2n }), 0n, 1n)).toBeUndefined();
  });
});

describe('offsetOf', () => {
  it('passes offsets up to 2^32-1 and marks larger ones -1', () => {
    expect([0n, 0xffffffffn, 0x100000000n, 1n << 255n].map(offsetOf)).toEqual([0, 0xffffffff, -1, -1]);
  });
});
