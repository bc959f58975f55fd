import { bls12_381 } from '@noble/curves/bls12-381.js';
import { bytesToWord, writeWord } from '@tandem-evm/primitives';

/**
 * EIP-2537 encodings: a base-field element is 64 big-endian bytes (the top 16
 * always zero, the value below the field modulus); an Fp2 element c0 + c1·v is
 * c0 ‖ c1; a point is x ‖ y, with all-zero bytes for the point at infinity.
 */
export type G1Point = typeof bls12_381.G1.Point.BASE;
export type G2Point = typeof bls12_381.G2.Point.BASE;

const { Fp, Fp2, Fr } = bls12_381.fields;
const G1 = bls12_381.G1.Point;
const G2 = bls12_381.G2.Point;
const G1_B = G1.CURVE().b;
const G2_B = G2.CURVE().b;

export const FP_SIZE = 64;
export const G1_POINT_SIZE = 128;
export const G2_POINT_SIZE = 256;
export const SCALAR_SIZE = 32;
/** The order of G1 and G2 (a scalar acts as the scalar modulo it on subgroup points). */
export const BLS12_381_GROUP_ORDER = Fr.ORDER;

/** The field element at `offset`, or undefined when it is not below the modulus. */
export function readFp(input: Uint8Array, offset: number): bigint | undefined {
  // A 64-byte value with a non-zero top half is at least 2^384, above the 381-bit modulus.
  const value = bytesToWord(input, offset, 32) * (1n << 256n) + bytesToWord(input, offset + 32, 32);
  return value < Fp.ORDER ? value : undefined;
}

/** The Fp2 element c0 ‖ c1 at `offset`, or undefined when a coefficient is not below the modulus. */
export function readFp2(input: Uint8Array, offset: number): ReturnType<typeof Fp2.fromBigTuple> | undefined {
  const c0 = readFp(input, offset);
  const c1 = readFp(input, offset + FP_SIZE);
  return c0 === undefined || c1 === undefined ? undefined : Fp2.fromBigTuple([c0, c1]);
}

/**
 * The G1 point at `offset`, or undefined when a coordinate is not below the
 * modulus or the point is not on the curve y² = x³ + 4. With `inSubgroup`, a
 * point outside the prime-order subgroup is invalid too (MSM and pairing check
 * it; addition does not).
 */
export function readG1(input: Uint8Array, offset: number, inSubgroup: boolean): G1Point | undefined {
  const x = readFp(input, offset);
  const y = readFp(input, offset + FP_SIZE);
  if (x === undefined || y === undefined) return undefined;
  if (x === 0n && y === 0n) return G1.ZERO;
  if (!Fp.eql(Fp.sqr(y), Fp.add(Fp.mul(Fp.sqr(x), x), G1_B))) return undefined;
  const point = new G1(x, y, Fp.ONE);
  return inSubgroup && !point.isTorsionFree() ? undefined : point;
}

/** Like readG1 for a G2 point on the twist y² = x³ + 4(1 + v). */
export function readG2(input: Uint8Array, offset: number, inSubgroup: boolean): G2Point | undefined {
  const x = readFp2(input, offset);
  const y = readFp2(input, offset + 2 * FP_SIZE);
  if (x === undefined || y === undefined) return undefined;
  if (Fp2.is0(x) && Fp2.is0(y)) return G2.ZERO;
  if (!Fp2.eql(Fp2.sqr(y), Fp2.add(Fp2.mul(Fp2.sqr(x), x), G2_B))) return undefined;
  const point = new G2(x, y, Fp2.ONE);
  return inSubgroup && !point.isTorsionFree() ? undefined : point;
}

function writeFp(output: Uint8Array, offset: number, value: bigint): void {
  // The top 16 bytes stay zero: the value has at most 381 bits.
  writeWord(output, offset, value >> 256n);
  writeWord(output, offset + 32, value & ((1n << 256n) - 1n));
}

/** The point as 128 bytes, all zero for infinity. */
export function writeG1(point: G1Point): Uint8Array {
  const output = new Uint8Array(G1_POINT_SIZE);
  if (point.is0()) return output;
  const { x, y } = point.toAffine();
  writeFp(output, 0, x);
  writeFp(output, FP_SIZE, y);
  return output;
}

/** The point as 256 bytes (x.c0, x.c1, y.c0, y.c1), all zero for infinity. */
export function writeG2(point: G2Point): Uint8Array {
  const output = new Uint8Array(G2_POINT_SIZE);
  if (point.is0()) return output;
  const { x, y } = point.toAffine();
  writeFp(output, 0, x.c0);
  writeFp(output, FP_SIZE, x.c1);
  writeFp(output, 2 * FP_SIZE, y.c0);
  writeFp(output, 3 * FP_SIZE, y.c1);
  return output;
}

/** What the MSM needs of a point: G1 and G2 points both have it. */
interface GroupPoint<P> {
  add(other: P): P;
  multiplyUnsafe(scalar: bigint): P;
  is0(): boolean;
}

/**
 * Multi-scalar multiplication for EIP-2537's MSM precompiles: `pairSize`-byte
 * slices of a point (read by `read`, subgroup-checked) and a 32-byte scalar.
 * Undefined when the input is empty, not a whole number of slices, or holds an
 * invalid point.
 */
export function multiScalarMultiply<P extends GroupPoint<P>>(
  input: Uint8Array,
  pairSize: number,
  read: (input: Uint8Array, offset: number, inSubgroup: boolean) => P | undefined,
  zero: P,
): P | undefined {
  if (input.length === 0 || input.length % pairSize !== 0) return undefined;
  let sum = zero;
  for (let offset = 0; offset < input.length; offset += pairSize) {
    const point = read(input, offset, true);
    if (point === undefined) return undefined;
    const scalar = bytesToWord(input, offset + pairSize - SCALAR_SIZE, SCALAR_SIZE) % BLS12_381_GROUP_ORDER;
    if (scalar !== 0n && !point.is0()) sum = sum.add(point.multiplyUnsafe(scalar));
  }
  return sum;
}

/** Gas of an MSM of `k` pairs: k · (one multiplication) · discount(k) / 1000 (EIP-2537). */
export function msmGas(
  input: Uint8Array,
  pairSize: number,
  multiplicationGas: bigint,
  discounts: readonly number[],
): bigint {
  const k = Math.floor(input.length / pairSize);
  if (k === 0) return 0n;
  const discount = discounts[Math.min(k, discounts.length) - 1]!;
  return (BigInt(k) * multiplicationGas * BigInt(discount)) / 1000n;
}

// noble 2.x types `mapToCurve` as returning affine coordinates from an array,
// but it takes a bigint (G1) or a pair (G2) and returns the point with the
// cofactor cleared: what EIP-2537 asks for. The EIP's test vectors hold it to that.
type MapToG1 = (element: bigint) => G1Point;
type MapToG2 = (element: readonly [bigint, bigint]) => G2Point;

/** RFC 9380's simplified SWU map of a field element to G1, cofactor cleared. */
export const mapFpToG1 = bls12_381.G1.mapToCurve as unknown as MapToG1;
/** RFC 9380's simplified SWU map of an Fp2 element (c0, c1) to G2, cofactor cleared. */
export const mapFp2ToG2 = bls12_381.G2.mapToCurve as unknown as MapToG2;
