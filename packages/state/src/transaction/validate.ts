// Phase 1: whether the block may include the transaction, in evmone's order
// (`validate_transaction`). A rejected transaction leaves the state unchanged.
import { MAX_INITCODE_SIZE } from '@tandem-evm/gas';
import { Revision } from '@tandem-evm/host';
import { delegationTarget } from '@tandem-evm/primitives';
import type { WorldState } from '../world-state.js';
import { blobGasUsed, blobSchedule, blockBlobBaseFee } from './blob-fees.js';
import { blockBaseFee, maxCost, maxFeePerGas, maxPriorityFeePerGas } from './fees.js';
import { fieldRangeError, MAX_NONCE } from './field-ranges.js';
import { floorDataGas, intrinsicGas } from './intrinsic-gas.js';
import { defaultTransactionRules, type TransactionRules } from './rules.js';
import { type BlockEnv, type Transaction, transactionType } from './types.js';

/** EIP-7825 (Osaka): the most gas one transaction may ask for, 2^24. */
export const TX_GAS_LIMIT_CAP = 1n << 24n;
/** EIP-7594 (Osaka): the most blobs one transaction may carry. */
const MAX_BLOBS_PER_TX_OSAKA = 6;
const BLOB_COMMITMENT_VERSION_KZG = 0x01n;

/** Rules of the transaction's type: the fork that brought it, and what it may not carry. */
function typeError(tx: Transaction, block: BlockEnv, revision: Revision): string | undefined {
  const type = transactionType(tx);
  if (type === 4) {
    if (revision < Revision.Prague) return 'TYPE_NOT_SUPPORTED';
    if (tx.to === null) return 'TYPE_4_TX_CONTRACT_CREATION';
    if ((tx.authorizationList ?? []).length === 0) return 'TYPE_4_EMPTY_AUTHORIZATION_LIST';
  }
  if (type === 3) {
    if (revision < Revision.Cancun) return 'TYPE_NOT_SUPPORTED';
    const blobError = blobTransactionError(tx, block, revision);
    if (blobError !== undefined) return blobError;
  }
  if (type >= 2) {
    if (revision < Revision.London) return 'TYPE_NOT_SUPPORTED';
    if (maxPriorityFeePerGas(tx) > maxFeePerGas(tx)) return 'PRIORITY_GREATER_THAN_MAX_FEE_PER_GAS';
  }
  if (type >= 1 && revision < Revision.Berlin) return 'TYPE_NOT_SUPPORTED';
  return undefined;
}

/** EIP-4844's rules for a blob transaction (EIP-7594's blob count from Osaka). */
function blobTransactionError(tx: Transaction, block: BlockEnv, revision: Revision): string | undefined {
  const hashes = tx.blobVersionedHashes ?? [];
  if (tx.to === null) return 'TYPE_3_TX_CONTRACT_CREATION';
  if (hashes.length === 0) return 'TYPE_3_TX_ZERO_BLOBS';
  if (revision >= Revision.Osaka && hashes.length > MAX_BLOBS_PER_TX_OSAKA) {
    return 'TYPE_3_TX_BLOB_COUNT_EXCEEDED';
  }
  if ((tx.maxFeePerBlobGas ?? 0n) < blockBlobBaseFee(block, revision))
    return 'INSUFFICIENT_MAX_FEE_PER_BLOB_GAS';
  if (hashes.some((hash) => hash >> 248n !== BLOB_COMMITMENT_VERSION_KZG)) {
    return 'TYPE_3_TX_INVALID_BLOB_VERSIONED_HASH';
  }
  if (blobGasUsed(tx) > blobSchedule(revision).maxBlobGasPerBlock) {
    return 'TYPE_3_TX_MAX_BLOB_GAS_ALLOWANCE_EXCEEDED';
  }
  return undefined;
}

/** The sender must be an account that can send: no code (EIP-3607), a nonce that is its next. */
function senderError(
  state: WorldState,
  tx: Transaction,
  revision: Revision,
  rules: TransactionRules,
): string | undefined {
  // From Prague, an EIP-7702 delegation is allowed.
  const senderCode = state.getCode(tx.sender);
  if (senderCode.length !== 0 && (revision < Revision.Prague || delegationTarget(senderCode) === undefined)) {
    return 'SENDER_NOT_EOA';
  }
  const nonce = state.getNonce(tx.sender);
  if (nonce === MAX_NONCE) return 'NONCE_IS_MAX';
  if (!rules.skipNonceCheck) {
    if (nonce < tx.nonce) return 'NONCE_MISMATCH_TOO_HIGH';
    if (nonce > tx.nonce) return 'NONCE_MISMATCH_TOO_LOW';
  }
  return undefined;
}

/** Gas the transaction must be able to pay for: its init code size, its cost, its intrinsic gas and floor. */
function affordabilityError(
  state: WorldState,
  tx: Transaction,
  revision: Revision,
  rules: TransactionRules,
): string | undefined {
  const limitsInitcode = rules.initcodeRules && !rules.unlimitedCodeSize;
  if (limitsInitcode && tx.to === null && tx.data.length > MAX_INITCODE_SIZE) return 'INITCODE_SIZE_EXCEEDED';
  if (!rules.skipBalanceCheck && state.getBalance(tx.sender) < maxCost(tx))
    return 'INSUFFICIENT_ACCOUNT_FUNDS';
  if (tx.gasLimit < intrinsicGas(tx, revision, rules.initcodeRules)) return 'INTRINSIC_GAS_TOO_LOW';
  if (tx.gasLimit < floorDataGas(tx, revision)) return 'INTRINSIC_GAS_BELOW_FLOOR_GAS_COST';
  return undefined;
}

/**
 * Checks a transaction against the state and the block. Returns the
 * rejection reason, or undefined when the transaction may run.
 */
export function validateTransaction(
  state: WorldState,
  tx: Transaction,
  block: BlockEnv,
  revision: Revision,
  rules: TransactionRules = defaultTransactionRules(revision),
): string | undefined {
  const rangeError = fieldRangeError(tx);
  if (rangeError !== undefined) return rangeError;
  if (revision >= Revision.Osaka && tx.gasLimit > TX_GAS_LIMIT_CAP) return 'GAS_LIMIT_EXCEEDS_MAXIMUM';
  const error = typeError(tx, block, revision);
  if (error !== undefined) return error;
  if (tx.gasLimit > block.gasLimit) return 'GAS_ALLOWANCE_EXCEEDED';
  if (maxFeePerGas(tx) < blockBaseFee(block, revision)) return 'INSUFFICIENT_MAX_FEE_PER_GAS';
  return senderError(state, tx, revision, rules) ?? affordabilityError(state, tx, revision, rules);
}
