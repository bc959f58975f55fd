import {
  type Address,
  type Log,
  type Message,
  type MessageExecutor,
  type Result,
  Revision,
  type Status,
  type TxContext,
} from '@tandem-evm/host';
import { precompileAddresses } from '@tandem-evm/precompiles';
import type { WorldState } from './world-state.js';

/** EIP-2718 transaction types up to Cancun. */
export type TransactionType = 0 | 1 | 2 | 3;

export interface AccessListEntry {
  readonly address: Address;
  readonly storageKeys: readonly bigint[];
}

/**
 * A transaction whose sender is already known (recovered from the signature,
 * or given, as state tests do). Fees: a legacy or EIP-2930 transaction sets
 * `gasPrice`; an EIP-1559 or EIP-4844 one sets `maxFeePerGas` and
 * `maxPriorityFeePerGas`.
 */
export interface Transaction {
  /** Derived when absent: 3 with blob hashes, 2 with `maxFeePerGas`, 1 with an access list, else 0. */
  readonly type?: TransactionType;
  readonly sender: Address;
  /** The callee; `null` for a contract creation. */
  readonly to: Address | null;
  readonly nonce: bigint;
  readonly gasLimit: bigint;
  readonly value: bigint;
  readonly data: Uint8Array;
  readonly gasPrice?: bigint;
  readonly maxFeePerGas?: bigint;
  readonly maxPriorityFeePerGas?: bigint;
  readonly accessList?: readonly AccessListEntry[];
  /** EIP-4844 (type 3). */
  readonly maxFeePerBlobGas?: bigint;
  readonly blobVersionedHashes?: readonly bigint[];
}

/** The block a transaction runs in. */
export interface BlockEnv {
  readonly coinbase: Address;
  readonly number: bigint;
  readonly timestamp: bigint;
  readonly gasLimit: bigint;
  /** PREVRANDAO from Paris, DIFFICULTY before. */
  readonly prevRandao: bigint;
  /** EIP-1559 base fee; ignored before London. */
  readonly baseFee: bigint;
  /** EIP-4844 excess blob gas, the input of the blob base fee; ignored before Cancun. */
  readonly excessBlobGas: bigint;
  /** Default 1 (mainnet). */
  readonly chainId?: bigint;
}

/** A transaction the block cannot include: the state is unchanged. */
export interface RejectedTransaction {
  readonly kind: 'rejected';
  /** Why, in the words of ethereum/tests' `TransactionException` names (e.g. `INTRINSIC_GAS_TOO_LOW`). */
  readonly reason: string;
}

/** A transaction that ran (successfully or not: a failed one still pays). */
export interface ExecutedTransaction {
  readonly kind: 'executed';
  /** How the top-level frame ended. */
  readonly status: Status;
  /** Gas the sender paid for, after the refund. */
  readonly gasUsed: bigint;
  /** The refund subtracted from the gas used (EIP-3529 cap applied). */
  readonly gasRefund: bigint;
  readonly output: Uint8Array;
  readonly logs: readonly Log[];
  /** The new contract of a successful creation. */
  readonly createdAddress?: Address;
}

export type TransactionOutcome = RejectedTransaction | ExecutedTransaction;

const TX_GAS = 21000n;
/** Homestead (EIP-2) charges creations 32,000 more. */
const TX_CREATE_GAS = 53000n;
const TX_DATA_ZERO_GAS = 4n;
const TX_DATA_NON_ZERO_GAS_FRONTIER = 68n;
/** EIP-2028 (Istanbul). */
const TX_DATA_NON_ZERO_GAS_ISTANBUL = 16n;
/** EIP-2930 (Berlin). */
const ACCESS_LIST_ADDRESS_GAS = 2400n;
const ACCESS_LIST_STORAGE_KEY_GAS = 1900n;
/** EIP-3860 (Shanghai). */
const INITCODE_WORD_GAS = 2n;
const MAX_INITCODE_SIZE = 0xc000;
/** EIP-4844. */
const GAS_PER_BLOB = 1n << 17n;
const MAX_BLOB_GAS_PER_BLOCK = 786432n;
const MIN_BLOB_BASE_FEE = 1n;
const BLOB_BASE_FEE_UPDATE_FRACTION = 3338477n;
const BLOB_COMMITMENT_VERSION_KZG = 0x01n;

