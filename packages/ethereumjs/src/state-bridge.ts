import type { Address, Host, Log, Message, MessageExecutor, Result, TxContext } from '@tandem-evm/host';
import { WorldState } from '@tandem-evm/state';

/**
 * Thrown by `BridgeHost` when execution needs a block hash that is not loaded
 * yet (accounts and slots are guessed instead: see `BridgeHost`). Tandem's
 * host is synchronous, so it cannot await the source; `executeWithAsyncState`
 * catches this, loads the hash, and runs the message again from the start.
 */
export class StateMiss extends Error {
  override name = 'StateMiss';
  constructor(
    readonly address: Address | undefined,
    readonly slot: bigint | undefined = undefined,
    readonly blockNumber: bigint | undefined = undefined,
  ) {
    super(
      blockNumber !== undefined
        ? `block hash ${blockNumber} not loaded`
        : `state of 0x${address!.toString(16)}${slot !== undefined ? ` slot ${slot}` : ''} not loaded`,
    );
  }
}

/** An account as loaded from the async state, before the message runs. */
export interface LoadedAccount {
  readonly nonce: bigint;
  readonly balance: bigint;
  readonly code: Uint8Array;
  /** False when the account's storage trie is empty (EIP-7610's collision check needs to know). */
  readonly hasStorage: boolean;
}

/** Where loaded state comes from: an async source such as an ethereumjs state manager or a remote node. */
export interface AsyncStateSource {
  getAccount(address: Address): Promise<LoadedAccount | undefined>;
  getStorage(address: Address, slot: bigint): Promise<bigint>;
  getBlockHash(number: bigint): Promise<bigint>;
}

/**
 * The state a message has read so far, loaded from an async source: the
 * pre-state of the message. `worldState()` builds a fresh synchronous
 * `WorldState` from it for each attempt.
 */
export class StateCache {
  /** Loaded accounts; `null` for an account the source does not have. */
  readonly accounts = new Map<Address, LoadedAccount | null>();
  /** Loaded storage slots per account (zero values included). */
  readonly storage = new Map<Address, Map<bigint, bigint>>();
  readonly blockHashes = new Map<bigint, bigint>();

  constructor(private readonly source: AsyncStateSource) {}

  hasAccount(address: Address): boolean {
    return this.accounts.has(address);
  }

  hasSlot(address: Address, slot: bigint): boolean {
    return this.storage.get(address)?.has(slot) === true;
  }

  async loadAccount(address: Address): Promise<void> {
    if (this.accounts.has(address)) return;
    this.accounts.set(address, (await this.source.getAccount(address)) ?? null);
  }

  async loadSlot(address: Address, slot: bigint): Promise<void> {
    await this.loadAccount(address);
    let slots = this.storage.get(address);
    if (slots === undefined) {
      slots = new Map();
      this.storage.set(address, slots);
    }
    if (slots.has(slot)) return;
    // An account the source does not have reads zero.
    slots.set(slot, this.accounts.get(address) === null ? 0n : await this.source.getStorage(address, slot));
  }

  /**
   * Loads every account and slot a run guessed, and tells whether each guess
   * held: the account does not exist, the slot is zero.
   */
  async confirm(guesses: Guesses): Promise<boolean> {
    let held = true;
    for (const address of guesses.accounts) {
      await this.loadAccount(address);
      if (this.accounts.get(address) !== null) held = false;
    }
    for (const [address, slot] of guesses.slots) {
      await this.loadSlot(address, slot);
      if (this.storage.get(address)!.get(slot) !== 0n) held = false;
    }
    return held;
  }

  /** Loads what a miss asked for. */
  async load(miss: StateMiss): Promise<void> {
    if (miss.blockNumber !== undefined) {
      this.blockHashes.set(miss.blockNumber, await this.source.getBlockHash(miss.blockNumber));
    } else if (miss.slot !== undefined) {
      await this.loadSlot(miss.address!, miss.slot);
    } else {
      await this.loadAccount(miss.address!);
    }
  }

  /** A synchronous world state holding what is loaded; block hashes not loaded throw a StateMiss. */
  worldState(): WorldState {
    const entries: [
      Address,
      { nonce: bigint; balance: bigint; code: Uint8Array; storage: [bigint, bigint][] },
    ][] = [];
    for (const [address, account] of this.accounts) {
      if (account === null) continue;
      const slots = this.storage.get(address);
      entries.push([
        address,
        {
          nonce: account.nonce,
          balance: account.balance,
          code: account.code,
          storage: slots === undefined ? [] : [...slots],
        },
      ]);
    }
    const state = WorldState.fromAccounts(entries);
    state.blockHashes = (number) => {
      const hash = this.blockHashes.get(number);
      if (hash === undefined) throw new StateMiss(undefined, undefined, number);
      return hash;
    };
    return state;
  }
}

/** The accounts and slots a run used without them being loaded, guessed absent and zero. */
export interface Guesses {
  readonly accounts: Set<Address>;
  readonly slots: [Address, bigint][];
}

/**
 * Tandem's synchronous `Host` over a `WorldState` built from a `StateCache`.
 * An account or slot that is not loaded is guessed (the account absent, the
 * slot zero: the `WorldState` reads them so) and recorded in `guesses`, so
 * that the message runs to the end and every key it needs is found in one
 * run; `executeWithAsyncState` then loads them all and runs the message again
 * only if a guess was wrong. A block hash that is not loaded throws a
 * `StateMiss`; Tandem reverts the whole message when its host throws (its
 * contract 6), so the message can be run again once it is loaded.
 */
