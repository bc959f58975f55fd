import { FP_SIZE, mapFpToG1, readFp, writeG1 } from './bls12-381.js';

export function bls12MapFpToG1Gas(): bigint {
  return 5500n;
}

/**
 * BLS12_MAP_FP_TO_G1 (EIP-2537): maps a 64-byte field element to G1 with the
 * simplified SWU map of RFC 9380 (BLS12381G1_XMD:SHA-256_SSWU_RO_) and clears
 * the cofactor. Fails on any other length or an element not below the modulus.
 */
export function runBls12MapFpToG1(input: Uint8Array): Uint8Array | undefined {
  if (input.length !== FP_SIZE) return undefined;
  const element = readFp(input, 0);
  if (element === undefined) return undefined;
  return writeG1(mapFpToG1(element));
}
