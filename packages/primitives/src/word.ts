/** 2^256 - 1: the largest EVM word. */
export const MAX_WORD = (1n << 256n) - 1n;
/** 2^255: the sign bit of a word read as two's complement. */
export const SIGN_BIT = 1n << 255n;
export const WORD_MODULUS = 1n << 256n;
export const ADDRESS_MASK = (1n << 160n) - 1n;

/** A word read as a two's-complement signed integer. */
export function toSigned(word: bigint): bigint {
  return word >= SIGN_BIT ? word - WORD_MODULUS : word;
}

/** A signed integer in [-2^255, 2^255) wrapped to a word. */
export function fromSigned(value: bigint): bigint {
  return value < 0n ? value + WORD_MODULUS : value;
}

/** Where low32 stores a word's low 64 bits to read back their low half. */
const scratch64 = new BigUint64Array(1);
const scratch32 = new Uint32Array(scratch64.buffer);
const LOW_HALF = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 0 : 1;

/**
 * `word mod 2^32` as a number. Engines turn offsets, lengths and indices into
 * numbers on most memory and bit instructions; V8 (Node 20) makes Number(bigint)
 * a runtime call of about 8 ns, a BigUint64Array store and Uint32Array read
 * cost about 3 ns.
 */
export function low32(word: bigint): number {
  scratch64[0] = word;
  return scratch32[LOW_HALF]!;
}

/** Writes `word mod 2^64` as 8 big-endian bytes at `offset` of `view`, the way low32 reads it (faster than setBigUint64 for a word below 2^64, slower above). */
export function setUint64(view: DataView, offset: number, word: bigint): void {
  scratch64[0] = word;
  view.setUint32(offset, scratch32[1 - LOW_HALF]!);
  view.setUint32(offset + 4, scratch32[LOW_HALF]!);
}

/** The upper 192 bits of a word all ones: small negative numbers in two's complement. */
const HIGH_ONES = ((1n << 192n) - 1n) << 64n;

/**
 * The 32-byte big-endian word at `offset` of `view`. Most words programs
 * hold are zeros, pointers, lengths and amounts, which fit in 64 bits, or
 * small negative numbers, whose upper 192 bits are all ones: those take one
 * BigInt read (zero none); others 4 native 64-bit reads put together.
 */
export function wordAt(view: DataView, offset: number): bigint {
  const a = view.getInt32(offset);
  const b = view.getInt32(offset + 4);
  const c = view.getInt32(offset + 8);
  const d = view.getInt32(offset + 12);
  const e = view.getInt32(offset + 16);
  const f = view.getInt32(offset + 20);
  if ((a | b | c | d | e | f) === 0) {
    // A zero word is the literal, which allocates no BigInt.
    if ((view.getInt32(offset + 24) | view.getInt32(offset + 28)) === 0) return 0n;
    return view.getBigUint64(offset + 24);
  }
  if ((a & b & c & d & e & f) === -1) return HIGH_ONES | view.getBigUint64(offset + 24);
  const high = (view.getBigUint64(offset) << 64n) | view.getBigUint64(offset + 8);
  const low = (view.getBigUint64(offset + 16) << 64n) | view.getBigUint64(offset + 24);
  return (high << 128n) | low;
}

/** Where bytesToWord copies a whole word to read it with wordAt. */
const scratch = new Uint8Array(32);
const scratchView = new DataView(scratch.buffer);

/**
 * Reads `length` big-endian bytes at `offset` as a word; bytes past the end of
 * `bytes` read as zero (the EVM's rule for calldata and code).
 */
export function bytesToWord(bytes: Uint8Array, offset = 0, length = 32): bigint {
  if (length === 32 && offset >= 0 && offset + 32 <= bytes.length) {
    for (let i = 0; i < 32; i++) scratch[i] = bytes[offset + i]!;
    return wordAt(scratchView, 0);
  }
  // Read in 4-byte chunks: far fewer bigint operations than a byte loop.
  let value = 0n;
  let i = 0;
  for (; i + 4 <= length; i += 4) {
    const p = offset + i;
    const chunk =
      p + 4 <= bytes.length
        ? ((bytes[p]! << 24) | (bytes[p + 1]! << 16) | (bytes[p + 2]! << 8) | bytes[p + 3]!) >>> 0
        : ((byteAt(bytes, p) << 24) |
            (byteAt(bytes, p + 1) << 16) |
            (byteAt(bytes, p + 2) << 8) |
            byteAt(bytes, p + 3)) >>>
          0;
    value = (value << 32n) | BigInt(chunk);
  }
  for (; i < length; i++) value = (value << 8n) | BigInt(byteAt(bytes, offset + i));
  return value;
}

function byteAt(bytes: Uint8Array, index: number): number {
  return index < bytes.length ? bytes[index]! : 0;
}

/** Writes a word as 32 big-endian bytes into `out` at `offset`. */
export function writeWord(out: Uint8Array, offset: number, word: bigint): void {
  for (let i = 28; i >= 0; i -= 4) {
    const chunk = Number(word & 0xffffffffn);
    out[offset + i] = chunk >>> 24;
    out[offset + i + 1] = (chunk >>> 16) & 0xff;
    out[offset + i + 2] = (chunk >>> 8) & 0xff;
    out[offset + i + 3] = chunk & 0xff;
    word >>= 32n;
  }
}

/** A word as 32 big-endian bytes. */
export function wordToBytes(word: bigint): Uint8Array {
  const out = new Uint8Array(32);
  writeWord(out, 0, word);
  return out;
}

/** Number of bytes needed to hold the value (0 for zero). */
export function byteLength(value: bigint): number {
  return value === 0n ? 0 : Math.ceil(value.toString(16).length / 2);
}

/** Minimal big-endian bytes of a non-negative integer (empty for zero), as RLP wants. */
export function bigintToMinimalBytes(value: bigint): Uint8Array {
  if (value === 0n) return new Uint8Array(0);
  let hex = value.toString(16);
  if (hex.length % 2) hex = `0${hex}`;
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = Number.parseInt(hex.slice(2 * i, 2 * i + 2), 16);
  return out;
}
