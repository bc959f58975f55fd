import {
  type Address,
  type Message,
  type MessageExecutor,
  type Result,
  Revision,
  type TxContext,
} from '@tandem-evm/host';
import { hexToBytes, wordToBytes } from '@tandem-evm/primitives';
import type { BlockEnv } from './transaction.js';
import type { WorldState } from './world-state.js';

/** EIP-2935 (Prague): historical block hashes served from a system contract's storage. */
export const HISTORY_STORAGE_ADDRESS: Address = 0x0000f90827f1c53a10cb7a02335b175320002935n;
/** The caller of system calls (EIP-4788). */
export const SYSTEM_ADDRESS: Address = 0xfffffffffffffffffffffffffffffffffffffffen;
/** Blocks whose hashes the contract keeps, in a ring buffer of as many slots. */
export const HISTORY_SERVE_WINDOW = 8191n;
/** Gas of a system call. */
export const SYSTEM_CALL_GAS = 30_000_000n;

/**
 * The runtime code EIP-2935 deploys at HISTORY_STORAGE_ADDRESS: called by
 * SYSTEM_ADDRESS it stores calldata[0:32] at slot (number − 1) mod 8191
 * (`set`); called by anyone else with a 32-byte block number in
 * [number − 8191, number − 1] it returns that block's hash, and otherwise reverts (`get`).
 */
export const HISTORY_STORAGE_CODE: Uint8Array = hexToBytes(
  '0x3373fffffffffffffffffffffffffffffffffffffffe14604657602036036042575f35600143038111604257611fff81430311604257611fff9006545f5260205ff35b5f5ffd5b5f35611fff60014303065500',
);

/**
 * EIP-2935's block-start system call: before the first transaction of a
 * Prague block, SYSTEM_ADDRESS calls HISTORY_STORAGE_ADDRESS with the
 * parent's hash as input, 30,000,000 gas and no value, outside any
 * transaction (no fee, no nonce, nothing warmed for the block's
 * transactions). Returns the call's result, or undefined when nothing ran:
 * before Prague, or when the address holds no code (the call "fails silently").
 *
 * The BLOCKHASH instruction does not read this contract (its 256-block window
 * is unchanged). State-test runners do not make this call (a state test is
 * one transaction; its pre-state holds no history contract unless the test
 * deploys one), and neither does `tandem statetest`; a block builder does.
 */
export function applyBlockHashHistory(
  state: WorldState,
  executor: MessageExecutor,
  block: BlockEnv,
  parentHash: bigint,
): Result | undefined {
  if (executor.revision < Revision.Prague) return undefined;
  if (state.getCode(HISTORY_STORAGE_ADDRESS).length === 0) return undefined;
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
    blobBaseFee: 0n,
  };
  state.beginTransaction(context);
  const message: Message = {
    kind: 'call',
    depth: 0,
    gas: SYSTEM_CALL_GAS,
    sender: SYSTEM_ADDRESS,
    recipient: HISTORY_STORAGE_ADDRESS,
    codeAddress: HISTORY_STORAGE_ADDRESS,
    value: 0n,
    input: wordToBytes(parentHash),
    isStatic: false,
  };
  const result = executor.execute(message, state);
  state.finalizeTransaction({ deleteEmptyTouched: true });
  return result;
}
