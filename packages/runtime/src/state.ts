import type { ExecutionContext } from '@tandem-evm/frame';
import {
  ACCOUNT_CREATION_COST,
  COLD_ACCOUNT_ACCESS_COST,
  LOG_DATA_COST_PER_BYTE,
  SELFDESTRUCT_REFUND,
  SSTORE_SENTRY_GAS,
  sstoreCost,
} from '@tandem-evm/gas';
import { type Address, Revision, type Status } from '@tandem-evm/host';
import { chargeGas } from './gas-charges.js';
import { chargeMemory } from './memory.js';

/** SSTORE: the EIP-2200 sentry, EIP-2929 cold slot, the net-metering cost and refund. */
export function sstore(context: ExecutionContext, key: bigint, value: bigint): Status | undefined {
  const { host, revision, message } = context;
  if (message.isStatic) return 'static-mode-violation';
  if (revision >= Revision.Istanbul && context.gasReserve === 0n && context.gasCounter <= SSTORE_SENTRY_GAS) {
    return 'out-of-gas';
  }
  const address = message.recipient;
  const coldSlot = revision >= Revision.Berlin && !host.accessStorage(address, key);
  const current = host.getStorage(address, key);
  const original =
    revision >= Revision.Istanbul || revision === Revision.Constantinople
      ? host.getCommittedStorage(address, key)
      : current;
  const cost = sstoreCost(revision, original, current, value, coldSlot);
  if (!chargeGas(context, cost.gas)) return 'out-of-gas';
  context.gasRefund += cost.refund;
  if (current !== value) host.setStorage(address, key, value);
  return undefined;
}

/** LOG0..LOG4 with `topics` already popped. */
export function log(
  context: ExecutionContext,
  offset: bigint,
  size: bigint,
  topics: bigint[],
): Status | undefined {
  if (context.message.isStatic) return 'static-mode-violation';
  if (!chargeMemory(context, offset, size)) return 'out-of-gas';
  if (!chargeGas(context, Number(size) * LOG_DATA_COST_PER_BYTE)) return 'out-of-gas';
  const start = Number(offset);
  const data = size === 0n ? new Uint8Array(0) : context.memory.readable(start, start + Number(size)).slice();
  context.host.emitLog({ address: context.message.recipient, topics, data });
  return undefined;
}

/**
 * SELFDESTRUCT: gas (EIP-150 new-account charge, EIP-2929 cold beneficiary),
 * the balance moved to the beneficiary, and the account marked for deletion
 * (from Cancun, EIP-6780: only if it was created in this transaction).
 */
export function selfDestruct(context: ExecutionContext, beneficiary: Address): Status {
  const { host, revision, message } = context;
  if (message.isStatic) return 'static-mode-violation';
  if (revision >= Revision.Berlin && !host.accessAccount(beneficiary)) {
    if (!chargeGas(context, COLD_ACCOUNT_ACCESS_COST)) return 'out-of-gas';
  }
  const self = message.recipient;
  const balance = host.getBalance(self);
  if (revision >= Revision.TangerineWhistle && (revision === Revision.TangerineWhistle || balance !== 0n)) {
    const missing =
      revision < Revision.SpuriousDragon ? !host.accountExists(beneficiary) : host.isEmpty(beneficiary);
    if (missing && !chargeGas(context, ACCOUNT_CREATION_COST)) return 'out-of-gas';
  }
  const destroys = revision < Revision.Cancun || host.isCreatedInTx(self);
  if (beneficiary !== self) {
    host.setBalance(beneficiary, host.getBalance(beneficiary) + balance);
    host.setBalance(self, 0n);
  } else if (destroys) {
    // Destroying into itself burns the balance.
    host.setBalance(self, 0n);
  }
  if (destroys) {
    const first = host.selfDestruct(self);
    if (first && revision < Revision.London) context.gasRefund += SELFDESTRUCT_REFUND;
  }
  return 'success';
}
