import { type Address, emptyTxContext, type Host, type Log, type TxContext } from '@tandem-evm/host';
import { ADDRESS_MASK, keccak256Word, MAX_WORD } from '@tandem-evm/primitives';
import { Account, type AccountData, type AccountInit, EMPTY_CODE } from './account.js';

export interface WorldStateOptions {
  /** BLOCKHASH source; defaults to `stateTestBlockHash`. */
  readonly blockHashes?: (number: bigint) => bigint;
}

export interface FinalizeOptions {
  /** Delete touched accounts that are empty (EIP-161, Spurious Dragon and later). */
  readonly deleteEmptyTouched: boolean;
}

/**
 * The block hash state tests assume for every block: keccak-256 of the block
 * number written in decimal (the geth and evmone convention).
 */
export function stateTestBlockHash(number: bigint): bigint {
  const digits = number.toString(10);
  const bytes = new Uint8Array(digits.length);
  for (let i = 0; i < digits.length; i++) bytes[i] = digits.charCodeAt(i);
  return keccak256Word(bytes);
}

/** One undo step. Records hold the objects they change, so undoing needs no lookups. */
type UndoRecord =
  | { readonly kind: 'account-created'; readonly address: Address }
  | { readonly kind: 'balance'; readonly account: Account; readonly previous: bigint }
  | { readonly kind: 'nonce'; readonly account: Account; readonly previous: bigint }
  | {
      readonly kind: 'code';
      readonly account: Account;
      readonly previousCode: Uint8Array;
      readonly previousCodeHash: bigint | undefined;
    }
  | { readonly kind: 'storage'; readonly account: Account; readonly key: bigint; readonly previous: bigint }
  | {
      readonly kind: 'storage-cleared';
      readonly account: Account;
      readonly previousStorage: Map<bigint, bigint>;
    }
  | {
      readonly kind: 'transient';
      readonly slots: Map<bigint, bigint>;
      readonly key: bigint;
      readonly previous: bigint;
    }
  | { readonly kind: 'warm-account'; readonly address: Address }
  | { readonly kind: 'warm-slot'; readonly slots: Set<bigint>; readonly key: bigint }
  | { readonly kind: 'created-in-tx'; readonly address: Address }
  | { readonly kind: 'self-destructed'; readonly address: Address }
  | { readonly kind: 'touched'; readonly address: Address }
  | { readonly kind: 'log' };

const MAX_NONCE = (1n << 64n) - 1n;
/** The precompile whose touch is never reverted (the RIPEMD-160 quirk). */
const RIPEMD160_ADDRESS = 0x03n;

function checkRange(value: bigint, max: bigint, field: string): void {
  if (typeof value !== 'bigint') throw new TypeError(`${field} must be a bigint, got ${typeof value}`);
  if (value < 0n || value > max) throw new RangeError(`${field} is out of range: ${value}`);
}

/**
 * An in-memory world state with a journal: the `Host` the EVM runs against.
 *
 * Every change made through the `Host` methods is journaled, so
 * `revert(snapshot())` undoes it. A transaction runs between
 * `beginTransaction` and `finalizeTransaction`; the loading methods
 * (`setAccount`, `fromAccounts`) are for building a state between
 * transactions and are not journaled.
 */
export class WorldState implements Host {
  /** BLOCKHASH source (see `WorldStateOptions.blockHashes`). */
  blockHashes: (number: bigint) => bigint;

  readonly #accounts = new Map<Address, Account>();
  readonly #journal: UndoRecord[] = [];
  #txContext: TxContext = emptyTxContext();
  #logs: Log[] = [];
  readonly #transientStorage = new Map<Address, Map<bigint, bigint>>();
  readonly #warmAccounts = new Set<Address>();
  readonly #warmSlots = new Map<Address, Set<bigint>>();
  readonly #createdInTx = new Set<Address>();
  readonly #selfDestructed = new Set<Address>();
  readonly #touched = new Set<Address>();
  /** Accounts with a non-null `originalStorage`, to reset when the transaction ends. */
  #accountsWithOriginals: Account[] = [];

  constructor(options: WorldStateOptions = {}) {
    this.blockHashes = options.blockHashes ?? stateTestBlockHash;
  }

