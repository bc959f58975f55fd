import { Revision } from '@tandem-evm/host';

export interface SstoreCost {
  /** Gas charged (including the EIP-2929 cold surcharge). */
  readonly gas: number;
  /** Change to the refund counter (may be negative). */
  readonly refund: number;
}

interface SstoreSchedule {
  readonly noop: number;
  readonly set: number;
  readonly reset: number;
  readonly clearRefund: number;
}

/** EIP-2200 minimum gas left for an SSTORE (the "sentry"). */
export const SSTORE_SENTRY_GAS = 2300;

function schedule(revision: Revision): SstoreSchedule {
  if (revision >= Revision.Berlin) {
    // EIP-2929 takes the cold cost out of the reset price; EIP-3529 cuts the clear refund.
    return { noop: 100, set: 20000, reset: 2900, clearRefund: revision >= Revision.London ? 4800 : 15000 };
  }
  if (revision >= Revision.Istanbul) return { noop: 800, set: 20000, reset: 5000, clearRefund: 15000 };
  return { noop: 200, set: 20000, reset: 5000, clearRefund: 15000 };
}

/** True where SSTORE charges by the EIP-1283/2200 net-metering rules. */
export function hasNetSstoreMetering(revision: Revision): boolean {
  return revision === Revision.Constantinople || revision >= Revision.Istanbul;
}

/**
 * SSTORE gas and refund from the slot's value at the start of the transaction
 * (`original`), now (`current`) and after the store (`next`).
 * `coldSlot` adds the EIP-2929 cold surcharge (Berlin onwards).
 */
export function sstoreCost(
  revision: Revision,
  original: bigint,
  current: bigint,
  next: bigint,
  coldSlot: boolean,
): SstoreCost {
  if (!hasNetSstoreMetering(revision)) {
    // Frontier..Byzantium and Petersburg: priced on the current value alone.
    if (current === 0n && next !== 0n) return { gas: 20000, refund: 0 };
    return { gas: 5000, refund: current !== 0n && next === 0n ? 15000 : 0 };
  }
  const s = schedule(revision);
  const cold = coldSlot && revision >= Revision.Berlin ? 2100 : 0;
  if (current === next) return { gas: s.noop + cold, refund: 0 };
  if (original === current) {
    if (original === 0n) return { gas: s.set + cold, refund: 0 };
    return { gas: s.reset + cold, refund: next === 0n ? s.clearRefund : 0 };
  }
  // Dirty slot: already changed in this transaction.
  let refund = 0;
  if (original !== 0n) {
    if (current === 0n) refund -= s.clearRefund;
    else if (next === 0n) refund += s.clearRefund;
  }
  if (original === next) refund += original === 0n ? s.set - s.noop : s.reset - s.noop;
  return { gas: s.noop + cold, refund };
}
