import type { Address, Log, Status } from '@tandem-evm/host';
import type { Authorization } from '../authorization.js';

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

/** The transaction's type, as `Transaction.type` documents (4 with an authorization list). */
export function transactionType(tx: Transaction): TransactionType {
  if (tx.type !== undefined) return tx.type;
  if (tx.authorizationList !== undefined) return 4;
  if (tx.blobVersionedHashes !== undefined) return 3;
  if (tx.maxFeePerGas !== undefined) return 2;
  if (tx.accessList !== undefined) return 1;
  return 0;
}
