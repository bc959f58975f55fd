import { createAddress, createEvm, Eip3155Tracer, type EngineName, type Evm } from '@tandem-evm/evm';
import { type Address, type Log, Revision } from '@tandem-evm/host';
import {
  type AccountInit,
  applyBeaconRoot,
  applyBlockHashHistory,
  applyBlockReward,
  applyWithdrawals,
  blobGasUsed,
  blobSchedule,
  collectConsolidationRequests,
  collectWithdrawalRequests,
  createReceipt,
  executeTransaction,
  InvalidBlockError,
  parseDepositRequests,
  type Receipt,
  recoverSender,
  type SignedTransaction,
  stateRoot,
  toTransaction,
  transactionHash,
  WorldState,
} from '@tandem-evm/state';
import { deriveBlock, type T8nBlock } from './block.js';
import type { T8nEnv } from './env.js';
import { T8N_EXIT, T8nError } from './exit-codes.js';
import type { T8nFork } from './fork.js';
import { rejectionMessage } from './rejection.js';
import type { T8nTransaction } from './txs.js';

export interface TransitionInput {
  readonly alloc: ReadonlyMap<Address, AccountInit>;
  readonly env: T8nEnv;
  readonly txs: readonly T8nTransaction[];
  readonly fork: T8nFork;
  readonly chainId: bigint;
  /** The block reward in wei (`--state.reward`); negative for none (after the merge, fillers pass -1). */
  readonly reward: bigint;
  readonly engine?: EngineName;
  /** With `--trace`: where the EIP-3155 lines of transaction `index` (hash `hash`) go. */
  readonly traceTo?: (index: number, hash: bigint) => (line: string) => void;
}

/** A transaction the block includes. */
export interface IncludedTransaction {
  readonly tx: SignedTransaction;
  readonly hash: bigint;
  readonly receipt: Receipt;
  readonly gasUsed: bigint;
  /** A creation's address (derived from the sender and nonce, whether or not the creation succeeded). */
  readonly contractAddress?: Address;
  readonly blobGasUsed: bigint;
}

export interface TransitionOutput {
  readonly state: WorldState;
  readonly block: T8nBlock;
  readonly included: readonly IncludedTransaction[];
  readonly rejected: readonly { readonly index: number; readonly error: string }[];
  readonly gasUsed: bigint;
  readonly blobGasUsed: bigint;
  /** From Prague: the EIP-7685 requests, one item per type (deposits, withdrawals, consolidations). */
  readonly requests?: readonly Uint8Array[];
}

/** The block hashes BLOCKHASH may read; asking for one the env does not give is exit 4 after the transaction. */
class EnvBlockHashes {
  missing: bigint | undefined;
  constructor(private readonly hashes: ReadonlyMap<bigint, bigint> | undefined) {}

  read = (number: bigint): bigint => {
    const hash = this.hashes?.get(number);
    if (hash === undefined) this.missing ??= number;
    return hash ?? 0n;
  };
}

/** Why the block cannot take a decoded transaction before it runs, in go-ethereum's words. */
function blockLevelRejection(
  tx: SignedTransaction,
  chainId: bigint,
  block: T8nBlock,
  gasLeft: bigint,
  blobGas: { readonly tx: bigint; readonly block: bigint },
  revision: Revision,
): string | undefined {
  if (
    tx.chainId !== undefined &&
    tx.chainId !== chainId &&
    (tx.type !== 0 || revision >= Revision.SpuriousDragon)
  ) {
    return `invalid chain id for signer: have ${tx.chainId} want ${chainId}`;
  }
  if (tx.type === 3) {
    if (block.blobBaseFee === undefined) return 'blob tx used but field env.ExcessBlobGas missing';
    const used = blobGas.block + blobGas.tx;
    const max = blobSchedule(revision).maxBlobGasPerBlock;
    if (used > max) return `blob gas (${used}) would exceed maximum allowance ${max}`;
  }
  if (tx.gasLimit > gasLeft) return 'gas limit reached';
  return undefined;
}

/** Pays the block reward (and its ommers' shares: (8 − delta)/8 each, and 1/32 more to the miner per ommer). */
function payRewards(state: WorldState, env: T8nEnv, reward: bigint, revision: Revision): void {
  let minerReward = reward;
  for (const ommer of env.ommers) {
    minerReward += reward >> 5n;
    applyBlockReward(state, ommer.address, ((8n - ommer.delta) * reward) >> 3n, revision);
  }
  applyBlockReward(state, env.coinbase, minerReward, revision);
}