  /** A state holding `accounts` (a `Map` of address to account will do). */
  static fromAccounts(
    accounts: Iterable<readonly [Address, AccountInit]>,
    options: WorldStateOptions = {},
  ): WorldState {
    const state = new WorldState(options);
    for (const [address, account] of accounts) state.setAccount(address, account);
    return state;
  }

  // --- loading and dumping

  /**
   * Puts an account in the state, replacing any account at `address`. Zero
   * storage values are dropped; `code` is kept, not copied. Not journaled.
   * @throws TypeError / RangeError naming the field for values out of range.
   */
  setAccount(address: Address, init: AccountInit): void {
    checkRange(address, ADDRESS_MASK, 'address');
    const nonce = init.nonce ?? 0n;
    const balance = init.balance ?? 0n;
    checkRange(nonce, MAX_NONCE, 'nonce');
    checkRange(balance, MAX_WORD, 'balance');
    const storage = new Map<bigint, bigint>();
    for (const [key, value] of init.storage ?? []) {
      checkRange(key, MAX_WORD, 'storage key');
      checkRange(value, MAX_WORD, 'storage value');
      if (value !== 0n) storage.set(key, value);
    }
    this.#accounts.set(address, new Account(nonce, balance, init.code ?? EMPTY_CODE, storage));
  }

  getAccount(address: Address): AccountData | undefined {
    return this.#accounts.get(address);
  }

  /** Every account, keyed by address (a live view: do not hold it across changes you do not expect). */
  get accounts(): ReadonlyMap<Address, AccountData> {
    return this.#accounts;
  }

  [Symbol.iterator](): MapIterator<[Address, AccountData]> {
    return this.#accounts.entries();
  }

  /** True if the account has a non-zero storage slot (part of the EIP-7610 creation collision check). */
  hasStorage(address: Address): boolean {
    const account = this.#accounts.get(address);
    return account !== undefined && account.storage.size > 0;
  }

  // --- transaction lifecycle

  /**
   * Starts a transaction: sets the context, makes the current storage the
   * committed storage, and clears the journal, the access sets, transient
   * storage, logs and the created / self-destructed / touched marks.
   */
  beginTransaction(context: TxContext): void {
    this.#txContext = context;
    this.#logs = [];
    this.#endTransactionScope();
  }

