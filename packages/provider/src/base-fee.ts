import type { BlockHeader } from './block-header.js';

/** EIP-1559: blocks aim at half their gas limit, and the base fee moves by at most 1/8 a block. */
const ELASTICITY_MULTIPLIER = 2n;
const BASE_FEE_MAX_CHANGE_DENOMINATOR = 8n;

/** The base fee of the block after `parent` (EIP-1559): up (by at least 1) when it used more than its target, down when less. */
export function nextBaseFee(parent: BlockHeader): bigint {
  const target = parent.gasLimit / ELASTICITY_MULTIPLIER;
  if (target === 0n || parent.gasUsed === target) return parent.baseFee;
  const distance = parent.gasUsed > target ? parent.gasUsed - target : target - parent.gasUsed;
  const change = (parent.baseFee * distance) / target / BASE_FEE_MAX_CHANGE_DENOMINATOR;
  if (parent.gasUsed < target) return parent.baseFee - change;
  return parent.baseFee + (change > 1n ? change : 1n);
}
