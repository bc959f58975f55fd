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
import { delegationTarget } from '@tandem-evm/primitives';
import { type Authorization, applyAuthorizations, PER_EMPTY_ACCOUNT_COST } from './authorization.js';
import type { WorldState } from './world-state.js';

/** EIP-2718 transaction types up to Prague (4: EIP-7702 set code). */
export type TransactionType = 0 | 1 | 2 | 3 | 4;

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
  /** EIP-7702 (type 4, Prague). */
  readonly authorizationList?: readonly Authorization[];
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
const MIN_BLOB_BASE_FEE = 1n;
const BLOB_COMMITMENT_VERSION_KZG = 0x01n;
/** EIP-7623 (Prague): every transaction pays at least 21,000 + 10 per calldata token. */
const TOTAL_COST_FLOOR_PER_TOKEN = 10n;
/** EIP-7825 (Osaka): the most gas one transaction may ask for, 2^24. */
export const TX_GAS_LIMIT_CAP = 1n << 24n;
/** EIP-7594 (Osaka): the most blobs one transaction may carry. */
const MAX_BLOBS_PER_TX_OSAKA = 6;
/** EIP-7918 (Osaka): the blob base fee is held at or above this many units of execution gas per blob. */
const BLOB_BASE_COST = 1n << 13n;

const MAX_UINT64 = (1n << 64n) - 1n;
const MAX_UINT256 = (1n << 256n) - 1n;
const MAX_ADDRESS = (1n << 160n) - 1n;

/** The transaction's type, as `Transaction.type` documents (4 with an authorization list). */
export function transactionType(tx: Transaction): TransactionType {
  if (tx.type !== undefined) return tx.type;
  if (tx.authorizationList !== undefined) return 4;
  if (tx.blobVersionedHashes !== undefined) return 3;
  if (tx.maxFeePerGas !== undefined) return 2;
  if (tx.accessList !== undefined) return 1;
  return 0;
}

/**
 * Gas charged before any code runs: 21,000 (53,000 for a creation from
 * Homestead), per data byte 4 if zero and 68 (16 from Istanbul, EIP-2028)
 * otherwise, per access-list address 2,400 and storage key 1,900 (EIP-2930),
 * 2 per 32-byte word of initcode (Shanghai, EIP-3860), and 25,000 per
 * authorization (Prague, EIP-7702; refunded in part for existing accounts).
 */
export function intrinsicGas(
  tx: Transaction,
  revision: Revision,
  meteredInitcode = revision >= Revision.Shanghai,
): bigint {
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
  if (isCreate && meteredInitcode) gas += INITCODE_WORD_GAS * BigInt(Math.ceil(data.length / 32));
  if (revision >= Revision.Prague) gas += PER_EMPTY_ACCOUNT_COST * BigInt(tx.authorizationList?.length ?? 0);
  return gas;
}

/**
 * EIP-7623 (Prague): the least gas a transaction is charged, 21,000 + 10 per
 * calldata token (a zero byte is one token, any other byte four); 0 before
 * Prague. A transaction must be able to pay it, and pays it when its intrinsic
 * gas plus execution (after refunds) comes to less.
 */
export function floorDataGas(tx: Transaction, revision: Revision): bigint {
  if (revision < Revision.Prague) return 0n;
  let zeros = 0;
  const data = tx.data;
  for (let i = 0; i < data.length; i++) if (data[i] === 0) zeros++;
  const tokens = BigInt(zeros) + 4n * BigInt(data.length - zeros);
  return TX_GAS + TOTAL_COST_FLOOR_PER_TOKEN * tokens;
}

/** A revision's blob parameters (EIP-4844; EIP-7691 from Prague), in blob gas. */
export interface BlobSchedule {
  readonly targetBlobGasPerBlock: bigint;
  readonly maxBlobGasPerBlock: bigint;
  readonly baseFeeUpdateFraction: bigint;
}

const CANCUN_BLOBS: BlobSchedule = {
  targetBlobGasPerBlock: 3n * GAS_PER_BLOB,
  maxBlobGasPerBlock: 6n * GAS_PER_BLOB,
  baseFeeUpdateFraction: 3338477n,
};
/** EIP-7691: target 6 and max 9 blobs, a new update fraction. Osaka keeps them. */
const PRAGUE_BLOBS: BlobSchedule = {
  targetBlobGasPerBlock: 6n * GAS_PER_BLOB,
  maxBlobGasPerBlock: 9n * GAS_PER_BLOB,
  baseFeeUpdateFraction: 5007716n,
};

