import type { Address, MessageExecutor } from '@tandem-evm/host';
import {
  type BlockEnv,
  createReceipt,
  EMPTY_TRIE_ROOT,
  type ExecutedTransaction,
  encodeSignedTransaction,
  executeTransaction,
  logsBloom,
  nextBaseFee,
  type Receipt,
  receiptsRoot,
  type SignedTransaction,
  stateRoot,
  toTransaction,
  transactionsRoot,
  WorldState,
} from '@tandem-evm/state';
import { type BlockHeader, blockHash } from './block-header.js';
import { rejectedTransaction } from './errors.js';

/** A transaction in a mined block, with what its receipt reports. */
export interface MinedTransaction {
  readonly hash: bigint;
  readonly signed: SignedTransaction;
  readonly sender: Address;
  readonly block: Block;
  readonly outcome: ExecutedTransaction;
  readonly receipt: Receipt;
  /** Base fee plus the tip the sender paid per gas. */
  readonly effectiveGasPrice: bigint;
}

/** A transaction to mine: the signed form blocks hold, its sender and its hash. */
export interface PendingTransaction {
  readonly signed: SignedTransaction;
  readonly sender: Address;
  readonly hash: bigint;
}

/** A mined block: its header, its hash, its transactions and the state after it. */
export interface Block {
  readonly header: BlockHeader;
  readonly hash: bigint;
  readonly transactions: readonly MinedTransaction[];
  /** The world state the block was built on (its parent's, with any dev-method changes since). */
  readonly preState: WorldState;
  /** The world state after the block; never changed once the block is mined. */
  readonly state: WorldState;
}

/** How the chain starts. */
export interface ChainOptions {
  readonly executor: MessageExecutor;
  readonly chainId: bigint;
  readonly genesis: WorldState;
  readonly gasLimit: bigint;
  readonly baseFee: bigint;
  readonly coinbase: Address;
  readonly timestamp: bigint;
}

/** A copy of `state` (accounts only) whose BLOCKHASH reads `blockHashes`. Code arrays are shared: nothing mutates them. */
function copyState(state: WorldState, blockHashes: (number: bigint) => bigint): WorldState {
  const copy = new WorldState({ blockHashes });
  for (const [address, account] of state) copy.setAccount(address, account);
  return copy;
}

/**
 * An in-memory chain of mined blocks over Tandem's world state. A state the
 * chain has published (the latest state, each block's state) is never changed
 * again: every change runs on a copy that replaces the latest state only when
 * the change returns, so an exception part-way leaves nothing half-applied,
 * history stays readable and a snapshot is the pair (block count, latest state).
 */
export class Chain {
  readonly executor: MessageExecutor;
  readonly chainId: bigint;
  readonly #blocks: Block[] = [];
  readonly #blocksByHash = new Map<bigint, Block>();
  readonly #transactions = new Map<bigint, MinedTransaction>();
  /** The state after the latest block and any dev-method changes since. */
  #state: WorldState;
  readonly #snapshots = new Map<number, { readonly blockCount: number; readonly state: WorldState }>();
  #nextSnapshotId = 1;
  readonly #blockHashes = (number: bigint): bigint => this.block(number)?.hash ?? 0n;

