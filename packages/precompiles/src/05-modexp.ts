import { Revision } from '@tandem-evm/host';
import { bytesToHex, bytesToWord, hexToBytes } from '@tandem-evm/primitives';
import { EMPTY_OUTPUT } from './input.js';

/** The input starts with three 32-byte lengths: base, exponent, modulus. */
const HEADER_SIZE = 96;

interface ModexpLengths {
  readonly baseLength: bigint;
  readonly exponentLength: bigint;
  readonly modulusLength: bigint;
}

function readLengths(input: Uint8Array): ModexpLengths {
  return {
    baseLength: bytesToWord(input, 0, 32),
    exponentLength: bytesToWord(input, 32, 32),
    modulusLength: bytesToWord(input, 64, 32),
  };
}

/** `Math.max` for bigints, which it does not accept. */
function larger(a: bigint, b: bigint): bigint {
  return a > b ? a : b;
}

function bitLength(value: bigint): number {
  return value === 0n ? 0 : value.toString(2).length;
}

/**
 * EIP-198's "adjusted exponent length": roughly the exponent's bit length,
 * read from its first 32 bytes only so that pricing never touches a huge exponent.
 */
function adjustedExponentLength(
  input: Uint8Array,
  { baseLength, exponentLength }: ModexpLengths,
  bitsPerTailByte: bigint,
): bigint {
  const exponentStart = BigInt(HEADER_SIZE) + baseLength;
  const headLength = exponentLength < 32n ? Number(exponentLength) : 32;
  const head =
    exponentStart < BigInt(input.length) ? bytesToWord(input, Number(exponentStart), headLength) : 0n;
  const headBits = bitLength(head);
  const tailBits = exponentLength > 32n ? bitsPerTailByte * (exponentLength - 32n) : 0n;
  return headBits > 0 ? tailBits + BigInt(headBits - 1) : tailBits;
}

/** EIP-198: a piecewise approximation of Karatsuba multiplication cost. */
function byzantiumMultiplicationComplexity(length: bigint): bigint {
  if (length <= 64n) return length * length;
  if (length <= 1024n) return (length * length) / 4n + 96n * length - 3072n;
  return (length * length) / 16n + 480n * length - 199680n;
}

/** EIP-2565: the square of the number of 64-bit limbs. */
function berlinMultiplicationComplexity(length: bigint): bigint {
  const limbs = (length + 7n) / 8n;
  return limbs * limbs;
}

/** EIP-7883: at least 16 (as for 32 bytes), and twice EIP-2565's square of 64-bit limbs above 32 bytes. */
function osakaMultiplicationComplexity(length: bigint): bigint {
  return length <= 32n ? 16n : 2n * berlinMultiplicationComplexity(length);
}

/** EIP-7823 (Osaka): base, exponent and modulus are each at most 1024 bytes. */
export const MODEXP_MAX_LENGTH = 1024n;

function exceedsOsakaBounds({ baseLength, exponentLength, modulusLength }: ModexpLengths): boolean {
  return (
    baseLength > MODEXP_MAX_LENGTH || exponentLength > MODEXP_MAX_LENGTH || modulusLength > MODEXP_MAX_LENGTH
  );
}

/**
 * Gas for a modexp call: EIP-198 pricing from Byzantium, EIP-2565 from Berlin,
 * EIP-7883 from Osaka (where a length over EIP-7823's bound costs nothing: the
 * call fails before it is priced). Computed exactly with bigints, so lengths
 * near 2^256 give a huge cost (out of gas) instead of an overflow.
 */
export function modexpGas(input: Uint8Array, revision: Revision): bigint {
  const lengths = readLengths(input);
  const longest = larger(lengths.baseLength, lengths.modulusLength);
  if (revision >= Revision.Osaka) {
    if (exceedsOsakaBounds(lengths)) return 0n;
    const iterations = larger(adjustedExponentLength(input, lengths, 16n), 1n);
    return larger(osakaMultiplicationComplexity(longest) * iterations, 500n);
  }
  const iterations = larger(adjustedExponentLength(input, lengths, 8n), 1n);
  if (revision < Revision.Berlin) return (byzantiumMultiplicationComplexity(longest) * iterations) / 20n;
  return larger((berlinMultiplicationComplexity(longest) * iterations) / 3n, 200n);
}

/** `length` big-endian bytes at `offset` as an integer; bytes past the input read as zero. */
function readUnsigned(input: Uint8Array, offset: number, length: number): bigint {
  const present = input.subarray(Math.min(offset, input.length), Math.min(offset + length, input.length));
  const value = present.length === 0 ? 0n : BigInt(bytesToHex(present));
  return value << BigInt(8 * (length - present.length));
}

/** Left-to-right square-and-multiply over the exponent's bytes, read in place from the input. */
function modularPower(
  base: bigint,
  input: Uint8Array,
  exponentStart: number,
  exponentLength: number,
  modulus: bigint,
): bigint {
  base %= modulus;
  let result = 1n % modulus;
  const presentEnd = Math.min(exponentStart + exponentLength, input.length);
  for (let index = exponentStart; index < presentEnd; index++) {
    const byte = input[index];
    for (let bit = 7; bit >= 0; bit--) {
      result = (result * result) % modulus;
      if ((byte >> bit) & 1) result = (result * base) % modulus;
    }
  }
  // Exponent bytes past the end of the input are zero: only squarings remain.
  for (let index = Math.max(presentEnd, exponentStart); index < exponentStart + exponentLength; index++) {
    for (let bit = 0; bit < 8; bit++) result = (result * result) % modulus;
  }
  return result;
}

/**
 * `base ^ exponent mod modulus`, written as `modulusLength` big-endian bytes;
 * from Osaka, undefined (failure) when a length is over EIP-7823's bound.
 * Call it only after charging `modexpGas`: the lengths are trusted to be payable,
 * which bounds them far below 2^53.
 */
export function runModexp(input: Uint8Array, revision: Revision): Uint8Array | undefined {
  const lengths = readLengths(input);
  if (revision >= Revision.Osaka && exceedsOsakaBounds(lengths)) return undefined;
  const { baseLength, exponentLength, modulusLength } = lengths;
  if (modulusLength === 0n) return EMPTY_OUTPUT;
  const outputLength = Number(modulusLength);
  const exponentStart = HEADER_SIZE + Number(baseLength);
  const modulusStart = exponentStart + Number(exponentLength);
  const modulus = readUnsigned(input, modulusStart, outputLength);
  if (modulus === 0n) return new Uint8Array(outputLength);
  const base = readUnsigned(input, HEADER_SIZE, Number(baseLength));
  const result = modularPower(base, input, exponentStart, Number(exponentLength), modulus);
  return hexToBytes(result.toString(16).padStart(2 * outputLength, '0'));
}
