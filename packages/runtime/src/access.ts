import type { ExecutionContext } from '@tandem-evm/frame';
import {
  ADDITIONAL_COLD_ACCOUNT_ACCESS_COST,
  ADDITIONAL_COLD_SLOAD_COST,
  COLD_ACCOUNT_ACCESS_COST,
  WARM_STORAGE_READ_COST,
} from '@tandem-evm/gas';
import { type Address, Revision } from '@tandem-evm/host';
import { delegationTarget } from '@tandem-evm/primitives';
import { chargeGas } from './gas-charges.js';

/** EIP-2929: the first access to an account in a transaction costs the cold surcharge. */
export function chargeAccountAccess(context: ExecutionContext, address: Address): boolean {
  if (context.revision < Revision.Berlin || context.host.accessAccount(address)) return true;
  return chargeGas(context, ADDITIONAL_COLD_ACCOUNT_ACCESS_COST);
}

/** EIP-2929 for SLOAD: the first read of a slot costs the cold surcharge. */
export function chargeSlotAccess(context: ExecutionContext, key: bigint): boolean {
  if (context.revision < Revision.Berlin || context.host.accessStorage(context.message.recipient, key))
    return true;
  return chargeGas(context, ADDITIONAL_COLD_SLOAD_COST);
}

/**
 * EIP-7702 (Prague): a call into an account whose code is a delegation
 * indicator also reads the code of the account it points to, and pays for
 * that access in full (2600 cold, 100 warm, on top of the callee's own
 * access), warming it. Returns false when out of gas.
 */
export function chargeDelegationAccess(context: ExecutionContext, address: Address): boolean {
  const target = delegationTarget(context.host.getCode(address));
  if (target === undefined) return true;
  return chargeGas(
    context,
    context.host.accessAccount(target) ? WARM_STORAGE_READ_COST : COLD_ACCOUNT_ACCESS_COST,
  );
}