/** Prague's end of block: deposits from the logs, then the withdrawal and consolidation request system calls. */
function collectRequests(state: WorldState, evm: Evm, block: T8nBlock, logs: readonly Log[]): Uint8Array[] {
  try {
    return [
      parseDepositRequests(logs),
      collectWithdrawalRequests(state, evm, block.env),
      collectConsolidationRequests(state, evm, block.env),
    ];
  } catch (error) {
    if (error instanceof InvalidBlockError) throw new T8nError(T8N_EXIT.evm, error.message);
    throw error;
  }
}

/**
 * Runs a block the way go-ethereum's `evm t8n` does: the block-start system
 * calls (EIP-4788 beacon root, EIP-2935 parent hash when block hashes are
 * given), each transaction that the block can take (the others are rejected,
 * with the state unchanged), the block and ommer rewards, the withdrawals,
 * and from Prague the requests.
 * @throws T8nError: exit 3 for an env the fork cannot run, 4 for a BLOCKHASH
 *   the env does not answer, 2 for a block that cannot be finished.
 */
export function applyTransition(input: TransitionInput): TransitionOutput {
  const { env, fork, chainId } = input;
  const { revision } = fork;
  const block = deriveBlock(env, fork, chainId);
  const blockHashes = new EnvBlockHashes(env.blockHashes);
  const state = WorldState.fromAccounts(input.alloc, { blockHashes: blockHashes.read });
  let evm: Evm;
  try {
    evm = createEvm({ revision, eips: fork.eips, engine: input.engine ?? 'interpreter' });
  } catch (error) {
    throw new T8nError(T8N_EXIT.config, (error as Error).message);
  }

  if (env.parentBeaconBlockRoot !== undefined)
    applyBeaconRoot(state, evm, block.env, env.parentBeaconBlockRoot);
  if (env.blockHashes !== undefined && env.number > 0n) {
    applyBlockHashHistory(state, evm, block.env, env.blockHashes.get(env.number - 1n) ?? 0n);
  }

  const included: IncludedTransaction[] = [];
  const rejected: { index: number; error: string }[] = [];
  let gasUsed = 0n;
  let blockBlobGas = 0n;
  input.txs.forEach((entry, index) => {
    if (entry.kind === 'undecodable') {
      rejected.push({ index, error: entry.error });
      return;
    }
    const { tx } = entry;
    let sender: Address;
    try {
      sender = recoverSender(tx);
    } catch (error) {
      rejected.push({ index, error: `invalid sender: ${(error as Error).message}` });
      return;
    }
    const transaction = toTransaction(tx, sender);
    const txBlobGas = blobGasUsed(transaction);
    const blockRejection = blockLevelRejection(
      tx,
      chainId,
      block,
      env.gasLimit - gasUsed,
      { tx: txBlobGas, block: blockBlobGas },
      revision,
    );
    if (blockRejection !== undefined) {
      rejected.push({ index, error: blockRejection });
      return;
    }
    const hash = transactionHash(tx);
    const tracer = input.traceTo === undefined ? undefined : new Eip3155Tracer(input.traceTo(index, hash));
    evm.inspector = tracer;
    const outcome = executeTransaction(state, evm, transaction, block.env);
    evm.inspector = undefined;
    if (outcome.kind === 'rejected') {
      rejected.push({
        index,
        error: rejectionMessage(outcome.reason, {
          tx: transaction,
          state,
          revision,
          baseFee: block.env.baseFee,
          excessBlobGas: block.env.excessBlobGas,
        }),
      });
      return;
    }
    tracer?.summary({ gasUsed: outcome.gasUsed });
    if (blockHashes.missing !== undefined) {
      throw new T8nError(
        T8N_EXIT.missingBlockhash,
        `transaction ${index} read BLOCKHASH(${blockHashes.missing}), which env.blockHashes does not give`,
      );
    }
    gasUsed += outcome.gasUsed;
    blockBlobGas += txBlobGas;
    // Before Byzantium (EIP-658) a receipt holds the state root after its transaction.
    const postStateRoot = revision < Revision.Byzantium ? stateRoot(state) : undefined;
    included.push({
      tx,
      hash,
      receipt: createReceipt(tx.type, outcome.status === 'success', gasUsed, outcome.logs, postStateRoot),
      gasUsed: outcome.gasUsed,
      ...(tx.to === null ? { contractAddress: createAddress(sender, tx.nonce) } : {}),
      blobGasUsed: txBlobGas,
    });
  });

  if (input.reward >= 0n) payRewards(state, env, input.reward, revision);
  if (env.withdrawals !== undefined) applyWithdrawals(state, env.withdrawals);
  const logs = included.flatMap(({ receipt }) => receipt.logs);
  const requests = revision >= Revision.Prague ? collectRequests(state, evm, block, logs) : undefined;
  return {
    state,
    block,
    included,
    rejected,
    gasUsed,
    blobGasUsed: blockBlobGas,
    ...(requests !== undefined ? { requests } : {}),
  };
}
