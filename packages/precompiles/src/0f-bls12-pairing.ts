import { bls12_381 } from '@noble/curves/bls12-381.js';
import { G1_POINT_SIZE, type G1Point, G2_POINT_SIZE, type G2Point, readG1, readG2 } from './bls12-381.js';

const PAIR_SIZE = G1_POINT_SIZE + G2_POINT_SIZE;

/** 32600 per pair plus 37700 (EIP-2537), for k = floor(length / 384) pairs. */
export function bls12PairingGas(input: Uint8Array): bigint {
  return 32600n * BigInt(Math.floor(input.length / PAIR_SIZE)) + 37700n;
}

/**
 * BLS12_PAIRING_CHECK (EIP-2537): the word 1 if e(P₁, Q₁)·…·e(Pₖ, Qₖ) is one,
 * else 0, over 384-byte slices of a G1 and a G2 point. Fails on an empty input
 * or one that is not whole slices, and on a point that is invalid or outside
 * its prime-order subgroup. A pair with a point at infinity pairs to one.
 */
export function runBls12Pairing(input: Uint8Array): Uint8Array | undefined {
  if (input.length === 0 || input.length % PAIR_SIZE !== 0) return undefined;
  const pairs: { g1: G1Point; g2: G2Point }[] = [];
  for (let offset = 0; offset < input.length; offset += PAIR_SIZE) {
    const g1 = readG1(input, offset, true);
    const g2 = readG2(input, offset + G1_POINT_SIZE, true);
    if (g1 === undefined || g2 === undefined) return undefined;
    if (!g1.is0() && !g2.is0()) pairs.push({ g1, g2 });
  }
  const { Fp12 } = bls12_381.fields;
  const output = new Uint8Array(32);
  if (pairs.length === 0 || Fp12.eql(bls12_381.pairingBatch(pairs), Fp12.ONE)) output[31] = 1;
  return output;
}
