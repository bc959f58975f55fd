import type { TxContext } from './context.js';
import type { Log } from './message.js';
import type { Address } from './types.js';

/**
 * The world state an EVM runs against. Every method is synchronous: the hot
 * path never awaits (a user with async state pre-fetches or wraps).
 *
 * Writes and warm-set changes are journaled: `revert(snapshot())` undoes
 * everything done since the snapshot, including storage, balances, nonces,
 * code, created accounts, self-destructs, logs, transient storage and the
 * EIP-2929 access sets. The engines and the frame loop take a snapshot before
 * each frame and revert it when the frame fails.
 */
export interface Host {
  // --- reads
  /** True if the account is in the state, even if it is empty. */
  accountExists(address: Address): boolean;
  /** EIP-161 emptiness: no code, nonce 0, balance 0 (true for a missing account). */
  isEmpty(address: Address): boolean;
  getBalance(address: Address): bigint;
  getNonce(address: Address): bigint;
  /** The account's code; empty for a missing account. The engines do not mutate it. */
  getCode(address: Address): Uint8Array;
  /** keccak-256 of the code of an existing account; 0 for a missing one. */
  getCodeHash(address: Address): bigint;
  /** True if any storage slot of the account is non-zero (EIP-7610 create collision). */
  hasStorage(address: Address): boolean;
  /** Current value of a storage slot (0 if unset). */
  getStorage(address: Address, key: bigint): bigint;
  /** Value of the slot at the start of the transaction (EIP-2200 "original"). */
  getCommittedStorage(address: Address, key: bigint): bigint;
  getTransientStorage(address: Address, key: bigint): bigint;
  /** Hash of a block; the caller has already checked it is one of the 256 before the current. */
  getBlockHash(number: bigint): bigint;
  getTxContext(): TxContext;
  /** True if the account was created in the current transaction (EIP-6780). */
  isCreatedInTx(address: Address): boolean;

  // --- EIP-2929 access sets
  /** Marks the account warm; returns whether it was warm already. */
  accessAccount(address: Address): boolean;
  /** Marks the slot warm; returns whether it was warm already. */
  accessStorage(address: Address, key: bigint): boolean;

  // --- writes
  setStorage(address: Address, key: bigint, value: bigint): void;
  setTransientStorage(address: Address, key: bigint, value: bigint): void;
  /** Sets the balance, creating the account if it is missing. */
  setBalance(address: Address, balance: bigint): void;
  setNonce(address: Address, nonce: bigint): void;
  setCode(address: Address, code: Uint8Array): void;
  /**
   * Makes `address` a fresh contract account: its balance is kept, its storage
   * is cleared, its nonce and code are reset, and it counts as created in this
   * transaction.
   */
  createContract(address: Address): void;
  /**
   * Marks the account as touched (EIP-161): if it is empty at the end of the
   * transaction it is deleted.
   */
  touch(address: Address): void;
  /**
   * Marks the account for deletion at the end of the transaction. Returns
   * true the first time in this transaction (for the pre-London refund).
   * Balance movement is the frame loop's job, not the host's.
   */
  selfDestruct(address: Address): boolean;
  emitLog(log: Log): void;

  // --- journal
  /** An id for the current journal position. */
  snapshot(): number;
  /** Undoes everything since `snapshot` was taken. */
  revert(snapshot: number): void;
}
