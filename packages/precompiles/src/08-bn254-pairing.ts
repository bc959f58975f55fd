import { bn254 } from '@noble/curves/bn254.js';
import { Revision } from '@tandem-evm/host';
import { type G1Point, type G2Point, readG1, readG2 } from './bn254.js';

/** Each pair is a G1 point (64 bytes) followed by a G2 point (128 bytes). */
const PAIR_SIZE = 192;

/** EIP-197 price, lowered by EIP-1108 in Istanbul. */
export function bn254PairingGas(input: Uint8Array, revision: Revision): bigint {
  const pairs = BigInt(Math.floor(input.length / PAIR_SIZE));
  return revision < Revision.Istanbul ? 100000n + 80000n * pairs : 45000n + 34000n * pairs;
}

/**
 * Returns the word 1 if the product of the pairings of all pairs is one (true
 * for no pairs), else 0. Fails if the length is not a multiple of 192 or any
 * point is invalid, including a G2 point outside the prime-order subgroup.
 */
export function runBn254Pairing(input: Uint8Array): Uint8Array | undefined {
  if (input.length % PAIR_SIZE !== 0) return undefined;
  const pairs: { g1: G1Point; g2: G2Point }[] = [];
  for (let offset = 0; offset < input.length; offset += PAIR_SIZE) {
    const g1 = readG1(input, offset);
    const g2 = readG2(input, offset + 64);
    if (g1 === undefined || g2 === undefined) return undefined;
    // A pair with a point at infinity pairs to one and leaves the product unchanged.
    if (!g1.is0() && !g2.is0()) pairs.push({ g1, g2 });
  }
  const { Fp12 } = bn254.fields;
  const output = new Uint8Array(32);
  if (pairs.length === 0 || Fp12.eql(bn254.pairingBatch(pairs), Fp12.ONE)) output[31] = 1;
  return output;
}
