import { EMPTY_CODE_HASH, keccak256Word } from '@tandem-evm/primitives';

/** An account as the state trie commits to it: what dumps, diffs and the state root read. */
export interface AccountData {
  readonly nonce: bigint;
  readonly balance: bigint;
  readonly code: Uint8Array;
  /** keccak-256 of `code`. */
  readonly codeHash: bigint;
  /** Non-zero slots only: a zero value is never stored. */
  readonly storage: ReadonlyMap<bigint, bigint>;
}

/** An account to load into a state; missing fields are zero or empty. */
export interface AccountInit {
  readonly nonce?: bigint;
  readonly balance?: bigint;
  readonly code?: Uint8Array;
  /** Slot/value pairs (a `Map` will do); zero values are dropped. */
  readonly storage?: Iterable<readonly [bigint, bigint]>;
}

/** Zero-length code, shared by every account without code. */
export const EMPTY_CODE = new Uint8Array(0);

/**
 * Code hashes by code array: states built from the same accounts (a state
 * test's pre-state, once per case) share the arrays, so each code is hashed
 * once. Weak, so an entry goes with its code.
 */
const CODE_HASHES = new WeakMap<Uint8Array, bigint>();

function hashCode(code: Uint8Array): bigint {
  let hash = CODE_HASHES.get(code);
  if (hash === undefined) {
    hash = keccak256Word(code);
    CODE_HASHES.set(code, hash);
  }
  return hash;
}

/** The mutable account record a `WorldState` keeps. */
export class Account implements AccountData {
  nonce: bigint;
  balance: bigint;
  storage: Map<bigint, bigint>;
  /**
   * Values at the start of the transaction of the slots written during it
   * (EIP-2200 "original"); a slot missing here still holds its original
   * value. Null until the first write of the transaction.
   */
  originalStorage: Map<bigint, bigint> | null = null;
  #code: Uint8Array;
  // Hashed on first use: most loaded accounts never have their code hash read.
  #codeHash: bigint | undefined;

  constructor(nonce: bigint, balance: bigint, code: Uint8Array, storage: Map<bigint, bigint>) {
    this.nonce = nonce;
    this.balance = balance;
    this.storage = storage;
    this.#code = code;
    this.#codeHash = code.length === 0 ? EMPTY_CODE_HASH : undefined;
  }

  static empty(): Account {
    return new Account(0n, 0n, EMPTY_CODE, new Map());
  }

  get code(): Uint8Array {
    return this.#code;
  }

  get codeHash(): bigint {
    if (this.#codeHash === undefined) this.#codeHash = hashCode(this.#code);
    return this.#codeHash;
  }

  /** Replaces the code; `codeHash` is the hash if the caller knows it (a journal undo does). */
  setCode(code: Uint8Array, codeHash?: bigint): void {
    this.#code = code;
    this.#codeHash = code.length === 0 ? EMPTY_CODE_HASH : codeHash;
  }

  /** The code hash if it was computed already, so an undo record can keep it without hashing. */
  get knownCodeHash(): bigint | undefined {
    return this.#codeHash;
  }

  /** EIP-161: no code, nonce 0, balance 0. */
  isEmpty(): boolean {
    return this.nonce === 0n && this.balance === 0n && this.#code.length === 0;
  }
}
