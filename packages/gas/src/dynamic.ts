import { Revision } from '@tandem-evm/host';

/** EIP-2929 costs. */
export const COLD_SLOAD_COST = 2100;
export const COLD_ACCOUNT_ACCESS_COST = 2600;
export const WARM_STORAGE_READ_COST = 100;
/** Charged on a cold account on top of the warm cost already in the static table. */
export const ADDITIONAL_COLD_ACCOUNT_ACCESS_COST = COLD_ACCOUNT_ACCESS_COST - WARM_STORAGE_READ_COST;
export const ADDITIONAL_COLD_SLOAD_COST = COLD_SLOAD_COST - WARM_STORAGE_READ_COST;

export const CALL_VALUE_COST = 9000;
export const CALL_STIPEND = 2300;
export const ACCOUNT_CREATION_COST = 25000;
export const SELFDESTRUCT_REFUND = 24000;
export const CODE_DEPOSIT_COST_PER_BYTE = 200;
export const MAX_CODE_SIZE = 0x6000;
export const MAX_INITCODE_SIZE = 0xc000;
export const LOG_DATA_COST_PER_BYTE = 8;
export const COPY_COST_PER_WORD = 3;
export const KECCAK_COST_PER_WORD = 6;
export const CALL_DEPTH_LIMIT = 1024;

/** Number of 32-byte words needed for `size` bytes. */
export function numWords(size: number): number {
  return Math.ceil(size / 32);
}

/** Largest word count whose square is below 2^53. */
const MAX_EXACT_SQUARE = 94_906_265;

/** Total cost of a memory of `words` words: 3 per word plus words²/512. */
export function memoryCost(words: number): number {
  // words² is exact below 2^53 (any memory up to ~2.8 GiB)…
  if (words <= MAX_EXACT_SQUARE) return 3 * words + Math.floor((words * words) / 512);
  // …past it, split words = 512q + r to stay exact.
  const q = Math.floor(words / 512);
  const r = words % 512;
  return 3 * words + 512 * q * q + 2 * q * r + Math.floor((r * r) / 512);
}

/** Cost of growing memory from `oldWords` to `newWords` words. */
export function memoryExpansionCost(oldWords: number, newWords: number): number {
  return newWords > oldWords ? memoryCost(newWords) - memoryCost(oldWords) : 0;
}

/** Cost per word copied (CALLDATACOPY, CODECOPY, EXTCODECOPY, RETURNDATACOPY, MCOPY). */
export function copyCost(size: number): number {
  return COPY_COST_PER_WORD * numWords(size);
}

/** Dynamic EXP cost: per byte of exponent, 10 before Spurious Dragon (EIP-160 raised it to 50). */
export function expCost(exponent: bigint, revision: Revision): number {
  if (exponent === 0n) return 0;
  const bytes = Math.ceil(exponent.toString(16).length / 2);
  return bytes * (revision >= Revision.SpuriousDragon ? 50 : 10);
}

/**
 * Initcode cost per word for CREATE/CREATE2: hashing for CREATE2, EIP-3860
 * metering from Shanghai (or as `metered` says, for an EVM that switches the EIP).
 */
export function initcodeCostPerWord(
  isCreate2: boolean,
  revision: Revision,
  metered = revision >= Revision.Shanghai,
): number {
  return (isCreate2 ? KECCAK_COST_PER_WORD : 0) + (metered ? 2 : 0);
}

/** EIP-150: a caller keeps 1/64 of its gas. */
export function allButOne64th(gas: bigint): bigint {
  return gas - gas / 64n;
}