export class BridgeHost implements Host {
  readonly guesses: Guesses = { accounts: new Set(), slots: [] };

  constructor(
    private readonly state: WorldState,
    private readonly cache: StateCache,
  ) {}

  private account(address: Address): void {
    if (!this.cache.hasAccount(address)) this.guesses.accounts.add(address);
  }

  private slot(address: Address, key: bigint): void {
    if (this.cache.hasSlot(address, key)) return;
    // Exactly zero, nothing to load: storage of a contract created in this message starts empty,
    // and an account absent or with an empty storage trie has none.
    if (this.state.isCreatedInTx(address)) return;
    const account = this.cache.accounts.get(address);
    if (account === null || account?.hasStorage === false) return;
    this.account(address);
    this.guesses.slots.push([address, key]);
  }

  accountExists(address: Address): boolean {
    this.account(address);
    return this.state.accountExists(address);
  }
  isEmpty(address: Address): boolean {
    this.account(address);
    return this.state.isEmpty(address);
  }
  getBalance(address: Address): bigint {
    this.account(address);
    return this.state.getBalance(address);
  }
  getNonce(address: Address): bigint {
    this.account(address);
    return this.state.getNonce(address);
  }
  getCode(address: Address): Uint8Array {
    this.account(address);
    return this.state.getCode(address);
  }
  getCodeHash(address: Address): bigint {
    this.account(address);
    return this.state.getCodeHash(address);
  }
  hasStorage(address: Address): boolean {
    this.account(address);
    return this.cache.accounts.get(address)?.hasStorage === true || this.state.hasStorage(address);
  }
  getStorage(address: Address, key: bigint): bigint {
    this.slot(address, key);
    return this.state.getStorage(address, key);
  }
  getCommittedStorage(address: Address, key: bigint): bigint {
    this.slot(address, key);
    return this.state.getCommittedStorage(address, key);
  }
  getTransientStorage(address: Address, key: bigint): bigint {
    return this.state.getTransientStorage(address, key);
  }
  getBlockHash(number: bigint): bigint {
    return this.state.getBlockHash(number);
  }
  getTxContext(): TxContext {
    return this.state.getTxContext();
  }
  isCreatedInTx(address: Address): boolean {
    return this.state.isCreatedInTx(address);
  }
  accessAccount(address: Address): boolean {
    return this.state.accessAccount(address);
  }
  accessStorage(address: Address, key: bigint): boolean {
    return this.state.accessStorage(address, key);
  }
  setStorage(address: Address, key: bigint, value: bigint): void {
    this.slot(address, key);
    this.state.setStorage(address, key, value);
  }
  setTransientStorage(address: Address, key: bigint, value: bigint): void {
    this.state.setTransientStorage(address, key, value);
  }
  setBalance(address: Address, balance: bigint): void {
    this.account(address);
    this.state.setBalance(address, balance);
  }
  setNonce(address: Address, nonce: bigint): void {
    this.account(address);
    this.state.setNonce(address, nonce);
  }
  setCode(address: Address, code: Uint8Array): void {
    this.account(address);
    this.state.setCode(address, code);
  }
  createContract(address: Address): void {
    this.account(address);
    this.state.createContract(address);
  }
  touch(address: Address): void {
    this.account(address);
    this.state.touch(address);
  }
  selfDestruct(address: Address): boolean {
    this.account(address);
    return this.state.selfDestruct(address);
  }
  emitLog(log: Log): void {
    this.state.emitLog(log);
  }
  snapshot(): number {
    return this.state.snapshot();
  }
  revert(snapshot: number): void {
    this.state.revert(snapshot);
  }
}

/** A message that ran to completion against async state. */
export interface AsyncRun {
  readonly result: Result;
  /** The world state after the message (not finalized): its changes and logs. */
  readonly state: WorldState;
  /** How many times the message ran (one more than the runs that guessed wrong or missed a block hash). */
  readonly attempts: number;
}

/**
 * Runs `message` with `executor` (an `Evm`) against state loaded from
 * `cache`'s async source: each attempt runs on a fresh `WorldState` of what
 * is loaded, through a `BridgeHost` that guesses what is not. After a run,
 * everything it guessed is loaded; if every guess held, the run is the
 * message's run on the real state (it read nothing else) and is returned,
 * otherwise the message runs again with those keys loaded. A `StateMiss`
 * (a block hash) loads that hash and runs the message again. `prepare` sets
 * each attempt's world up before the message (begin the transaction, warm
 * addresses, nonce changes). Any other exception propagates.
 */
export async function executeWithAsyncState(
  executor: MessageExecutor,
  message: Message,
  cache: StateCache,
  prepare: (state: WorldState, host: Host) => void = (state) => state.beginTransaction(state.getTxContext()),
): Promise<AsyncRun> {
  for (let attempts = 1; ; attempts++) {
    const state = cache.worldState();
    const host = new BridgeHost(state, cache);
    let result: Result;
    try {
      prepare(state, host);
      result = executor.execute(message, host);
    } catch (error) {
      if (!(error instanceof StateMiss)) throw error;
      await cache.load(error);
      continue;
    }
    if (await cache.confirm(host.guesses)) return { result, state, attempts };
  }
}
