import { type Address, Revision } from '@tandem-evm/host';
import { addressToBytes, bigintToMinimalBytes, keccak256Word, wordToBytes } from '@tandem-evm/primitives';
import { EMPTY_LOGS_HASH, EMPTY_TRIE_ROOT, encodeRlp, requestsHash } from '@tandem-evm/state';

/** keccak-256 of the RLP of an empty list: the ommers hash of every post-merge block (and the empty logs hash). */
export const EMPTY_OMMERS_HASH = EMPTY_LOGS_HASH;

/** What a mined block's header holds; the fields a revision does not have are left out of its hash. */
export interface BlockHeader {
  readonly parentHash: bigint;
  readonly coinbase: Address;
  readonly stateRoot: bigint;
  readonly transactionsRoot: bigint;
  readonly receiptsRoot: bigint;
  readonly logsBloom: Uint8Array;
  readonly number: bigint;
  readonly gasLimit: bigint;
  readonly gasUsed: bigint;
  readonly timestamp: bigint;
  /** PREVRANDAO (the mix hash field). */
  readonly prevRandao: bigint;
  readonly baseFee: bigint;
}

const int = bigintToMinimalBytes;

/**
 * keccak-256 of the header's RLP, with the fields of `revision`: the base fee
 * from London, the withdrawals root from Shanghai, blob gas and the parent
 * beacon root (zero: a dev chain has no beacon chain) from Cancun, the
 * requests hash from Prague. Difficulty and the PoW nonce are zero.
 */
export function blockHash(header: BlockHeader, revision: Revision): bigint {
  const fields = [
    wordToBytes(header.parentHash),
    wordToBytes(EMPTY_OMMERS_HASH),
    addressToBytes(header.coinbase),
    wordToBytes(header.stateRoot),
    wordToBytes(header.transactionsRoot),
    wordToBytes(header.receiptsRoot),
    header.logsBloom,
    int(0n),
    int(header.number),
    int(header.gasLimit),
    int(header.gasUsed),
    int(header.timestamp),
    new Uint8Array(0),
    wordToBytes(header.prevRandao),
    new Uint8Array(8),
  ];
  if (revision >= Revision.London) fields.push(int(header.baseFee));
  if (revision >= Revision.Shanghai) fields.push(wordToBytes(EMPTY_TRIE_ROOT));
  if (revision >= Revision.Cancun) fields.push(int(0n), int(0n), wordToBytes(0n));
  if (revision >= Revision.Prague) fields.push(wordToBytes(requestsHash([])));
  return keccak256Word(encodeRlp(fields));
}
