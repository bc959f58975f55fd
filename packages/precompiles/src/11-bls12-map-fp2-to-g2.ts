import { FP_SIZE, mapFp2ToG2, readFp, writeG2 } from './bls12-381.js';

export function bls12MapFp2ToG2Gas(): bigint {
  return 23800n;
}

/**
 * BLS12_MAP_FP2_TO_G2 (EIP-2537): maps a 128-byte Fp2 element (c0 ‖ c1) to G2
 * with the simplified SWU map of RFC 9380 and clears the cofactor. Fails on
 * any other length or a coefficient not below the modulus.
 */
export function runBls12MapFp2ToG2(input: Uint8Array): Uint8Array | undefined {
  if (input.length !== 2 * FP_SIZE) return undefined;
  const c0 = readFp(input, 0);
  const c1 = readFp(input, FP_SIZE);
  if (c0 === undefined || c1 === undefined) return undefined;
  return writeG2(mapFp2ToG2([c0, c1]));
}
