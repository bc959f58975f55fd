import { bn254 } from '@noble/curves/bn254.js';
import { bytesToWord, writeWord } from '@tandem-evm/primitives';

/** Points as the EVM encodes them (EIP-196/197): big-endian 32-byte coordinates, (0, 0) for infinity. */
export type G1Point = typeof bn254.G1.Point.BASE;
export type G2Point = typeof bn254.G2.Point.BASE;

const { Fp, Fp2 } = bn254.fields;
export const BN254_FIELD_MODULUS = Fp.ORDER;
export const BN254_GROUP_ORDER = bn254.fields.Fr.ORDER;

/**
 * The G1 point whose x and y are the two words at `offset`, or `undefined` when a
 * coordinate is not below the field modulus or the point is not on the curve.
 */
export function readG1(input: Uint8Array, offset: number): G1Point | undefined {
  const x = bytesToWord(input, offset, 32);
  const y = bytesToWord(input, offset + 32, 32);
  if (x >= BN254_FIELD_MODULUS || y >= BN254_FIELD_MODULUS) return undefined;
  if (x === 0n && y === 0n) return bn254.G1.Point.ZERO;
  // G1 has cofactor 1, so every curve point is in the group.
  return validPoint(() => bn254.G1.Point.fromAffine({ x, y }));
}

/**
 * The G2 point at `offset`, encoded as x.imaginary, x.real, y.imaginary, y.real
 * (EIP-197), or `undefined` when a coefficient is not below the field modulus or
 * the point is not on the twist or not in the prime-order subgroup.
 */
export function readG2(input: Uint8Array, offset: number): G2Point | undefined {
  const xImaginary = bytesToWord(input, offset, 32);
  const xReal = bytesToWord(input, offset + 32, 32);
  const yImaginary = bytesToWord(input, offset + 64, 32);
  const yReal = bytesToWord(input, offset + 96, 32);
  for (const coefficient of [xImaginary, xReal, yImaginary, yReal]) {
    if (coefficient >= BN254_FIELD_MODULUS) return undefined;
  }
  const x = Fp2.fromBigTuple([xReal, xImaginary]);
  const y = Fp2.fromBigTuple([yReal, yImaginary]);
  if (Fp2.is0(x) && Fp2.is0(y)) return bn254.G2.Point.ZERO;
  return validPoint(() => bn254.G2.Point.fromAffine({ x, y }));
}

/**
 * The point `make` builds if it is valid. The library throws both from the
 * constructor (a zero y, which only infinity may have) and from the validity
 * check (off the curve, outside the subgroup); either way the input is invalid.
 */
function validPoint<P extends G1Point | G2Point>(make: () => P): P | undefined {
  try {
    const point = make();
    point.assertValidity();
    return point;
  } catch {
    return undefined;
  }
}

/** The point as 64 bytes: x then y, (0, 0) for infinity. */
export function writeG1(point: G1Point): Uint8Array {
  const output = new Uint8Array(64);
  if (point.is0()) return output;
  const { x, y } = point.toAffine();
  writeWord(output, 0, x);
  writeWord(output, 32, y);
  return output;
}