const MAX_UINT64 = (1n << 64n) - 1n;
const MAX_UINT256 = (1n << 256n) - 1n;
const MAX_ADDRESS = (1n << 160n) - 1n;

/** The transaction's type, as `Transaction.type` documents. */
export function transactionType(tx: Transaction): TransactionType {
  if (tx.type !== undefined) return tx.type;
  if (tx.blobVersionedHashes !== undefined) return 3;
  if (tx.maxFeePerGas !== undefined) return 2;
  if (tx.accessList !== undefined) return 1;
  return 0;
}

/**
 * Gas charged before any code runs: 21,000 (53,000 for a creation from
 * Homestead), per data byte 4 if zero and 68 (16 from Istanbul, EIP-2028)
 * otherwise, per access-list address 2,400 and storage key 1,900 (EIP-2930),
 * and 2 per 32-byte word of initcode (Shanghai, EIP-3860).
 */
export function intrinsicGas(tx: Transaction, revision: Revision): bigint {
  const isCreate = tx.to === null;
  let gas = isCreate && revision >= Revision.Homestead ? TX_CREATE_GAS : TX_GAS;
  const nonZeroCost =
    revision >= Revision.Istanbul ? TX_DATA_NON_ZERO_GAS_ISTANBUL : TX_DATA_NON_ZERO_GAS_FRONTIER;
  let zeros = 0;
  const data = tx.data;
  for (let i = 0; i < data.length; i++) if (data[i] === 0) zeros++;
  gas += BigInt(zeros) * TX_DATA_ZERO_GAS + BigInt(data.length - zeros) * nonZeroCost;
  for (const entry of tx.accessList ?? []) {
    gas += ACCESS_LIST_ADDRESS_GAS + BigInt(entry.storageKeys.length) * ACCESS_LIST_STORAGE_KEY_GAS;
  }
  if (isCreate && revision >= Revision.Shanghai)
    gas += INITCODE_WORD_GAS * BigInt(Math.ceil(data.length / 32));
  return gas;
}

/** `factor * e^(numerator / denominator)`, approximated as EIP-4844 specifies. */
function fakeExponential(factor: bigint, numerator: bigint, denominator: bigint): bigint {
  let output = 0n;
  let accumulator = factor * denominator;
  for (let i = 1n; accumulator > 0n; i++) {
    output += accumulator;
    accumulator = (accumulator * numerator) / (denominator * i);
  }
  return output / denominator;
}

/** The EIP-4844 blob base fee for a block's excess blob gas (Cancun). */
export function blobBaseFee(excessBlobGas: bigint): bigint {
  return fakeExponential(MIN_BLOB_BASE_FEE, excessBlobGas, BLOB_BASE_FEE_UPDATE_FRACTION);
}

/** Blob gas a transaction uses: 2^17 per blob. */
export function blobGasUsed(tx: Transaction): bigint {
  return BigInt(tx.blobVersionedHashes?.length ?? 0) * GAS_PER_BLOB;
}

function maxFeePerGas(tx: Transaction): bigint {
  return tx.gasPrice ?? tx.maxFeePerGas ?? 0n;
}

function maxPriorityFeePerGas(tx: Transaction): bigint {
  return tx.gasPrice ?? tx.maxPriorityFeePerGas ?? 0n;
}

function baseFeeOf(block: BlockEnv, revision: Revision): bigint {
  return revision >= Revision.London ? block.baseFee : 0n;
}

function blobBaseFeeOf(block: BlockEnv, revision: Revision): bigint {
  return revision >= Revision.Cancun ? blobBaseFee(block.excessBlobGas) : 0n;
}

/** Values a signed transaction cannot encode (ethereum/tests: `RLP_INVALID_VALUE` and the like). */
function fieldRangeError(tx: Transaction): string | undefined {
  const uint256Fields: [string, bigint | undefined][] = [
    ['value', tx.value],
    ['gasPrice', tx.gasPrice],
    ['maxFeePerGas', tx.maxFeePerGas],
    ['maxPriorityFeePerGas', tx.maxPriorityFeePerGas],
    ['maxFeePerBlobGas', tx.maxFeePerBlobGas],
  ];
  for (const [field, value] of uint256Fields) {
    if (value !== undefined && (value < 0n || value > MAX_UINT256)) return `RLP_INVALID_VALUE: ${field}`;
  }
  if (tx.nonce < 0n || tx.nonce > MAX_UINT64) return 'RLP_INVALID_VALUE: nonce';
  if (tx.gasLimit < 0n || tx.gasLimit > MAX_UINT64) return 'RLP_INVALID_VALUE: gasLimit';
  if (tx.sender < 0n || tx.sender > MAX_ADDRESS) return 'RLP_INVALID_VALUE: sender';
  if (tx.to !== null && (tx.to < 0n || tx.to > MAX_ADDRESS)) return 'RLP_INVALID_VALUE: to';
  return undefined;
}

