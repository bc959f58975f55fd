import type { ExecutionContext } from '@tandem-evm/frame';
import { ADDITIONAL_COLD_ACCOUNT_ACCESS_COST, ADDITIONAL_COLD_SLOAD_COST } from '@tandem-evm/gas';
import { type Address, Revision } from '@tandem-evm/host';
import { chargeGas } from './memory.js';

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
