import type { Address, Log } from '@tandem-evm/host';
import {
  addressToBytes,
  bigintToMinimalBytes,
  keccak256,
  keccak256Word,
  wordToBytes,
} from '@tandem-evm/primitives';
import type { AccountData } from './account.js';
import { encodeRlp, encodeRlpBytes, encodeRlpList } from './rlp.js';
import { trieRoot } from './trie.js';

/** keccak-256 of the RLP of an empty list: the logs hash of a transaction without logs. */
export const EMPTY_LOGS_HASH = 0x1dcc4de8dec75d7aab85b567b6ccd41ad312451b948a7413f0a142fd40d49347n;

/** Root of the trie mapping keccak256(slot as 32 bytes) to the RLP of the value's minimal bytes; zeros omitted. */
export function storageRoot(storage: ReadonlyMap<bigint, bigint>): bigint {
  const entries: [Uint8Array, Uint8Array][] = [];
  for (const [key, value] of storage) {
    if (value !== 0n)
      entries.push([keccak256(wordToBytes(key)), encodeRlpBytes(bigintToMinimalBytes(value))]);
  }
  return trieRoot(entries);
}

/**
 * The state root: the trie mapping keccak256(address) to
 * rlp([nonce, balance, storageRoot, codeHash]). Takes a `WorldState` or any
 * address-to-account entries (a `Map` will do).
 */
export function stateRoot(accounts: Iterable<readonly [Address, AccountData]>): bigint {
  const entries: [Uint8Array, Uint8Array][] = [];
  for (const [address, account] of accounts) {
    const encodedAccount = encodeRlpList([
      encodeRlpBytes(bigintToMinimalBytes(account.nonce)),
      encodeRlpBytes(bigintToMinimalBytes(account.balance)),
      encodeRlpBytes(wordToBytes(storageRoot(account.storage))),
      encodeRlpBytes(wordToBytes(account.codeHash)),
    ]);
    entries.push([keccak256(addressToBytes(address)), encodedAccount]);
  }
  return trieRoot(entries);
}

/** keccak256(rlp([[address, [topics...], data], ...])): the logs hash state tests check. */
export function logsHash(logs: readonly Log[]): bigint {
  return keccak256Word(
    encodeRlp(logs.map((log) => [addressToBytes(log.address), log.topics.map(wordToBytes), log.data])),
  );
}