  constructor(options: ChainOptions) {
    this.executor = options.executor;
    this.chainId = options.chainId;
    const state = copyState(options.genesis, this.#blockHashes);
    const header: BlockHeader = {
      parentHash: 0n,
      coinbase: options.coinbase,
      stateRoot: stateRoot(state),
      transactionsRoot: EMPTY_TRIE_ROOT,
      receiptsRoot: EMPTY_TRIE_ROOT,
      logsBloom: logsBloom([]),
      number: 0n,
      gasLimit: options.gasLimit,
      gasUsed: 0n,
      timestamp: options.timestamp,
      prevRandao: 0n,
      baseFee: options.baseFee,
    };
    this.#append({
      header,
      hash: blockHash(header, this.executor.revision),
      transactions: [],
      preState: state,
      state,
    });
    this.#state = state;
  }

  get latest(): Block {
    return this.#blocks.at(-1)!;
  }

  /** The latest state. Read it, never change it: change it through `changeState`. */
  get state(): WorldState {
    return this.#state;
  }

  block(number: bigint): Block | undefined {
    return number >= 0n && number < BigInt(this.#blocks.length) ? this.#blocks[Number(number)] : undefined;
  }

  blockByHash(hash: bigint): Block | undefined {
    return this.#blocksByHash.get(hash);
  }

  transaction(hash: bigint): MinedTransaction | undefined {
    return this.#transactions.get(hash);
  }

  /**
   * The state a call at `block` sees: the latest state for the latest block
   * (dev-method changes included, as anvil does), else the block's own.
   */
  stateAt(block: Block): WorldState {
    return block === this.latest ? this.#state : block.state;
  }

  /** A private copy of `state` to run something on and throw away (eth_call, traces). */
  fork(state: WorldState): WorldState {
    return copyState(state, this.#blockHashes);
  }

  /** Runs `change` on a copy of the latest state; the copy becomes the latest state only if `change` returns. */
  changeState<T>(change: (state: WorldState) => T): T {
    const next = this.fork(this.#state);
    const result = change(next);
    this.#state = next;
    return result;
  }

  /** The base fee the next block will have (EIP-1559). */
  nextBaseFee(): bigint {
    return nextBaseFee(this.latest.header);
  }

  /** What a block's transactions run in. */
  blockEnv(header: BlockHeader): BlockEnv {
    const { coinbase, number, timestamp, gasLimit, prevRandao, baseFee } = header;
    return {
      coinbase,
      number,
      timestamp,
      gasLimit,
      prevRandao,
      baseFee,
      excessBlobGas: 0n,
      chainId: this.chainId,
    };
  }

  /** The next block's header before its transactions: a second past its parent at least, else the wall clock. */
  #nextHeader(timestamp: bigint | undefined): BlockHeader {
    const parent = this.latest.header;
    const now = BigInt(Math.floor(Date.now() / 1000));
    const earliest = parent.timestamp + 1n;
    return {
      ...parent,
      parentHash: this.latest.hash,
      number: parent.number + 1n,
      timestamp: timestamp ?? (now > earliest ? now : earliest),
      baseFee: this.nextBaseFee(),
    };
  }

  /**
   * Mines a block holding `transaction` (or none), on a copy of the latest
   * state. A rejected transaction throws and mines nothing.
   */
  mine(transaction?: PendingTransaction, timestamp?: bigint): Block {
    const header = this.#nextHeader(timestamp);
    const preState = this.#state;
    const state = this.fork(preState);
    if (transaction === undefined) {
      const empty: BlockHeader = {
        ...header,
        stateRoot: stateRoot(state),
        transactionsRoot: EMPTY_TRIE_ROOT,
        receiptsRoot: EMPTY_TRIE_ROOT,
        logsBloom: logsBloom([]),
        gasUsed: 0n,
      };
      const hash = blockHash(empty, this.executor.revision);
      return this.#publish({ header: empty, hash, transactions: [], preState, state });
    }
    const { signed, sender, hash } = transaction;
    const outcome = executeTransaction(
      state,
      this.executor,
      toTransaction(signed, sender),
      this.blockEnv(header),
    );
    if (outcome.kind === 'rejected') throw rejectedTransaction(outcome.reason);
    const receipt = createReceipt(signed.type, outcome.status === 'success', outcome.gasUsed, outcome.logs);
    const full: BlockHeader = {
      ...header,
      stateRoot: stateRoot(state),
      transactionsRoot: transactionsRoot([encodeSignedTransaction(signed)]),
      receiptsRoot: receiptsRoot([receipt]),
      logsBloom: receipt.logsBloom,
      gasUsed: outcome.gasUsed,
    };
    const transactions: MinedTransaction[] = [];
    const block: Block = {
      header: full,
      hash: blockHash(full, this.executor.revision),
      transactions,
      preState,
      state,
    };
    // The transaction's context (GASPRICE) holds the effective gas price executeTransaction charged.
    const effectiveGasPrice = state.getTxContext().gasPrice;
    transactions.push({ hash, signed, sender, block, outcome, receipt, effectiveGasPrice });
    return this.#publish(block);
  }

  /** Remembers the chain as it is; `revert(id)` comes back to it (once: the id is used up, as anvil's is). */
  snapshot(): number {
    const id = this.#nextSnapshotId++;
    this.#snapshots.set(id, { blockCount: this.#blocks.length, state: this.#state });
    return id;
  }

  /** Goes back to snapshot `id`, dropping later blocks and later snapshots; false for an unknown id. */
  revert(id: number): boolean {
    const snapshot = this.#snapshots.get(id);
    if (snapshot === undefined) return false;
    for (const block of this.#blocks.splice(snapshot.blockCount)) {
      this.#blocksByHash.delete(block.hash);
      for (const tx of block.transactions) this.#transactions.delete(tx.hash);
    }
    this.#state = snapshot.state;
    for (const later of this.#snapshots.keys()) if (later >= id) this.#snapshots.delete(later);
    return true;
  }

  #publish(block: Block): Block {
    this.#append(block);
    this.#state = block.state;
    return block;
  }

  #append(block: Block): void {
    this.#blocks.push(block);
    this.#blocksByHash.set(block.hash, block);
    for (const tx of block.transactions) this.#transactions.set(tx.hash, tx);
  }
}