  /**
   * Ends a transaction: deletes self-destructed accounts and, if asked, touched
   * accounts that are empty, then makes the current storage the committed
   * storage. Snapshots taken during the transaction are no longer valid; the
   * logs stay readable until the next `beginTransaction`.
   */
  finalizeTransaction(options: FinalizeOptions): void {
    for (const address of this.#selfDestructed) this.#accounts.delete(address);
    if (options.deleteEmptyTouched) {
      for (const address of this.#touched) {
        if (this.#accounts.get(address)?.isEmpty()) this.#accounts.delete(address);
      }
    }
    this.#endTransactionScope();
  }

  /** The logs of the current (or just finalized) transaction, in order. */
  get logs(): readonly Log[] {
    return this.#logs;
  }

  // Emptying an empty collection is skipped: V8 allocates a new table on every
  // clear() and array length write, and a transaction often leaves most of these empty.
  #endTransactionScope(): void {
    if (this.#journal.length > 0) this.#journal.length = 0;
    if (this.#accountsWithOriginals.length > 0) {
      for (const account of this.#accountsWithOriginals) account.originalStorage = null;
      this.#accountsWithOriginals.length = 0;
    }
    if (this.#transientStorage.size > 0) this.#transientStorage.clear();
    if (this.#warmAccounts.size > 0) this.#warmAccounts.clear();
    if (this.#warmSlots.size > 0) this.#warmSlots.clear();
    if (this.#createdInTx.size > 0) this.#createdInTx.clear();
    if (this.#selfDestructed.size > 0) this.#selfDestructed.clear();
    if (this.#touched.size > 0) this.#touched.clear();
  }

  // --- Host: reads

  accountExists(address: Address): boolean {
    return this.#accounts.has(address);
  }

  isEmpty(address: Address): boolean {
    const account = this.#accounts.get(address);
    return account === undefined || account.isEmpty();
  }

  getBalance(address: Address): bigint {
    return this.#accounts.get(address)?.balance ?? 0n;
  }

  getNonce(address: Address): bigint {
    return this.#accounts.get(address)?.nonce ?? 0n;
  }

  getCode(address: Address): Uint8Array {
    return this.#accounts.get(address)?.code ?? EMPTY_CODE;
  }

  getCodeHash(address: Address): bigint {
    return this.#accounts.get(address)?.codeHash ?? 0n;
  }

  getStorage(address: Address, key: bigint): bigint {
    return this.#accounts.get(address)?.storage.get(key) ?? 0n;
  }

  getCommittedStorage(address: Address, key: bigint): bigint {
    const account = this.#accounts.get(address);
    if (account === undefined) return 0n;
    const original = account.originalStorage?.get(key);
    return original ?? account.storage.get(key) ?? 0n;
  }

  getTransientStorage(address: Address, key: bigint): bigint {
    return this.#transientStorage.get(address)?.get(key) ?? 0n;
  }

  getBlockHash(number: bigint): bigint {
    return this.blockHashes(number);
  }

  getTxContext(): TxContext {
    return this.#txContext;
  }

  isCreatedInTx(address: Address): boolean {
    return this.#createdInTx.has(address);
  }

  // --- Host: EIP-2929 access sets

  accessAccount(address: Address): boolean {
    if (this.#warmAccounts.has(address)) return true;
    this.#warmAccounts.add(address);
    this.#journal.push({ kind: 'warm-account', address });
    return false;
  }

  accessStorage(address: Address, key: bigint): boolean {
    let slots = this.#warmSlots.get(address);
    if (slots === undefined) {
      slots = new Set();
      this.#warmSlots.set(address, slots);
    } else if (slots.has(key)) {
      return true;
    }
    slots.add(key);
    this.#journal.push({ kind: 'warm-slot', slots, key });
    return false;
  }

  // --- Host: writes

  setStorage(address: Address, key: bigint, value: bigint): void {
    const account = this.#accountForWrite(address);
    const previous = account.storage.get(key) ?? 0n;
    if (previous === value) return;
    this.#recordOriginal(account, key, previous);
    this.#journal.push({ kind: 'storage', account, key, previous });
    if (value === 0n) account.storage.delete(key);
    else account.storage.set(key, value);
  }

  setTransientStorage(address: Address, key: bigint, value: bigint): void {
    let slots = this.#transientStorage.get(address);
    if (slots === undefined) {
      slots = new Map();
      this.#transientStorage.set(address, slots);
    }
    const previous = slots.get(key) ?? 0n;
    if (previous === value) return;
    this.#journal.push({ kind: 'transient', slots, key, previous });
    if (value === 0n) slots.delete(key);
    else slots.set(key, value);
  }

  /** Any balance write touches the account (EIP-161), even one that changes nothing. */
  setBalance(address: Address, balance: bigint): void {
    this.touch(address);
    const account = this.#accountForWrite(address);
    if (account.balance === balance) return;
    this.#journal.push({ kind: 'balance', account, previous: account.balance });
    account.balance = balance;
  }

  setNonce(address: Address, nonce: bigint): void {
    const account = this.#accountForWrite(address);
    if (account.nonce === nonce) return;
    this.#journal.push({ kind: 'nonce', account, previous: account.nonce });
    account.nonce = nonce;
  }

  setCode(address: Address, code: Uint8Array): void {
    const account = this.#accountForWrite(address);
    this.#journal.push({
      kind: 'code',
      account,
      previousCode: account.code,
      previousCodeHash: account.knownCodeHash,
    });
    account.setCode(code);
  }

  createContract(address: Address): void {
    const account = this.#accountForWrite(address);
    if (account.storage.size > 0) {
      for (const [key, value] of account.storage) this.#recordOriginal(account, key, value);
      this.#journal.push({ kind: 'storage-cleared', account, previousStorage: account.storage });
      account.storage = new Map();
    }
    this.setNonce(address, 0n);
    if (account.code.length > 0) this.setCode(address, EMPTY_CODE);
    if (!this.#createdInTx.has(address)) {
      this.#createdInTx.add(address);
      this.#journal.push({ kind: 'created-in-tx', address });
    }
  }

  /**
   * Creates the account if it is missing (a pre-EIP-161 CALL creates its
   * target) and marks it touched, so that from Spurious Dragon an empty one is
   * deleted when the transaction ends. A revert undoes the mark, except on
   * 0x03 (RIPEMD-160), whose touch is never undone (see `revert`).
   *
   * An account with a nonce or code is not marked: it cannot be empty when
   * the transaction ends (a nonce only grows, and code goes only with its
   * account or, under EIP-7702, from an account whose nonce has grown), unless
   * a revert takes it back to before the nonce or code, which also undoes
   * the touch. Calls to contracts then journal nothing for their touch.
   */
  touch(address: Address): void {
    const account = this.#accountForWrite(address);
    if (account.nonce !== 0n || account.code.length !== 0) return;
    if (this.#touched.has(address)) return;
    this.#touched.add(address);
    this.#journal.push({ kind: 'touched', address });
  }

  selfDestruct(address: Address): boolean {
    if (this.#selfDestructed.has(address)) return false;
    this.#selfDestructed.add(address);
    this.#journal.push({ kind: 'self-destructed', address });
    return true;
  }

  /** Keeps `log` as given: the caller must not mutate its data afterwards. */
  emitLog(log: Log): void {
    this.#logs.push(log);
    this.#journal.push({ kind: 'log' });
  }

  // --- Host: journal

  snapshot(): number {
    return this.#journal.length;
  }

  /**
   * Undoes everything since `snapshot`. One exception, as in geth, evmone and
   * the execution specs: a touch of 0x03 (RIPEMD-160) stays, so an empty 0x03
   * touched by a failed call is still deleted at the end of the transaction
   * (the consensus quirk of mainnet block 2,675,119).
   */
  revert(snapshot: number): void {
    const journal = this.#journal;
    if (!Number.isInteger(snapshot) || snapshot < 0 || snapshot > journal.length) {
      throw new RangeError(
        `snapshot: ${snapshot} is not a position in the journal (length ${journal.length})`,
      );
    }
    for (let i = journal.length - 1; i >= snapshot; i--) this.#undo(journal[i]!);
    journal.length = snapshot;
  }

  #undo(record: UndoRecord): void {
    switch (record.kind) {
      case 'account-created':
        this.#accounts.delete(record.address);
        return;
      case 'balance':
        record.account.balance = record.previous;
        return;
      case 'nonce':
        record.account.nonce = record.previous;
        return;
      case 'code':
        record.account.setCode(record.previousCode, record.previousCodeHash);
        return;
      case 'storage':
        if (record.previous === 0n) record.account.storage.delete(record.key);
        else record.account.storage.set(record.key, record.previous);
        return;
      case 'storage-cleared':
        record.account.storage = record.previousStorage;
        return;
      case 'transient':
        if (record.previous === 0n) record.slots.delete(record.key);
        else record.slots.set(record.key, record.previous);
        return;
      case 'warm-account':
        this.#warmAccounts.delete(record.address);
        return;
      case 'warm-slot':
        record.slots.delete(record.key);
        return;
      case 'created-in-tx':
        this.#createdInTx.delete(record.address);
        return;
      case 'self-destructed':
        this.#selfDestructed.delete(record.address);
        return;
      case 'touched':
        // The touch of 0x03 (RIPEMD-160) survives a revert: a consensus quirk from
        // mainnet block 2,675,119 that geth, evmone and the execution specs all keep.
        if (record.address !== RIPEMD160_ADDRESS) this.#touched.delete(record.address);
        return;
      case 'log':
        this.#logs.pop();
        return;
    }
  }

  /** The account at `address`, created (journaled) if it is missing. */
  #accountForWrite(address: Address): Account {
    let account = this.#accounts.get(address);
    if (account === undefined) {
      account = Account.empty();
      this.#accounts.set(address, account);
      this.#journal.push({ kind: 'account-created', address });
    }
    return account;
  }

  /** Remembers a slot's transaction-start value before its first write in the transaction. */
  #recordOriginal(account: Account, key: bigint, value: bigint): void {
    let originals = account.originalStorage;
    if (originals === null) {
      originals = new Map();
      account.originalStorage = originals;
      this.#accountsWithOriginals.push(account);
    }
    if (!originals.has(key)) originals.set(key, value);
  }
}
