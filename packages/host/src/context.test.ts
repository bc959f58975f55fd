// The context a bare call sees outside any block.
import { describe, expect, it } from 'vitest';
import { emptyTxContext } from './index.js';

describe('emptyTxContext', () => {
  it('is all zero except chain id 1 (mainnet), with no blob hashes', () => {
    expect(emptyTxContext()).toEqual({
      origin: 0n,
      gasPrice: 0n,
      coinbase: 0n,
      number: 0n,
      timestamp: 0n,
      gasLimit: 0n,
      prevRandao: 0n,
      chainId: 1n,
      baseFee: 0n,
      blobHashes: [],
      blobBaseFee: 0n,
    });
  });

  it('takes overrides field by field and leaves the rest', () => {
    const context = emptyTxContext({ number: 100n, chainId: 5n, blobHashes: [1n] });
    expect(context.number).toBe(100n);
    expect(context.chainId).toBe(5n);
    expect(context.blobHashes).toEqual([1n]);
    expect(context.timestamp).toBe(0n);
  });

  it('gives each call its own blob hash list', () => {
    expect(emptyTxContext().blobHashes).not.toBe(emptyTxContext().blobHashes);
  });
});
