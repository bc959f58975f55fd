import { G1_POINT_SIZE, readG1, writeG1 } from './bls12-381.js';

export function bls12G1AddGas(): bigint {
  return 375n;
}

/**
 * BLS12_G1ADD (EIP-2537): the sum of two G1 points, 128 bytes each. Fails on
 * any other length, a coordinate not below the modulus or a point off the
 * curve; no subgroup check (a point outside the subgroup adds like any other).
 */
export function runBls12G1Add(input: Uint8Array): Uint8Array | undefined {
  if (input.length !== 2 * G1_POINT_SIZE) return undefined;
  const first = readG1(input, 0, false);
  const second = readG1(input, G1_POINT_SIZE, false);
  if (first === undefined || second === undefined) return undefined;
  return writeG1(first.add(second));
}
