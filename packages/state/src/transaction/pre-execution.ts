// Phase 2: what happens before the top-level frame runs. The sender buys
// `gasLimit` gas at the effective price plus the blob fee and, for a call,
// its nonce goes up (a creation's CREATE does that, since it derives the new
// address from the nonce); the EIP-2929 warm set is filled; from Prague, the
// EIP-7702 authorization list is applied.
import { Revision, type TxContext } from '@tandem-evm/host';
import { delegationTarget } from '@tandem-evm/primitives';
import { applyAuthorizations } from '../authorization.js';
import type { WorldState } from '../world-state.js';
import { blobGasUsed, blockBlobBaseFee } from './blob-fees.js';
import { blockBaseFee, maxCost, priorityFeePerGas } from './fees.js';
import type { TransactionRules } from './rules.js';
import { type BlockEnv, type Transaction, transactionType } from './types.js';

/** What the later phases need from this one. */
export interface PreparedTransaction {
  /** Base fee plus priority fee: what the sender pays per gas. */
  readonly effectiveGasPrice: bigint;
  /** What the coinbase earns per gas. */
  readonly priorityFee: bigint;
  /** EIP-7702 refund for authorities that already existed. */
  readonly authorizationRefund: bigint;
}

function transactionContext(
  tx: Transaction,
  block: BlockEnv,
  baseFee: bigint,
  gasPrice: bigint,
  blobBaseFee: bigint,
): TxContext {
  return {
    origin: tx.sender,
    gasPrice,
    coinbase: block.coinbase,
    number: block.number,
    timestamp: block.timestamp,
    gasLimit: block.gasLimit,
    prevRandao: block.prevRandao,
    chainId: block.chainId ?? 1n,
    baseFee,
    blobHashes: tx.blobVersionedHashes ?? [],
    blobBaseFee,
  };
}

/** The sender pays for all its gas and its blobs up front; a call's nonce goes up. */
function buyGas(state: WorldState, tx: Transaction, rules: TransactionRules, upFront: bigint): void {
  const sender = tx.sender;
  // A dev chain lets a sender who cannot pay run anyway (as ethereumjs's skipBalance does).
  if (rules.skipBalanceCheck && state.getBalance(sender) < maxCost(tx)) state.setBalance(sender, maxCost(tx));
  state.setBalance(sender, state.getBalance(sender) - upFront);
  if (tx.to !== null) state.setNonce(sender, state.getNonce(sender) + 1n);
}

/** EIP-2929 (Berlin): sender, callee, precompiles and the access list start warm; the coinbase from Shanghai (EIP-3651). */
function warmAccessList(state: WorldState, tx: Transaction, block: BlockEnv, rules: TransactionRules): void {
  state.accessAccount(tx.sender);
  if (tx.to !== null) state.accessAccount(tx.to);
  for (const address of rules.precompiles) state.accessAccount(address);
  for (const entry of tx.accessList ?? []) {
    state.accessAccount(entry.address);
    for (const key of entry.storageKeys) state.accessStorage(entry.address, key);
  }
  if (rules.warmCoinbase) state.accessAccount(block.coinbase);
}

/** EIP-7702 (Prague): applies the authorization list, and warms the account a delegated callee's code comes from. */
function applyDelegations(state: WorldState, tx: Transaction, chainId: bigint): bigint {
  if (tx.to === null) return 0n;
  const refund =
    transactionType(tx) === 4 ? applyAuthorizations(state, tx.authorizationList ?? [], chainId) : 0n;
  const target = delegationTarget(state.getCode(tx.to));
  if (target !== undefined) state.accessAccount(target);
  return refund;
}

/** Starts the transaction in `state` and prepares it to run. */
export function preExecute(
  state: WorldState,
  tx: Transaction,
  block: BlockEnv,
  revision: Revision,
  rules: TransactionRules,
): PreparedTransaction {
  const baseFee = blockBaseFee(block, revision);
  const priorityFee = priorityFeePerGas(tx, baseFee);
  const effectiveGasPrice = baseFee + priorityFee;
  const blobBaseFee = blockBlobBaseFee(block, revision);
  state.beginTransaction(transactionContext(tx, block, baseFee, effectiveGasPrice, blobBaseFee));
  buyGas(state, tx, rules, tx.gasLimit * effectiveGasPrice + blobGasUsed(tx) * blobBaseFee);
  if (revision >= Revision.Berlin) warmAccessList(state, tx, block, rules);
  const authorizationRefund =
    revision >= Revision.Prague ? applyDelegations(state, tx, block.chainId ?? 1n) : 0n;
  return { effectiveGasPrice, priorityFee, authorizationRefund };
}