/**
 * Checks a transaction against the state and the block, in evmone's order
 * (`validate_transaction`). Returns the rejection reason, or undefined when
 * the transaction may run.
 */
export function validateTransaction(
  state: WorldState,
  tx: Transaction,
  block: BlockEnv,
  revision: Revision,
): string | undefined {
  const rangeError = fieldRangeError(tx);
  if (rangeError !== undefined) return rangeError;
  const type = transactionType(tx);
  const maxFee = maxFeePerGas(tx);
  const maxPriorityFee = maxPriorityFeePerGas(tx);
  if (type === 3) {
    if (revision < Revision.Cancun) return 'TYPE_NOT_SUPPORTED';
    const hashes = tx.blobVersionedHashes ?? [];
    if (tx.to === null) return 'TYPE_3_TX_CONTRACT_CREATION';
    if (hashes.length === 0) return 'TYPE_3_TX_ZERO_BLOBS';
    if ((tx.maxFeePerBlobGas ?? 0n) < blobBaseFeeOf(block, revision))
      return 'INSUFFICIENT_MAX_FEE_PER_BLOB_GAS';
    if (hashes.some((hash) => hash >> 248n !== BLOB_COMMITMENT_VERSION_KZG)) {
      return 'TYPE_3_TX_INVALID_BLOB_VERSIONED_HASH';
    }
    if (blobGasUsed(tx) > MAX_BLOB_GAS_PER_BLOCK) return 'TYPE_3_TX_MAX_BLOB_GAS_ALLOWANCE_EXCEEDED';
  }
  if (type >= 2) {
    if (revision < Revision.London) return 'TYPE_NOT_SUPPORTED';
    if (maxPriorityFee > maxFee) return 'PRIORITY_GREATER_THAN_MAX_FEE_PER_GAS';
  }
  if (type >= 1 && revision < Revision.Berlin) return 'TYPE_NOT_SUPPORTED';

  if (tx.gasLimit > block.gasLimit) return 'GAS_ALLOWANCE_EXCEEDED';
  if (maxFee < baseFeeOf(block, revision)) return 'INSUFFICIENT_MAX_FEE_PER_GAS';
  // EIP-3607: the sender must not be a contract.
  if (state.getCode(tx.sender).length !== 0) return 'SENDER_NOT_EOA';
  const nonce = state.getNonce(tx.sender);
  // EIP-2681.
  if (nonce === MAX_UINT64) return 'NONCE_IS_MAX';
  if (nonce < tx.nonce) return 'NONCE_MISMATCH_TOO_HIGH';
  if (nonce > tx.nonce) return 'NONCE_MISMATCH_TOO_LOW';
  if (revision >= Revision.Shanghai && tx.to === null && tx.data.length > MAX_INITCODE_SIZE) {
    return 'INITCODE_SIZE_EXCEEDED';
  }
  let maxCost = tx.gasLimit * maxFee + tx.value;
  if (type === 3) maxCost += blobGasUsed(tx) * (tx.maxFeePerBlobGas ?? 0n);
  if (state.getBalance(tx.sender) < maxCost) return 'INSUFFICIENT_ACCOUNT_FUNDS';
  if (tx.gasLimit < intrinsicGas(tx, revision)) return 'INTRINSIC_GAS_TOO_LOW';
  return undefined;
}

/**
 * Runs one transaction against `state`, with `executor` (an `Evm` from
 * `@tandem-evm/evm`) running the top-level CALL or CREATE, and ends the
 * transaction (self-destructs, EIP-161 touched-empty deletion from Spurious
 * Dragon).
 *
 * The phases: validation (a rejected transaction leaves the state
 * unchanged); the up-front purchase of `gasLimit` gas at the effective price
 * plus the blob fee, and the nonce increment (for a creation, the executor's
 * CREATE does it, since it derives the new address from the nonce); the
 * EIP-2929 warm set (sender, callee, precompiles, access list, and from
 * Shanghai the coinbase, EIP-3651); the top-level frame; the refund, capped
 * at gasUsed/2 (gasUsed/5 from London, EIP-3529); the sender's change and
 * the coinbase's priority fee (the base fee and the blob fee are burned).
 */
