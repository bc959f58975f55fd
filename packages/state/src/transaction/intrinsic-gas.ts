// Gas a transaction is charged for what it carries, before any code runs.
import {
  ACCESS_LIST_ADDRESS_GAS,
  ACCESS_LIST_STORAGE_KEY_GAS,
  INITCODE_WORD_GAS,
  TOKENS_PER_NON_ZERO_BYTE,
  TOTAL_COST_FLOOR_PER_TOKEN,
  TX_BASE_GAS,
  TX_CREATE_GAS,
  TX_DATA_NON_ZERO_GAS_FRONTIER,
  TX_DATA_NON_ZERO_GAS_ISTANBUL,
  TX_DATA_ZERO_GAS,
} from '@tandem-evm/gas';
import { Revision } from '@tandem-evm/host';
import { PER_EMPTY_ACCOUNT_COST } from '../authorization.js';
import type { Transaction } from './types.js';

function countZeroBytes(data: Uint8Array): number {
  let zeros = 0;
  for (let i = 0; i < data.length; i++) if (data[i] === 0) zeros++;
  return zeros;
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
  let gas = isCreate && revision >= Revision.Homestead ? TX_CREATE_GAS : TX_BASE_GAS;
  const nonZeroCost =
    revision >= Revision.Istanbul ? TX_DATA_NON_ZERO_GAS_ISTANBUL : TX_DATA_NON_ZERO_GAS_FRONTIER;
  const zeros = countZeroBytes(tx.data);
  gas += BigInt(zeros) * TX_DATA_ZERO_GAS + BigInt(tx.data.length - zeros) * nonZeroCost;
  for (const entry of tx.accessList ?? []) {
    gas += ACCESS_LIST_ADDRESS_GAS + BigInt(entry.storageKeys.length) * ACCESS_LIST_STORAGE_KEY_GAS;
  }
  if (isCreate && meteredInitcode) gas += INITCODE_WORD_GAS * BigInt(Math.ceil(tx.data.length / 32));
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
  const zeros = countZeroBytes(tx.data);
  const tokens = BigInt(zeros) + TOKENS_PER_NON_ZERO_BYTE * BigInt(tx.data.length - zeros);
  return TX_BASE_GAS + TOTAL_COST_FLOOR_PER_TOKEN * tokens;
}