/** The blob schedule of `revision` (Cancun's before Cancun, where blobs do not exist). */
export function blobSchedule(revision: Revision): BlobSchedule {
  return revision >= Revision.Prague ? PRAGUE_BLOBS : CANCUN_BLOBS;
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

/** The EIP-4844 blob base fee for a block's excess blob gas, with the update fraction of `revision`. */
export function blobBaseFee(excessBlobGas: bigint, revision: Revision = Revision.Cancun): bigint {
  return fakeExponential(MIN_BLOB_BASE_FEE, excessBlobGas, blobSchedule(revision).baseFeeUpdateFraction);
}

/** What the next block's excess blob gas depends on. */
export interface ParentBlobGas {
  readonly excessBlobGas: bigint;
  readonly blobGasUsed: bigint;
  readonly baseFee: bigint;
}

/**
 * A block's excess blob gas from its parent's (EIP-4844 `calc_excess_blob_gas`,
 * with the schedule of `revision`). From Osaka (EIP-7918), while a blob's base
 * fee is below the price of 2^13 execution gas, the target is not subtracted:
 * the excess grows by the blob gas used times (max − target) / max.
 */
export function nextExcessBlobGas(parent: ParentBlobGas, revision: Revision): bigint {
  const schedule = blobSchedule(revision);
  const target = schedule.targetBlobGasPerBlock;
  if (parent.excessBlobGas + parent.blobGasUsed < target) return 0n;
  if (
    revision >= Revision.Osaka &&
    BLOB_BASE_COST * parent.baseFee > GAS_PER_BLOB * blobBaseFee(parent.excessBlobGas, revision)
  ) {
    const max = schedule.maxBlobGasPerBlock;
    return parent.excessBlobGas + (parent.blobGasUsed * (max - target)) / max;
  }
  return parent.excessBlobGas + parent.blobGasUsed - target;
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
  return revision >= Revision.Cancun ? blobBaseFee(block.excessBlobGas, revision) : 0n;
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
  // EIP-7702's bounds on an authorization tuple's fields.
  for (const { chainId, address, nonce, yParity, r, s } of tx.authorizationList ?? []) {
    if (chainId < 0n || chainId > MAX_UINT256) return 'RLP_INVALID_VALUE: authorization chainId';
    if (nonce < 0n || nonce > MAX_UINT64) return 'RLP_INVALID_VALUE: authorization nonce';
    if (address < 0n || address > MAX_ADDRESS) return 'RLP_INVALID_VALUE: authorization address';
    if (yParity < 0n || yParity > 0xffn) return 'RLP_INVALID_VALUE: authorization yParity';
    if (r < 0n || r > MAX_UINT256 || s < 0n || s > MAX_UINT256)
      return 'RLP_INVALID_VALUE: authorization signature';
  }
  return undefined;
}

/**
 * What an executor changes in its revision's transaction rules (an `Evm`'s
 * `eips` and `dev` options; see `MessageExecutor`).
 */
export interface TransactionRules {
  /** EIP-3860: init code limited to 49,152 bytes and charged 2 gas per word. */
  readonly initcodeRules: boolean;
  /** EIP-3651: the coinbase starts warm. */
  readonly warmCoinbase: boolean;
  /** The precompiles that start warm (EIP-2929). */
  readonly precompiles: readonly Address[];
  readonly skipBalanceCheck: boolean;
  readonly skipNonceCheck: boolean;
  readonly unlimitedCodeSize: boolean;
}

/** The transaction rules of a revision, as mainnet has them. */
export function defaultTransactionRules(revision: Revision): TransactionRules {
  return {
    initcodeRules: revision >= Revision.Shanghai,
    warmCoinbase: revision >= Revision.Shanghai,
    precompiles: precompileAddresses(revision),
    skipBalanceCheck: false,
    skipNonceCheck: false,
    unlimitedCodeSize: false,
  };
}

/** The transaction rules `executor` runs by: its revision's, with what it switches. */
export function transactionRules(executor: MessageExecutor): TransactionRules {
  const rules = defaultTransactionRules(executor.revision);
  const dev = executor.dev ?? {};
  const isEipActive = executor.isEipActive?.bind(executor);
  return {
    initcodeRules: isEipActive?.(3860) ?? rules.initcodeRules,
    warmCoinbase: isEipActive?.(3651) ?? rules.warmCoinbase,
    precompiles: executor.precompileAddresses ?? rules.precompiles,
    skipBalanceCheck: dev.skipBalanceCheck === true,
    skipNonceCheck: dev.skipNonceCheck === true,
    unlimitedCodeSize: dev.unlimitedCodeSize === true,
  };
}

/** The most a transaction can cost its sender: all its gas at the fee cap, its value and its blob gas. */
export function maxCost(tx: Transaction): bigint {
  let cost = tx.gasLimit * maxFeePerGas(tx) + tx.value;
  if (transactionType(tx) === 3) cost += blobGasUsed(tx) * (tx.maxFeePerBlobGas ?? 0n);
  return cost;
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
  rules: TransactionRules = defaultTransactionRules(revision),
): string | undefined {
  const rangeError = fieldRangeError(tx);
  if (rangeError !== undefined) return rangeError;
  const type = transactionType(tx);
  const maxFee = maxFeePerGas(tx);
  const maxPriorityFee = maxPriorityFeePerGas(tx);
  // EIP-7825.
  if (revision >= Revision.Osaka && tx.gasLimit > TX_GAS_LIMIT_CAP) return 'GAS_LIMIT_EXCEEDS_MAXIMUM';
  if (type === 4) {
    if (revision < Revision.Prague) return 'TYPE_NOT_SUPPORTED';
    if (tx.to === null) return 'TYPE_4_TX_CONTRACT_CREATION';
    if ((tx.authorizationList ?? []).length === 0) return 'TYPE_4_EMPTY_AUTHORIZATION_LIST';
  }
  if (type === 3) {
    if (revision < Revision.Cancun) return 'TYPE_NOT_SUPPORTED';
    const hashes = tx.blobVersionedHashes ?? [];
    if (tx.to === null) return 'TYPE_3_TX_CONTRACT_CREATION';
    if (hashes.length === 0) return 'TYPE_3_TX_ZERO_BLOBS';
    if (revision >= Revision.Osaka && hashes.length > MAX_BLOBS_PER_TX_OSAKA) {
      return 'TYPE_3_TX_BLOB_COUNT_EXCEEDED';
    }
    if ((tx.maxFeePerBlobGas ?? 0n) < blobBaseFeeOf(block, revision))
      return 'INSUFFICIENT_MAX_FEE_PER_BLOB_GAS';
    if (hashes.some((hash) => hash >> 248n !== BLOB_COMMITMENT_VERSION_KZG)) {
      return 'TYPE_3_TX_INVALID_BLOB_VERSIONED_HASH';
    }
    if (blobGasUsed(tx) > blobSchedule(revision).maxBlobGasPerBlock) {
      return 'TYPE_3_TX_MAX_BLOB_GAS_ALLOWANCE_EXCEEDED';
    }
  }
  if (type >= 2) {
    if (revision < Revision.London) return 'TYPE_NOT_SUPPORTED';
    if (maxPriorityFee > maxFee) return 'PRIORITY_GREATER_THAN_MAX_FEE_PER_GAS';
  }
  if (type >= 1 && revision < Revision.Berlin) return 'TYPE_NOT_SUPPORTED';

  if (tx.gasLimit > block.gasLimit) return 'GAS_ALLOWANCE_EXCEEDED';
  if (maxFee < baseFeeOf(block, revision)) return 'INSUFFICIENT_MAX_FEE_PER_GAS';
  // EIP-3607: the sender must not be a contract; from Prague, an EIP-7702 delegation is allowed.
  const senderCode = state.getCode(tx.sender);
  if (senderCode.length !== 0 && (revision < Revision.Prague || delegationTarget(senderCode) === undefined)) {
    return 'SENDER_NOT_EOA';
  }
  const nonce = state.getNonce(tx.sender);
  // EIP-2681.
  if (nonce === MAX_UINT64) return 'NONCE_IS_MAX';
  if (!rules.skipNonceCheck) {
    if (nonce < tx.nonce) return 'NONCE_MISMATCH_TOO_HIGH';
    if (nonce > tx.nonce) return 'NONCE_MISMATCH_TOO_LOW';
  }
  const limitsInitcode = rules.initcodeRules && !rules.unlimitedCodeSize;
  if (limitsInitcode && tx.to === null && tx.data.length > MAX_INITCODE_SIZE) {
    return 'INITCODE_SIZE_EXCEEDED';
  }
  if (!rules.skipBalanceCheck && state.getBalance(tx.sender) < maxCost(tx)) {
    return 'INSUFFICIENT_ACCOUNT_FUNDS';
  }
  if (tx.gasLimit < intrinsicGas(tx, revision, rules.initcodeRules)) return 'INTRINSIC_GAS_TOO_LOW';
  if (tx.gasLimit < floorDataGas(tx, revision)) return 'INTRINSIC_GAS_BELOW_FLOOR_GAS_COST';
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
 * Shanghai the coinbase, EIP-3651); from Prague, the authorization list
 * (EIP-7702) and the warming of the account a delegated callee's code comes
 * from; the top-level frame; the refund, capped at gasUsed/2 (gasUsed/5 from
 * London, EIP-3529); from Prague, the EIP-7623 floor on the gas used; the
 * sender's change and the coinbase's priority fee (the base fee and the blob
 * fee are burned).
 */
export function executeTransaction(
  state: WorldState,
  executor: MessageExecutor,
  tx: Transaction,
  block: BlockEnv,
): TransactionOutcome {
  const revision = executor.revision;
  const rules = transactionRules(executor);
  const reason = validateTransaction(state, tx, block, revision, rules);
  if (reason !== undefined) return { kind: 'rejected', reason };

  const baseFee = baseFeeOf(block, revision);
  const maxFee = maxFeePerGas(tx);
  const tip = maxPriorityFeePerGas(tx);
  const headroom = maxFee - baseFee;
  // biome-ignore lint/complexity/useMathMinMax: bigints; Math.min takes numbers only.
  const priorityFee = tip < headroom ? tip : headroom;
  const effectiveGasPrice = baseFee + priorityFee;
  const blobFee = blobBaseFeeOf(block, revision);
  const chainId = block.chainId ?? 1n;
  const context: TxContext = {
    origin: tx.sender,
    gasPrice: effectiveGasPrice,
    coinbase: block.coinbase,
    number: block.number,
    timestamp: block.timestamp,
    gasLimit: block.gasLimit,
    prevRandao: block.prevRandao,
    chainId,
    baseFee,
    blobHashes: tx.blobVersionedHashes ?? [],
    blobBaseFee: blobFee,
  };
  state.beginTransaction(context);

  const sender = tx.sender;
  // A dev chain lets a sender who cannot pay run anyway (as ethereumjs's skipBalance does).
  if (rules.skipBalanceCheck && state.getBalance(sender) < maxCost(tx)) state.setBalance(sender, maxCost(tx));
  const upFront = tx.gasLimit * effectiveGasPrice + blobGasUsed(tx) * blobFee;
  state.setBalance(sender, state.getBalance(sender) - upFront);
  if (tx.to !== null) state.setNonce(sender, state.getNonce(sender) + 1n);

  if (revision >= Revision.Berlin) {
    state.accessAccount(sender);
    if (tx.to !== null) state.accessAccount(tx.to);
    for (const address of rules.precompiles) state.accessAccount(address);
    for (const entry of tx.accessList ?? []) {
      state.accessAccount(entry.address);
      for (const key of entry.storageKeys) state.accessStorage(entry.address, key);
    }
    if (rules.warmCoinbase) state.accessAccount(block.coinbase);
  }

  let authorizationRefund = 0n;
  if (revision >= Revision.Prague && tx.to !== null) {
    if (transactionType(tx) === 4) {
      authorizationRefund = applyAuthorizations(state, tx.authorizationList ?? [], chainId);
    }
    // EIP-7702: calling a delegated account also warms the account its code comes from.
    const target = delegationTarget(state.getCode(tx.to));
    if (target !== undefined) state.accessAccount(target);
  }

  const gas = tx.gasLimit - intrinsicGas(tx, revision, rules.initcodeRules);
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
  // The authorization refund stands even when the frame failed (its writes are not rolled back).
  const refund = result.gasRefund + authorizationRefund;
  const gasRefund = refund < refundCap ? refund : refundCap;
  gasUsed -= gasRefund;
  const floor = floorDataGas(tx, revision);
  if (gasUsed < floor) gasUsed = floor;
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