export function executeTransaction(
  state: WorldState,
  executor: MessageExecutor,
  tx: Transaction,
  block: BlockEnv,
): TransactionOutcome {
  const revision = executor.revision;
  const reason = validateTransaction(state, tx, block, revision);
  if (reason !== undefined) return { kind: 'rejected', reason };

  const baseFee = baseFeeOf(block, revision);
  const maxFee = maxFeePerGas(tx);
  const tip = maxPriorityFeePerGas(tx);
  const headroom = maxFee - baseFee;
  // biome-ignore lint/complexity/useMathMinMax: bigints; Math.min takes numbers only.
  const priorityFee = tip < headroom ? tip : headroom;
  const effectiveGasPrice = baseFee + priorityFee;
  const blobFee = blobBaseFeeOf(block, revision);
  const context: TxContext = {
    origin: tx.sender,
    gasPrice: effectiveGasPrice,
    coinbase: block.coinbase,
    number: block.number,
    timestamp: block.timestamp,
    gasLimit: block.gasLimit,
    prevRandao: block.prevRandao,
    chainId: block.chainId ?? 1n,
    baseFee,
    blobHashes: tx.blobVersionedHashes ?? [],
    blobBaseFee: blobFee,
  };
  state.beginTransaction(context);

  const sender = tx.sender;
  const upFront = tx.gasLimit * effectiveGasPrice + blobGasUsed(tx) * blobFee;
  state.setBalance(sender, state.getBalance(sender) - upFront);
  if (tx.to !== null) state.setNonce(sender, state.getNonce(sender) + 1n);

  if (revision >= Revision.Berlin) {
    state.accessAccount(sender);
    if (tx.to !== null) state.accessAccount(tx.to);
    for (const address of precompileAddresses(revision)) state.accessAccount(address);
    for (const entry of tx.accessList ?? []) {
      state.accessAccount(entry.address);
      for (const key of entry.storageKeys) state.accessStorage(entry.address, key);
    }
    if (revision >= Revision.Shanghai) state.accessAccount(block.coinbase);
  }

  const gas = tx.gasLimit - intrinsicGas(tx, revision);
  const message: Message = {
    kind: tx.to === null ? 'create' : 'call',
    depth: 0,
    gas,
    sender,
    recipient: tx.to ?? 0n,
    codeAddress: tx.to ?? 0n,
    value: tx.value,
    input: tx.data,
    isStatic: false,
  };
  const result: Result = executor.execute(message, state);

  let gasUsed = tx.gasLimit - result.gasLeft;
  const refundCap = gasUsed / (revision >= Revision.London ? 5n : 2n);
  const gasRefund = result.gasRefund < refundCap ? result.gasRefund : refundCap;
  gasUsed -= gasRefund;
  state.setBalance(sender, state.getBalance(sender) + (tx.gasLimit - gasUsed) * effectiveGasPrice);
  // A balance write touches the coinbase even when the fee is zero (EIP-161).
  state.setBalance(block.coinbase, state.getBalance(block.coinbase) + gasUsed * priorityFee);

  const logs = state.logs;
  state.finalizeTransaction({ deleteEmptyTouched: revision >= Revision.SpuriousDragon });
  return {
    kind: 'executed',
    status: result.status,
    gasUsed,
    gasRefund,
    output: result.output,
    logs,
    ...(result.createdAddress !== undefined ? { createdAddress: result.createdAddress } : {}),
  };
}

/**
 * Ends a block: pays `reward` to the coinbase (state tests pay zero) and,
 * from Spurious Dragon, deletes it if it is empty, since paying touches it.
 * The state's logs are cleared.
 */
export function applyBlockReward(
  state: WorldState,
  coinbase: Address,
  reward: bigint,
  revision: Revision,
): void {
  state.beginTransaction(state.getTxContext());
  state.setBalance(coinbase, state.getBalance(coinbase) + reward);
  state.finalizeTransaction({ deleteEmptyTouched: revision >= Revision.SpuriousDragon });
}
