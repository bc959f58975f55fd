import { Revision } from '@tandem-evm/host';
import { bytesToWord } from '@tandem-evm/primitives';
import { BN254_GROUP_ORDER, readG1, writeG1 } from './bn254.js';
import { fixedLengthInput } from './input.js';

/** EIP-196 price, lowered by EIP-1108 in Istanbul. */
export function bn254MulGas(_input: Uint8Array, revision: Revision): bigint {
  return revision < Revision.Istanbul ? 40000n : 6000n;
}

/**
 * Multiplies a G1 point (64 bytes) by a 256-bit scalar (32 bytes), zero-padded;
 * fails if the point is not valid.
 */
export function runBn254Mul(input: Uint8Array): Uint8Array | undefined {
  const padded = fixedLengthInput(input, 96);
  const point = readG1(padded, 0);
  if (point === undefined) return undefined;
  // The group has prime order r, so any scalar acts as the scalar mod r.
  const scalar = bytesToWord(padded, 64, 32) % BN254_GROUP_ORDER;
  return writeG1(point.multiplyUnsafe(scalar));
}
