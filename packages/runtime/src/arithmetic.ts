import { low32, MAX_WORD, SIGN_BIT, toSigned } from '@tandem-evm/primitives';

/** ADD mod 2^256, wrapping only on overflow (cheaper than masking every sum; decision 0001). */
export function add(a: bigint, b: bigint): bigint {
  const sum = a + b;
  return sum > MAX_WORD ? sum & MAX_WORD : sum;
}

/** SUB mod 2^256, wrapping only on underflow. */
export function sub(a: bigint, b: bigint): bigint {
  const difference = a - b;
  return difference < 0n ? difference & MAX_WORD : difference;
}

/** base^exponent mod 2^256 by square-and-multiply (BigInt `**` would build a huge number). */
export function exp(base: bigint, exponent: bigint): bigint {
  if (exponent < 256n && base === 2n) return (1n << exponent) & MAX_WORD;
  let result = 1n;
  while (exponent > 0n) {
    if (exponent & 1n) result = (result * base) & MAX_WORD;
    exponent >>= 1n;
    if (exponent > 0n) base = (base * base) & MAX_WORD;
  }
  return result;
}

/** For SIGNEXTEND of byte i (0..30): the low 8(i+1) bits, the bits above them, and the sign bit. */
const EXTEND_LOW = Array.from({ length: 31 }, (_, i) => (1n << BigInt(8 * i + 8)) - 1n);
const EXTEND_HIGH = EXTEND_LOW.map((low) => MAX_WORD ^ low);
const EXTEND_SIGN = Array.from({ length: 31 }, (_, i) => 1n << BigInt(8 * i + 7));
/** Words at or above it have every bit from the sign bit of byte i up set: already extended negatives. */
const EXTENDED_NEGATIVE = EXTEND_HIGH.map((high, i) => high | EXTEND_SIGN[i]!);

/**
 * SIGNEXTEND: extends the sign of byte `byteIndex` (0 = least significant) of
 * `value`. A value already in the signed range of that byte (Solidity's intN
 * values mostly are) is its own result, found by comparisons that allocate nothing.
 */
export function signExtend(byteIndex: bigint, value: bigint): bigint {
  if (byteIndex >= 31n) return value;
  const i = low32(byteIndex);
  if (value < EXTEND_SIGN[i]! || value >= EXTENDED_NEGATIVE[i]!) return value;
  return (value & EXTEND_SIGN[i]!) === 0n ? value & EXTEND_LOW[i]! : value | EXTEND_HIGH[i]!;
}

/** SDIV; two non-negative words (the common case) divide as they are, with no conversion or mask. */
export function sdiv(a: bigint, b: bigint): bigint {
  if (b === 0n) return 0n;
  if (a < SIGN_BIT && b < SIGN_BIT) return a / b;
  return (toSigned(a) / toSigned(b)) & MAX_WORD;
}

/** SMOD; the result takes the dividend's sign, so two non-negative words need no conversion. */
export function smod(a: bigint, b: bigint): bigint {
  if (b === 0n) return 0n;
  if (a < SIGN_BIT && b < SIGN_BIT) return a % b;
  return (toSigned(a) % toSigned(b)) & MAX_WORD;
}

/** Signed less-than, allocating nothing: words of one sign compare as unsigned; otherwise the negative one is less. */
export function slt(a: bigint, b: bigint): boolean {
  const negative = a >= SIGN_BIT;
  return negative === b >= SIGN_BIT ? a < b : negative;
}

export function byte(index: bigint, value: bigint): bigint {
  return index < 32n ? (value >> (248n - index * 8n)) & 0xffn : 0n;
}

export function sar(shift: bigint, value: bigint): bigint {
  const negative = value >= SIGN_BIT;
  if (shift >= 256n) return negative ? MAX_WORD : 0n;
  return (toSigned(value) >> shift) & MAX_WORD;
}

/** 2^i for i in [0, 256], and the results CLZ can give: lookups instead of shifts that allocate. */
const POWERS_OF_TWO = Array.from({ length: 257 }, (_, i) => 1n << BigInt(i));
const BIT_COUNTS = Array.from({ length: 257 }, (_, i) => BigInt(i));

/** CLZ (EIP-7939): the number of leading zero bits of a word; 256 for zero. */
export function clz(value: bigint): bigint {
  // Binary search for the bit length: the least n with value < 2^n.
  let low = 0;
  let high = 256;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (value < POWERS_OF_TWO[middle]!) high = middle;
    else low = middle + 1;
  }
  return BIT_COUNTS[256 - low]!;
}
