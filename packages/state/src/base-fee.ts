/** What the next block's base fee depends on (EIP-1559). */
export interface ParentGas {
  readonly baseFee: bigint;
  readonly gasUsed: bigint;
  readonly gasLimit: bigint;
}

/** EIP-1559: the gas target is the limit over this; the base fee moves by at most 1/8 a block. */
const ELASTICITY_MULTIPLIER = 2n;
const BASE_FEE_MAX_CHANGE_DENOMINATOR = 8n;

/**
 * A block's base fee from its parent's (EIP-1559): unchanged when the parent
 * used exactly its gas target, up (by at least 1) when it used more, down when
 * it used less, in proportion to the distance from the target, by at most 1/8.
 */
export function nextBaseFee(parent: ParentGas): bigint {
  const target = parent.gasLimit / ELASTICITY_MULTIPLIER;
  if (target === 0n || parent.gasUsed === target) return parent.baseFee;
  if (parent.gasUsed > target) {
    const delta = (parent.baseFee * (parent.gasUsed - target)) / target / BASE_FEE_MAX_CHANGE_DENOMINATOR;
    return parent.baseFee + (delta > 1n ? delta : 1n);
  }
  const delta = (parent.baseFee * (target - parent.gasUsed)) / target / BASE_FEE_MAX_CHANGE_DENOMINATOR;
  return parent.baseFee - delta;
}
