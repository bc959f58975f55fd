import { G2_POINT_SIZE, readG2, writeG2 } from './bls12-381.js';

export function bls12G2AddGas(): bigint {
  return 600n;
}

/** BLS12_G2ADD (EIP-2537): like G1ADD for two 256-byte G2 points; no subgroup check. */
export function runBls12G2Add(input: Uint8Array): Uint8Array | undefined {
  if (input.length !== 2 * G2_POINT_SIZE) return undefined;
  const first = readG2(input, 0, false);
  const second = readG2(input, G2_POINT_SIZE, false);
  if (first === undefined || second === undefined) return undefined;
  return writeG2(first.add(second));
}
