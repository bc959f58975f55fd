import type { Address, Revision } from '@tandem-evm/host';
import { addressToHex, keccak256 } from '@tandem-evm/primitives';
import {
  blobBaseFee,
  floorDataGas,
  intrinsicGas,
  maxCost,
  type Transaction,
  TX_GAS_LIMIT_CAP,
  type WorldState,
} from '@tandem-evm/state';

/** An address in EIP-55's mixed-case checksum form, as go-ethereum prints addresses in its errors. */
export function checksumAddress(address: Address): string {
  const hex = addressToHex(address).slice(2);
  const hash = keccak256(Uint8Array.from(hex, (char) => char.charCodeAt(0)));
  let out = '0x';
  for (let i = 0; i < hex.length; i++) {
    const nibble = (hash[i >> 1]! >> (i % 2 === 0 ? 4 : 0)) & 0xf;
    out += nibble >= 8 ? hex[i]!.toUpperCase() : hex[i]!;
  }
  return out;
}

/** What a rejection message may quote: the transaction, the state it met and the block's fees. */
export interface RejectionContext {
  readonly tx: Transaction;
  readonly state: WorldState;
  readonly revision: Revision;
  readonly baseFee: bigint;
  readonly excessBlobGas: bigint;
}

type Message = (context: RejectionContext, from: string) => string;

/**
 * go-ethereum's words for each rejection reason of `validateTransaction`
 * (ethereum/tests' names), so that a filler's geth error mapper reads
 * Tandem's too. A reason not listed is printed as its name.
 */
const MESSAGES: Readonly<Record<string, Message>> = {
  NONCE_MISMATCH_TOO_LOW: ({ tx, state }, from) =>
    `nonce too low: address ${from}, tx: ${tx.nonce} state: ${state.getNonce(tx.sender)}`,
  NONCE_MISMATCH_TOO_HIGH: ({ tx, state }, from) =>
    `nonce too high: address ${from}, tx: ${tx.nonce} state: ${state.getNonce(tx.sender)}`,
  NONCE_IS_MAX: ({ state, tx }, from) =>
    `nonce has max value: address ${from}, nonce: ${state.getNonce(tx.sender)}`,
  INSUFFICIENT_ACCOUNT_FUNDS: ({ tx, state }, from) =>
    `insufficient funds for gas * price + value: address ${from} have ${state.getBalance(tx.sender)} want ${maxCost(tx)}`,
  INTRINSIC_GAS_TOO_LOW: ({ tx, revision }) =>
    `intrinsic gas too low: have ${tx.gasLimit}, want ${intrinsicGas(tx, revision)}`,
  INTRINSIC_GAS_BELOW_FLOOR_GAS_COST: ({ tx, revision }) =>
    `insufficient gas for floor data gas cost: have ${tx.gasLimit}, want ${floorDataGas(tx, revision)}`,
  INSUFFICIENT_MAX_FEE_PER_GAS: ({ tx, baseFee }, from) =>
    `max fee per gas less than block base fee: address ${from}, maxFeePerGas: ${tx.maxFeePerGas ?? tx.gasPrice}, baseFee: ${baseFee}`,
  PRIORITY_GREATER_THAN_MAX_FEE_PER_GAS: ({ tx }, from) =>
    `max priority fee per gas higher than max fee per gas: address ${from}, maxPriorityFeePerGas: ${tx.maxPriorityFeePerGas}, maxFeePerGas: ${tx.maxFeePerGas}`,
  INSUFFICIENT_MAX_FEE_PER_BLOB_GAS: ({ tx, excessBlobGas, revision }, from) =>
    `max fee per blob gas less than block blob gas fee: address ${from} blobGasFeeCap: ${tx.maxFeePerBlobGas}, blobBaseFee: ${blobBaseFee(excessBlobGas, revision)}`,
  SENDER_NOT_EOA: ({ tx, state }, from) =>
    `sender not an eoa: address ${from}, len(code): ${state.getCode(tx.sender).length}`,
  GAS_ALLOWANCE_EXCEEDED: () => 'gas limit reached',
  GAS_LIMIT_EXCEEDS_MAXIMUM: ({ tx }) =>
    `transaction gas limit too high (cap: ${TX_GAS_LIMIT_CAP}, tx: ${tx.gasLimit})`,
  TYPE_NOT_SUPPORTED: () => 'transaction type not supported',
  TYPE_3_TX_CONTRACT_CREATION: () => 'blob transaction of type create',
  TYPE_3_TX_ZERO_BLOBS: () => 'blob transaction missing blob hashes',
  TYPE_3_TX_BLOB_COUNT_EXCEEDED: () => 'blob transaction has too many blobs',
  TYPE_4_TX_CONTRACT_CREATION: (_, from) =>
    `EIP-7702 transaction cannot be used to create contract (sender ${from})`,
  TYPE_4_EMPTY_AUTHORIZATION_LIST: (_, from) => `EIP-7702 transaction with empty auth list (sender ${from})`,
  INITCODE_SIZE_EXCEEDED: ({ tx }) => `max initcode size exceeded: code size ${tx.data.length} limit 49152`,
};

/** The `error` of a rejected transaction in t8n's result, in go-ethereum's words where it has them. */
export function rejectionMessage(reason: string, context: RejectionContext): string {
  const message = MESSAGES[reason];
  return message === undefined ? reason : message(context, checksumAddress(context.tx.sender));
}
