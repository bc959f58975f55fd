import type { Address } from './types.js';

/** What the block and the transaction expose to code (ORIGIN, GASPRICE, COINBASE, …). */
export interface TxContext {
  readonly origin: Address;
  /** Effective gas price per unit. */
  readonly gasPrice: bigint;
  readonly coinbase: Address;
  readonly number: bigint;
  readonly timestamp: bigint;
  readonly gasLimit: bigint;
  /** DIFFICULTY before Paris, PREVRANDAO from Paris. */
  readonly prevRandao: bigint;
  readonly chainId: bigint;
  readonly baseFee: bigint;
  /** EIP-4844 versioned hashes of the transaction's blobs. */
  readonly blobHashes: readonly bigint[];
  readonly blobBaseFee: bigint;
}

/** A context with every field zero: what a bare call outside any block sees. */
export function emptyTxContext(overrides: Partial<TxContext> = {}): TxContext {
  return {
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
    ...overrides,
  };
}
