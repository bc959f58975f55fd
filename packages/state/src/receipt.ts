import type { Log } from '@tandem-evm/host';
import {
  addressToBytes,
  bigintToMinimalBytes,
  concatBytes,
  keccak256,
  wordToBytes,
} from '@tandem-evm/primitives';
import { encodeRlp } from './rlp.js';
import type { TransactionType } from './transaction/types.js';
import { orderedTrieRoot } from './trie.js';

/** What a block commits to for each transaction it ran (the receipts trie's values). */
export interface Receipt {
  readonly type: TransactionType;
  /** Byzantium and later (EIP-658): whether the top-level frame succeeded. */
  readonly succeeded: boolean;
  /** Before Byzantium the receipt holds the state root after the transaction instead of a status. */
  readonly postStateRoot?: bigint;
  /** Gas used in the block up to and including this transaction. */
  readonly cumulativeGasUsed: bigint;
  readonly logs: readonly Log[];
  /** 256 bytes: `logsBloom(logs)`. */
  readonly logsBloom: Uint8Array;
}

/** Bytes of a logs bloom (2048 bits). */
export const BLOOM_BYTES = 256;

/** Sets the three bits of `bloom` that `value` selects: the low 11 bits of its hash's first three byte pairs. */
function addToBloom(bloom: Uint8Array, value: Uint8Array): void {
  const hash = keccak256(value);
  for (let i = 0; i < 6; i += 2) {
    const bit = ((hash[i]! << 8) | hash[i + 1]!) & 2047;
    bloom[BLOOM_BYTES - 1 - (bit >> 3)]! |= 1 << (bit & 7);
  }
}

/** The Yellow Paper's bloom filter over the logs' addresses and topics (a block's is that of all its logs). */
export function logsBloom(logs: readonly Log[]): Uint8Array {
  const bloom = new Uint8Array(BLOOM_BYTES);
  for (const log of logs) {
    addToBloom(bloom, addressToBytes(log.address));
    for (const topic of log.topics) addToBloom(bloom, wordToBytes(topic));
  }
  return bloom;
}

/** The receipt of a transaction that ran, given the block's gas used so far (this transaction's included). */
export function createReceipt(
  type: TransactionType,
  succeeded: boolean,
  cumulativeGasUsed: bigint,
  logs: readonly Log[],
  postStateRoot?: bigint,
): Receipt {
  return {
    type,
    succeeded,
    ...(postStateRoot !== undefined ? { postStateRoot } : {}),
    cumulativeGasUsed,
    logs,
    logsBloom: logsBloom(logs),
  };
}

/** `rlp([status or post-state root, cumulativeGasUsed, bloom, logs])`, behind its type byte for a typed transaction (EIP-2718). */
export function encodeReceipt(receipt: Receipt): Uint8Array {
  const outcome =
    receipt.postStateRoot !== undefined
      ? wordToBytes(receipt.postStateRoot)
      : bigintToMinimalBytes(receipt.succeeded ? 1n : 0n);
  const logs = receipt.logs.map((log) => [
    addressToBytes(log.address),
    log.topics.map(wordToBytes),
    log.data,
  ]);
  const payload = encodeRlp([
    outcome,
    bigintToMinimalBytes(receipt.cumulativeGasUsed),
    receipt.logsBloom,
    logs,
  ]);
  return receipt.type === 0 ? payload : concatBytes(Uint8Array.of(receipt.type), payload);
}

/** The header's `receiptsRoot`. */
export function receiptsRoot(receipts: readonly Receipt[]): bigint {
  return orderedTrieRoot(receipts.map(encodeReceipt));
}

/** The header's `transactionsRoot`, over the transactions' encodings (`encodeSignedTransaction`). */
export function transactionsRoot(encodedTransactions: readonly Uint8Array[]): bigint {
  return orderedTrieRoot(encodedTransactions);
}
