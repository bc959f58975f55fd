import {
  type Address,
  type Message,
  type MessageExecutor,
  type Result,
  Revision,
  type TxContext,
} from '@tandem-evm/host';
import { concatBytes, wordToBytes } from '@tandem-evm/primitives';
import { CONSOLIDATION_REQUEST_TYPE, InvalidBlockError, WITHDRAWAL_REQUEST_TYPE } from './requests.js';
import {
  BEACON_ROOTS_ADDRESS,
  CONSOLIDATION_REQUEST_ADDRESS,
  HISTORY_STORAGE_ADDRESS,
  WITHDRAWAL_REQUEST_ADDRESS,
} from './system-contracts.js';
import { blobBaseFee } from './transaction/blob-fees.js';
import type { BlockEnv } from './transaction/types.js';
import type { WorldState } from './world-state.js';

// Block-level system calls, as the final EIP texts specify them:
// - EIP-4788 (Cancun) and EIP-2935 (Prague), at the start of the block, before any transaction:
//   "the call must execute to completion", and "if no code exists at [the address], the call
//   must fail silently". Neither text makes a failed call invalidate the block: its result is
//   returned for the caller to see.
// - EIP-7002 and EIP-7251 (Prague), at the end of the block, after every transaction, with no
//   calldata: "If there is no code at [the address], the corresponding block MUST be marked
//   invalid", and "If the call to the contract fails or returns an error, the block MUST be
//   invalidated" (InvalidBlockError here). The output is the request data, in the order the
//   contract dequeued the requests.
// All four: SYSTEM_ADDRESS calls with 30,000,000 gas and no value; the gas does not count
// against the block's, and no fee is burned or paid. The state tests' runners make none of
// these calls (a state test is one transaction); a block builder does.

/** The caller of system calls (EIP-4788). */
export const SYSTEM_ADDRESS: Address = 0xfffffffffffffffffffffffffffffffffffffffen;
/** Gas of a system call. */
export const SYSTEM_CALL_GAS = 30_000_000n;

/**
 * A system call: SYSTEM_ADDRESS calls `address` with `input`, SYSTEM_CALL_GAS
 * gas and no value, outside any transaction: no fee, no nonce, nothing
 * pre-warmed (it starts from empty EIP-2929 access sets, and nothing it warms
 * carries over to the block's transactions). It ends as a transaction does:
 * self-destructed accounts, then touched empty ones (EIP-161), are deleted, so
 * SYSTEM_ADDRESS is not created. Inside, ORIGIN and CALLER are SYSTEM_ADDRESS,
 * GASPRICE is 0 and the block's fields are `block`'s.
 *
 * Returns the call's result, or undefined when `address` has no code (nothing runs).
 */
export function systemCall(
  state: WorldState,
  executor: MessageExecutor,
  block: BlockEnv,
  address: Address,
  input: Uint8Array,
): Result | undefined {
  if (state.getCode(address).length === 0) return undefined;
  const revision = executor.revision;
  const context: TxContext = {
    origin: SYSTEM_ADDRESS,
    gasPrice: 0n,
    coinbase: block.coinbase,
    number: block.number,
    timestamp: block.timestamp,
    gasLimit: block.gasLimit,
    prevRandao: block.prevRandao,
    chainId: block.chainId ?? 1n,
    baseFee: block.baseFee,
    blobHashes: [],
    blobBaseFee: revision >= Revision.Cancun ? blobBaseFee(block.excessBlobGas, revision) : 0n,
  };
  state.beginTransaction(context);
  const message: Message = {
    kind: 'call',
    depth: 0,
    gas: SYSTEM_CALL_GAS,
    sender: SYSTEM_ADDRESS,
    recipient: address,
    codeAddress: address,
    value: 0n,
    input,
    isStatic: false,
  };
  const result = executor.execute(message, state);
  state.finalizeTransaction({ deleteEmptyTouched: true });
  return result;
}

/**
 * EIP-4788 (Cancun): the block-start system call that stores the parent
 * beacon block root (`parentBeaconBlockRoot`, from the header) in the beacon
 * roots contract, keyed by the block's timestamp. Returns the call's result,
 * or undefined when nothing ran: before Cancun, or when BEACON_ROOTS_ADDRESS
 * has no code. (A genesis block makes no system call.)
 */
export function applyBeaconRoot(
  state: WorldState,
  executor: MessageExecutor,
  block: BlockEnv,
  parentBeaconBlockRoot: bigint,
): Result | undefined {
  if (executor.revision < Revision.Cancun) return undefined;
  return systemCall(state, executor, block, BEACON_ROOTS_ADDRESS, wordToBytes(parentBeaconBlockRoot));
}

/**
 * EIP-2935 (Prague): the block-start system call that stores the parent's hash
 * in the history contract, at slot (number − 1) mod 8191. Returns the call's
 * result, or undefined when nothing ran: before Prague, or when
 * HISTORY_STORAGE_ADDRESS has no code. BLOCKHASH does not read this contract
 * (its 256-block window is unchanged).
 */
export function applyBlockHashHistory(
  state: WorldState,
  executor: MessageExecutor,
  block: BlockEnv,
  parentHash: bigint,
): Result | undefined {
  if (executor.revision < Revision.Prague) return undefined;
  return systemCall(state, executor, block, HISTORY_STORAGE_ADDRESS, wordToBytes(parentHash));
}

/** An end-of-block system call whose output is request data: `type ‖ output`, or InvalidBlockError. */
function collectRequests(
  state: WorldState,
  executor: MessageExecutor,
  block: BlockEnv,
  address: Address,
  type: number,
): Uint8Array {
  if (executor.revision < Revision.Prague) throw new RangeError('requests: system contracts start in Prague');
  const result = systemCall(state, executor, block, address, new Uint8Array(0));
  if (result === undefined) {
    throw new InvalidBlockError(`request type ${type}: no code at its system contract`);
  }
  if (result.status !== 'success') {
    throw new InvalidBlockError(`request type ${type}: the system call failed (${result.status})`);
  }
  return concatBytes(Uint8Array.of(type), result.output);
}

/**
 * EIP-7002 (Prague): the end-of-block system call to the withdrawal request
 * contract, which dequeues up to 16 requests. Returns the requests item
 * `0x01 ‖ records`, each record 76 bytes: source address ‖ validator pubkey ‖
 * amount (uint64, little-endian). Throws InvalidBlockError when the contract
 * has no code or the call fails, RangeError before Prague.
 */
export function collectWithdrawalRequests(
  state: WorldState,
  executor: MessageExecutor,
  block: BlockEnv,
): Uint8Array {
  return collectRequests(state, executor, block, WITHDRAWAL_REQUEST_ADDRESS, WITHDRAWAL_REQUEST_TYPE);
}

/**
 * EIP-7251 (Prague): the end-of-block system call to the consolidation request
 * contract, which dequeues up to 2 requests. Returns the requests item
 * `0x02 ‖ records`, each record 116 bytes: source address ‖ source pubkey ‖
 * target pubkey. Throws as collectWithdrawalRequests does.
 */
export function collectConsolidationRequests(
  state: WorldState,
  executor: MessageExecutor,
  block: BlockEnv,
): Uint8Array {
  return collectRequests(state, executor, block, CONSOLIDATION_REQUEST_ADDRESS, CONSOLIDATION_REQUEST_TYPE);
}
